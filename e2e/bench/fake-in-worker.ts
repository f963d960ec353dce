/** The bench's side of the fake PeeringDB in its worker thread (see fake-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { FakeWorkerData, FromFakeWorker, ReceivedRequests, ToFakeWorker } from './fake-worker';

export type FakeReady = Extract<FromFakeWorker, { kind: 'ready' }>;

export class FakeInWorker {
  private readonly worker: Worker;
  private replies: FromFakeWorker[] = [];
  private waiting: ((reply: FromFakeWorker) => void) | null = null;
  private failure: Error | null = null;

  constructor(data: FakeWorkerData) {
    // The worker loads its TypeScript through tsx, as the bench itself is loaded.
    const entry = new URL('./fake-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (reply: FromFakeWorker) => this.deliver(reply));
    this.worker.on('error', (error) => this.deliver({ kind: 'failed', message: error.message }));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.deliver({ kind: 'failed', message: `the fake server's worker exited with ${code}` });
    });
  }

  private deliver(reply: FromFakeWorker): void {
    if (reply.kind === 'failed') this.failure ??= new Error(`Fake PeeringDB: ${reply.message}`);
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(reply);
    } else {
      this.replies.push(reply);
    }
  }

  private async next<K extends FromFakeWorker['kind']>(kind: K): Promise<Extract<FromFakeWorker, { kind: K }>> {
    const reply = this.replies.shift() ?? (await new Promise<FromFakeWorker>((resolve) => (this.waiting = resolve)));
    if (reply.kind !== kind) throw this.failure ?? new Error(`Fake PeeringDB answered ${reply.kind}, not ${kind}`);
    return reply as Extract<FromFakeWorker, { kind: K }>;
  }

  private ask<K extends FromFakeWorker['kind']>(message: ToFakeWorker, reply: K): Promise<Extract<FromFakeWorker, { kind: K }>> {
    this.worker.postMessage(message);
    return this.next(reply);
  }

  /** Resolves once the dataset is generated and served. */
  ready(): Promise<FakeReady> {
    return this.next('ready');
  }

  /** Changes `count` rows on the server a minute later, as a day of PeeringDB edits would. */
  async change(count: number): Promise<number> {
    return (await this.ask({ kind: 'change', count }, 'changed')).count;
  }

  async limitRate(on: boolean): Promise<void> {
    await this.ask({ kind: 'limit-rate', on }, 'rate-limited');
  }

  /** The requests the server received since the last call. */
  async requests(): Promise<ReceivedRequests> {
    const { urls, throttled } = await this.ask({ kind: 'requests' }, 'requests');
    return { urls, throttled };
  }

  async stop(): Promise<void> {
    if (this.failure) {
      await this.worker.terminate();
      return;
    }
    await this.ask({ kind: 'stop' }, 'stopped');
  }
}

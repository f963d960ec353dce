/** What the benchmark observes in the app's page and its store worker: long tasks and the JS heap. */
import type { CDPSession, Page, Worker } from '@playwright/test';

declare global {
  var __benchProbe: { stop: () => number } | undefined;
}

/** Period of the probe's timer: the most it can under-read a task, and what is added back. */
const PROBE_PERIOD_MS = 4;

/**
 * Runs where it is evaluated (the page or a worker): how late a timer due every 4 ms runs, and
 * on the page also the longest task the browser reports (the Long Tasks API, page only). A task
 * of L ms delays the timer by between L - 4 and L ms, so the largest delay plus 4 ms bounds
 * every task from above. A timer that falls due joins the tasks of its priority behind those
 * already queued, so its delay also takes in any of them that run first: the figure is the
 * longest a timer in that thread waited, at least its longest task. (A zero-delay message loop
 * would bound tasks exactly, but it keeps the thread busy and takes a core from the load.)
 */
function installTaskProbe(period: number): void {
  let longest = 0;
  let running = true;
  let observer: PerformanceObserver | null = null;
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
  }
  // A member, not a named function: the bench's TypeScript loader would wrap a named one in a
  // helper that does not exist where this runs.
  const timer: { due: number; tick?: () => void } = { due: performance.now() + period };
  timer.tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - timer.due + period);
    timer.due = now + period;
    if (running) setTimeout(() => timer.tick?.(), period);
  };
  setTimeout(() => timer.tick?.(), period);
  globalThis.__benchProbe = {
    stop() {
      running = false;
      observer?.disconnect();
      return longest;
    },
  };
}

export interface TaskProbe {
  /** The longest task seen since the start, in ms, and the probe stopped. */
  stop(): Promise<number>;
}

/** The page or a worker: where the probe runs. */
type ProbeTarget = Pick<Worker, 'evaluate'>;

async function startTaskProbe(target: ProbeTarget): Promise<TaskProbe> {
  await target.evaluate('globalThis.__name = (fn) => fn');
  await target.evaluate(installTaskProbe, PROBE_PERIOD_MS);
  return {
    async stop() {
      return Math.round(await target.evaluate(() => globalThis.__benchProbe?.stop() ?? Number.NaN));
    },
  };
}

/** The store worker of the app's page: it holds the copy and writes every page of a sync. */
export function storeWorkerOf(page: Page): Worker {
  const worker = page.workers().find((candidate) => candidate.url().includes('store.worker'));
  if (!worker) throw new Error(`The page has no store worker (workers: ${page.workers().map((w) => w.url()).join(', ') || 'none'})`);
  return worker;
}

export interface LongestTasks {
  pageMs: number;
  workerMs: number;
}

/** Watches the page thread and the store worker while `run` runs; both longest tasks. */
export async function watchLongTasks<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; longest: LongestTasks }> {
  const onPage = await startTaskProbe(page);
  const inWorker = await startTaskProbe(storeWorkerOf(page));
  const result = await run();
  return { result, longest: { pageMs: await onPage.stop(), workerMs: await inWorker.stop() } };
}

interface AttachedTarget {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/**
 * The renderer's JS heap after a garbage collection: the page's own heap plus its workers'
 * (the store worker holds the local copy). Workers are reached through CDP target sessions.
 */
export async function heapUsageMB(page: Page): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const attached: AttachedTarget[] = [];
    const replies = new Map<number, (result: unknown) => void>();
    cdp.on('Target.attachedToTarget', (event) => attached.push(event as AttachedTarget));
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse((event as { message: string }).message) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.(message.result);
    });
    // setAutoAttach reports the workers that already exist before it returns.
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    let nextId = 1;
    const inTarget = (sessionId: string, method: string): Promise<unknown> => {
      const id = nextId++;
      const reply = new Promise<unknown>((resolve) => replies.set(id, resolve));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      return reply;
    };

    await cdp.send('HeapProfiler.collectGarbage');
    const pageHeap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    let total = pageHeap.usedSize;
    for (const target of attached.filter((t) => t.targetInfo.type === 'worker')) {
      await inTarget(target.sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await inTarget(target.sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
      total += usage.usedSize;
    }
    return Math.round(total / (1024 * 1024));
  } finally {
    await cdp.detach();
  }
}

/**
 * Dumps of past dates into history, end to end in Node: main's importer reads the files and
 * sends each moment over a real MessagePort to the store worker's host on Dexie
 * (fake-indexeddb). A sequence of five daily dumps with known changes must give the same
 * history whatever order the files come in.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_IX, HISTORY_NETS, historyDayAt, historyDumps } from '../../../tools/fake-peeringdb/datasets/history-dumps';
import type { HistoryImportProgress } from '../../shared/history/protocol';
import type { MainToStore, StoreToMain } from '../../shared/sync';
import { openDatabase, type PeeringDatabase } from '../../renderer/src/worker/db/schema';
import { LocalCopy } from '../../renderer/src/worker/copy/local-copy';
import { createStoreWorkerHost, type StoreWorkerHost } from '../../renderer/src/worker/host';
import { storeCommands, storeQueries } from '../../renderer/src/worker/operation-handlers';
import type { UiToWorker, WorkerToUi } from '../../renderer/src/protocol/messages';
import type { QueryName, QueryResult } from '../../renderer/src/protocol/operations';
import type { StoreLink } from '../sync/sync-types';
import { createHistoryImporter, dateInFileName, dumpMoment, readDumpForHistory, type ParsedDump } from './import';

const TODAY = Date.UTC(2026, 11, 1);
let dir: string;
let dbCounter = 0;

interface Worker {
  db: PeeringDatabase;
  host: StoreWorkerHost;
  query<N extends QueryName>(name: N, args: unknown): Promise<QueryResult<N>>;
  openLink(): StoreLink;
}

async function startWorker(): Promise<Worker> {
  const db = openDatabase(`history-import-${++dbCounter}`);
  const replies = new Map<number, (message: Extract<WorkerToUi, { t: 'reply' }>) => void>();
  const host = createStoreWorkerHost({
    db,
    copy: new LocalCopy(),
    queries: storeQueries,
    commands: storeCommands,
    post: (message) => {
      if (message.t === 'reply') replies.get(message.id)?.(message);
    },
    notifier: { minIntervalMs: 0 },
  });
  await host.start();
  let nextId = 1;
  return {
    db,
    host,
    async query(name, args) {
      const id = nextId++;
      const reply = new Promise<Extract<WorkerToUi, { t: 'reply' }>>((resolve) => replies.set(id, resolve));
      await host.handle({ t: 'query', id, name, args } as UiToWorker);
      const answer = await reply;
      if (!answer.ok) throw new Error(answer.error);
      return answer.value as never;
    },
    openLink() {
      const { port1, port2 } = new MessageChannel();
      void host.handle({ t: 'sync-port', jobId: 'history', port: port2 as unknown as MessagePort });
      return {
        send: (message: MainToStore) => port1.postMessage(message),
        onMessage: (listener: (message: StoreToMain) => void) => port1.on('message', listener),
        onClose: (listener: () => void) => port1.on('close', listener),
        close: () => port1.close(),
      };
    },
  };
}

function writeDumps(): string[] {
  return historyDumps().map(({ fileName, dump }) => {
    const path = join(dir, fileName);
    writeFileSync(path, JSON.stringify(dump));
    return path;
  });
}

async function importInto(worker: Worker, paths: string[]): Promise<HistoryImportProgress[]> {
  const events: HistoryImportProgress[] = [];
  const importer = createHistoryImporter({ openStoreLink: () => worker.openLink(), emitProgress: (p) => events.push(p), now: () => TODAY });
  expect(importer.start(paths)).toEqual({ started: true });
  await importer.idle();
  return events;
}

/** Everything history stored, apart from when it was written. */
async function storedHistory(db: PeeringDatabase) {
  const chunks = (await db.historyChunks.toArray()).sort((a, b) => a.key.localeCompare(b.key));
  const moments = (await db.historyMoments.toArray()).map(({ at, source, label }) => ({ at, source, label }));
  return { chunks, moments };
}

const workers: Worker[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'history-import-'));
});
afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.db.close();
    await worker.db.delete();
  }
});

async function newWorker(): Promise<Worker> {
  const worker = await startWorker();
  workers.push(worker);
  return worker;
}

const DAY = (n: number) => historyDayAt(n);
const { frankfurt } = HISTORY_IX;
const { alpha, beta, gamma, delta, epsilon, zeta } = HISTORY_NETS;

describe('a sequence of daily dumps', () => {
  it('gives the expected history: joins, leaves, a return with a gap, speeds, policies, port ASNs', async () => {
    const worker = await newWorker();
    const events = await importInto(worker, writeDumps());
    expect(events.at(-1)).toMatchObject({ phase: 'done', total: 5, finished: 5, message: '5 dumps added to history.' });
    expect(events.at(-1)?.files.map((file) => [file.outcome, file.at])).toEqual([0, 1, 2, 3, 4].map((n) => ['added', DAY(n)]));

    const stats = await worker.query('exchangeStatistics', { mineOnly: false });
    expect(stats.asOf).toBe(DAY(4));
    expect(stats.coverage).toMatchObject({ moments: 5, firstAt: DAY(0), latestAt: DAY(4), fromDumps: 5 });
    const fra = stats.exchanges.find((row) => row.ixId === frankfurt)!;
    // Home, Alpha, Beta, Gamma (back), Delta as AS64551, Epsilon; Zeta was deleted.
    expect(fra).toMatchObject({
      name: 'Hist IX Frankfurt',
      country: 'DE',
      members: 6,
      ports: 7,
      joined12m: 1,
      left12m: 1,
      rsMembers: 3,
      capacity: 10_000 + 100_000 + 10_000 + 1_000 + 2_000 + 10_000,
      medianPortSpeed: 10_000,
      policy: { open: 4, selective: 0, restrictive: 1, no: 1, other: 0 },
    });
    const germany = stats.countries.find((row) => row.label === 'DE')!;
    expect(germany).toMatchObject({ exchanges: 1, networks: 6, memberships: 6 });

    const history = await worker.query('exchangeHistory', { ixId: frankfurt });
    expect(history.points.map((point) => point.members)).toEqual([6, 5, 6, 7, 6]);
    expect(history.points.map((point) => point.capacity)).toEqual([
      10_000 + 10_000 + 10_000 + 1_000 + 2_000 + 10_000,
      10_000 + 100_000 + 10_000 + 2_000 + 10_000,
      10_000 + 100_000 + 10_000 + 2_000 + 10_000 + 10_000,
      10_000 + 100_000 + 10_000 + 1_000 + 2_000 + 10_000 + 10_000,
      10_000 + 100_000 + 10_000 + 1_000 + 2_000 + 10_000,
    ]);
    expect(history.points.map((point) => point.policy.restrictive)).toEqual([0, 0, 1, 1, 1]);
    expect(history.months).toEqual([{ month: '2026-03', at: Date.UTC(2026, 2, 1) / 1000, joined: 1, left: 2, returned: 1 }]);

    const betaHistory = (await worker.query('networkHistory', { netId: beta.id }))!;
    const policy = betaHistory.changes.find((change) => change.field === 'policy')!;
    expect(policy.current).toEqual({ since: DAY(2), fromStart: false, value: 'Restrictive', previous: 'Selective' });
    expect(policy.earlier).toEqual([{ since: DAY(0), fromStart: true, value: 'Selective', previous: null }]);
    // The users-only Policy contact that appears on day 3 is not a change of the public one.
    expect(betaHistory.changes.find((change) => change.field === 'policyContact')?.earlier).toEqual([]);

    const alphaHistory = (await worker.query('networkHistory', { netId: alpha.id }))!;
    expect(alphaHistory.changes.find((change) => change.field === 'policyContact')?.current).toMatchObject({
      since: DAY(3),
      value: 'Alpha Peering <peering@alpha.example>',
      previous: 'Alpha Peering <noc@alpha.example>',
    });

    const gammaHistory = (await worker.query('networkHistory', { netId: gamma.id }))!;
    expect(gammaHistory.presences).toEqual([
      { kind: 'ix', id: frankfurt, name: 'Hist IX Frankfurt', firstSeen: DAY(0), fromStart: true, lastSeen: null, gaps: 1 },
    ]);
    const deltaHistory = (await worker.query('networkHistory', { netId: delta.id }))!;
    expect(deltaHistory.presences.map((presence) => presence.name)).toEqual(['Hist IX Frankfurt']);
    const zetaHistory = (await worker.query('networkHistory', { netId: zeta.id }))!;
    expect(zetaHistory.presences.map((presence) => [presence.kind, presence.lastSeen])).toEqual([
      ['fac', DAY(3)],
      ['ix', DAY(3)],
    ]);
    expect(zetaHistory.changes.find((change) => change.field === 'policy')?.current).toBeNull();
    const epsilonHistory = (await worker.query('networkHistory', { netId: epsilon.id }))!;
    expect(epsilonHistory.presences[0]).toMatchObject({ firstSeen: DAY(2), fromStart: false });
  });

  it('gives the same history whatever the order of the files', async () => {
    const paths = writeDumps();
    const orders = [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [1, 3, 0, 4, 2],
      [3, 4, 1, 2, 0],
    ];
    const results = [];
    for (const order of orders) {
      const worker = await newWorker();
      await importInto(worker, order.map((index) => paths[index]!));
      results.push(await storedHistory(worker.db));
    }
    for (const result of results.slice(1)) expect(result.chunks).toEqual(results[0]!.chunks);
    expect(results[0]!.moments).toHaveLength(5);
  });

  it('imports each file once and goes on past a file that is not a dump', async () => {
    const worker = await newWorker();
    const [first, second] = writeDumps();
    const broken = join(dir, 'peeringdb_2_dump_2026_03_09.json');
    writeFileSync(broken, '{"net": {"data": [');
    const events = await importInto(worker, [first!, broken, first!, second!]);
    expect(events.at(-1)?.files.map((file) => file.outcome)).toEqual(['added', 'failed', 'known', 'added']);
    expect(events.at(-1)?.files[1]?.message).toMatch(/cut off/);
    expect(events.at(-1)?.message).toBe('2 dumps added to history, 1 was there already, 1 could not be imported.');
    expect((await storedHistory(worker.db)).moments.map((moment) => moment.at)).toEqual([DAY(0), DAY(1)]);
    // Nothing of the copy was touched.
    expect(await worker.db.chunks.count()).toBe(0);
  });

  it('refuses a dump that lacks a list history needs, rather than read it as everyone gone', async () => {
    const worker = await newWorker();
    const { dump } = historyDumps()[0]!;
    const path = join(dir, 'peeringdb_2_dump_2026_03_01.json');
    writeFileSync(path, JSON.stringify({ ...dump, netixlan: undefined }));
    const events = await importInto(worker, [path]);
    expect(events.at(-1)?.files[0]).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/holds no netixlan/) });
    expect(await worker.db.historyMoments.count()).toBe(0);
  });

  it('refuses a dump dated after today', async () => {
    const worker = await newWorker();
    const path = join(dir, 'peeringdb_2_dump_2027_01_01.json');
    writeFileSync(path, JSON.stringify(historyDumps()[0]!.dump));
    const events = await importInto(worker, [path]);
    expect(events.at(-1)?.files[0]).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/after today/) });
    expect(await worker.db.historyMoments.count()).toBe(0);
  });
});

describe('many files at once', () => {
  it('reads the next file while the store keeps the one before', async () => {
    const texts = new Map(historyDumps().map(({ fileName, dump }) => [fileName, JSON.stringify(dump)]));
    const log: string[] = [];
    let acknowledge: (() => void) | null = null;
    const link: StoreLink = {
      send: (message) => {
        if (message.t !== 'history-moment') return;
        log.push(`store ${message.seq}`);
        acknowledge = () => listener?.({ t: 'history-ack', seq: message.seq, outcome: 'added', at: message.seq, changedFacts: 1 });
      },
      onMessage: (next) => (listener = next),
      onClose: () => {},
      close: () => {},
    };
    let listener: ((message: StoreToMain) => void) | null = null;
    const importer = createHistoryImporter({
      openStoreLink: () => link,
      emitProgress: () => {},
      now: () => TODAY,
      readFileChunks: async function* (path) {
        log.push(`read ${path}`);
        yield new TextEncoder().encode(texts.get(path)!);
      },
    });
    importer.start([...texts.keys()].slice(0, 3));
    while (log.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    // Nothing is acknowledged yet, and the second file is read already.
    expect(log.sort()).toEqual(['read peeringdb_2_dump_2026_03_01.json', 'read peeringdb_2_dump_2026_03_02.json', 'store 1']);
    for (let seq = 1; seq <= 3; seq++) {
      while (!log.includes(`store ${seq}`)) await new Promise((resolve) => setTimeout(resolve, 5));
      acknowledge!();
    }
    await importer.idle();
    expect(log.filter((entry) => entry.startsWith('store'))).toEqual(['store 1', 'store 2', 'store 3']);
  });
});

describe('the moment a dump stands for', () => {
  let quietDump: ParsedDump;
  let generatedDump: ParsedDump;
  const generated = Date.UTC(2026, 2, 1, 4, 30) / 1000;
  const read = (meta: object) =>
    readDumpForHistory(
      (async function* () {
        const net = { data: [{ id: 1, org_id: 1, asn: 64500, name: 'N', status: 'ok', created: '2026-02-27T10:00:00Z', updated: '2026-02-27T10:00:00Z' }], meta };
        yield new TextEncoder().encode(JSON.stringify({ net }));
      })(),
      'x.json',
      new AbortController().signal,
    );
  beforeAll(async () => {
    quietDump = await read({});
    generatedDump = await read({ generated });
  });
  const dump = (at?: number) => (at ? generatedDump : quietDump);

  it('reads CAIDA file names and refuses dates that do not exist', () => {
    expect(dateInFileName('peeringdb_2_dump_2026_03_01.json')).toBe(Date.UTC(2026, 2, 1) / 1000);
    expect(dateInFileName('pdb-2026-03-01.json')).toBe(Date.UTC(2026, 2, 1) / 1000);
    expect(dateInFileName('peeringdb_2_dump_2026_02_30.json')).toBeNull();
    expect(dateInFileName('dump.json')).toBeNull();
  });

  it('is when the dump was generated, within the day its name gives; a quiet day stands for its start', () => {
    expect(dumpMoment('peeringdb_2_dump_2026_03_01.json', dump(generated))).toBe(generated);
    expect(dumpMoment('peeringdb_2_dump_2026_03_01.json', dump())).toBe(Date.UTC(2026, 2, 1) / 1000);
    expect(dumpMoment('dump.json', dump())).toBe(Date.UTC(2026, 1, 27, 10) / 1000);
  });
});

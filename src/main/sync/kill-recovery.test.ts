/**
 * Crash recovery, exhaustively: the store is killed at every single IndexedDB write of a first
 * load from API lists, a first load from the bulk cache, an incremental sync and a dump import
 * (see WriteKillSwitch). Each time the app restarts on the same database, which must hold a
 * consistent copy (a replacement is all or nothing), and the next run must end with exactly
 * what a run without the kill ends with.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeeringDb, type FakePeeringDb } from '../../../tools/fake-peeringdb/server';
import { smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import type { PdbDump } from '../../../tools/fake-peeringdb/dump';
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import type { SyncProgress } from '../../shared/sync';
import { readLoadedTypes, readPocWithKey, readWatermarks } from '../../renderer/src/worker/db/meta';
import { openDatabase } from '../../renderer/src/worker/db/schema';
import { WriteKillSwitch } from '../../renderer/src/worker/db/write-kill-switch.test-support';
import { createSyncController } from './controller';
import { StoreWorker } from './store-worker.test-support';
import type { SyncConfig } from './sync-types';

/** Everything a restarted app would answer from: rows, watermarks, what is loaded. */
interface StoreSnapshot {
  rows: Partial<Record<PdbType, unknown[]>>;
  watermarks: Awaited<ReturnType<typeof readWatermarks>>;
  loaded: PdbType[];
  pocWithKey: boolean;
}

async function snapshotOf(dbName: string): Promise<StoreSnapshot> {
  const db = openDatabase(dbName);
  await db.open();
  try {
    const worker = await new StoreWorker(db).start();
    const rows: StoreSnapshot['rows'] = {};
    for (const type of PDB_TYPES) {
      const list = [...worker.copy.rows[type].values()].sort((a, b) => a.id - b.id);
      if (list.length > 0) rows[type] = list;
    }
    return {
      rows,
      watermarks: await readWatermarks(db),
      loaded: [...(await readLoadedTypes(db))].sort(),
      pocWithKey: await readPocWithKey(db),
    };
  } finally {
    db.close();
  }
}

/**
 * The data for these tests: the small dataset cut to what discovery rests on, networks and
 * ports over several pages. The other types are empty lists, which still load and complete:
 * every write costs a whole run here, so each one has to earn its place.
 */
const ROWS_KEPT: Partial<Record<PdbType, number>> = { org: 2, net: 7, ix: 2, netixlan: 7, poc: 3 };

function dataset(): PdbDump {
  const dump = smallDataset();
  for (const type of PDB_TYPES) {
    const envelope = dump[type] as { data: unknown[] } | undefined;
    if (envelope) envelope.data = envelope.data.slice(0, ROWS_KEPT[type] ?? 0);
  }
  return dump;
}

const dumpDir = mkdtempSync(join(tmpdir(), 'pdb-kill-'));

interface Scenario {
  name: string;
  /** Brings the store and the server to where the scenario starts (never killed). */
  setup(run: Runner): Promise<void>;
  /** The work that is killed at each of its writes, then done again. */
  act(run: Runner): Promise<SyncProgress>;
  /** Whether the work replaces the copy all at once (a dump): after a kill it is all old or all new. */
  allOrNothing: boolean;
}

class Runner {
  readonly config: SyncConfig;
  private counter = 0;

  constructor(
    readonly fake: FakePeeringDb,
    readonly dbName: string,
  ) {
    this.config = { baseUrl: fake.apiUrl, apiKey: null, cacheUrl: null };
  }

  /** One app run: a store worker on the database and a controller; runs `job` and closes. */
  async run(job: 'sync' | { dump: string }): Promise<SyncProgress> {
    const db = openDatabase(this.dbName);
    await db.open();
    const events: SyncProgress[] = [];
    try {
      const worker = await new StoreWorker(db).start();
      const controller = createSyncController({
        openStoreLink: worker.openLink,
        emitProgress: (progress) => events.push(progress),
        getConfig: () => this.config,
        fetch,
        tuning: { pageSize: 3, pageOverlap: 1, progressIntervalMs: 1000, storeTimeoutMs: 5000 },
      });
      const started = job === 'sync' ? controller.start('user') : controller.importDump(job.dump);
      expect(started.started).toBe(true);
      await controller.idle();
      await worker.settled();
    } finally {
      db.close();
    }
    this.counter++;
    return events.at(-1)!;
  }
}

const scenarios: Scenario[] = [
  {
    name: 'a first load from API lists',
    allOrNothing: false,
    setup: async () => {},
    act: (run) => run.run('sync'),
  },
  {
    name: 'a first load from the bulk cache',
    allOrNothing: false,
    setup: async (run) => {
      run.config.cacheUrl = run.fake.cacheUrl;
    },
    act: (run) => run.run('sync'),
  },
  {
    name: 'an incremental sync with changes and deletions',
    allOrNothing: false,
    setup: async (run) => {
      expect((await run.run('sync')).phase).toBe('done');
      run.fake.tick(60);
      run.fake.update('net', 4, { name: 'Network Four, renamed' });
      run.fake.cascadeDelete('net', 2);
      run.fake.add('netixlan', { net_id: 3, ix_id: 1, ixlan_id: 1, asn: 64_503, speed: 100_000, ipaddr4: '192.0.2.250' });
      run.fake.update('org', 1, { name: 'Org One, renamed' });
    },
    act: (run) => run.run('sync'),
  },
  {
    name: 'a dump import over a loaded copy',
    allOrNothing: true,
    setup: async (run) => {
      expect((await run.run('sync')).phase).toBe('done');
    },
    act: (run) => {
      const dump = dataset();
      // The dump differs from the copy: renamed rows, fewer of some, an extra one.
      (dump.net!.data[0] as { name: string }).name = 'Renamed in the dump';
      dump.poc!.data = dump.poc!.data.slice(2);
      dump.org!.data.push({ ...dump.org!.data[0]!, id: 900, name: 'Only in the dump' });
      const path = join(dumpDir, `dump-${run.dbName}.json`);
      writeFileSync(path, JSON.stringify(dump));
      return run.run({ dump: path });
    },
  },
];

let fakes: FakePeeringDb[] = [];
let dbCounter = 0;

afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.stop()));
  fakes = [];
});

async function prepared(scenario: Scenario): Promise<{ runner: Runner; before: StoreSnapshot }> {
  const fake = await startFakePeeringDb({ data: dataset(), now: T0 });
  fakes.push(fake);
  const runner = new Runner(fake, `kill-recovery-${++dbCounter}`);
  await scenario.setup(runner);
  return { runner, before: await snapshotOf(runner.dbName) };
}

describe.each(scenarios)('killing the store at every write of $name', (scenario) => {
  it('recovers exactly on the next run', { timeout: 600_000 }, async () => {
    // The run without a kill: what every recovery must end with, and how many writes it makes.
    const reference = await prepared(scenario);
    const counter = new WriteKillSwitch(reference.runner.dbName).install();
    let expected: StoreSnapshot;
    let writes: number;
    try {
      expect((await scenario.act(reference.runner)).phase).toBe('done');
      writes = counter.writes;
      expected = await snapshotOf(reference.runner.dbName);
    } finally {
      counter.uninstall();
    }
    expect(writes).toBeGreaterThan(5);
    expect(expected.loaded).toEqual([...PDB_TYPES].sort());

    for (let n = 1; n <= writes; n++) {
      const { runner, before } = await prepared(scenario);
      const killSwitch = new WriteKillSwitch(runner.dbName).install();
      try {
        killSwitch.arm(n);
        await scenario.act(runner);
        expect(killSwitch.fired, `kill at write ${n}`).toBe(true);
        killSwitch.disarm();
        const afterKill = await snapshotOf(runner.dbName);
        if (scenario.allOrNothing) {
          expect([before, expected], `kill at write ${n}: the copy is the old one or the new one`).toContainEqual(afterKill);
        }
        const recovered = await scenario.act(runner);
        expect(recovered.phase, `kill at write ${n}: ${recovered.message ?? ''}`).toBe('done');
        expect(await snapshotOf(runner.dbName), `kill at write ${n}`).toEqual(expected);
      } finally {
        killSwitch.uninstall();
      }
    }
  });
});

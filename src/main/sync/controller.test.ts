/**
 * The sync engine against the fake PeeringDB on loopback, with an in-memory store that
 * speaks the store protocol: every fault PeeringDB can throw at a sync, and what the user
 * then sees (the end event) and keeps (the store).
 */
import { createServer } from 'node:http';
import { createServer as createTlsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePeeringDb, type FakePeeringDb } from '../../../tools/fake-peeringdb/server';
import { fetchTrustingLoopbackTls, LOOPBACK_TLS } from '../../../tools/fake-peeringdb/loopback-tls';
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { WATERMARK_SKEW_SECONDS, type MainToStore, type SyncProgress } from '../../shared/sync';
import { createSyncController } from './controller';
import { idsOf, smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import { MemoryStore } from './memory-store.test-support';
import type { SyncConfig, SyncController, SyncControllerDeps, SyncTuning } from './sync-types';

const KEY = 'key-with-user-rights';
const FAST: Partial<SyncTuning> = {
  pageSize: 10,
  pageOverlap: 0,
  // Generous: on a loaded machine a short timeout would retry a request that was only slow,
  // and the tests that count requests would count one more. Timeout tests set their own.
  requestTimeoutMs: 10_000,
  stallTimeoutMs: 10_000,
  maxAttempts: 3,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  maxRateLimitedAttempts: 3,
  maxRetryAfterMs: 5_000,
  storeTimeoutMs: 5_000,
  progressIntervalMs: 10,
};

interface SentRequest {
  url: string;
  at: number;
  headers: Headers;
}

let fake: FakePeeringDb;
let store: MemoryStore;
let events: SyncProgress[];
let sent: SentRequest[];
let config: SyncConfig;
let tuning: Partial<SyncTuning>;
let controller: SyncController;
const dataset = smallDataset();
// The fake speaks HTTPS, as PeeringDB does: the API key goes over nothing else.
const secureFetch = fetchTrustingLoopbackTls();

function makeController(): SyncController {
  return createSyncController(controllerDeps());
}

function controllerDeps(): SyncControllerDeps {
  return {
    openStoreLink: store.openLink,
    emitProgress: (progress) => events.push(progress),
    getConfig: () => config,
    fetch: (input, init) => {
      sent.push({ url: String(input), at: Date.now(), headers: new Headers(init?.headers) });
      return secureFetch(input, init);
    },
    appVersion: '1.2.3',
    tuning,
    random: () => 0.5,
  };
}

beforeEach(async () => {
  fake = await startFakePeeringDb({ data: dataset, apiKeys: [KEY], now: T0, tls: LOOPBACK_TLS });
  store = new MemoryStore();
  events = [];
  sent = [];
  tuning = { ...FAST };
  config = { baseUrl: fake.apiUrl, apiKey: null, cacheUrl: fake.cacheUrl };
  controller = makeController();
});

afterEach(async () => {
  controller.cancel();
  await controller.idle();
  await fake.stop();
});

async function sync(): Promise<SyncProgress> {
  expect(controller.start('user')).toEqual({ started: true });
  await controller.idle();
  const last = events.at(-1)!;
  expect(['done', 'error', 'cancelled']).toContain(last.phase);
  return last;
}

const apiRequests = (type?: PdbType) =>
  fake.requests.filter((r) => r.pathname.startsWith('/api/') && (type === undefined || r.pathname === `/api/${type}`));
const liveIds = (type: PdbType) => store.live(type).map((r) => r.id).sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const publicPocs = idsOf(dataset, 'poc', (r) => r.visible === 'Public');
const keyPocs = idsOf(dataset, 'poc', (r) => r.visible !== 'Private');

describe('first load', () => {
  it('loads an empty copy anonymously from the bulk cache, one snapshot per type', async () => {
    const end = await sync();
    expect(end).toMatchObject({ phase: 'done', source: 'cache' });
    for (const type of PDB_TYPES) {
      expect(store.watermarks[type]).toBe(fake.cacheGeneratedAt);
      if (type !== 'poc') expect(liveIds(type)).toEqual(sorted(idsOf(dataset, type)));
    }
    expect(liveIds('poc')).toEqual(sorted(publicPocs));
    expect(store.pages.every((p) => p.replace)).toBe(true);
    expect(apiRequests()).toEqual([]);
    expect(fake.requests.map((r) => r.pathname)).toEqual(PDB_TYPES.map((t) => `/cache/${t}-0.json`));
    expect(fake.requests.every((r) => r.auth === 'none')).toBe(true);
    expect(store.pocWithKey).toBe(false);
  });

  it('identifies itself with a descriptive User-Agent, never the PeeringDB client form', async () => {
    await sync();
    const agents = new Set(fake.requests.map((r) => r.headers['user-agent']));
    expect([...agents]).toEqual(['PeeringAssistant/1.2.3 (desktop app for peering engineers)']);
    expect([...agents][0]).not.toMatch(/PeeringDB\/\d+\.\d+ backend\//);
  });

  it('loads from the API oldest change first with a key, so every page earns its watermark', async () => {
    config.apiKey = KEY;
    const watermarkAfterPage: number[] = [];
    store.onApplied = (page) => {
      if (page.type === 'net') watermarkAfterPage.push(store.watermarks.net ?? 0);
    };
    const end = await sync();
    expect(end).toMatchObject({ phase: 'done', source: 'api' });
    expect(fake.requests.every((r) => r.auth === 'api-key' && r.apiKey === KEY)).toBe(true);
    expect(apiRequests('net').map((r) => r.query)).toEqual(
      [0, 10, 20, 30].map((skip) => ({ since: '1', depth: '0', limit: '10', skip: String(skip) })),
    );
    // Three pages of rows, each moving the watermark forward; the third is short, which ends
    // nothing (a page can be short mid-list): the empty fourth ends the list, and its message
    // completes the type.
    expect(watermarkAfterPage).toHaveLength(4);
    expect(watermarkAfterPage[0]).toBeLessThan(watermarkAfterPage[1]!);
    expect(watermarkAfterPage[1]).toBeLessThan(watermarkAfterPage[2]!);
    expect(liveIds('poc')).toEqual(sorted(keyPocs));
    expect(store.pocWithKey).toBe(true);
  });

  it('sends a page longer than a store page in parts, each moving the watermark on, and counts every row once', async () => {
    tuning = { ...FAST, pageOverlap: 2, storePageChars: 2000 };
    controller = makeController();
    config.cacheUrl = null;
    const watermarkAfterPart: number[] = [];
    store.onApplied = (page) => {
      if (page.type === 'net' && page.ids.length > 0) watermarkAfterPart.push(store.watermarks.net ?? 0);
    };
    const end = await sync();
    expect(end.phase).toBe('done');
    const netParts = store.messages.filter((m): m is Extract<MainToStore, { t: 'page' }> => m.t === 'page' && m.type === 'net' && m.rowsJson !== '[]');
    const answersWithRows = apiRequests('net').length - 1;
    // Pages of ten networks run to some 5,000 characters: each went in parts, none of them long.
    expect(netParts.length).toBeGreaterThan(2 * answersWithRows);
    expect(Math.max(...netParts.map((part) => part.rowsJson.length))).toBeLessThanOrEqual(2000);
    expect(watermarkAfterPart).toHaveLength(netParts.length);
    for (let i = 1; i < watermarkAfterPart.length; i++) expect(watermarkAfterPart[i]).toBeGreaterThanOrEqual(watermarkAfterPart[i - 1]!);
    expect(watermarkAfterPart.at(-1)).toBeGreaterThan(watermarkAfterPart[0]!);
    const live = idsOf(dataset, 'net');
    expect(liveIds('net')).toEqual(sorted(live));
    // The pages overlap by two rows: those are counted once.
    expect(end.types.net).toMatchObject({ fetched: live.length, stored: live.length, done: true });
  });

  it('pages past contact pages made short by visibility until an empty one', async () => {
    config.cacheUrl = null;
    await sync();
    const pocQueries = apiRequests('poc').map((r) => r.query.skip);
    expect(pocQueries).toEqual(['0', '10', '20', '30']);
    expect(liveIds('poc')).toEqual(sorted(publicPocs));
  });

  it('falls back to the API for a type the bulk cache does not have', async () => {
    fake.fail({ path: '/cache/campus-0.json', with: { status: 404 } });
    await sync();
    // Two campuses: one short page, then the empty one that ends the list.
    expect(apiRequests('campus').map((r) => r.query.skip)).toEqual(['0', '10']);
    expect(liveIds('campus')).toEqual(sorted(idsOf(dataset, 'campus')));
  });

  it('reports progress: phases, per-type counts and the end', async () => {
    // Unthrottled, so the fetching/storing flips within a type show too.
    tuning = { ...FAST, progressIntervalMs: 0 };
    controller = makeController();
    const end = await sync();
    expect(events[0]).toMatchObject({ phase: 'starting' });
    const phases = new Set(events.map((e) => e.phase));
    expect(phases).toEqual(new Set(['starting', 'fetching', 'storing', 'done']));
    expect(end.endedAt).toBeGreaterThanOrEqual(end.startedAt);
    expect(end.storedRows).toBe(PDB_TYPES.reduce((sum, t) => sum + store.live(t).length, 0));
    expect(end.types.net).toMatchObject({ fetched: 25, stored: 25, done: true });
    expect(end.bytes).toBeGreaterThan(0);
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(1);
    expect(events.some((e) => e.etaMs !== undefined && e.phase !== 'done')).toBe(true);
  });
});

describe('incremental sync', () => {
  it('fetches only what changed since each watermark, deletions included', async () => {
    await sync();
    const firstWatermark = store.watermarks.net!;
    fake.tick(60);
    fake.update('net', 3, { name: 'Network Three renamed' });
    fake.remove('net', 7);
    fake.tick(1);
    const added = fake.add('netixlan', { net_id: 1, ix_id: 1, ixlan_id: 1, asn: 64_501, speed: 100_000 });
    fake.clearRequests();

    const end = await sync();
    expect(end.phase).toBe('done');
    expect(fake.requests.every((r) => r.pathname.startsWith('/api/'))).toBe(true);
    for (const request of fake.requests) expect(Number(request.query.since)).toBe(Math.floor(firstWatermark) - 1);
    expect(store.live('net').find((r) => r.id === 3)?.name).toBe('Network Three renamed');
    expect(liveIds('net')).not.toContain(7);
    expect(liveIds('netixlan')).toContain(added.id);
    // Nothing unchanged came back: only the changed rows were sent to the store.
    const secondJob = store.pages.filter((p) => p.jobId !== store.pages[0]!.jobId);
    expect(secondJob.flatMap((p) => p.ids.map((id) => `${p.type}:${id}`)).sort()).toEqual(['net:3', 'net:7', `netixlan:${added.id}`].sort());
    expect(store.watermarks.net).toBeGreaterThan(firstWatermark);
  });

  it("sends each type's changes without waiting for the type before it to be stored", async () => {
    await sync();
    fake.tick(60);
    fake.update('org', 2, { name: 'Org Two renamed' });
    fake.update('poc', 2, { name: 'Contact Two renamed' });
    // The store acknowledges nothing of the resync until every type's changes have reached it:
    // a sync that waited for each ack before the next page would stall here and time out.
    tuning = { ...FAST, storeTimeoutMs: 2_000 };
    const openLink = store.openLink;
    const held: (() => void)[] = [];
    store.openLink = (jobId) => {
      const link = openLink(jobId);
      const pagesBefore = store.pages.length;
      return {
        ...link,
        send: (message) => link.send(message),
        close: () => link.close(),
        onClose: (listener) => link.onClose(listener),
        onMessage: (listener) =>
          link.onMessage((message) => {
            if (message.t !== 'ack') return listener(message);
            held.push(() => listener(message));
            if (store.pages.length - pagesBefore < PDB_TYPES.length) return;
            for (const release of held.splice(0)) release();
          }),
      };
    };
    controller = makeController();

    const end = await sync();
    expect(end.phase).toBe('done');
    expect(store.live('org').find((r) => r.id === 2)?.name).toBe('Org Two renamed');
    expect(store.live('poc').find((r) => r.id === 2)?.name).toBe('Contact Two renamed');
    // Still one type after the other, in dependency order.
    expect(store.pages.slice(-PDB_TYPES.length).map((p) => p.type)).toEqual([...PDB_TYPES]);
  });

  it('ends with the store\'s error when it refuses a type\'s changes, and the next sync brings them', async () => {
    await sync();
    fake.tick(60);
    fake.update('org', 2, { name: 'Org Two renamed' });
    fake.update('net', 3, { name: 'Network Three renamed' });
    store.refuseNextPage = 'disk full';

    const failed = await sync();
    expect(failed).toMatchObject({ phase: 'error', code: 'store' });
    expect(failed.message).toMatch(/disk full/);
    expect(store.live('org').find((r) => r.id === 2)?.name).not.toBe('Org Two renamed');

    expect((await sync()).phase).toBe('done');
    expect(store.live('org').find((r) => r.id === 2)?.name).toBe('Org Two renamed');
    expect(store.live('net').find((r) => r.id === 3)?.name).toBe('Network Three renamed');
  });

  it('treats the same rows coming back twice as one change', async () => {
    tuning = { ...FAST, pageOverlap: 3 };
    controller = makeController();
    config.cacheUrl = null;
    await sync();
    expect(apiRequests('net').map((r) => r.query.skip)).toEqual(['0', '7', '14', '21', '28']);
    expect(liveIds('net')).toEqual(sorted(idsOf(dataset, 'net')));
  });
});

describe('resume after a kill', () => {
  it('stops mid-type and a new sync refetches nothing already stored', async () => {
    config.cacheUrl = null;
    let netPages = 0;
    store.onApplied = (page) => {
      if (page.type === 'net' && ++netPages === 2) controller.cancel();
    };
    const ended = store.nextEnd();
    const stopped = await sync();
    expect(stopped.phase).toBe('cancelled');
    expect(await ended).toMatchObject({ t: 'end', outcome: 'cancelled' });
    const storedNet = new Set(liveIds('net'));
    expect(storedNet.size).toBe(20);
    const watermark = store.watermarks.net!;
    const boundary = (dataset.net!.data as unknown as Record<string, string>[])
      .filter((r) => Date.parse(r.updated!) / 1000 === watermark)
      .map((r) => Number(r.id));
    expect(boundary).toHaveLength(1);
    expect(store.watermarks.ix).toBeUndefined();

    store.onApplied = null;
    fake.clearRequests();
    const resumed = await sync();
    expect(resumed.phase).toBe('done');
    // Types finished before the kill are asked only for changes.
    for (const type of ['org', 'campus', 'fac', 'carrier', 'carrierfac'] as const) {
      expect(apiRequests(type).every((r) => r.query.since !== '1')).toBe(true);
    }
    // The interrupted type resumes at its watermark, in one unpaged request: of the rows
    // already stored only the one in the watermark's own second comes back (the deliberate
    // one-second lookback). (The page the cancelled sync had asked for ahead may arrive among
    // these requests: it is the one with a skip.)
    const resumedNet = apiRequests('net').filter((r) => r.query.skip === undefined);
    expect(resumedNet.map((r) => r.query.since)).toEqual([String(Math.floor(watermark) - 1)]);
    const resumedJob = store.pages.filter((p) => p.jobId === store.pages.at(-1)!.jobId && p.type === 'net');
    const refetched = resumedJob.flatMap((p) => p.ids).filter((id) => storedNet.has(id));
    expect(refetched).toEqual(boundary);
    expect(liveIds('net')).toEqual(sorted(idsOf(dataset, 'net')));
    expect(apiRequests('ix')[0]?.query.since).toBe('1');
  });

  it('loads a snapshot cut off half way whole again', async () => {
    tuning = { ...FAST, pageSize: 10 };
    // Cancelled as main sends the list's second page: main sends a list's pages and its swap
    // without waiting for the store, so a cancel must come before the swap went to cut it off.
    let netixlanPagesSent = 0;
    controller = createSyncController({
      ...controllerDeps(),
      openStoreLink: (jobId) => {
        const link = store.openLink(jobId);
        return {
          ...link,
          send: (message) => {
            if (message.t === 'page' && message.type === 'netixlan' && ++netixlanPagesSent === 2) controller.cancel();
            link.send(message);
          },
          onMessage: (listener) => link.onMessage(listener),
          onClose: (listener) => link.onClose(listener),
          close: () => link.close(),
        };
      },
    });
    expect((await sync()).phase).toBe('cancelled');
    expect(netixlanPagesSent).toBe(2);
    expect(store.swaps.flatMap((swap) => swap.types)).not.toContain('netixlan');
    expect(store.watermarks.netixlan).toBeUndefined();
    controller = makeController();
    fake.clearRequests();
    await sync();
    // The cut-off type is read whole again and the types before it not at all. (The contacts
    // were asked for ahead while netixlan was stored, so that request of the cancelled sync
    // may arrive among these.)
    const cacheReads = fake.requests.filter((r) => r.pathname.startsWith('/cache/')).map((r) => r.pathname);
    expect(cacheReads.filter((path) => path !== '/cache/poc-0.json')).toEqual(['/cache/netixlan-0.json']);
    expect(cacheReads.at(-1)).toBe('/cache/poc-0.json');
    expect(liveIds('netixlan')).toEqual(sorted(idsOf(dataset, 'netixlan')));
  });
});

describe('API key added', () => {
  it('fetches all contacts again with the key and nothing else in full', async () => {
    await sync();
    expect(liveIds('poc')).toEqual(sorted(publicPocs));
    const orgRowsBefore = liveIds('org');
    config.apiKey = KEY;
    fake.clearRequests();

    await sync();
    expect(fake.requests.every((r) => r.auth === 'api-key')).toBe(true);
    const fullLists = fake.requests.filter((r) => r.query.since === '1').map((r) => r.pathname);
    expect(new Set(fullLists)).toEqual(new Set(['/api/poc']));
    expect(liveIds('poc')).toEqual(sorted(keyPocs));
    expect(liveIds('poc')).not.toEqual(expect.arrayContaining(idsOf(dataset, 'poc', (r) => r.visible === 'Private')));
    expect(store.pocWithKey).toBe(true);
    expect(liveIds('org')).toEqual(orgRowsBefore);
    // The contacts are a replacement, swapped in whole once read: the other types are untouched.
    const secondJobId = store.pages.at(-1)!.jobId;
    expect(new Set(store.pages.filter((p) => p.jobId === secondJobId && p.replace).map((p) => p.type))).toEqual(new Set(['poc']));
    expect(store.swaps.filter((swap) => swap.jobId === secondJobId)).toEqual([{ jobId: secondJobId, types: ['poc'], snapshotAt: {} }]);

    // From now on contacts are incremental too.
    fake.clearRequests();
    await sync();
    expect(fake.requests.filter((r) => r.query.since === '1')).toEqual([]);
  });

  it('reloads the public contacts from the API when the cache lacks them and the key is removed', async () => {
    config = { ...config, apiKey: KEY };
    await sync();
    config = { ...config, apiKey: null };
    fake.fail({ path: '/cache/poc-0.json', with: { status: 404 } });
    await sync();
    expect(liveIds('poc')).toEqual(sorted(publicPocs));
    expect(store.pocWithKey).toBe(false);
  });

  it('reloads only the public contacts when the key is removed', async () => {
    config = { ...config, apiKey: KEY, cacheUrl: null };
    await sync();
    expect(liveIds('poc')).toEqual(sorted(keyPocs));
    config = { ...config, apiKey: null };
    fake.clearRequests();
    await sync();
    expect(fake.requests.filter((r) => r.query.since === '1').map((r) => r.pathname)).toEqual(['/api/poc', '/api/poc', '/api/poc', '/api/poc']);
    expect(liveIds('poc')).toEqual(sorted(publicPocs));
    expect(store.pocWithKey).toBe(false);
    expect(liveIds('net')).toEqual(sorted(idsOf(dataset, 'net')));
  });
});

describe('faults', () => {
  it('stops at once on 401 with a clear message, no retries', async () => {
    config.apiKey = 'wrong-key';
    const ended = store.nextEnd();
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'auth' });
    expect(end.message).toMatch(/rejected the API key.*Settings/);
    expect(fake.requests).toHaveLength(1);
    expect(await ended).toMatchObject({ outcome: 'error', code: 'auth' });
  });

  it('says a key lacks permission on a JSON 403, and suspects a block on an HTML 403', async () => {
    config.apiKey = KEY;
    fake.fail({ path: /\/api\/org/, with: { status: 403, body: { meta: { error: 'You do not have permission' } } } });
    let end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'auth' });
    expect(end.message).toMatch(/lacks permission.*You do not have permission/);

    fake.fail({ path: /\/api\/org/, with: { status: 403, body: '<!DOCTYPE html><html><body>Access denied</body></html>', headers: { 'content-type': 'text/html' } } });
    fake.clearRequests();
    end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'access-denied' });
    expect(end.message).toMatch(/network address may be blocked/);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not blame the key for a 401 when no key was sent', async () => {
    config = { ...config, apiKey: null, cacheUrl: null };
    fake.fail({ path: /\/api\/org/, with: { status: 401, body: { meta: { error: 'Authentication credentials were not provided.' } } } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'access-denied' });
    expect(end.message).toMatch(/no API key was sent/);
    expect(end.message).not.toMatch(/rejected the API key/);
  });

  it('honours Retry-After on 429 and carries on', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/org/, times: 1, with: { status: 429, retryAfter: 1 } });
    const end = await sync();
    expect(end.phase).toBe('done');
    const [limited, retried] = sent.filter((s) => s.url.includes('/api/org'));
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a 429 storm with "try again in"', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/org/, times: Infinity, with: { status: 429, retryAfter: 0 } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'rate-limited' });
    expect(end.message).toMatch(/Try again in \d+ min/);
    expect(apiRequests('org')).toHaveLength(3);
  });

  it('does not wait out a Retry-After past the cap', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/org/, times: Infinity, with: { status: 429, retryAfter: 2200 } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'rate-limited' });
    expect(end.message).toMatch(/Try again in 37 min/);
    expect(apiRequests('org')).toHaveLength(1);
  });

  it('retries 5xx with backoff, then gives up as a server error', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/org/, times: 2, with: { status: 502 } });
    expect((await sync()).phase).toBe('done');

    store = new MemoryStore();
    controller = makeController();
    fake.clearRequests();
    fake.fail({ path: /\/api\/org/, times: Infinity, with: { status: 503 } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'server' });
    expect(end.message).toMatch(/503.*3 tries/);
    expect(apiRequests('org')).toHaveLength(3);
  });

  it('times out a request that never answers, retrying a bounded number of times', async () => {
    config.cacheUrl = null;
    tuning = { ...FAST, requestTimeoutMs: 400, stallTimeoutMs: 300 };
    controller = makeController();
    fake.fail({ path: /\/api\/org/, times: Infinity, with: { kind: 'hang' } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'timeout' });
    expect(apiRequests('org')).toHaveLength(3);
  });

  it('times out a body that stalls, and recovers when the retry is on time', async () => {
    config.cacheUrl = null;
    tuning = { ...FAST, requestTimeoutMs: 400, stallTimeoutMs: 300 };
    controller = makeController();
    fake.fail({ path: /\/api\/org/, times: 1, with: { kind: 'slow', bodyDelayMs: 1000 } });
    expect((await sync()).phase).toBe('done');
    expect(apiRequests('org')[0]?.fault).toBe('slow');
    expect(liveIds('org')).toEqual(sorted(idsOf(dataset, 'org')));
  });

  it('sends nothing of a malformed page and says so', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/net/, with: { kind: 'malformed' } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'malformed' });
    expect(end.message).toMatch(/net .*not valid JSON/);
    expect(store.pages.filter((p) => p.type === 'net')).toEqual([]);
    expect(store.watermarks.net).toBeUndefined();
    expect(store.watermarks.carrierfac).toBeDefined();
  });

  it('refuses a page without a data list', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/org/, with: { status: 200, body: { meta: { error: 'oops' } } } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'malformed' });
    expect(end.message).toMatch(/no "data" list.*oops/);
    expect(store.pages).toEqual([]);
  });

  it('retries a cut-off page and stores nothing of it when it stays cut', async () => {
    config.cacheUrl = null;
    fake.fail({ path: /\/api\/ix\?/, times: 1, with: { kind: 'cut', fraction: 0.5 } });
    expect((await sync()).phase).toBe('done');
    expect(liveIds('ix')).toEqual(sorted(idsOf(dataset, 'ix')));

    store = new MemoryStore();
    controller = makeController();
    fake.fail({ path: /\/api\/ix\?/, times: Infinity, with: { kind: 'cut', fraction: 0.5 } });
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'malformed' });
    expect(end.message).toMatch(/incomplete/);
    expect(store.pages.filter((p) => p.type === 'ix')).toEqual([]);
  });

  it('reads a bulk cache file cut off half way again from its start: the store holds each row once, and the progress counts it once', async () => {
    tuning = { ...FAST, pageSize: 10, storePageChars: 2000 };
    controller = makeController();
    // Pages of the file go to the store as it downloads, so some went before the cut.
    fake.fail({ path: '/cache/netixlan-0.json', times: 1, with: { kind: 'cut', fraction: 0.6 } });
    const end = await sync();
    expect(end.phase).toBe('done');
    const netixlanPages = store.messages.filter((m): m is Extract<MainToStore, { t: 'page' }> => m.t === 'page' && m.type === 'netixlan');
    const readings = netixlanPages.filter((page) => page.startsList === true);
    expect(readings).toHaveLength(2);
    expect(netixlanPages.indexOf(readings[1]!)).toBeGreaterThan(0);
    expect(liveIds('netixlan')).toEqual(sorted(idsOf(dataset, 'netixlan')));
    const live = store.live('netixlan').length;
    expect(end.types.netixlan).toMatchObject({ fetched: live, stored: live, done: true });
  });

  it('leaves no download behind when a bulk cache file turns out not to be JSON before it ends', async () => {
    tuning = { ...FAST, storePageChars: 1000 };
    controller = makeController();
    // A cache whose org file begins with text that is not JSON and never ends.
    let closed!: () => void;
    const downloadClosed = new Promise<void>((resolve) => (closed = resolve));
    const endless = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(`{"data": [${'not json, '.repeat(300)}`);
      request.socket.on('close', () => closed());
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      config = { ...config, cacheUrl: `http://127.0.0.1:${(endless.address() as AddressInfo).port}/cache` };
      const end = await sync();
      expect(end).toMatchObject({ phase: 'error', code: 'malformed' });
      expect(end.message).toMatch(/bulk cache's org list is not valid JSON/);
      // The app hung up on the rest of the file.
      await downloadClosed;
    } finally {
      endless.closeAllConnections();
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });

  it('says the network is unreachable and the local copy still works', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    config = { baseUrl: `http://127.0.0.1:${port}/api`, apiKey: null, cacheUrl: null };
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'network' });
    expect(end.message).toMatch(/Offline\? The local copy still works/);
  });

  it('ends with a store error when the store refuses a page', async () => {
    store.refuseNextPage = 'disk full';
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error', code: 'store' });
    expect(end.message).toMatch(/disk full/);
  });
});

describe('redirects and the key', () => {
  let redirector: Server;

  afterEach(async () => {
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  async function startRedirector(target: string): Promise<string> {
    redirector = createTlsServer(LOOPBACK_TLS, (req, res) => {
      res.writeHead(301, { location: `${target}${req.url!.replace(/^\/api/, '')}` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    return `https://127.0.0.1:${(redirector.address() as AddressInfo).port}/api`;
  }

  it('never follows a redirect to another host with the key', async () => {
    config = { baseUrl: await startRedirector(fake.apiUrl), apiKey: KEY, cacheUrl: null };
    const end = await sync();
    expect(end).toMatchObject({ phase: 'error' });
    expect(end.message).toMatch(/redirected .* API key is sent only/);
    expect(fake.requests).toEqual([]);
  });

  it('follows it without a key', async () => {
    config = { baseUrl: await startRedirector(fake.apiUrl), apiKey: null, cacheUrl: null };
    expect((await sync()).phase).toBe('done');
    expect(fake.requests.every((r) => r.auth === 'none')).toBe(true);
  });
});

describe('one job at a time, cancel, window gone', () => {
  it('refuses a second start while one runs', async () => {
    fake.fail({ path: /\/cache\/org/, with: { kind: 'slow', headersDelayMs: 100 } });
    expect(controller.start('user')).toEqual({ started: true });
    expect(controller.running).toBe(true);
    expect(controller.start('menu')).toMatchObject({ started: false, reason: expect.stringMatching(/already running/) });
    expect(controller.importDump('/nowhere.json')).toMatchObject({ started: false });
    await controller.idle();
    expect(controller.running).toBe(false);
    expect(events.at(-1)?.phase).toBe('done');
  });

  it('cancels while a request hangs, at once', async () => {
    fake.fail({ path: /\/cache\/fac/, times: Infinity, with: { kind: 'hang' } });
    tuning = { ...FAST, requestTimeoutMs: 60_000 };
    controller = makeController();
    controller.start('user');
    await fake.waitForRequest((r) => r.pathname === '/cache/fac-0.json');
    // The organisations, fetched before the request that hangs, are in and keep their watermark.
    await store.swapped('org');
    const ended = store.nextEnd();
    expect(controller.cancel()).toBe(true);
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'cancelled' });
    expect(await ended).toMatchObject({ outcome: 'cancelled' });
    expect(store.watermarks.org).toBeDefined();
    expect(controller.cancel()).toBe(false);
  });

  it('ends the job when the window goes away', async () => {
    fake.fail({ path: /\/cache\/fac/, times: Infinity, with: { kind: 'hang' } });
    tuning = { ...FAST, requestTimeoutMs: 60_000 };
    controller = makeController();
    controller.start('user');
    await fake.waitForRequest((r) => r.pathname === '/cache/fac-0.json');
    store.closeFromStoreSide();
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'cancelled', code: 'store' });
    expect(controller.running).toBe(false);
  });
});

describe('dump import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdb-dump-'));
  const sample = readFileSync(new URL('../../../tools/fake-peeringdb/datasets/sample-dump.json', import.meta.url), 'utf8');

  async function importFile(name: string, text: string): Promise<SyncProgress> {
    const path = join(dir, name);
    writeFileSync(path, text);
    expect(controller.importDump(path)).toEqual({ started: true });
    await controller.idle();
    return events.at(-1)!;
  }

  it('loads every type of a dump as a snapshot, with its watermark', async () => {
    const end = await importFile('peeringdb_2_dump_2026_04_16.json', sample);
    expect(end).toMatchObject({ phase: 'done', source: 'dump' });
    const parsed = JSON.parse(sample) as Record<string, { data: { id: number; status: string }[] }>;
    for (const type of PDB_TYPES) {
      expect(liveIds(type)).toEqual(sorted(parsed[type]!.data.filter((r) => r.status !== 'deleted').map((r) => r.id)));
      expect(store.watermarks[type]).toBeGreaterThan(0);
    }
    expect(store.pages.every((p) => p.replace)).toBe(true);
    expect(fake.requests).toEqual([]);
  });

  it('touches nothing when the file is truncated, and calls it an import', async () => {
    await importFile('whole.json', sample);
    const before = PDB_TYPES.map((type) => liveIds(type));
    const end = await importFile('cut.json', sample.slice(0, sample.length - 5000));
    expect(end).toMatchObject({ phase: 'error', code: 'dump-format' });
    expect(end.message).toMatch(/cut\.json ends in the middle of its data .*cut off\. Nothing was changed/);
    expect(end.message).not.toMatch(/sync/i);
    // Nothing is called stored that the store only held for a swap that never came.
    expect(end.storedRows).toBe(0);
    expect(end.fetchedRows).toBeGreaterThan(0);
    // Rows were streamed to the store before the cut was found; none of them took effect.
    expect(store.pages.filter((page) => page.jobId === end.jobId).length).toBeGreaterThan(0);
    expect(store.swaps.filter((swap) => swap.jobId === end.jobId)).toEqual([]);
    expect(PDB_TYPES.map((type) => liveIds(type))).toEqual(before);
  });

  it('says a cancelled import left the copy as it was, not that a sync was cancelled', async () => {
    const path = join(dir, 'cancelled.json');
    writeFileSync(path, sample);
    store.onApplied = () => controller.cancel();
    expect(controller.importDump(path)).toEqual({ started: true });
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'cancelled', message: 'The import was cancelled. The local copy is as it was before it.' });
    expect(store.swaps).toEqual([]);
  });

  it('reads a dump saved as a Python literal', async () => {
    const net = [{ id: 5, org_id: 1, asn: 64_505, status: 'ok', created: '2020-01-01T00:00:00Z', updated: '2026-04-01T00:00:00Z', name: "O'Brien", info_ipv6: true, logo: null }];
    const repr = `{'net': {'data': [{'id': 5, 'org_id': 1, 'asn': 64505, 'status': 'ok', 'created': '2020-01-01T00:00:00Z', 'updated': '2026-04-01T00:00:00Z', 'name': "O'Brien", 'info_ipv6': True, 'logo': None}], 'meta': {}}}`;
    const end = await importFile('py.json', repr);
    expect(end.phase).toBe('done');
    expect(end.message).toMatch(/holds no org, campus/);
    expect(store.live('net')).toEqual(net);
  });

  it('says when the file cannot be read', async () => {
    expect(controller.importDump(join(dir, 'missing.json'))).toEqual({ started: true });
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'error', code: 'dump-format' });
    expect(events.at(-1)?.message).toMatch(/Cannot read missing\.json/);
  });
});

describe('what a sync reports', () => {
  it('counts each row once although pages overlap, and deleted rows apart', async () => {
    config.cacheUrl = null;
    tuning = { ...FAST, pageSize: 10, pageOverlap: 4 };
    controller = makeController();
    fake.cascadeDelete('net', 9);
    const end = await sync();
    expect(end.phase).toBe('done');
    expect(end.types.net).toMatchObject({ fetched: 24, deleted: 1, stored: 24, skipped: 0, done: true });
    // The pages did overlap: more rows were sent than the list holds.
    const netRowsSent = store.pages.filter((page) => page.type === 'net').reduce((sum, page) => sum + page.ids.length, 0);
    expect(netRowsSent).toBeGreaterThan(25);
    expect(end.fetchedRows).toBe(PDB_TYPES.reduce((sum, type) => sum + end.types[type]!.fetched, 0));
  });

  it('leaves out rows that fail the row schema, says which and why, and stores the rest', async () => {
    config.cacheUrl = null;
    fake.update('net', 4, { asn: 0 });
    fake.update('net', 5, { org_id: -3 });
    fake.update('netixlan', 2, { name: 12 as unknown as string });
    const end = await sync();
    expect(end.phase).toBe('done');
    expect(liveIds('net')).toEqual(sorted(idsOf(dataset, 'net').filter((id) => id !== 4 && id !== 5)));
    expect(store.live('netixlan').map((r) => r.id)).not.toContain(2);
    expect(end.skippedRows).toEqual({
      net: { 'asn is not an AS number (1 to 4294967295)': 1, 'org_id is not a whole number from 0 up': 1 },
      netixlan: { 'name is not text': 1 },
    });
    expect(end.types.net).toMatchObject({ skipped: 2 });
    expect(end.message).toBe(
      '3 rows were left out because they were not valid (net: 1 asn is not an AS number (1 to 4294967295), 1 org_id is not a whole number from 0 up; netixlan: 1 name is not text).',
    );
  });

  it("bounds every watermark by the server's clock, whatever a row claims", async () => {
    config.cacheUrl = null;
    fake.update('org', 3, { updated: '2100-01-01T00:00:00Z' });
    await sync();
    const bounds = store.messages.flatMap((message) => (message.t === 'page' ? [message.notAfter] : []));
    expect(new Set(bounds)).toEqual(new Set([fake.now() + WATERMARK_SKEW_SECONDS]));
  });
});

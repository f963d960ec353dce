/**
 * Pacing against PeeringDB's published limits, end to end: the sync engine against the fake
 * PeeringDB enforcing those limits with 429s, both on one clock that skips through waits.
 * The fake stands in for www.peeringdb.com here (`pacedDomain: null` paces every host).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEERINGDB_PUBLISHED_LIMITS } from '../../../tools/fake-peeringdb/rate-limit';
import { fetchTrustingLoopbackTls, LOOPBACK_TLS } from '../../../tools/fake-peeringdb/loopback-tls';
import { startFakePeeringDb, type FakePeeringDb, type RecordedRequest } from '../../../tools/fake-peeringdb/server';
import { smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import { PDB_TYPES } from '../../shared/peeringdb';
import type { SyncProgress } from '../../shared/sync';
import { pacingRule } from './api-sync';
import { createSyncController } from './controller';
import { MemoryStore } from './memory-store.test-support';
import { SkippingClock } from './skipping-clock.test-support';
import { DEFAULT_TUNING } from './tuning';
import type { SyncConfig, SyncController, SyncTuning } from './sync-types';

const KEY = 'key-with-user-rights';
const PACED_LOOPBACK: Partial<SyncTuning> = { pageSize: 10, pageOverlap: 0, pacedDomain: null, progressIntervalMs: 10 };

// The API key goes only over HTTPS: the fake answers over TLS, trusted by this test's fetch only.
const secureFetch = fetchTrustingLoopbackTls();

let clock: SkippingClock;
let fake: FakePeeringDb;
let store: MemoryStore;
let events: SyncProgress[];
let config: SyncConfig;

function controllerWith(tuning: Partial<SyncTuning>, fetch: typeof globalThis.fetch = secureFetch): SyncController {
  return createSyncController({
    openStoreLink: store.openLink,
    emitProgress: (progress) => events.push(progress),
    getConfig: () => config,
    fetch,
    tuning,
    clock,
    random: () => 0.5,
  });
}

async function sync(controller: SyncController): Promise<{ end: SyncProgress; requests: RecordedRequest[]; tookMs: number }> {
  fake.clearRequests();
  events = [];
  arrivals = [];
  const startedAt = clock.now();
  expect(controller.start('user')).toEqual({ started: true });
  await controller.idle();
  return { end: events.at(-1)!, requests: [...fake.requests], tookMs: clock.now() - startedAt };
}

/** Arrival times of this sync's requests on the limiter's clock, which is the client's. */
let arrivals: number[];
const gaps = () => arrivals.slice(1).map((t, i) => t - arrivals[i]!);

beforeEach(async () => {
  clock = new SkippingClock();
  arrivals = [];
  fake = await startFakePeeringDb({
    data: smallDataset(),
    apiKeys: [KEY],
    now: T0,
    tls: LOOPBACK_TLS,
    rateLimit: {
      ...PEERINGDB_PUBLISHED_LIMITS,
      now: () => {
        arrivals.push(clock.now());
        return clock.now();
      },
    },
  });
  store = new MemoryStore();
  events = [];
  config = { baseUrl: fake.apiUrl, apiKey: null, cacheUrl: null };
});

afterEach(async () => {
  await fake.stop();
});

/** The most arrivals within any rolling minute. */
function busiestMinute(times: number[]): number {
  let most = 0;
  for (const from of times) most = Math.max(most, times.filter((t) => t >= from && t < from + 60_000).length);
  return most;
}

describe('pacing against PeeringDB itself', () => {
  it('follows the published limits: 2 s apart, 20 a minute anonymous, 40 with a key, nothing for mirrors', () => {
    expect(pacingRule('https://www.peeringdb.com/api', false, DEFAULT_TUNING)).toEqual({ minIntervalMs: 2000, perMinute: 20 });
    expect(pacingRule('https://www.peeringdb.com/api', true, DEFAULT_TUNING)).toEqual({ minIntervalMs: 2000, perMinute: 40 });
    expect(pacingRule('https://peeringdb.com/api', false, DEFAULT_TUNING)).toEqual({ minIntervalMs: 2000, perMinute: 20 });
    expect(pacingRule('https://notpeeringdb.com/api', false, DEFAULT_TUNING)).toBeNull();
    expect(pacingRule('https://peeringdb.example.net/api', true, DEFAULT_TUNING)).toBeNull();
    expect(pacingRule('http://127.0.0.1:8000/api', true, DEFAULT_TUNING)).toBeNull();
  });

  it('resyncs 13 unchanged types anonymously in about 24 s, without a single 429', async () => {
    const controller = controllerWith(PACED_LOOPBACK);
    expect((await sync(controller)).end.phase).toBe('done');
    // The user resyncs a while later, once the first load's requests have left the rolling minute.
    await clock.sleep(60_000, new AbortController().signal);
    const { end, requests, tookMs } = await sync(controller);
    expect(end.phase).toBe('done');
    // One request a type: its changes since the watermark, unpaged, so no page can end early
    // or need an empty one after it.
    expect(requests.map((r) => r.pathname)).toEqual(PDB_TYPES.map((type) => `/api/${type}`));
    expect(requests.every((r) => r.query.limit === undefined && r.query.skip === undefined && r.query.depth === '0')).toBe(true);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(gaps()).toEqual(Array(12).fill(2000));
    // The first request goes at once, each of the other twelve 2 s after the one before.
    expect(tookMs).toBe(12 * 2000);
  });

  it('loads a first copy by paged lists in over 30 requests without a 429, as fast as the limits allow', async () => {
    const { end, requests } = await sync(controllerWith({ ...PACED_LOOPBACK, pageSize: 5 }));
    expect(end.phase).toBe('done');
    expect(requests.length).toBeGreaterThan(30);
    expect(requests.filter((r) => r.throttled || r.status === 429)).toEqual([]);
    expect(busiestMinute(arrivals)).toBe(20);
    // No more than the limits ask: each request goes the moment both rules allow it.
    for (let i = 1; i < arrivals.length; i++) {
      expect(arrivals[i], `request ${i}`).toBe(Math.max(arrivals[i - 1]! + 2000, i >= 20 ? arrivals[i - 20]! + 60_000 : 0));
    }
    expect(arrivals.length).toBe(requests.length);
  });

  it('keeps 2 s apart with a key, which holds it under 40 a minute', async () => {
    config.apiKey = KEY;
    const { end, requests } = await sync(controllerWith(PACED_LOOPBACK));
    expect(end.phase).toBe('done');
    expect(requests.every((r) => r.auth === 'api-key')).toBe(true);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(Math.min(...gaps())).toBe(2000);
    expect(busiestMinute(arrivals)).toBeLessThanOrEqual(40);
  });

  it('shows each wait in the progress while it lasts', async () => {
    const controller = controllerWith(PACED_LOOPBACK);
    await sync(controller);
    await sync(controller);
    const waits = events.filter((event) => event.waiting);
    expect(waits.length).toBeGreaterThanOrEqual(12);
    // 2 s between requests, longer where the first load filled the minute's 20.
    expect(waits.every((event) => event.waiting!.reason === 'pacing' && event.waiting!.ms >= 2000)).toBe(true);
    expect(waits.filter((event) => event.waiting!.ms === 2000).length).toBeGreaterThanOrEqual(10);
    // Each wait is over before its request's rows arrive, and the end shows none.
    expect(events.at(-1)!.waiting).toBeUndefined();
    const afterWaits = events.filter((event, i) => i > 0 && events[i - 1]!.waiting && !event.waiting);
    expect(afterWaits.length).toBeGreaterThan(0);
  });

  it('asks a server it does not pace (a mirror) for several types\' changes at once, each type once, and loses none', async () => {
    const unpaced = { ...PACED_LOOPBACK, pacedDomain: 'peeringdb.com' };
    expect((await sync(controllerWith(unpaced))).end.phase).toBe('done');
    await clock.sleep(60_000, new AbortController().signal);
    fake.tick(60);
    fake.update('net', 1, { name: 'Renamed while offline' });
    // Requests waiting for their answers, counted as the sync sends them.
    let waiting = 0;
    let mostWaiting = 0;
    const counting: typeof globalThis.fetch = async (input, init) => {
      mostWaiting = Math.max(mostWaiting, ++waiting);
      try {
        return await secureFetch(input, init);
      } finally {
        waiting--;
      }
    };
    const { end, requests } = await sync(controllerWith(unpaced, counting));
    expect(end.phase).toBe('done');
    expect(mostWaiting).toBeGreaterThan(2);
    // (The fake here also enforces PeeringDB's limits, which a mirror would not: the requests it throttled were asked again.)
    const answered = requests.filter((r) => r.status === 200).map((r) => r.pathname);
    expect(answered.sort()).toEqual(PDB_TYPES.map((type) => `/api/${type}`).sort());
    expect(store.live('net').find((row) => row.id === 1)?.name).toBe('Renamed while offline');
  });

  it('waits out Retry-After when a server throttles it, and carries on', async () => {
    // Unpaced (as a mirror would be), the client runs into the enforcing fake's limits.
    const { end, requests } = await sync(controllerWith({ ...PACED_LOOPBACK, pacedDomain: 'peeringdb.com' }));
    expect(end.phase).toBe('done');
    const throttled = requests.filter((r) => r.throttled);
    expect(throttled.length).toBeGreaterThan(0);
    for (const refused of throttled) {
      const i = requests.indexOf(refused);
      expect(arrivals[i + 1]! - arrivals[i]!, `after request ${i}`).toBeGreaterThanOrEqual(refused.throttled!.retryAfterSeconds * 1000);
    }
    expect(store.live('net').length).toBe(25);
    const rateLimitWaits = events.filter((event) => event.waiting?.reason === 'rate-limited');
    expect(rateLimitWaits.map((event) => event.waiting!.ms)).toContain(2000);
  });
});

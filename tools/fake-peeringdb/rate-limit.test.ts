/** The fake PeeringDB's query limits, as a client sees them: 429, Retry-After, DRF's body. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEERINGDB_PUBLISHED_LIMITS } from './rate-limit';
import { startFakePeeringDb, type FakePeeringDb } from './server';
import { smallDataset, T0 } from './datasets/small';

const KEY = 'limits-key';
let fake: FakePeeringDb;
let nowMs: number;

beforeEach(async () => {
  nowMs = Date.UTC(2026, 3, 16, 12);
  fake = await startFakePeeringDb({ data: smallDataset(), apiKeys: [KEY], now: T0, rateLimit: { ...PEERINGDB_PUBLISHED_LIMITS, now: () => nowMs } });
});

afterEach(async () => {
  await fake.stop();
});

async function get(path: string, key?: string): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const response = await fetch(`${fake.url}${path}`, key ? { headers: { Authorization: `Api-Key ${key}` } } : {});
  const text = await response.text();
  const json = response.headers.get('content-type') === 'application/json';
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: json ? JSON.parse(text) : text };
}

/** `count` requests `spacingMs` apart on the limiter's clock; the statuses in order. */
async function burst(count: number, spacingMs: number, key?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) nowMs += spacingMs;
    statuses.push((await get('/api/net?limit=1', key)).status);
  }
  return statuses;
}

describe('query limits', () => {
  it('answers a request less than 2 s after the last with 429, Retry-After and PeeringDB\'s throttle body', async () => {
    expect((await get('/api/org')).status).toBe(200);
    nowMs += 1500;
    const refused = await get('/api/org');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body).toEqual({
      message: 'Request was throttled. Expected available in 1 second.',
      meta: { error: 'Too Many Requests' },
    });
    expect(fake.requests.at(-1)!.throttled).toEqual({ retryAfterSeconds: 1 });
    nowMs += 500;
    // Too soon is measured from the last request, refused or not.
    expect((await get('/api/org')).status).toBe(429);
    nowMs += 2000;
    expect((await get('/api/org')).status).toBe(200);
  });

  it('lets 20 anonymous requests through in a rolling minute and refuses the 21st until the first has left it', async () => {
    expect(await burst(20, 2000)).toEqual(Array(20).fill(200));
    nowMs += 2000; // 40 s after the first
    const refused = await get('/api/net');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('20');
    nowMs += 20_000 - 1; // a millisecond short of a minute after the first
    expect((await get('/api/net')).status).toBe(429);
    nowMs += 2000;
    expect((await get('/api/net')).status).toBe(200);
  });

  it('counts each API key apart from anonymous callers, with 40 a minute', async () => {
    expect(await burst(20, 2000)).toEqual(Array(20).fill(200));
    nowMs += 2000;
    // The anonymous minute is full; the key's is not.
    expect(await burst(29, 2000, KEY)).toEqual(Array(29).fill(200));
    const keyOnly = await startFakePeeringDb({ data: smallDataset(), apiKeys: [KEY], now: T0, rateLimit: { ...PEERINGDB_PUBLISHED_LIMITS, minIntervalMs: 0, now: () => nowMs } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 41; i++) {
        const response = await fetch(`${keyOnly.apiUrl}/org`, { headers: { Authorization: `Api-Key ${KEY}` } });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array(40).fill(200), 429]);
    } finally {
      await keyOnly.stop();
    }
  });

  it('leaves the bulk cache alone, spends no scripted fault on a refused request, and can be turned off', async () => {
    expect((await get('/cache/org-0.json')).status).toBe(200);
    expect((await get('/cache/net-0.json')).status).toBe(200);
    const fault = fake.fail({ path: '/api/org', with: { status: 503 } });
    expect((await get('/api/net')).status).toBe(200);
    expect((await get('/api/org')).status).toBe(429);
    expect(fault.remaining).toBe(1);
    fake.limitRate(null);
    expect((await get('/api/org')).status).toBe(503);
    expect(await burst(30, 0)).toEqual(Array(30).fill(200));
  });
});

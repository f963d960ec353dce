/**
 * Where the API key travels during a sync: only over HTTPS, only to the origin the sync was
 * configured with, never along a redirect to anywhere else, never to the bulk cache. Every
 * request any server receives is checked, not only the ones the fake PeeringDB logs.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createServer as createTlsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTrustingLoopbackTls, LOOPBACK_TLS } from '../../../tools/fake-peeringdb/loopback-tls';
import { startFakePeeringDb, type FakePeeringDb } from '../../../tools/fake-peeringdb/server';
import { smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import type { SyncProgress } from '../../shared/sync';
import { createSyncController } from './controller';
import { MemoryStore } from './memory-store.test-support';
import type { SyncConfig, SyncTuning } from './sync-types';

const KEY = 'transport-test-key';
const FAST: Partial<SyncTuning> = {
  pageSize: 50,
  pageOverlap: 0,
  requestTimeoutMs: 2_000,
  stallTimeoutMs: 2_000,
  maxAttempts: 2,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  progressIntervalMs: 10,
};
const dataset = smallDataset();
const secureFetch = fetchTrustingLoopbackTls();

let secureFake: FakePeeringDb;
let plainFake: FakePeeringDb;
let extraServers: Server[];
/** Every Authorization header any extra server saw, by the server's origin. */
let seenByExtras: { origin: string; authorization: string | undefined }[];

beforeEach(async () => {
  secureFake = await startFakePeeringDb({ data: dataset, apiKeys: [KEY], now: T0, tls: LOOPBACK_TLS });
  plainFake = await startFakePeeringDb({ data: dataset, apiKeys: [KEY], now: T0 });
  extraServers = [];
  seenByExtras = [];
});

afterEach(async () => {
  await Promise.all([secureFake.stop(), plainFake.stop()]);
  await Promise.all(extraServers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function sync(config: SyncConfig): Promise<SyncProgress> {
  const events: SyncProgress[] = [];
  const store = new MemoryStore();
  const controller = createSyncController({
    openStoreLink: store.openLink,
    emitProgress: (progress) => events.push(progress),
    getConfig: () => config,
    fetch: secureFetch,
    tuning: FAST,
    random: () => 0.5,
  });
  expect(controller.start('user')).toEqual({ started: true });
  await controller.idle();
  return events.at(-1)!;
}

/** An HTTPS server on loopback that answers every request with `answer`, recording what it saw. */
async function startServer(answer: (path: string, headers: IncomingHttpHeaders) => { status: number; location?: string }): Promise<string> {
  let origin = '';
  const server = createTlsServer(LOOPBACK_TLS, (req, res) => {
    seenByExtras.push({ origin, authorization: req.headers.authorization });
    const { status, location } = answer(req.url ?? '/', req.headers);
    res.writeHead(status, location ? { location } : {});
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  extraServers.push(server);
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return origin;
}

const keyed = (fake: FakePeeringDb) => fake.requests.filter((request) => request.auth !== 'none');

describe('the API key on the wire', () => {
  it('goes with every request to the configured HTTPS origin', async () => {
    const end = await sync({ baseUrl: secureFake.apiUrl, apiKey: KEY, cacheUrl: null });
    expect(end.phase).toBe('done');
    expect(secureFake.requests.length).toBeGreaterThan(0);
    expect(secureFake.requests.every((request) => request.apiKey === KEY)).toBe(true);
  });

  it('never goes over plain http, even to this computer: the sync stops and says why', async () => {
    const end = await sync({ baseUrl: plainFake.apiUrl, apiKey: KEY, cacheUrl: null });
    expect(end).toMatchObject({ phase: 'error', code: 'auth' });
    expect(end.message).toMatch(/sent only over HTTPS.*Set an https:\/\/ address in Settings/);
    expect(plainFake.requests).toEqual([]);
  });

  it('never goes to the public bulk cache', async () => {
    const end = await sync({ baseUrl: secureFake.apiUrl, apiKey: null, cacheUrl: secureFake.cacheUrl });
    expect(end.phase).toBe('done');
    expect(keyed(secureFake)).toEqual([]);
  });

  it('follows a redirect within the same origin, key and all', async () => {
    // /api/… → /api/…/ on the same host, as a trailing-slash rule on a server would do.
    const origin = await startServer((path) =>
      path.startsWith('/moved/') ? { status: 404 } : { status: 307, location: `/moved${path}` },
    );
    const end = await sync({ baseUrl: `${origin}/api`, apiKey: KEY, cacheUrl: null });
    expect(end).toMatchObject({ phase: 'error', code: 'server' });
    // Both hops reached the one origin the key is for, with the key.
    expect(seenByExtras.map((seen) => seen.authorization)).toEqual([`Api-Key ${KEY}`, `Api-Key ${KEY}`]);
  });

  it.each([
    ['another port of the same host', () => secureFake.apiUrl],
    ['plain http on the same host', () => plainFake.apiUrl],
  ])('is never carried along a redirect to %s', async (_label, target) => {
    const origin = await startServer((path) => ({ status: 301, location: `${target()}${path.replace(/^\/api/, '')}` }));
    const end = await sync({ baseUrl: `${origin}/api`, apiKey: KEY, cacheUrl: null });
    expect(end).toMatchObject({ phase: 'error', code: 'server' });
    expect(end.message).toMatch(/redirected .* API key is sent only to the address in Settings/);
    expect(secureFake.requests).toEqual([]);
    expect(plainFake.requests).toEqual([]);
  });

  it('gives up on a redirect loop on its own origin', async () => {
    const origin = await startServer((path) => ({ status: 302, location: path }));
    const end = await sync({ baseUrl: `${origin}/api`, apiKey: KEY, cacheUrl: null });
    expect(end).toMatchObject({ phase: 'error', code: 'server' });
    expect(end.message).toMatch(/redirected too many times/);
  });

  it.each([
    ['plain http to another computer', 'http://192.0.2.1/api'],
    ['credentials in the address', 'https://user:pass@127.0.0.1:1/api'],
    ['a query in the address', 'https://127.0.0.1:1/api?x=1'],
  ])('is not sent, nor anything else, to an address with %s', async (_label, baseUrl) => {
    const end = await sync({ baseUrl, apiKey: KEY, cacheUrl: null });
    expect(end).toMatchObject({ phase: 'error', code: 'server' });
    expect(end.message).toMatch(/Check it in Settings/);
  });
});

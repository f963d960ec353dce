/**
 * A fake PeeringDB on loopback for tests, the benchmark and manual runs: the REST API at
 * `/api/{tag}` and the public bulk cache at `/cache/{tag}-0.json`, over an in-memory
 * dataset with a virtual clock, with scripted faults and a log of every request.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isPdbType, type PdbRow, type PdbType } from '../../src/shared/peeringdb';
import { apiError, getRow, listRows, type ApiResult } from './api';
import type { PdbDump } from './dump';
import { FaultScript, faultKind, type Fault, type FaultHandle, type FaultRule } from './faults';
import { PublicCache } from './public-cache';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { authOf, RequestLog, type RecordedRequest } from './request-log';
import { PdbStore, type VirtualClock } from './store';
import type { Viewer } from './visibility';

export type { FaultHandle, FaultRule } from './faults';
export type { RateLimitOptions } from './rate-limit';
export type { RecordedRequest } from './request-log';

export interface FakePeeringDbOptions {
  /** The rows to serve, in the dump shape; not modified. */
  data?: PdbDump;
  /** Keys accepted in `Authorization: Api-Key <key>`. */
  apiKeys?: readonly string[];
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Virtual clock start, epoch seconds; default the later of now and the newest row + 1 s. */
  now?: number;
  /** Serve HTTPS with this key and certificate (see loopback-tls.ts), as PeeringDB does. */
  tls?: { key: string; cert: string };
  /** Enforce PeeringDB's query limits on the API with 429s (see rate-limit.ts); off by default. */
  rateLimit?: RateLimitOptions;
}

export interface FakePeeringDb {
  /** Origin, e.g. http://127.0.0.1:41234 (https:// with `tls`) */
  readonly url: string;
  /** The API base a client is configured with (PEERINGDB_URL), e.g. http://127.0.0.1:41234/api */
  readonly apiUrl: string;
  /** The public bulk cache base: `${cacheUrl}/{tag}-0.json`. */
  readonly cacheUrl: string;
  readonly port: number;
  readonly clock: VirtualClock;

  now(): number;
  setNow(epochSeconds: number): void;
  tick(seconds: number): number;

  count(type: PdbType): number;
  get<T extends PdbType>(type: T, id: number): PdbRow<T> | undefined;
  add<T extends PdbType>(type: T, row: Partial<PdbRow<T>>): PdbRow<T>;
  update<T extends PdbType>(type: T, id: number, patch: Partial<PdbRow<T>>): PdbRow<T>;
  remove<T extends PdbType>(type: T, id: number): PdbRow<T>;
  cascadeDelete(type: PdbType, id: number): { type: PdbType; id: number }[];

  addApiKey(key: string): void;
  revokeApiKey(key: string): void;

  fail(rule: FaultRule): FaultHandle;
  clearFaults(): void;
  /** Starts enforcing the query limits afresh (no history), or stops with null. */
  limitRate(options: RateLimitOptions | null): void;

  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;

  /** Re-snapshots the public cache at the clock's time; returns its `meta.generated`. */
  refreshCache(): number;
  readonly cacheGeneratedAt: number;

  stop(): Promise<void>;
}

interface Prepared {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const JSON_TYPE = 'application/json';

function prepareJson(result: ApiResult): Prepared {
  return { status: result.status, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(JSON.stringify(result.body)) };
}

function prepareStatusFault(fault: Extract<Fault, { status: number }>): Prepared {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  let body: string;
  if (fault.body !== undefined) {
    body = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
    headers['content-type'] ??= typeof fault.body === 'string' ? 'text/plain' : JSON_TYPE;
  } else if (fault.status === 429) {
    const wait = fault.retryAfter ?? 60;
    // DRF's throttle body as PeeringDB renders it (exceptions.py).
    body = JSON.stringify({
      message: `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
      meta: { error: 'Too Many Requests' },
    });
    headers['content-type'] = JSON_TYPE;
  } else if (fault.status >= 500) {
    // What a gateway in front of the API sends: HTML, not the JSON envelope.
    body = `<html><head><title>${fault.status}</title></head><body><h1>${fault.status} Server Error</h1></body></html>`;
    headers['content-type'] = 'text/html';
  } else {
    body = JSON.stringify({ meta: { error: `HTTP ${fault.status}` } });
    headers['content-type'] = JSON_TYPE;
  }
  return { status: fault.status, headers, body: Buffer.from(body) };
}

function delay(ms: number | undefined): Promise<void> {
  return ms && ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const API_PATH = /^\/api\/([A-Za-z_]+)(?:\.json)?\/?$/;
const API_ONE_PATH = /^\/api\/([A-Za-z_]+)\/(\d+)(?:\.json)?\/?$/;
const CACHE_PATH = /^\/cache\/([a-z_]+)-0\.json$/;

export async function startFakePeeringDb(options: FakePeeringDbOptions = {}): Promise<FakePeeringDb> {
  const store = new PdbStore(options.data ?? {}, options.now);
  const cache = new PublicCache(store);
  const apiKeys = new Set(options.apiKeys ?? []);
  const faults = new FaultScript();
  const log = new RequestLog();
  let limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
  let stopping = false;

  function answerApi(pathname: string, query: URLSearchParams, entry: RecordedRequest): ApiResult {
    if (entry.auth === 'basic') {
      return apiError(403, 'Basic authentication is no longer supported. Use an API key (Authorization: Api-Key <key>).');
    }
    if (entry.auth === 'other') {
      return apiError(401, 'Invalid authorization header. Use "Authorization: Api-Key <key>".');
    }
    if (entry.auth === 'api-key' && !apiKeys.has(entry.apiKey ?? '')) {
      return apiError(401, 'Invalid API key');
    }
    const viewer: Viewer = { authenticated: entry.auth === 'api-key' };
    const one = API_ONE_PATH.exec(pathname);
    if (one) {
      const type = one[1]!.toLowerCase();
      if (!isPdbType(type)) return apiError(404, 'Not found.');
      return getRow(store, type, Number(one[2]), viewer);
    }
    const list = API_PATH.exec(pathname);
    const type = list?.[1]?.toLowerCase();
    if (!type || !isPdbType(type)) return apiError(404, 'Not found.');
    return listRows(store, type, query, viewer);
  }

  function prepare(pathname: string, query: URLSearchParams, entry: RecordedRequest): Prepared {
    const cached = CACHE_PATH.exec(pathname);
    if (cached) {
      const type = cached[1]!;
      if (!isPdbType(type)) return prepareJson(apiError(404, 'Not found.'));
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: cache.fileBytes(type) };
    }
    if (pathname.startsWith('/api/')) return prepareJson(answerApi(pathname, query, entry));
    return prepareJson(apiError(404, 'Not found.'));
  }

  async function deliver(res: ServerResponse, prepared: Prepared, fault: Fault | undefined): Promise<void> {
    const { status, headers, body } = prepared;
    if (!fault || 'status' in fault) {
      res.writeHead(status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    switch (fault.kind) {
      case 'slow': {
        await delay(fault.headersDelayMs);
        if (res.destroyed) return;
        res.writeHead(status, { ...headers, 'content-length': String(body.length) });
        const half = Math.floor(body.length / 2);
        res.write(body.subarray(0, half));
        await delay(fault.bodyDelayMs);
        if (res.destroyed) return;
        res.end(body.subarray(half));
        return;
      }
      case 'cut': {
        const fraction = Math.min(Math.max(fault.fraction ?? 0.5, 0), 0.99);
        res.writeHead(status, { ...headers, 'content-length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length * fraction)), () => res.socket?.destroy());
        return;
      }
      case 'malformed': {
        const text = fault.body !== undefined ? Buffer.from(fault.body) : body.subarray(0, Math.floor(body.length / 2));
        res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(text.length) });
        res.end(text);
        return;
      }
      case 'hang':
        return;
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const entry: RecordedRequest = {
      seq: log.nextSeq(),
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      ...authOf(req.headers),
      at: store.clock.now(),
    };
    // PeeringDB throttles before it does anything else, and a throttled request uses no fault.
    const retryAfter = limiter && url.pathname.startsWith('/api/') ? limiter.check(entry) : null;
    const fault = retryAfter === null ? faults.take(entry) : ({ status: 429, retryAfter } satisfies Fault);
    if (retryAfter !== null) entry.throttled = { retryAfterSeconds: retryAfter };
    else if (fault) entry.fault = faultKind(fault);
    let prepared: Prepared;
    if (fault && 'status' in fault) {
      prepared = prepareStatusFault(fault);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      prepared = prepareJson(apiError(405, `Method "${req.method}" not allowed.`));
    } else {
      prepared = prepare(url.pathname, url.searchParams, entry);
    }
    // PeeringDB's clock is the virtual one: its Date header says so, as a real server's would.
    prepared.headers = { date: new Date(store.clock.now() * 1000).toUTCString(), ...prepared.headers };
    const kind = fault ? faultKind(fault) : undefined;
    if (kind !== 'hang' && kind !== 'reset') entry.status = kind === 'malformed' ? 200 : prepared.status;
    log.record(entry);
    await deliver(res, prepared, fault);
  }

  const listener: RequestListener = (req, res) => {
    if (stopping) {
      res.socket?.destroy();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.socket?.destroy();
        return;
      }
      const body = JSON.stringify({ meta: { error: `fake PeeringDB failed: ${(error as Error).message}` } });
      res.writeHead(500, { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  };
  // Without noDelay, loopback answers wait for delayed ACKs: some 40 ms a request.
  const server = options.tls
    ? createTlsServer({ ...options.tls, noDelay: true }, listener)
    : createServer({ noDelay: true }, listener);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}/api`,
    cacheUrl: `${origin}/cache`,
    port,
    clock: store.clock,
    now: () => store.clock.now(),
    setNow: (t) => store.clock.set(t),
    tick: (s) => store.clock.tick(s),
    count: (type) => store.count(type),
    get: (type, id) => store.get(type, id),
    add: (type, row) => store.add(type, row),
    update: (type, id, patch) => store.update(type, id, patch),
    remove: (type, id) => store.remove(type, id),
    cascadeDelete: (type, id) => store.cascadeDelete(type, id),
    addApiKey: (key) => void apiKeys.add(key),
    revokeApiKey: (key) => void apiKeys.delete(key),
    fail: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    limitRate: (limits) => {
      limiter = limits ? new RateLimiter(limits) : null;
    },
    get requests() {
      return log.all;
    },
    clearRequests: () => log.clear(),
    waitForRequest: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    refreshCache: () => cache.refresh(),
    get cacheGeneratedAt() {
      return cache.generatedAt;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        faults.clear();
        server.close(() => resolve());
        // Hanging and keep-alive connections would hold close() open forever.
        server.closeAllConnections();
      }),
  };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdbRow, PdbType } from '../../src/shared/peeringdb';
import type { PdbDump } from './dump';
import { completeRow, epochToPdbTime } from './rows';
import { startFakePeeringDb, type FakePeeringDb } from './server';

const T0 = 1_776_000_000; // 2026-04-12T13:20:00Z
const KEY = 'valid-key-123';

function row<T extends PdbType>(type: T, id: number, at: number, values: Partial<PdbRow<T>>): PdbRow<T> {
  return completeRow(type, id, at, values);
}

function smallDump(): PdbDump {
  const pocs: PdbRow<'poc'>[] = [];
  // Ten contacts per page of ten: the anonymous view of each page is visibly short.
  const visibilities = ['Public', 'Users', 'Private', 'Users', 'Public', 'Users', 'Users', 'Private', 'Users', 'Users'] as const;
  for (let id = 1; id <= 30; id += 1) {
    pocs.push(row('poc', id, T0 - 1000 + id, { net_id: 1 + (id % 3), role: 'NOC', visible: visibilities[(id - 1) % 10]!, name: `Contact ${id}`, email: `c${id}@example.net` }));
  }
  return {
    org: { data: [row('org', 1, T0 - 5000, { name: 'Org One' })], meta: {} },
    net: {
      data: [
        row('net', 3, T0 - 100, { org_id: 1, name: 'Net Three', asn: 64503 }),
        row('net', 1, T0 - 300, { org_id: 1, name: 'Net One', asn: 64501 }),
        row('net', 2, T0 - 200, { org_id: 1, name: 'Net Two', asn: 64502 }),
        row('net', 4, T0 - 50, { org_id: 1, name: 'Net Gone', asn: 64504, status: 'deleted' }),
      ],
      meta: {},
    },
    netixlan: {
      data: [
        row('netixlan', 10, T0 - 500, { net_id: 1, ix_id: 1, ixlan_id: 1, asn: 64501, speed: 10000, ipaddr4: '192.0.2.1' }),
        row('netixlan', 11, T0 - 500, { net_id: 2, ix_id: 1, ixlan_id: 1, asn: 64502, speed: 100000, ipaddr4: '192.0.2.2' }),
      ],
      meta: {},
    },
    netfac: { data: [row('netfac', 20, T0 - 500, { net_id: 1, fac_id: 5, local_asn: 64501 })], meta: {} },
    ixlan: {
      data: [
        row('ixlan', 1, T0 - 900, { ix_id: 1, ixf_ixp_member_list_url: 'https://ix.example/members.json', ixf_ixp_member_list_url_visible: 'Users' }),
        row('ixlan', 2, T0 - 900, { ix_id: 2, ixf_ixp_member_list_url: 'https://ix2.example/members.json', ixf_ixp_member_list_url_visible: 'Public' }),
      ],
      meta: {},
    },
    campus: {
      data: [
        row('campus', 1, T0 - 900, { org_id: 1, name: 'Campus ok' }),
        row('campus', 2, T0 - 900, { org_id: 1, name: 'Campus pending', status: 'pending' }),
      ],
      meta: {},
    },
    poc: { data: pocs, meta: {} },
  };
}

interface Envelope {
  data: Record<string, unknown>[];
  meta: Record<string, unknown>;
}

let fake: FakePeeringDb;

async function getJson(path: string, init: RequestInit = {}): Promise<{ status: number; body: Envelope; headers: Headers }> {
  const response = await fetch(`${fake.url}${path}`, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Envelope };
}

const ids = (body: Envelope): unknown[] => body.data.map((r) => r.id);
const withKey = (key: string): RequestInit => ({ headers: { Authorization: `Api-Key ${key}` } });

beforeEach(async () => {
  fake = await startFakePeeringDb({ data: smallDump(), apiKeys: [KEY], now: T0 });
});

afterEach(async () => {
  await fake.stop();
});

describe('lists without since', () => {
  it('serves only ok rows, ordered by id, in the API envelope, with or without .json', async () => {
    const { status, body } = await getJson('/api/net');
    expect(status).toBe(200);
    expect(body.meta).toEqual({});
    expect(ids(body)).toEqual([1, 2, 3]);
    expect(ids((await getJson('/api/net.json')).body)).toEqual([1, 2, 3]);
    expect(ids((await getJson('/api/campus')).body)).toEqual([1]);
  });

  it('serves every field of a row in the API key order', async () => {
    const { body } = await getJson('/api/netixlan?id=10');
    expect(Object.keys(body.data[0]!)).toEqual([
      'id', 'net_id', 'ix_id', 'name', 'ixlan_id', 'notes', 'speed', 'asn', 'ipaddr4', 'ipaddr6',
      'is_rs_peer', 'bfd_support', 'operational', 'net_side_id', 'ix_side_id', 'created', 'updated', 'status',
    ]);
  });

  it('filters by id, id__in, asn and net_id', async () => {
    expect(ids((await getJson('/api/net?id=2')).body)).toEqual([2]);
    expect(ids((await getJson('/api/net?id__in=1,3,99')).body)).toEqual([1, 3]);
    expect(ids((await getJson('/api/net?asn=64502')).body)).toEqual([2]);
    expect(ids((await getJson('/api/netixlan?net_id=2')).body)).toEqual([11]);
    expect(ids((await getJson('/api/net?unknown_param=1')).body)).toEqual([1, 2, 3]);
  });

  it('answers a single object, and 404 for a deleted one', async () => {
    expect(ids((await getJson('/api/net/2')).body)).toEqual([2]);
    const gone = await getJson('/api/net/4');
    expect(gone.status).toBe(404);
    expect(gone.body.meta.error).toBe('Not found.');
  });
});

describe('since', () => {
  it('is strict at whole seconds on max(created, updated) and includes deleted rows', async () => {
    fake.update('net', 1, { name: 'Net One renamed' }); // updated = T0
    fake.tick(1);
    fake.remove('net', 2); // updated = T0 + 1

    expect(ids((await getJson(`/api/net?since=${T0 - 1}`)).body)).toEqual([1, 2]);
    expect(ids((await getJson(`/api/net?since=${T0}`)).body)).toEqual([2]);
    expect(ids((await getJson(`/api/net?since=${T0 + 1}`)).body)).toEqual([]);

    const feed = (await getJson(`/api/net?since=${T0 - 60}`)).body;
    expect(feed.data.find((r) => r.id === 4)?.status).toBe('deleted');
    expect(feed.data.find((r) => r.id === 2)).toMatchObject({ status: 'deleted', updated: epochToPdbTime(T0 + 1) });
    // The plain list no longer has the deleted row.
    expect(ids((await getJson('/api/net')).body)).toEqual([1, 3]);
  });

  it('orders the change feed by updated, oldest first', async () => {
    fake.update('net', 3, { notes: 'first' });
    fake.tick(5);
    fake.update('net', 1, { notes: 'second' });
    const { body } = await getJson(`/api/net?since=${T0 - 1000}`);
    expect(ids(body)).toEqual([2, 4, 3, 1]);
    const updated = body.data.map((r) => Date.parse(String(r.updated)));
    expect([...updated].sort((a, b) => a - b)).toEqual(updated);
  });

  it('keeps the change feed in order as rows change after it was first asked for (id within a second)', async () => {
    expect(ids((await getJson(`/api/net?since=${T0 - 1000}`)).body)).toEqual([1, 2, 3, 4]);
    fake.tick(5);
    fake.update('net', 3, { notes: 'changed' });
    fake.update('net', 1, { notes: 'changed in the same second' });
    fake.tick(5);
    fake.add('net', { id: 5, org_id: 1, asn: 64_505, name: 'Added later' });
    const { body } = await getJson(`/api/net?since=${T0 - 1000}`);
    expect(ids(body)).toEqual([2, 4, 1, 3, 5]);
    expect(ids((await getJson(`/api/net?since=${T0 + 1}`)).body)).toEqual([1, 3, 5]);
  });

  it('includes pending campuses only in the change feed', async () => {
    expect(ids((await getJson('/api/campus?since=1')).body)).toEqual([1, 2]);
  });

  it('treats since=0 as the plain list', async () => {
    expect(ids((await getJson('/api/net?since=0')).body)).toEqual([1, 2, 3]);
  });

  it('rejects a since that is not a unix timestamp with the upstream error', async () => {
    const bad = await getJson('/api/net?since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.meta.error).toBe("'since' needs to be a unix timestamp (epoch seconds)");
    expect((await getJson('/api/net?limit=ten')).body.meta.error).toBe("'limit' needs to be a number");
  });
});

describe('soft deletes', () => {
  it('cascades a network delete to its contacts, facilities and IXP connections in their own feeds', async () => {
    fake.tick(10);
    const deleted = fake.cascadeDelete('net', 1);
    expect(deleted[0]).toEqual({ type: 'net', id: 1 });
    const since = T0 + 9;
    expect(ids((await getJson(`/api/netixlan?since=${since}`)).body)).toEqual([10]);
    expect(ids((await getJson(`/api/netfac?since=${since}`)).body)).toEqual([20]);
    const pocs = (await getJson(`/api/poc?since=${since}`, withKey(KEY))).body.data;
    expect(pocs.length).toBeGreaterThan(0);
    for (const poc of pocs) {
      expect(poc).toMatchObject({ net_id: 1, status: 'deleted', name: '', phone: '', email: '', url: '' });
    }
    expect(ids((await getJson('/api/netixlan')).body)).toEqual([11]);
  });

  it('adds rows with every field filled and stamped by the clock', async () => {
    fake.tick(3);
    const added = fake.add('net', { name: 'Newcomer', asn: 64599, org_id: 1 });
    expect(added.id).toBe(5);
    const { body } = await getJson(`/api/net?since=${T0 + 2}`);
    expect(body.data).toEqual([added]);
    expect(body.data[0]).toMatchObject({ created: epochToPdbTime(T0 + 3), info_types: [], policy_general: '' });
  });
});

describe('paging and visibility', () => {
  it('drops hidden contacts after slicing: anonymous pages are short but not empty until the end', async () => {
    const collected: unknown[] = [];
    const sizes: number[] = [];
    for (let skip = 0; ; skip += 10) {
      const { body } = await getJson(`/api/poc?limit=10&skip=${skip}`);
      if (body.data.length === 0) break;
      sizes.push(body.data.length);
      collected.push(...ids(body));
    }
    expect(sizes).toEqual([2, 2, 2]);
    expect(collected).toEqual([1, 5, 11, 15, 21, 25]);
  });

  it('shows Users contacts to a valid key and Private contacts to nobody', async () => {
    const anonymous = (await getJson('/api/poc')).body.data;
    const keyed = (await getJson('/api/poc', withKey(KEY))).body.data;
    expect(new Set(anonymous.map((r) => r.visible))).toEqual(new Set(['Public']));
    expect(new Set(keyed.map((r) => r.visible))).toEqual(new Set(['Public', 'Users']));
    expect(keyed).toHaveLength(24);
  });

  it('removes an IX-F member list URL the caller may not see', async () => {
    const anonymous = (await getJson('/api/ixlan')).body.data;
    expect(anonymous[0]).not.toHaveProperty('ixf_ixp_member_list_url');
    expect(anonymous[1]).toHaveProperty('ixf_ixp_member_list_url', 'https://ix2.example/members.json');
    const keyed = (await getJson('/api/ixlan', withKey(KEY))).body.data;
    expect(keyed[0]).toHaveProperty('ixf_ixp_member_list_url', 'https://ix.example/members.json');
  });
});

describe('authentication', () => {
  it('rejects a bad key with 401 and Basic auth with 403, both with meta.error', async () => {
    const bad = await getJson('/api/net', withKey('nope'));
    expect(bad.status).toBe(401);
    expect(typeof bad.body.meta.error).toBe('string');
    expect(bad.body).not.toHaveProperty('data');

    const basic = await getJson('/api/net', { headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` } });
    expect(basic.status).toBe(403);
    expect(typeof basic.body.meta.error).toBe('string');
  });

  it('logs what each request sent', async () => {
    await getJson('/api/net?since=5', withKey(KEY));
    await getJson('/api/org');
    const [first, second] = fake.requests;
    expect(first).toMatchObject({ pathname: '/api/net', query: { since: '5' }, auth: 'api-key', apiKey: KEY, status: 200 });
    expect(second).toMatchObject({ pathname: '/api/org', auth: 'none', status: 200 });
    fake.clearRequests();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('scripted faults', () => {
  it('answers 429 with Retry-After the given number of times, then serves the data', async () => {
    const rule = fake.fail({ path: /\/api\/net/, times: 2, with: { status: 429, retryAfter: 2 } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const throttled = await getJson('/api/net');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('2');
      expect(throttled.body.meta.error).toBe('Too Many Requests');
    }
    expect(rule.hits).toBe(2);
    expect((await getJson('/api/net')).status).toBe(200);
    expect((await getJson('/api/org')).status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual(['status', 'status', undefined, undefined]);
  });

  it('answers a 5xx with an HTML body', async () => {
    fake.fail({ path: '/api/org', with: { status: 502 } });
    const response = await fetch(`${fake.apiUrl}/org`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    await expect(response.text()).resolves.toContain('502');
  });

  it('cuts a body off half way', async () => {
    fake.fail({ path: /\/api\/poc/, with: { kind: 'cut' } });
    const response = await fetch(`${fake.apiUrl}/poc`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await getJson('/api/poc')).status).toBe(200);
  });

  it('sends malformed JSON with a 200', async () => {
    fake.fail({ path: /\/api\/net/, with: { kind: 'malformed' } });
    const response = await fetch(`${fake.apiUrl}/net`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('hangs until the client gives up', async () => {
    fake.fail({ path: /\/api\/net/, with: { kind: 'hang' } });
    const controller = new AbortController();
    const pending = fetch(`${fake.apiUrl}/net`, { signal: controller.signal });
    const seen = await fake.waitForRequest((r) => r.pathname === '/api/net');
    expect(seen.fault).toBe('hang');
    expect(seen.status).toBeUndefined();
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('delivers a slow response intact', async () => {
    fake.fail({ path: /\/api\/net/, with: { kind: 'slow', headersDelayMs: 20, bodyDelayMs: 20 } });
    expect(ids((await getJson('/api/net')).body)).toEqual([1, 2, 3]);
  });

  it('resets the connection', async () => {
    fake.fail({ path: /\/api\/net/, with: { kind: 'reset' } });
    await expect(fetch(`${fake.apiUrl}/net`)).rejects.toThrow();
  });
});

describe('public cache', () => {
  it('serves an anonymous snapshot stamped with meta.generated, refreshed on demand', async () => {
    const first = await getJson('/cache/poc-0.json', withKey(KEY));
    expect(first.body.meta.generated).toBe(T0);
    expect(new Set(first.body.data.map((r) => r.visible))).toEqual(new Set(['Public']));
    expect(ids((await getJson('/cache/net-0.json')).body)).toEqual([1, 2, 3]);

    fake.tick(30.5);
    fake.update('net', 2, { name: 'Renamed after the snapshot' });
    const stale = (await getJson('/cache/net-0.json')).body;
    expect(stale.data.find((r) => r.id === 2)?.name).toBe('Net Two');
    // A client that loaded the cache catches up with since = generated.
    expect(ids((await getJson(`/api/net?since=${Math.floor(Number(stale.meta.generated))}`)).body)).toEqual([2]);

    expect(fake.refreshCache()).toBe(T0 + 30.5);
    const fresh = (await getJson('/cache/net-0.json')).body;
    expect(fresh.meta.generated).toBe(T0 + 30.5);
    expect(fresh.data.find((r) => r.id === 2)?.name).toBe('Renamed after the snapshot');
    expect(fake.cacheUrl).toBe(`${fake.url}/cache`);
  });
});

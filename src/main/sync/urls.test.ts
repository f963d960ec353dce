import { describe, expect, it } from 'vitest';
import { apiChangesUrl, apiListUrl, cacheFileUrl, canonicalApiBase, keyOriginFor, sinceForWatermark } from './urls';

describe('canonicalApiBase', () => {
  it('moves the bare peeringdb.com host to www, where the key survives', () => {
    expect(canonicalApiBase('https://peeringdb.com/api')).toBe('https://www.peeringdb.com/api');
    expect(canonicalApiBase('https://peeringdb.com/api/')).toBe('https://www.peeringdb.com/api');
  });

  it('leaves other hosts alone', () => {
    expect(canonicalApiBase('https://www.peeringdb.com/api')).toBe('https://www.peeringdb.com/api');
    expect(canonicalApiBase('http://127.0.0.1:8080/api')).toBe('http://127.0.0.1:8080/api');
    expect(canonicalApiBase('https://mirror.example.net/peeringdb/api')).toBe('https://mirror.example.net/peeringdb/api');
  });

  it('refuses what is not an address', () => {
    expect(() => canonicalApiBase('not a url')).toThrow();
  });
});

describe('apiListUrl', () => {
  it('asks for a depth-0 change list with paging', () => {
    const url = new URL(apiListUrl('https://www.peeringdb.com/api', 'netixlan', { since: 1776000000, limit: 5000, skip: 10000 }));
    expect(url.pathname).toBe('/api/netixlan');
    expect(Object.fromEntries(url.searchParams)).toEqual({ since: '1776000000', depth: '0', limit: '5000', skip: '10000' });
  });
});

describe('apiChangesUrl', () => {
  it('asks for every change since the watermark in one depth-0 answer, without paging', () => {
    const url = new URL(apiChangesUrl('https://www.peeringdb.com/api/', 'poc', 1776000000));
    expect(url.pathname).toBe('/api/poc');
    expect(Object.fromEntries(url.searchParams)).toEqual({ since: '1776000000', depth: '0' });
  });
});

describe('cacheFileUrl', () => {
  it('names the type file of the bulk cache', () => {
    expect(cacheFileUrl('https://public.peeringdb.com', 'net')).toBe('https://public.peeringdb.com/net-0.json');
    expect(cacheFileUrl('https://public.peeringdb.com/', 'poc')).toBe('https://public.peeringdb.com/poc-0.json');
  });
});

describe('sinceForWatermark', () => {
  it('looks back one second, because PeeringDB cuts strictly after since in whole seconds', () => {
    expect(sinceForWatermark(1776000000)).toBe(1775999999);
    expect(sinceForWatermark(1776000000.75)).toBe(1775999999);
  });

  it('never asks for since=0, which would drop deleted rows', () => {
    expect(sinceForWatermark(0)).toBe(1);
    expect(sinceForWatermark(1)).toBe(1);
  });
});

describe('keyOriginFor', () => {
  it('is the HTTPS origin the sync sends requests to', () => {
    expect(keyOriginFor('https://www.peeringdb.com/api')).toBe('https://www.peeringdb.com');
    expect(keyOriginFor('https://peeringdb.com/api')).toBe('https://www.peeringdb.com');
    expect(keyOriginFor('https://WWW.PeeringDB.com:443/api/')).toBe('https://www.peeringdb.com');
    expect(keyOriginFor('https://mirror.example.net:8443/pdb/api')).toBe('https://mirror.example.net:8443');
  });

  it.each(['http://127.0.0.1:8000/api', 'http://www.peeringdb.com/api', 'https://user:pass@www.peeringdb.com/api', 'not a url', ''])(
    'is null for %s: no key goes there',
    (baseUrl) => {
      expect(keyOriginFor(baseUrl)).toBeNull();
    },
  );
});

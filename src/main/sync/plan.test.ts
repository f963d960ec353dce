import { describe, expect, it } from 'vitest';
import { PDB_TYPES } from '../../shared/peeringdb';
import { expectedRequests, planSync } from './plan';

const CACHE = 'https://public.peeringdb.com';
/** The local clock of these plans: after every watermark below. */
const NOW = 1_780_000_000;

describe('planSync', () => {
  it('loads an empty copy from the bulk cache when anonymous', () => {
    const plans = planSync({ now: NOW, state: { watermarks: {}, pocWithKey: false }, hasApiKey: false, cacheUrl: CACHE });
    expect(plans.map((p) => p.type)).toEqual([...PDB_TYPES]);
    expect(plans.every((p) => p.mode === 'cache')).toBe(true);
  });

  it('loads an empty copy from the API, oldest change first, with a key or without a cache', () => {
    for (const input of [
      { hasApiKey: true, cacheUrl: CACHE },
      { hasApiKey: false, cacheUrl: null },
    ]) {
      const plans = planSync({ now: NOW, state: { watermarks: {}, pocWithKey: false }, ...input });
      expect(plans.every((p) => p.mode === 'api' && p.since === 1 && p.why === 'first-load')).toBe(true);
    }
  });

  it('asks only for changes since each watermark, one second back', () => {
    const plans = planSync({ now: NOW, state: { watermarks: { org: 1776000000, net: 1776000100 }, pocWithKey: false }, hasApiKey: false, cacheUrl: CACHE });
    expect(plans.find((p) => p.type === 'org')).toEqual({ type: 'org', mode: 'api', since: 1775999999, why: 'changes' });
    expect(plans.find((p) => p.type === 'net')).toEqual({ type: 'net', mode: 'api', since: 1776000099, why: 'changes' });
    // A type never loaded (a kill before it) still comes from the cache.
    expect(plans.find((p) => p.type === 'ix')?.mode).toBe('cache');
  });

  it('fetches all contacts again, and only them, when a key is added', () => {
    const watermarks = Object.fromEntries(PDB_TYPES.map((t) => [t, 1776000000]));
    const plans = planSync({ now: NOW, state: { watermarks, pocWithKey: false }, hasApiKey: true, cacheUrl: CACHE });
    const full = plans.filter((p) => p.mode === 'api' && p.since === 1);
    expect(full).toEqual([{ type: 'poc', mode: 'api', since: 1, why: 'contacts-with-key', replace: true }]);
  });

  it('keeps contacts incremental once they were fetched with a key', () => {
    const plans = planSync({ now: NOW, state: { watermarks: { poc: 1776000000 }, pocWithKey: true }, hasApiKey: true, cacheUrl: CACHE });
    expect(plans.find((p) => p.type === 'poc')).toMatchObject({ since: 1775999999, why: 'changes' });
  });
});

describe('planSync after the key was removed', () => {
  it('reloads the public contacts so the users-only ones do not go stale', () => {
    const state = { watermarks: { org: 1776000000, poc: 1776000000 }, pocWithKey: true };
    expect(planSync({ now: NOW, state, hasApiKey: false, cacheUrl: CACHE }).find((p) => p.type === 'poc')).toEqual({ type: 'poc', mode: 'cache' });
    expect(planSync({ now: NOW, state, hasApiKey: false, cacheUrl: null }).find((p) => p.type === 'poc')).toEqual({
      type: 'poc',
      mode: 'api',
      since: 1,
      why: 'contacts-without-key',
      replace: true,
    });
    expect(planSync({ now: NOW, state, hasApiKey: false, cacheUrl: null }).find((p) => p.type === 'org')).toMatchObject({ why: 'changes' });
  });
});

describe('expectedRequests', () => {
  it('expects one request for changes or a cache file, and a page count for a full list', () => {
    expect(expectedRequests({ type: 'net', mode: 'cache' }, 4950)).toBe(1);
    expect(expectedRequests({ type: 'net', mode: 'api', since: 5, why: 'changes' }, 4950)).toBe(1);
    expect(expectedRequests({ type: 'net', mode: 'api', since: 1, why: 'first-load' }, 4950)).toBe(8);
  });

  it('reads a type whole again, as a replacement, when its watermark claims the future', () => {
    const watermarks = { org: NOW - 60, net: Date.UTC(2100, 0, 1) / 1000 };
    const anonymous = planSync({ now: NOW, state: { watermarks, pocWithKey: false }, hasApiKey: false, cacheUrl: null });
    expect(anonymous.find((p) => p.type === 'net')).toEqual({ type: 'net', mode: 'api', since: 1, why: 'watermark-from-the-future', replace: true });
    expect(anonymous.find((p) => p.type === 'org')).toMatchObject({ mode: 'api', why: 'changes', since: NOW - 61 });
    const withCache = planSync({ now: NOW, state: { watermarks, pocWithKey: false }, hasApiKey: false, cacheUrl: CACHE });
    expect(withCache.find((p) => p.type === 'net')).toEqual({ type: 'net', mode: 'cache' });
    // A clock a little behind PeeringDB's is not the future.
    const close = planSync({ now: NOW, state: { watermarks: { net: NOW + 60 }, pocWithKey: false }, hasApiKey: true, cacheUrl: null });
    expect(close.find((p) => p.type === 'net')).toMatchObject({ why: 'changes' });
  });
});

import { describe, expect, it } from 'vitest';
import type { SyncErrorCode } from '../../../../shared/sync';
import { PDB_TYPES } from '../../../../shared/peeringdb';
import { progress, storeStatus } from '../fakes.test-support';
import { copyStateAfter, describeSync, SYNC_ERROR_TEXT, syncErrorDetail, syncErrorHeadline, timeLeftText } from './sync-text';

describe('sync wording', () => {
  it('explains every error code in its own words', () => {
    const texts = Object.values(SYNC_ERROR_TEXT);
    expect(new Set(texts).size).toBe(texts.length);
    const codes: SyncErrorCode[] = [
      'auth',
      'access-denied',
      'rate-limited',
      'server',
      'timeout',
      'network',
      'malformed',
      'dump-format',
      'store',
      'disk-full',
      'cancelled',
    ];
    for (const code of codes) expect(SYNC_ERROR_TEXT[code].length, code).toBeGreaterThan(20);
    expect(SYNC_ERROR_TEXT.auth).toMatch(/API key/);
    expect(SYNC_ERROR_TEXT['rate-limited']).toMatch(/limit/);
  });

  it("uses the code's meaning as headline and keeps main's message as detail", () => {
    const error = { code: 'auth' as const, message: 'HTTP 403 from www.peeringdb.com' };
    expect(syncErrorHeadline(error)).toBe(SYNC_ERROR_TEXT.auth);
    expect(syncErrorDetail(error)).toBe('HTTP 403 from www.peeringdb.com');
    expect(syncErrorHeadline({ message: 'A sync is already running' })).toBe('A sync is already running');
    expect(syncErrorDetail({ message: 'A sync is already running' })).toBeNull();
  });

  it('describes the state of a sync in one line', () => {
    expect(describeSync(null, false, null, { state: 'opening' })).toBe('Opening the local copy…');
    expect(describeSync(null, false, null, { state: 'empty' })).toMatch(/^No local copy yet/);
    expect(describeSync(null, false, null, { state: 'ready', lastSyncAgo: '5 minutes ago' })).toBe(
      'Local copy, last synced 5 minutes ago.',
    );
    expect(describeSync(null, false, null)).not.toMatch(/idle/i);
    expect(describeSync(null, true, null)).toBe('Starting sync…');
    expect(describeSync(progress({ phase: 'fetching', type: 'netixlan', storedRows: 1234 }), true, null)).toMatch(
      /^Fetching IXP connections… 1,234 rows stored$/,
    );
    expect(describeSync(progress({ phase: 'storing', type: 'net' }), true, null)).toBe('Storing networks… 0 rows stored');
    expect(describeSync(progress({ phase: 'done', storedRows: 5 }), false, null)).toBe('Sync complete: 5 rows stored.');
    expect(describeSync(progress({ phase: 'fetching', type: 'netixlan', storedRows: 1 }), true, null)).toBe('Fetching IXP connections… 1 row stored');
    expect(describeSync(progress({ phase: 'error' }), false, { code: 'network', message: 'x' })).toBe(
      `Sync failed: ${SYNC_ERROR_TEXT.network}`,
    );
  });

  it('blames the key only for a key that was sent, and disk space only for a full database', () => {
    expect(SYNC_ERROR_TEXT['access-denied']).not.toMatch(/refused the API key/);
    for (const code of ['store', 'malformed', 'server'] as const) expect(SYNC_ERROR_TEXT[code]).not.toMatch(/disk/i);
    expect(SYNC_ERROR_TEXT['disk-full']).toMatch(/disk space/);
    // No code claims the copy is intact: that depends on the copy (see copyStateAfter).
    for (const text of Object.values(SYNC_ERROR_TEXT)) expect(text).not.toMatch(/intact/);
  });

  it('calls the copy intact only when it is complete, and an import an import', () => {
    const complete = storeStatus({ net: 25, org: 12 });
    const partial = storeStatus({ net: 10, org: 12 }, 1, PDB_TYPES.filter((type) => type !== 'net' && type !== 'poc'));
    const failedSync = { code: 'server' as const, message: 'HTTP 502', source: 'api' as const };
    expect(copyStateAfter(failedSync, complete)).toMatch(/^The copy you have is intact/);
    expect(copyStateAfter(failedSync, storeStatus({}, 1, []))).toBeNull();
    expect(copyStateAfter(failedSync, partial)).toBe(
      'The local copy is still incomplete (11 of 13 types loaded). What was stored is kept; syncing again resumes where this stopped.',
    );
    const failedImport = { code: 'dump-format' as const, message: 'x.json ends in the middle of its data', source: 'dump' as const };
    expect(copyStateAfter(failedImport, partial)).toBe('The local copy is as it was before the import.');
    expect(describeSync(progress({ phase: 'error', source: 'dump' }), false, failedImport)).toBe(`Import failed: ${SYNC_ERROR_TEXT['dump-format']}`);
    expect(describeSync(progress({ phase: 'done', source: 'dump', storedRows: 7 }), false, null)).toBe('Import complete: 7 rows stored.');
  });
});

describe('time left', () => {
  it('is said from a second on, and not at all without an estimate', () => {
    expect(timeLeftText(190_000)).toBe('about 3 min 10 s');
    expect(timeLeftText(1_000)).toBe('about 1 s');
    expect(timeLeftText(400)).toBeNull();
    expect(timeLeftText(undefined)).toBeNull();
  });
});

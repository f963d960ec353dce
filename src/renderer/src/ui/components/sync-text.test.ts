import { describe, expect, it } from 'vitest';
import type { SyncErrorCode } from '../../../../shared/sync';
import { progress } from '../fakes.test-support';
import { describeSync, SYNC_ERROR_TEXT, syncErrorDetail, syncErrorHeadline } from './sync-text';

describe('sync wording', () => {
  it('explains every error code in its own words', () => {
    const texts = Object.values(SYNC_ERROR_TEXT);
    expect(new Set(texts).size).toBe(texts.length);
    const codes: SyncErrorCode[] = ['auth', 'rate-limited', 'server', 'timeout', 'network', 'malformed', 'dump-format', 'store', 'cancelled'];
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
    expect(describeSync(progress({ phase: 'error' }), false, { code: 'network', message: 'x' })).toBe(
      `Sync failed: ${SYNC_ERROR_TEXT.network}`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween, requestStatuses, tooSoonToAskAgain } from './follow-ups';
import type { PeerStateRecord, RequestLogRecord } from './user-data';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2026, 3, 30, 12).getTime();

const requested = (asn: number, extra: Partial<PeerStateRecord> = {}): PeerStateRecord => ({
  asn,
  state: 'requested',
  note: '',
  updatedAt: 1,
  ...extra,
});
const sent = (peerAsn: number, daysAgo: number): RequestLogRecord => ({
  peerAsn,
  myAsn: 64500,
  at: NOW - daysAgo * DAY,
  to: [`p@as${peerAsn}.example`],
  ixps: ['Test IX'],
  via: 'eml',
});

describe('requestStatuses', () => {
  it('puts the follow-up the user’s number of days after the last request, the most overdue first', () => {
    const statuses = requestStatuses(
      [requested(64501, { note: 'met at RIPE' }), requested(64502), requested(64503), { ...requested(64504), state: 'peered' }],
      [sent(64501, 20), sent(64501, 15), sent(64502, 3), sent(64504, 30)],
      14,
      NOW,
    );
    expect(statuses.map((s) => [s.asn, s.requestCount, s.due, s.note])).toEqual([
      [64503, 0, true, ''],
      [64501, 2, true, 'met at RIPE'],
      [64502, 1, false, ''],
    ]);
    expect(statuses[1]!.dueAt).toBe(NOW - 15 * DAY + 14 * DAY);
    expect(statuses[2]!.dueAt).toBe(NOW + 11 * DAY);
  });

  it('dates a peer marked requested before the log existed from its mark', () => {
    const [status] = requestStatuses([requested(64501, { requestedAt: '2026-04-10' })], [], 14, NOW);
    expect(status).toMatchObject({ lastRequestAt: new Date(2026, 3, 10).getTime(), due: true, requestCount: 0 });
  });
});

describe('tooSoonToAskAgain', () => {
  it('finds a request inside the follow-up period and none after it', () => {
    const log = [sent(64501, 20), sent(64501, 5), sent(64502, 1)];
    expect(tooSoonToAskAgain(log, 64501, 14, NOW)?.at).toBe(NOW - 5 * DAY);
    expect(tooSoonToAskAgain(log, 64501, 5, NOW)).toBeNull();
    expect(tooSoonToAskAgain(log, 64503, 14, NOW)).toBeNull();
  });
});

it('counts whole days', () => {
  expect(daysBetween(NOW - 3 * DAY - 1, NOW)).toBe(3);
});

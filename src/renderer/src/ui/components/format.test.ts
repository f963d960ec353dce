import { describe, expect, it } from 'vitest';
import { formatDayDistance, formatHumanDate, nameMentionsAsn, networkLabel, parseTimestamp, plural } from './format';

describe('plural', () => {
  it('says one thing in the singular and counts the rest', () => {
    expect(plural(1, 'IXP')).toBe('1 IXP');
    expect(plural(0, 'IXP')).toBe('0 IXPs');
    expect(plural(3, 'facility', 'facilities')).toBe('3 facilities');
    expect(plural(1, 'network')).toBe('1 network');
    expect(plural(12_345, 'row')).toMatch(/^12.345 rows$/);
  });
});

describe('networkLabel', () => {
  it('adds the ASN to a name unless the name already carries it', () => {
    expect(networkLabel('Example Transit', 64500)).toBe('Example Transit (AS64500)');
    expect(networkLabel('Vernix (AS38841)', 38841)).toBe('Vernix (AS38841)');
    expect(networkLabel('Vernix AS 38841', 38841)).toBe('Vernix AS 38841');
    expect(networkLabel('as-38841 backbone', 38841)).toBe('as-38841 backbone');
    expect(networkLabel('', 64500)).toBe('AS64500');
  });

  it('does not take another ASN, or a longer number, for this one', () => {
    expect(nameMentionsAsn('Example (AS388410)', 38841)).toBe(false);
    expect(nameMentionsAsn('Example (AS138841)', 38841)).toBe(false);
    expect(nameMentionsAsn('GAS38841 Energy', 38841)).toBe(false);
    expect(networkLabel('Example (AS64501)', 64500)).toBe('Example (AS64501) (AS64500)');
  });
});

describe('human dates', () => {
  const now = Date.UTC(2026, 3, 16, 12, 0, 0);

  it('says how long ago within a week, and the date after', () => {
    expect(formatHumanDate(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatHumanDate(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(formatHumanDate(Date.UTC(2025, 0, 2, 12), now)).toMatch(/2025/);
  });

  it('shows a future date as a date, never as "ago"', () => {
    expect(formatHumanDate(Date.UTC(2031, 0, 2, 12), now)).toMatch(/2031/);
  });

  it('reads PeeringDB timestamps and refuses malformed ones', () => {
    expect(parseTimestamp('2026-04-14T19:10:31Z')).toBe(Date.UTC(2026, 3, 14, 19, 10, 31));
    expect(parseTimestamp('2026-13-45T99:00:00Z')).toBeNull();
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
  });
});

describe('day distances', () => {
  const DAY = 86_400_000;
  const now = new Date(2026, 11, 1, 9, 30).getTime();

  it('counts days of 24 hours, as follow-ups fall due', () => {
    expect(formatDayDistance(now - 5 * 3_600_000, now)).toBe('today');
    expect(formatDayDistance(now - DAY - 60_000, now)).toBe('yesterday');
    expect(formatDayDistance(now - 20 * DAY - 60_000, now)).toBe('20 days ago');
    expect(formatDayDistance(now + DAY, now)).toBe('tomorrow');
    // Due 14 days after a request sent a minute ago.
    expect(formatDayDistance(now - 60_000 + 14 * DAY, now)).toBe('in 14 days');
  });

  it('groups large numbers as the locale writes them', () => {
    expect(formatDayDistance(now - 1371 * DAY, now)).toMatch(/^1,?371 days ago$/);
  });
});

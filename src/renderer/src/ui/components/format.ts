/** Display formats shared by the screens; all pure, all locale-aware where it matters. */

const numberFormat = new Intl.NumberFormat();

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** "45 s", "3 min 10 s", "1 h 5 min": precise enough for an ETA, short enough for a header. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** Every second of it, with the time zone: what a tooltip behind a human date says. */
export function formatExactTime(epochMs: number): string {
  return exactFormat.format(new Date(epochMs));
}

const WEEK_MS = 7 * 86_400_000;

/**
 * A date as people say it: "5 minutes ago" within the last week, else "16 Apr 2026". Dates
 * ahead of `now` (clocks disagree, PeeringDB rows can claim the future) read as a date.
 */
export function formatHumanDate(epochMs: number, now: number): string {
  const age = now - epochMs;
  if (age >= -60_000 && age < WEEK_MS) return formatAgo(epochMs, now);
  return dateFormat.format(new Date(epochMs));
}

/** Epoch ms of a PeeringDB timestamp ("2026-04-14T19:10:31Z"), or null when malformed. */
export function parseTimestamp(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** "just now", "5 minutes ago", "3 days ago", relative to `now`. */
export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * How far a moment is from now in days, as requests and follow-ups count them (periods of 24
 * hours, like their due dates): "today", "yesterday", "20 days ago", "tomorrow", "in 5 days".
 * Rounded, so a follow-up due 14 days after a request sent a minute ago is "in 14 days".
 */
export function formatDayDistance(epochMs: number, now: number): string {
  const days = Math.round((now - epochMs) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return days > 0 ? `${plural(days, 'day')} ago` : `in ${plural(-days, 'day')}`;
}

// How discovery values read on screen.

/** Port speed in Mbit/s as engineers say it: "100M", "10G", "1.6T". */
export function formatSpeed(mbps: number): string {
  if (!Number.isFinite(mbps) || mbps <= 0) return '—';
  if (mbps >= 1_000_000) return `${trim(mbps / 1_000_000)}T`;
  if (mbps >= 1_000) return `${trim(mbps / 1_000)}G`;
  return `${trim(mbps)}M`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function formatAsn(asn: number): string {
  return `AS${asn}`;
}

/**
 * "1 IXP", "3 IXPs", "1,204 facilities". `many` defaults to `one` + "s"; the number is
 * grouped as the locale writes it.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * A network as a heading or a chip names it: "Example (AS64500)", unless the name already
 * carries that ASN (many PeeringDB names do: "Vernix (AS6566)"), which is not said twice.
 */
export function networkLabel(name: string, asn: number): string {
  const trimmed = name.trim();
  if (!trimmed) return formatAsn(asn);
  return nameMentionsAsn(trimmed, asn) ? trimmed : `${trimmed} (${formatAsn(asn)})`;
}

/** Whether `name` holds "AS64500", "AS 64500" or "AS-64500" as a word of its own. */
export function nameMentionsAsn(name: string, asn: number): boolean {
  return new RegExp(`(^|[^0-9A-Za-z])AS[\\s-]?${asn}(?![0-9])`, 'i').test(name);
}

export function placeLine(place: { city: string; country: string }): string {
  return [place.city, place.country].filter(Boolean).join(', ');
}

export const PEER_STATE_LABELS = {
  requested: 'Requested',
  peered: 'Peered',
  rejected: 'Rejected',
  hidden: 'Hidden',
} as const;

/** How history's answers read: kinds of change, what changed, days, policy mixes. */
import type { PolicyMix, ReviewEntry, ReviewKind } from '../../../protocol/history';
import { formatSpeed } from '../format';

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  joined: 'Joined',
  returned: 'Came back',
  left: 'Left',
  'speed-up': 'Port upgrade',
  'speed-down': 'Port downgrade',
  'rs-on': 'On route servers',
  'rs-off': 'Off route servers',
  policy: 'Policy change',
  'policy-contact': 'Policy contact change',
  'net-deleted': 'Deleted from PeeringDB',
};

export const REVIEW_KINDS = Object.keys(REVIEW_KIND_LABELS) as ReviewKind[];

function shown(value: string | number | null): string {
  return value === null || value === '' ? 'none' : String(value);
}

/** What the change was, in a few words ("10G → 100G", "Open → Selective"). */
export function describeChange(entry: Pick<ReviewEntry, 'kind' | 'before' | 'after'>): string {
  const { kind, before, after } = entry;
  switch (kind) {
    case 'joined':
    case 'returned':
      return typeof after === 'number' && after > 0 ? `with ${formatSpeed(after)}` : '';
    case 'left':
      return typeof before === 'number' && before > 0 ? `had ${formatSpeed(before)}` : '';
    case 'speed-up':
    case 'speed-down':
      return `${formatSpeed(Number(before))} → ${formatSpeed(Number(after))}`;
    case 'rs-on':
    case 'rs-off':
      return `${shown(before)} → ${shown(after)} ports on the route servers`;
    case 'policy':
    case 'policy-contact':
      return `${shown(before)} → ${shown(after)}`;
    case 'net-deleted':
      return '';
  }
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A moment's day, as people write it (moments are epoch seconds, days are UTC like PeeringDB's). */
export function formatDay(epochSeconds: number): string {
  return dayFormat.format(new Date(epochSeconds * 1000));
}

export const POLICY_LABELS: Record<keyof PolicyMix, string> = {
  open: 'Open',
  selective: 'Selective',
  restrictive: 'Restrictive',
  no: 'No',
  other: 'Not given',
};

export const POLICY_KEYS = Object.keys(POLICY_LABELS) as (keyof PolicyMix)[];

export function mixTotal(mix: PolicyMix): number {
  return POLICY_KEYS.reduce((sum, key) => sum + mix[key], 0);
}

/** "Open 60% · Selective 25% · …", largest first, leaving out what is absent. */
export function describeMix(mix: PolicyMix): string {
  const total = mixTotal(mix);
  if (total === 0) return '—';
  return POLICY_KEYS.filter((key) => mix[key] > 0)
    .sort((a, b) => mix[b] - mix[a])
    .map((key) => `${POLICY_LABELS[key]} ${Math.round((100 * mix[key]) / total)}%`)
    .join(' · ');
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—';
}

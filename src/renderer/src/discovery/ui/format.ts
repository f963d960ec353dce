/** How discovery values read on screen. */

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

export function placeLine(place: { city: string; country: string }): string {
  return [place.city, place.country].filter(Boolean).join(', ');
}

export const PEER_STATE_LABELS = {
  requested: 'Requested',
  peered: 'Peered',
  rejected: 'Rejected',
  hidden: 'Hidden',
} as const;

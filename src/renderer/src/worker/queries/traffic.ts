/**
 * Traffic levels (net.info_traffic). PeeringDB's wording changed over the years: until 2020 the
 * choices had spaces and open ends ("20-50 Gbps", "100+ Gbps", "1 Tbps+", "10 Tbps+"); a
 * migration then removed the spaces and split the top ("1-5Tbps" ... "100+Tbps"). Copies from
 * dumps of any year hold both, and users type their own, so a level is read as a range of
 * Mbit/s rather than looked up in today's list.
 */

/** Today's choices, smallest first: what the "at least" filter offers. */
export const TRAFFIC_LEVELS = [
  '0-20Mbps',
  '20-100Mbps',
  '100-1000Mbps',
  '1-5Gbps',
  '5-10Gbps',
  '10-20Gbps',
  '20-50Gbps',
  '50-100Gbps',
  '100-200Gbps',
  '200-300Gbps',
  '300-500Gbps',
  '500-1000Gbps',
  '1-5Tbps',
  '5-10Tbps',
  '10-20Tbps',
  '20-50Tbps',
  '50-100Tbps',
  '100+Tbps',
] as const;

/** Mbit/s; `high` is Infinity for an open end ("100+Tbps", "1 Tbps+"). */
export interface TrafficRange {
  low: number;
  high: number;
}

const MBPS_PER_UNIT: Record<string, number> = { k: 0.001, m: 1, g: 1_000, t: 1_000_000, p: 1_000_000_000 };
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
// "G", "Gb", "Gbps", "Gbit/s", "Gb/s", "Gbits/s": only the prefix letter matters.
const UNIT = String.raw`([kmgtp])(?:bps|bits?(?:/s|ps)?|b/s|b)?`;
const RANGE = new RegExp(`^${NUMBER}(?:${UNIT})?-${NUMBER}${UNIT}$`);
const PLUS_BEFORE_UNIT = new RegExp(`^(?:>=?)?${NUMBER}\\+${UNIT}$`);
const PLUS_AFTER_UNIT = new RegExp(`^(?:>=?)?${NUMBER}${UNIT}\\+?$`);

/** The range a level names, or null when it names none ("", "Not Disclosed", free text). */
export function parseTrafficLevel(level: unknown): TrafficRange | null {
  if (typeof level !== 'string') return null;
  const text = level
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\d),(\d)/g, '$1.$2');
  if (!text) return null;
  const range = RANGE.exec(text);
  if (range) {
    const highUnit = MBPS_PER_UNIT[range[4]!]!;
    const low = Number(range[1]) * (range[2] ? MBPS_PER_UNIT[range[2]]! : highUnit);
    const high = Number(range[3]) * highUnit;
    return low <= high ? { low, high } : null;
  }
  const plus = PLUS_BEFORE_UNIT.exec(text);
  if (plus) return { low: Number(plus[1]) * MBPS_PER_UNIT[plus[2]!]!, high: Infinity };
  const single = PLUS_AFTER_UNIT.exec(text);
  if (single) {
    const value = Number(single[1]) * MBPS_PER_UNIT[single[2]!]!;
    // "1 Tbps+" is open-ended; a bare "10Gbps" is that much and no more.
    return { low: value, high: text.endsWith('+') || text.startsWith('>') ? Infinity : value };
  }
  return null;
}

const lowBoundCache = new Map<string, number>();

/**
 * The least traffic a level promises, Mbit/s, or -1 when it says nothing: what "at least"
 * compares and what ranks networks. Few distinct wordings exist, so each is parsed once.
 */
export function trafficFloor(level: unknown): number {
  if (typeof level !== 'string') return -1;
  let floor = lowBoundCache.get(level);
  if (floor === undefined) {
    floor = parseTrafficLevel(level)?.low ?? -1;
    if (lowBoundCache.size < 10_000) lowBoundCache.set(level, floor);
  }
  return floor;
}

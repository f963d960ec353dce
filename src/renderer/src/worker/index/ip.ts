/**
 * IP addresses and prefixes as the user types them and as PeeringDB stores them. Parsing and
 * containment come from ipaddr.js; this module only decides what counts as one address.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;
type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface ParsedPrefix {
  family: IpFamily;
  address: Address;
  bits: number;
}

function familyOf(address: Address): IpFamily {
  return address.kind() === 'ipv4' ? 4 : 6;
}

/**
 * What ipaddr.js calls a four-part decimal (four octets, no leading zeros), told by one regular
 * expression: its own check parses the text with a thrown error for every IPv6 address, which
 * over the 100,000 addresses of a full copy took most of the index's build after each sync.
 */
const FOUR_PART_DECIMAL = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  if (FOUR_PART_DECIMAL.test(trimmed)) return ipaddr.IPv4.parse(trimmed);
  // IPv6 needs a colon; ipaddr.js would otherwise also accept IPv4 shorthands like "10.1".
  if (!trimmed.includes(':')) return null;
  let v6: ipaddr.IPv6;
  try {
    v6 = ipaddr.IPv6.parse(trimmed);
  } catch {
    return null;
  }
  return v6.zoneId ? null : v6;
}

/** A group of an IPv6 address as RFC 5952 writes it: lower-case hex without leading zeros. */
const RFC_5952_GROUP = /^(?:0|[1-9a-f][0-9a-f]{0,3})$/;

/** The longest run of "0" groups. */
function longestZeroRun(groups: readonly string[]): number {
  let longest = 0;
  let run = 0;
  for (const group of groups) {
    run = group === '0' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * True when an IPv6 address is already written as RFC 5952 (and so ipaddr.js) writes it back,
 * as PeeringDB stores nearly all of them. Told from the text alone: parsing and writing back
 * the 50,000 addresses of a full copy took most of the index's build after each sync, and the
 * garbage it left made the collector pause the worker during the next sync.
 */
function isRfc5952(text: string): boolean {
  const gap = text.indexOf('::');
  if (gap !== text.lastIndexOf('::')) return false;
  const head = gap < 0 ? text : text.slice(0, gap);
  const tail = gap < 0 ? '' : text.slice(gap + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  if (!headGroups.every((group) => RFC_5952_GROUP.test(group)) || !tailGroups.every((group) => RFC_5952_GROUP.test(group))) return false;
  const written = headGroups.length + tailGroups.length;
  // Without "::" all eight groups, and no two zeros in a row left uncompressed.
  if (gap < 0) return written === 8 && longestZeroRun(headGroups) < 2;
  // "::" stands for two zero groups or more: the longest run, the first of equal ones, and
  // all of it (no zero group beside it).
  const hidden = 8 - written;
  if (hidden < 2 || headGroups.at(-1) === '0' || tailGroups[0] === '0') return false;
  return longestZeroRun(headGroups) < hidden && longestZeroRun(tailGroups) <= hidden;
}

/**
 * One spelling per address, so "2001:0504:000f::8075:2" and "2001:504:f:0::8075:2" meet.
 * Null when the text is not a plain IPv4 (four decimal parts) or IPv6 address.
 */
export function canonicalIp(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  // A four-part decimal is already spelled as ipaddr.js would write it back.
  if (FOUR_PART_DECIMAL.test(trimmed)) return trimmed;
  if (isRfc5952(trimmed)) return trimmed;
  const address = parseAddress(trimmed);
  if (!address) return null;
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

/** An address ("192.0.2.1") as a /32 or /128, or a prefix ("192.0.2.0/24"); null otherwise. */
export function parsePrefix(text: string | null | undefined): ParsedPrefix | null {
  if (!text) return null;
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) {
    const address = parseAddress(trimmed);
    if (!address) return null;
    const family = familyOf(address);
    return { family, address, bits: family === 4 ? 32 : 128 };
  }
  const address = parseAddress(trimmed.slice(0, slash));
  const bitsText = trimmed.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  const family = familyOf(address);
  if (bits > (family === 4 ? 32 : 128)) return null;
  return { family, address, bits };
}

/** True when one prefix contains the other (an address is a full-length prefix). */
export function prefixesOverlap(a: ParsedPrefix, b: ParsedPrefix): boolean {
  if (a.family !== b.family) return false;
  const shorter = a.bits <= b.bits ? a : b;
  const longer = shorter === a ? b : a;
  return longer.address.match(shorter.address, shorter.bits);
}

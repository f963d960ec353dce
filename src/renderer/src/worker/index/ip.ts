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

/**
 * One spelling per address, so "2001:0504:000f::8075:2" and "2001:504:f:0::8075:2" meet.
 * Null when the text is not a plain IPv4 (four decimal parts) or IPv6 address.
 */
export function canonicalIp(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  // A four-part decimal is already spelled as ipaddr.js would write it back.
  if (FOUR_PART_DECIMAL.test(trimmed)) return trimmed;
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

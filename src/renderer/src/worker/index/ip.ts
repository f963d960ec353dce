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

function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return ipaddr.IPv4.parse(trimmed);
  // IPv6 needs a colon; ipaddr.js would otherwise also accept IPv4 shorthands like "10.1".
  if (trimmed.includes(':') && ipaddr.IPv6.isValid(trimmed)) {
    const v6 = ipaddr.IPv6.parse(trimmed);
    return v6.zoneId ? null : v6;
  }
  return null;
}

/**
 * One spelling per address, so "2001:0504:000f::8075:2" and "2001:504:f:0::8075:2" meet.
 * Null when the text is not a plain IPv4 (four decimal parts) or IPv6 address.
 */
export function canonicalIp(text: string | null | undefined): string | null {
  if (!text) return null;
  const address = parseAddress(text);
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

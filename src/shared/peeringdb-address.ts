/**
 * Which addresses the app may sync from. The API key goes with the sync, so the address
 * decides where the key could go: HTTPS only, except for a server on this computer (a local
 * mirror, a test server), and never with a user name or password in it. Settings, the IPC
 * check of a new address and the sync all ask here.
 */
import ipaddr from 'ipaddr.js';

export type AddressCheck = { ok: true; url: URL } | { ok: false; problem: string };

export const NOT_HTTP_PROBLEM = 'The PeeringDB URL must be an http(s) address';

/**
 * Whether a URL's hostname is this computer. `localhost` counts (browsers and Node resolve it
 * to loopback without asking DNS); a name that merely contains it does not. IPv6 hostnames
 * come in brackets; IPv4-mapped IPv6 loopback counts as the IPv4 one.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  if (!ipaddr.isValid(host)) return false;
  return ipaddr.process(host).range() === 'loopback';
}

function parse(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

/** Whether `value` is an address the app may sync from; if not, what the user should change. */
export function checkPeeringDbUrl(value: string): AddressCheck {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    return { ok: false, problem: NOT_HTTP_PROBLEM };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      problem: 'The PeeringDB URL must not hold a user name or password: the app signs in with the API key in Settings.',
    };
  }
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return { ok: false, problem: 'The PeeringDB URL must not have a query (?…) or a fragment (#…).' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      problem: 'Plain http:// is accepted only for a server on this computer (localhost, 127.0.0.1, ::1): use https://.',
    };
  }
  return { ok: true, url };
}

/**
 * What session and e-mail templates are given: both networks, each shared exchange with both
 * sides' ports, and one session per peer address that I can reach from an address of the same
 * family. Names follow Peering Manager's where one exists (autonomous_system, local_as,
 * ipv4_max_prefixes, session.ip_address…), and so do the extra filters, so that its templates
 * carry over. docs/templates.md lists them all.
 */
import type { DraftContext, DraftNetwork, DraftPort, SharedIxp } from '../export/template';
import type { TemplateFilter } from '../templating/jinja';
import { parseAsSets, type AsSet } from './as-set';

export interface NetworkVariables {
  asn: number;
  name: string;
  /** As PeeringDB has it. */
  irr_as_set: string;
  irr_as_sets: AsSet[];
  /** The first as-set as `AS-X@SOURCE` and as `SOURCE::AS-X` ('' when none is listed). */
  irr_as_set_at: string;
  irr_as_set_colon: string;
  ipv4_max_prefixes: number | null;
  ipv6_max_prefixes: number | null;
  policy_general: string;
  policy_url: string;
}

export interface PortVariables {
  asn: number;
  ipaddr4: string | null;
  ipaddr6: string | null;
  speed: number;
  is_rs_peer: boolean;
}

export interface SessionVariables {
  /** The peer's address. */
  ip_address: string;
  ip_version: 4 | 6;
  /** My address on the same exchange and family. */
  local_ip_address: string;
  /** The peer's port ASN (netixlan.asn), which can differ from its network's ASN. */
  remote_asn: number;
  local_asn: number;
  /** The peer's max-prefix for this family, or null when PeeringDB lists none. */
  max_prefix: number | null;
  ixp_id: number;
  ixp_name: string;
  is_rs_peer: boolean;
  /** A name unique in the output, usable as an identifier (BIRD protocol names): as64501_ix12_v4. */
  slug: string;
}

export interface IxpVariables {
  id: number;
  name: string;
  /** My ports and the peer's ports there. */
  local_ports: PortVariables[];
  remote_ports: PortVariables[];
  local_ipv4: string[];
  local_ipv6: string[];
  remote_ipv4: string[];
  remote_ipv6: string[];
  sessions: SessionVariables[];
}

export interface TemplateVariables {
  local_as: NetworkVariables;
  autonomous_system: NetworkVariables;
  ixps: IxpVariables[];
  sessions: SessionVariables[];
  ipv4_sessions: SessionVariables[];
  ipv6_sessions: SessionVariables[];
  recipient_role: string;
  recipients: string[];
  /** My network as the one-item list Peering Manager's `affiliated_autonomous_systems | get(asn=…)` reads. */
  affiliated_autonomous_systems: NetworkVariables[];
}

function networkVariables(net: DraftNetwork): NetworkVariables {
  const sets = parseAsSets(net.irrAsSet);
  return {
    asn: net.asn,
    name: net.name,
    irr_as_set: net.irrAsSet,
    irr_as_sets: sets,
    irr_as_set_at: sets[0]?.at ?? '',
    irr_as_set_colon: sets[0]?.colon ?? '',
    ipv4_max_prefixes: net.maxPrefixes4,
    ipv6_max_prefixes: net.maxPrefixes6,
    policy_general: net.policyGeneral,
    policy_url: net.policyUrl,
  };
}

function portVariables(port: DraftPort): PortVariables {
  return { asn: port.asn, ipaddr4: port.ipv4, ipaddr6: port.ipv6, speed: port.speed, is_rs_peer: port.isRsPeer };
}

function addresses(ports: readonly DraftPort[], family: 4 | 6): string[] {
  const list = ports.map((port) => (family === 4 ? port.ipv4 : port.ipv6)).filter((a): a is string => !!a);
  return [...new Set(list)];
}

function ixpVariables(ix: SharedIxp, peer: DraftNetwork): IxpVariables {
  const sessions: SessionVariables[] = [];
  for (const family of [4, 6] as const) {
    const mine = ix.mine.find((port) => (family === 4 ? port.ipv4 : port.ipv6));
    const local = mine ? (family === 4 ? mine.ipv4 : mine.ipv6) : null;
    if (!mine || !local) continue;
    const seen = new Set<string>();
    for (const port of ix.theirs) {
      const remote = family === 4 ? port.ipv4 : port.ipv6;
      if (!remote || seen.has(remote)) continue;
      seen.add(remote);
      sessions.push({
        ip_address: remote,
        ip_version: family,
        local_ip_address: local,
        remote_asn: port.asn,
        local_asn: mine.asn,
        max_prefix: family === 4 ? peer.maxPrefixes4 : peer.maxPrefixes6,
        ixp_id: ix.ixId,
        ixp_name: ix.name,
        is_rs_peer: port.isRsPeer,
        slug: `as${port.asn}_ix${ix.ixId}_v${family}${seen.size > 1 ? `_${seen.size}` : ''}`,
      });
    }
  }
  return {
    id: ix.ixId,
    name: ix.name,
    local_ports: ix.mine.map(portVariables),
    remote_ports: ix.theirs.map(portVariables),
    local_ipv4: addresses(ix.mine, 4),
    local_ipv6: addresses(ix.mine, 6),
    remote_ipv4: addresses(ix.theirs, 4),
    remote_ipv6: addresses(ix.theirs, 6),
    sessions,
  };
}

export function templateVariables(context: DraftContext): TemplateVariables {
  const ixps = context.sharedIxps.map((ix) => ixpVariables(ix, context.peer));
  const sessions = ixps.flatMap((ix) => ix.sessions);
  const localAs = networkVariables(context.me);
  return {
    local_as: localAs,
    affiliated_autonomous_systems: [localAs],
    autonomous_system: networkVariables(context.peer),
    ixps,
    sessions,
    ipv4_sessions: sessions.filter((session) => session.ip_version === 4),
    ipv6_sessions: sessions.filter((session) => session.ip_version === 6),
    recipient_role: context.recipientRole ?? '',
    recipients: [...context.to],
  };
}

function ipVersion(value: unknown): 4 | 6 | null {
  const text = typeof value === 'object' && value !== null ? (value as { ip_address?: unknown }).ip_address : value;
  if (typeof text !== 'string') return null;
  const address = text.split('/')[0]!;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 4;
  if (address.includes(':')) return 6;
  return null;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function familyOf(args: unknown[], kwargs: Record<string, unknown>): number | null {
  const family = kwargs.family ?? args[0];
  return family === 4 || family === 6 ? family : null;
}

/** Printable ASCII minus what ends a quoted string or a line in router configurations. */
export function safeString(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .replace(/[^A-Za-z0-9 .,:;_/()&+@#=*!?-]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Filters beside Jinja's own, named and behaving as Peering Manager's where it has them, on
 * the data this app has (PeeringDB's, not Peering Manager's database).
 */
export const TEMPLATE_FILTERS: Record<string, TemplateFilter> = {
  /** The address without a prefix length, of a session or an address string; lists item by item. */
  ip: (value) => {
    const one = (item: unknown) => {
      const text = typeof item === 'object' && item !== null ? (item as { ip_address?: unknown }).ip_address : item;
      return typeof text === 'string' ? text.split('/')[0]! : '';
    };
    return Array.isArray(value) ? value.map(one) : one(value);
  },
  ipv4: (value) => (ipVersion(value) === 4 ? value : null),
  ipv6: (value) => (ipVersion(value) === 6 ? value : null),
  ip_version: (value) => ipVersion(value),
  /** The peer's max-prefix for the session's family. */
  max_prefix: (value) => (typeof value === 'object' && value !== null ? ((value as SessionVariables).max_prefix ?? null) : null),
  safe_string: (value) => safeString(value),
  quote: (value, args) => {
    const mark = typeof args[0] === 'string' ? args[0] : '"';
    return `${mark}${String(value ?? '')}${mark}`;
  },
  /** On an exchange: my addresses there, all or of one family. */
  local_ips: (value, args, kwargs) => {
    const ix = value as IxpVariables;
    const family = familyOf(args, kwargs);
    if (family === 4) return ix?.local_ipv4 ?? [];
    if (family === 6) return ix?.local_ipv6 ?? [];
    return [...(ix?.local_ipv6 ?? []), ...(ix?.local_ipv4 ?? [])];
  },
  /** On an exchange: its sessions, all or of one family. */
  sessions: (value, args, kwargs) => {
    const family = familyOf(args, kwargs);
    const list = asList((value as IxpVariables | null)?.sessions) as SessionVariables[];
    return family ? list.filter((session) => session.ip_version === family) : list;
  },
  /** On the peer: the exchanges shared with me (the argument, local_as, is accepted as Peering Manager's is). */
  shared_ixps: () => [],
  /** On the peer: its ports at the exchanges shared with me, or at one of them. */
  missing_sessions: () => [],
  /** A field of each item: autonomous_systems | iterate('asn'). */
  iterate: (value, args) => asList(value).map((item) => (item as Record<string, unknown>)?.[String(args[0])] ?? null),
  /** The first item whose fields equal the keyword arguments: affiliated_autonomous_systems | get(asn=64500). */
  get: (value, _args, kwargs) =>
    asList(value).find((item) =>
      Object.entries(kwargs).every(([key, wanted]) => (item as Record<string, unknown>)?.[key] === wanted),
    ) ?? null,
  count: (value) => (Array.isArray(value) ? value.length : typeof value === 'string' ? value.length : 0),
  /** As-set names without their IRR source. */
  strip_irr_sources: (value) => {
    const field = typeof value === 'object' && value !== null ? (value as NetworkVariables).irr_as_set : value;
    return [...new Set(parseAsSets(typeof field === 'string' ? field : '').map((set) => set.name))];
  },
};

/**
 * The filters that need the whole context (Peering Manager's `autonomous_system | shared_ixps(local_as)`),
 * bound to one rendering's variables.
 */
export function filtersFor(variables: TemplateVariables): Record<string, TemplateFilter> {
  return {
    ...TEMPLATE_FILTERS,
    shared_ixps: () => variables.ixps,
    missing_sessions: (_peer, args) => {
      const ix = args[1] as IxpVariables | undefined;
      const ixps = ix && typeof ix === 'object' ? variables.ixps.filter((one) => one.id === ix.id) : variables.ixps;
      return ixps.flatMap((one) => one.remote_ports);
    },
  };
}

/**
 * PeeringDB rows → the facts history keeps (see facts.ts). The same function reads a dump file
 * in main and the store's copy in the worker, so both describe a moment alike. Rows are taken
 * as PeeringDB writes them, over many years: fields may be missing or of another type, and
 * children may point at parents that are not there; such rows give what they can, never an error.
 */
import {
  emptyFacts,
  memberKey,
  memberValue,
  netfacKey,
  netfacValue,
  netValue,
  placeValue,
  type Facts,
  type MemberFact,
} from './facts';

type Row = Record<string, unknown>;

/** Rows of each type, typed or not: they are read field by field, as found. */
export interface HistoryRows {
  ix: Iterable<object>;
  fac: Iterable<object>;
  net: Iterable<object>;
  netixlan: Iterable<object>;
  netfac: Iterable<object>;
  poc: Iterable<object>;
}

const fields = (rows: Iterable<object>) => rows as Iterable<Row>;

/** A dump holds live rows only and may omit the status; a sync's copy never holds deleted ones. */
function isLive(row: Row): boolean {
  return row.status === undefined || row.status === 'ok';
}

function idOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

/** Port speed in Mbit/s; anything that is not a speed counts as unknown (0). */
function speedOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * The network's Policy contacts that anyone may see. Contacts visible to users only come and
 * go with the API key (and never appear in public dumps), so they would make history say a
 * contact changed when only the key did.
 */
function policyContacts(pocs: Iterable<object>): Map<number, string> {
  const byNet = new Map<number, string[]>();
  for (const poc of fields(pocs)) {
    if (!isLive(poc) || poc.role !== 'Policy') continue;
    if (poc.visible !== undefined && poc.visible !== 'Public') continue;
    const netId = idOf(poc.net_id);
    if (netId === null) continue;
    const name = text(poc.name).trim();
    const email = text(poc.email).trim();
    const phone = text(poc.phone).trim();
    if (!name && !email && !phone) continue;
    const label = email ? (name ? `${name} <${email}>` : email) : [name, phone].filter(Boolean).join(' ');
    let list = byNet.get(netId);
    if (!list) byNet.set(netId, (list = []));
    list.push(label);
  }
  const joined = new Map<number, string>();
  for (const [netId, list] of byNet) joined.set(netId, [...new Set(list)].sort().join('; '));
  return joined;
}

export function projectFacts(rows: HistoryRows): Facts {
  const facts = emptyFacts();
  for (const ix of fields(rows.ix)) {
    const id = idOf(ix.id);
    if (id === null || !isLive(ix)) continue;
    facts.ix.set(String(id), placeValue({ name: text(ix.name), country: text(ix.country), city: text(ix.city) }));
  }
  for (const fac of fields(rows.fac)) {
    const id = idOf(fac.id);
    if (id === null || !isLive(fac)) continue;
    facts.fac.set(String(id), placeValue({ name: text(fac.name), country: text(fac.country), city: text(fac.city) }));
  }

  const contacts = policyContacts(rows.poc);
  const asnOfNet = new Map<number, number>();
  for (const net of fields(rows.net)) {
    const id = idOf(net.id);
    const asn = idOf(net.asn);
    if (id === null || asn === null || !isLive(net)) continue;
    asnOfNet.set(id, asn);
    facts.net.set(
      String(id),
      netValue({
        asn,
        name: text(net.name),
        policy: text(net.policy_general),
        traffic: text(net.info_traffic),
        prefixes4: count(net.info_prefixes4),
        prefixes6: count(net.info_prefixes6),
        irrAsSet: text(net.irr_as_set),
        policyContact: contacts.get(id) ?? '',
      }),
    );
  }

  const members = new Map<string, MemberFact>();
  for (const port of fields(rows.netixlan)) {
    if (!isLive(port)) continue;
    const ixId = idOf(port.ix_id);
    const netId = idOf(port.net_id);
    // The port's own ASN is what sessions use; a port without one falls back to its network's.
    const asn = idOf(port.asn) ?? (netId === null ? null : (asnOfNet.get(netId) ?? null));
    if (ixId === null || asn === null) continue;
    const key = memberKey(ixId, asn);
    let member = members.get(key);
    if (!member) members.set(key, (member = { netId, rsPorts: 0, speeds: [] }));
    if (netId !== null && (member.netId === null || netId < member.netId)) member.netId = netId;
    if (port.is_rs_peer === true) member.rsPorts++;
    member.speeds.push(speedOf(port.speed));
  }
  for (const [key, member] of members) facts.member.set(key, memberValue(member));

  for (const presence of fields(rows.netfac)) {
    if (!isLive(presence)) continue;
    const facId = idOf(presence.fac_id);
    const netId = idOf(presence.net_id);
    if (facId === null || netId === null) continue;
    const localAsn = idOf(presence.local_asn) ?? asnOfNet.get(netId) ?? 0;
    facts.netfac.set(netfacKey(facId, netId), netfacValue(localAsn));
  }
  return facts;
}

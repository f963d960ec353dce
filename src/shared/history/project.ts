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

/** Rows read between two pauses of a stepwise projection. */
const ROWS_PER_STEP = 2048;

/**
 * Calls `each` on up to `count` more rows of `rows`; true once there are none left. A plain
 * function, so the loop over rows is optimised like any other (see projectFactsInSteps).
 */
function eachOfNext<T>(rows: Iterator<T>, count: number, each: (row: T) => void): boolean {
  for (let n = 0; n < count; n++) {
    const next = rows.next();
    if (next.done) return true;
    each(next.value);
  }
  return false;
}

/** Goes through every row, pausing (yielding) after each ROWS_PER_STEP of them. */
function* everyRow<T>(rows: Iterable<T>, each: (row: T) => void): Generator<void, void, void> {
  const iterator = rows[Symbol.iterator]();
  while (!eachOfNext(iterator, ROWS_PER_STEP, each)) yield;
}

/**
 * The network's Policy contacts that anyone may see. Contacts visible to users only come and
 * go with the API key (and never appear in public dumps), so they would make history say a
 * contact changed when only the key did.
 */
function* policyContacts(pocs: Iterable<object>): Generator<void, Map<number, string>, void> {
  const byNet = new Map<number, string[]>();
  yield* everyRow(fields(pocs), (poc) => {
    if (!isLive(poc) || poc.role !== 'Policy') return;
    if (poc.visible !== undefined && poc.visible !== 'Public') return;
    const netId = idOf(poc.net_id);
    if (netId === null) return;
    const name = text(poc.name).trim();
    const email = text(poc.email).trim();
    const phone = text(poc.phone).trim();
    if (!name && !email && !phone) return;
    const label = email ? (name ? `${name} <${email}>` : email) : [name, phone].filter(Boolean).join(' ');
    let list = byNet.get(netId);
    if (!list) byNet.set(netId, (list = []));
    list.push(label);
  });
  const joined = new Map<number, string>();
  for (const [netId, list] of byNet) joined.set(netId, [...new Set(list)].sort().join('; '));
  return joined;
}

export function projectFacts(rows: HistoryRows): Facts {
  const steps = projectFactsInSteps(rows);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * projectFacts a few thousand rows at a time: it yields between them, so a caller holding a
 * thread others wait for (the store worker, after a sync) can let them in. The rows must not
 * change until it is done.
 */
export function* projectFactsInSteps(rows: HistoryRows): Generator<void, Facts, void> {
  const facts = emptyFacts();
  yield* everyRow(fields(rows.ix), (ix) => {
    const id = idOf(ix.id);
    if (id === null || !isLive(ix)) return;
    facts.ix.set(String(id), placeValue({ name: text(ix.name), country: text(ix.country), city: text(ix.city) }));
  });
  yield* everyRow(fields(rows.fac), (fac) => {
    const id = idOf(fac.id);
    if (id === null || !isLive(fac)) return;
    facts.fac.set(String(id), placeValue({ name: text(fac.name), country: text(fac.country), city: text(fac.city) }));
  });

  const contacts = yield* policyContacts(rows.poc);
  const asnOfNet = new Map<number, number>();
  yield* everyRow(fields(rows.net), (net) => {
    const id = idOf(net.id);
    const asn = idOf(net.asn);
    if (id === null || asn === null || !isLive(net)) return;
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
  });

  const members = new Map<string, MemberFact>();
  yield* everyRow(fields(rows.netixlan), (port) => {
    if (!isLive(port)) return;
    const ixId = idOf(port.ix_id);
    const netId = idOf(port.net_id);
    // The port's own ASN is what sessions use; a port without one falls back to its network's.
    const asn = idOf(port.asn) ?? (netId === null ? null : (asnOfNet.get(netId) ?? null));
    if (ixId === null || asn === null) return;
    const key = memberKey(ixId, asn);
    let member = members.get(key);
    if (!member) members.set(key, (member = { netId, rsPorts: 0, speeds: [] }));
    if (netId !== null && (member.netId === null || netId < member.netId)) member.netId = netId;
    if (port.is_rs_peer === true) member.rsPorts++;
    member.speeds.push(speedOf(port.speed));
  });
  yield* everyRow(members, ([key, member]) => void facts.member.set(key, memberValue(member)));

  yield* everyRow(fields(rows.netfac), (presence) => {
    if (!isLive(presence)) return;
    const facId = idOf(presence.fac_id);
    const netId = idOf(presence.net_id);
    if (facId === null || netId === null) return;
    const localAsn = idOf(presence.local_asn) ?? asnOfNet.get(netId) ?? 0;
    facts.netfac.set(netfacKey(facId, netId), netfacValue(localAsn));
  });
  return facts;
}

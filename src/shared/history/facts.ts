/**
 * What history keeps of PeeringDB at one moment: a few facts per exchange, facility, network,
 * membership and facility presence, each a small tuple under a stable key. History stores how
 * these values change between moments, never the moments themselves, so it grows with changes
 * and not with days. Runtime-free: main projects dump files into facts, the store worker its copy.
 */

/** The fact kinds, each keyed as its `keyOf` says. */
export const HISTORY_KINDS = ['ix', 'fac', 'net', 'member', 'netfac'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** A fact's value: a flat tuple, compared element by element. */
export type FactValue = readonly (string | number | null)[];

/** Every fact of one moment, by kind and key. */
export type Facts = Record<HistoryKind, Map<string, FactValue>>;

export function emptyFacts(): Facts {
  return { ix: new Map(), fac: new Map(), net: new Map(), member: new Map(), netfac: new Map() };
}

export function sameFactValue(a: FactValue, b: FactValue): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---- Keys

/** A network's membership of an exchange is keyed by the port's ASN (see the design notes). */
export function memberKey(ixId: number, portAsn: number): string {
  return `${ixId}:${portAsn}`;
}

export function netfacKey(facId: number, netId: number): string {
  return `${facId}:${netId}`;
}

/** The two ids of a pair key ("12:64500" → [12, 64500]). */
export function splitPairKey(key: string): [number, number] {
  const colon = key.indexOf(':');
  return [Number(key.slice(0, colon)), Number(key.slice(colon + 1))];
}

// ---- Values. Each layout is written and read only here.

export interface PlaceFact {
  name: string;
  country: string;
  city: string;
}

/** ix and fac: [name, country, city]. */
export function placeValue(place: PlaceFact): FactValue {
  return [place.name, place.country, place.city];
}

export function readPlace(value: FactValue): PlaceFact {
  return { name: String(value[0] ?? ''), country: String(value[1] ?? ''), city: String(value[2] ?? '') };
}

/** The values of a network record that matter to a peer. */
export interface NetFact {
  asn: number;
  name: string;
  /** policy_general as given ("Open", "Selective", … or an older wording). */
  policy: string;
  traffic: string;
  prefixes4: number | null;
  prefixes6: number | null;
  irrAsSet: string;
  /** The public Policy contacts, "Name <email>" joined by "; ", or "" when there is none. */
  policyContact: string;
}

export const NET_FIELDS = ['asn', 'name', 'policy', 'traffic', 'prefixes4', 'prefixes6', 'irrAsSet', 'policyContact'] as const;

export function netValue(net: NetFact): FactValue {
  return NET_FIELDS.map((field) => net[field]);
}

export function readNet(value: FactValue): NetFact {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    asn: num(value[0]) ?? 0,
    name: String(value[1] ?? ''),
    policy: String(value[2] ?? ''),
    traffic: String(value[3] ?? ''),
    prefixes4: num(value[4]),
    prefixes6: num(value[5]),
    irrAsSet: String(value[6] ?? ''),
    policyContact: String(value[7] ?? ''),
  };
}

/** A network at an exchange (all its ports there with one port ASN). */
export interface MemberFact {
  /** The network record the ports belong to (the lowest id when they disagree); null when unknown. */
  netId: number | null;
  /** Ports on the route servers. */
  rsPorts: number;
  /** Port speeds in Mbit/s, largest first. */
  speeds: number[];
}

export function memberValue(member: MemberFact): FactValue {
  return [member.netId, member.rsPorts, ...[...member.speeds].sort((a, b) => b - a)];
}

export function readMember(value: FactValue): MemberFact & { ports: number; capacity: number } {
  const speeds = value.slice(2).map((speed) => (typeof speed === 'number' ? speed : 0));
  return {
    netId: typeof value[0] === 'number' ? value[0] : null,
    rsPorts: typeof value[1] === 'number' ? value[1] : 0,
    speeds,
    ports: speeds.length,
    capacity: speeds.reduce((sum, speed) => sum + speed, 0),
  };
}

/** netfac: [localAsn]. */
export function netfacValue(localAsn: number): FactValue {
  return [localAsn];
}

// ---- One moment on the wire (main → store worker): JSON text of this shape.

export type ObservationSource = 'sync' | 'dump';

export interface ObservationWire {
  /** Epoch seconds of the moment the facts describe. */
  at: number;
  source: ObservationSource;
  /** What it came from, for people: a dump's file name, or "Sync". */
  label: string;
  facts: Record<HistoryKind, [string, FactValue][]>;
}

export function factsToWire(facts: Facts): ObservationWire['facts'] {
  return {
    ix: [...facts.ix],
    fac: [...facts.fac],
    net: [...facts.net],
    member: [...facts.member],
    netfac: [...facts.netfac],
  };
}

export class ObservationFormatError extends Error {
  override name = 'ObservationFormatError';
}

/** Reads an observation's text, checking its shape before anything uses it. */
export function parseObservationWire(text: string): { at: number; source: ObservationSource; label: string; facts: Facts } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ObservationFormatError(`the history data is not valid JSON (${(error as Error).message})`);
  }
  const wire = value as Partial<ObservationWire> | null;
  if (typeof wire !== 'object' || wire === null) throw new ObservationFormatError('the history data is not an object');
  if (typeof wire.at !== 'number' || !Number.isSafeInteger(wire.at) || wire.at <= 0) {
    throw new ObservationFormatError('the history data has no valid time');
  }
  if (wire.source !== 'sync' && wire.source !== 'dump') throw new ObservationFormatError('the history data has no source');
  const facts = emptyFacts();
  for (const kind of HISTORY_KINDS) {
    const entries = (wire.facts as Record<string, unknown> | undefined)?.[kind];
    if (!Array.isArray(entries)) throw new ObservationFormatError(`the history data has no "${kind}" list`);
    const map = facts[kind];
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) {
        throw new ObservationFormatError(`an entry of "${kind}" is not a key and a value`);
      }
      map.set(entry[0], entry[1] as FactValue);
    }
  }
  return { at: wire.at, source: wire.source, label: typeof wire.label === 'string' ? wire.label : '', facts };
}

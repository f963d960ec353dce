/**
 * Who is where, by ASN, in dense numbered arrays: what peer lists and comparisons read for
 * every candidate. A peers list across fifty IXPs weighs some ten thousand ASNs; asked of
 * per-ASN maps and sets it spends its time allocating and hashing, read from typed arrays by
 * ordinal it is a few passes over numbers.
 *
 * ASNs, IXPs and facilities are numbered densely (ordinals) so arrays are sized by how many
 * there are, never by the largest id, which PeeringDB does not bound. Lists per ASN and per
 * IXP are "compressed rows": one array of items and, per owner, where its items start.
 */
import type { Fac, Ix, Net, NetFac, NetIxLan } from '../../../../shared/peeringdb';
import type { MemberNet } from '../../protocol/discovery';
import { inSteps } from '../cooperative';
import type { MemberColumns } from './member-columns';
import { amountOf, isAsn } from './row-values';

/** Items of owner i are items[start[i]] up to items[start[i + 1]]. */
export interface Lists {
  start: Int32Array;
  items: Int32Array;
}

/** Bits of memberFlags: what at least one of a member's ports at an IXP has. */
export const PORT_RS_PEER = 1;
export const PORT_IPV4 = 2;
export const PORT_IPV6 = 4;

export interface PeeringSection {
  /** Ordinal to ASN, for every ASN a record, a port or a presence names, in ascending order. */
  asns: Float64Array;
  ordinalOf: Map<number, number>;
  /** Per ASN ordinal, the record that names it (see DiscoveryIndex.holderOfAsn). */
  holders: (Net | undefined)[];
  /** IXPs and facilities of the copy, ordinal to id and back. */
  ixIds: Float64Array;
  ixOrdinalOf: Map<number, number>;
  facIds: Float64Array;
  facOrdinalOf: Map<number, number>;
  /** Per ASN, the IXPs its ports are at, each once, in the order of its ports. */
  ixsOfAsn: Lists;
  /** Per ASN, the facilities it is at: those of the records behind it and, without one, its presences. */
  facsOfAsn: Lists;
  /**
   * Per IXP, its members: each ASN its ports carry there, in the order of the ports, with the
   * sum of their speeds and what they have (PORT_* bits). memberPorts holds each member's
   * ports from memberPortStart[member].
   */
  membersOfIx: Int32Array;
  memberAsn: Int32Array;
  memberSpeed: Float64Array;
  memberFlags: Uint8Array;
  memberPortStart: Int32Array;
  memberPorts: NetIxLan[];
  /** What rows show of each ASN's network, made on first use (see DiscoveryIndex.memberColumns). */
  memberColumns: MemberColumns | null;
  /** Made from them on first use and kept until the section is rebuilt. Shared: do not modify. */
  memberNets: (MemberNet | undefined)[];
  asnsAtFac: Map<number, ReadonlySet<number>>;
  asnSetsAtIx: Map<number, ReadonlySet<number>>;
  ixIdSets: Map<number, ReadonlySet<number>>;
  facIdSets: Map<number, ReadonlySet<number>>;
}

export interface PeeringInputs {
  netByAsn: ReadonlyMap<number, Net>;
  portsByAsn: ReadonlyMap<number, readonly NetIxLan[]>;
  portsByIx: ReadonlyMap<number, readonly NetIxLan[]>;
  presencesByNet: ReadonlyMap<number, readonly NetFac[]>;
  presencesByLocalAsn: ReadonlyMap<unknown, readonly NetFac[]>;
  ixs: readonly Ix[];
  facs: readonly Fac[];
  /** Whether the copy holds a network record (read as the section is built). */
  hasNet: (id: number) => boolean;
  netById: (id: number) => Net | undefined;
}

/** An Int32Array that grows as items are pushed. */
class IntList {
  items: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
  done(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

function ordinals<K>(keys: Iterable<K>, ids: (key: K) => number): { ids: Float64Array; ordinalOf: Map<number, number> } {
  const ordinalOf = new Map<number, number>();
  for (const key of keys) {
    const id = ids(key);
    if (!ordinalOf.has(id)) ordinalOf.set(id, ordinalOf.size);
  }
  const list = new Float64Array(ordinalOf.size);
  for (const [id, ordinal] of ordinalOf) list[ordinal] = id;
  return { ids: list, ordinalOf };
}

export function* buildPeeringSection(input: PeeringInputs): Generator<void, PeeringSection, void> {
  const { netByAsn, portsByAsn, portsByIx, presencesByNet, presencesByLocalAsn, hasNet } = input;

  // Every ASN named: records' own, ports', and presences' whose record the copy lacks.
  const named = new Set<number>();
  const name = (asn: number) => named.add(asn);
  const recordAsns = Array.from(netByAsn.keys());
  yield* inSteps(recordAsns.length, (from, to) => {
    for (let i = from; i < to; i++) name(recordAsns[i]!);
  });
  const portAsns = Array.from(portsByAsn.keys());
  yield* inSteps(portAsns.length, (from, to) => {
    for (let i = from; i < to; i++) name(portAsns[i]!);
  });
  const localAsns = Array.from(presencesByLocalAsn);
  yield* inSteps(localAsns.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const [localAsn, rows] = localAsns[i]!;
      if (typeof localAsn === 'number' && rows.some((row) => !hasNet(row.net_id))) name(localAsn);
    }
  });
  // Numbered in ascending order, so rows listed by ordinal are in ASN order (see queries/member-rank.ts).
  const asns = Float64Array.from(named).sort();
  const asnCount = asns.length;
  yield;
  const ordinalOf = new Map<number, number>();
  yield* inSteps(asnCount, (from, to) => {
    for (let ordinal = from; ordinal < to; ordinal++) ordinalOf.set(asns[ordinal]!, ordinal);
  });

  const { ids: ixIds, ordinalOf: ixOrdinalOf } = ordinals(input.ixs, (ix) => ix.id);
  const { ids: facIds, ordinalOf: facOrdinalOf } = ordinals(input.facs, (fac) => fac.id);
  yield;

  const holders = new Array<Net | undefined>(asnCount);
  yield* inSteps(asnCount, (from, to) => {
    for (let ordinal = from; ordinal < to; ordinal++) holders[ordinal] = holderOf(asns[ordinal]!, input);
  });

  // Per ASN: its IXPs, then its facilities. `seenBy` marks an IXP or facility as taken by the
  // ASN (ordinal + 1), so nothing is cleared between ASNs.
  const ixSeenBy = new Int32Array(ixIds.length);
  const ixStart = new Int32Array(asnCount + 1);
  const ixItems = new IntList(asnCount * 2);
  const facSeenBy = new Int32Array(facIds.length);
  const facStart = new Int32Array(asnCount + 1);
  const facItems = new IntList(asnCount * 2);
  const recordIds: number[] = [];
  yield* inSteps(asnCount, (from, to) => {
    for (let ordinal = from; ordinal < to; ordinal++) {
      const asn = asns[ordinal]!;
      const mark = ordinal + 1;
      const ports = portsByAsn.get(asn) ?? NO_PORTS;
      ixStart[ordinal] = ixItems.length;
      for (const row of ports) {
        const ix = ixOrdinalOf.get(row.ix_id);
        if (ix !== undefined && ixSeenBy[ix] !== mark) {
          ixSeenBy[ix] = mark;
          ixItems.push(ix);
        }
      }
      facStart[ordinal] = facItems.length;
      // The records behind the ASN: its own, and those whose ports carry it.
      recordIds.length = 0;
      const own = netByAsn.get(asn);
      if (own) recordIds.push(own.id);
      for (const row of ports) if (!recordIds.includes(row.net_id)) recordIds.push(row.net_id);
      for (const netId of recordIds) {
        for (const row of presencesByNet.get(netId) ?? NO_PRESENCES) {
          const fac = facOrdinalOf.get(row.fac_id);
          if (fac !== undefined && facSeenBy[fac] !== mark) {
            facSeenBy[fac] = mark;
            facItems.push(fac);
          }
        }
      }
      // A presence whose record the copy lacks is placed by the ASN it names.
      for (const row of presencesByLocalAsn.get(asn) ?? NO_PRESENCES) {
        if (hasNet(row.net_id) || recordIds.includes(row.net_id)) continue;
        const fac = facOrdinalOf.get(row.fac_id);
        if (fac !== undefined && facSeenBy[fac] !== mark) {
          facSeenBy[fac] = mark;
          facItems.push(fac);
        }
      }
    }
  });
  ixStart[asnCount] = ixItems.length;
  facStart[asnCount] = facItems.length;

  // Per IXP, its members in the order of its ports; then each member's ports together.
  let portCount = 0;
  for (const ixId of ixIds) portCount += portsByIx.get(ixId)?.length ?? 0;
  const membersOfIx = new Int32Array(ixIds.length + 1);
  const memberAsn = new Int32Array(portCount);
  const memberSpeed = new Float64Array(portCount);
  const memberFlags = new Uint8Array(portCount);
  const portsPerMember = new Int32Array(portCount + 1);
  const memberOfPort = new Int32Array(portCount);
  const memberOfAsn = new Int32Array(asnCount);
  const asnSeenAt = new Int32Array(asnCount);
  let members = 0;
  let port = 0;
  yield* inSteps(
    ixIds.length,
    (from, to) => {
      for (let ix = from; ix < to; ix++) {
        membersOfIx[ix] = members;
        for (const row of portsByIx.get(ixIds[ix]!) ?? NO_PORTS) {
          const ordinal = isAsn(row.asn) ? ordinalOf.get(row.asn) : undefined;
          if (ordinal === undefined) {
            memberOfPort[port++] = -1;
            continue;
          }
          let member: number;
          if (asnSeenAt[ordinal] !== ix + 1) {
            asnSeenAt[ordinal] = ix + 1;
            member = members++;
            memberOfAsn[ordinal] = member;
            memberAsn[member] = ordinal;
          } else {
            member = memberOfAsn[ordinal]!;
          }
          // Summed in the order of the ports, as a list of them would be.
          memberSpeed[member]! += amountOf(row.speed);
          if (row.is_rs_peer === true) memberFlags[member]! |= PORT_RS_PEER;
          if (row.ipaddr4) memberFlags[member]! |= PORT_IPV4;
          if (row.ipaddr6) memberFlags[member]! |= PORT_IPV6;
          portsPerMember[member]!++;
          memberOfPort[port++] = member;
        }
      }
    },
    32,
  );
  membersOfIx[ixIds.length] = members;
  const memberPortStart = new Int32Array(members + 1);
  for (let member = 0; member < members; member++) memberPortStart[member + 1] = memberPortStart[member]! + portsPerMember[member]!;
  const filled = memberPortStart.slice(0, members);
  const memberPorts = new Array<NetIxLan>(memberPortStart[members]!);
  port = 0;
  yield* inSteps(
    ixIds.length,
    (from, to) => {
      for (let ix = from; ix < to; ix++) {
        for (const row of portsByIx.get(ixIds[ix]!) ?? NO_PORTS) {
          const member = memberOfPort[port++]!;
          if (member >= 0) memberPorts[filled[member]!++] = row;
        }
      }
    },
    64,
  );

  return {
    asns,
    ordinalOf,
    holders,
    ixIds,
    ixOrdinalOf,
    facIds,
    facOrdinalOf,
    ixsOfAsn: { start: ixStart, items: ixItems.done() },
    facsOfAsn: { start: facStart, items: facItems.done() },
    membersOfIx,
    memberAsn: memberAsn.slice(0, members),
    memberSpeed: memberSpeed.slice(0, members),
    memberFlags: memberFlags.slice(0, members),
    memberPortStart,
    memberPorts,
    memberColumns: null,
    memberNets: new Array<MemberNet | undefined>(asnCount),
    asnsAtFac: new Map(),
    asnSetsAtIx: new Map(),
    ixIdSets: new Map(),
    facIdSets: new Map(),
  };
}

const NO_PORTS: readonly NetIxLan[] = [];
const NO_PRESENCES: readonly NetFac[] = [];

/** The record naming an ASN: its own, else the one holding most of its ports (lowest id on a tie). */
function holderOf(asn: number, input: PeeringInputs): Net | undefined {
  const own = input.netByAsn.get(asn);
  if (own) return own;
  const portsPerNet = new Map<number, number>();
  for (const row of input.portsByAsn.get(asn) ?? NO_PORTS) {
    if (input.hasNet(row.net_id)) portsPerNet.set(row.net_id, (portsPerNet.get(row.net_id) ?? 0) + 1);
  }
  let best = -1;
  let bestPorts = 0;
  for (const [netId, ports] of portsPerNet) {
    if (ports > bestPorts || (ports === bestPorts && netId < best)) {
      best = netId;
      bestPorts = ports;
    }
  }
  return best === -1 ? undefined : input.netById(best);
}

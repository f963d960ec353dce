/**
 * Member lists as columns for the trip to the page (see protocol/packed.ts). Lists of strings
 * are filled by push: an array made at its length (`new Array(n)`) has holes as far as the
 * engine knows, and is cloned key by key, at twice the cost or more.
 */
import type { PeersResult } from '../../protocol/discovery';
import type { PackedConnections, PackedMemberNets, PackedPeersResult } from '../../protocol/packed';
import { memberConnections, memberSelectionOf, type MemberSelection } from './members';
/** Numbers the distinct values of a column, so each row carries an index. */
class Dictionary<T> {
  readonly values: T[] = [];
  private readonly byValue = new Map<T, number>();
  private readonly byKey = new Map<string, number>();

  /** `keyOf` tells equal values apart from the same value; without it, values are compared as they are. */
  constructor(private readonly keyOf?: (value: T) => string) {}

  indexOf(value: T): number {
    let index = this.byValue.get(value);
    if (index !== undefined) return index;
    const key = this.keyOf?.(value);
    index = key === undefined ? undefined : this.byKey.get(key);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      if (key !== undefined) this.byKey.set(key, index);
    }
    this.byValue.set(value, index);
    return index;
  }
}

/** Each row's connections at the one IXP asked, as the rows would carry them (memberConnections). */
function packConnections(selection: MemberSelection): PackedConnections | null {
  const { members } = selection;
  if (!members) return null;
  // One IXP's members: a few thousand connections at most, so made once as objects and copied.
  const perRow = Array.from(members, (member) => memberConnections(selection.index.peering, member));
  const count = members.length;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) start[i + 1] = start[i]! + perRow[i]!.length;
  const total = start[count]!;
  const packed: PackedConnections = {
    start,
    netixlanId: new Float64Array(total),
    asn: new Float64Array(total),
    ixlanId: new Float64Array(total),
    ipaddr4: [],
    ipaddr6: [],
    speed: new Float64Array(total),
    isRsPeer: new Uint8Array(total),
    operational: new Uint8Array(total),
  };
  let at = 0;
  for (const connections of perRow) {
    for (const connection of connections) {
      packed.netixlanId[at] = connection.netixlanId;
      packed.asn[at] = connection.asn;
      packed.ixlanId[at] = connection.ixlanId;
      packed.ipaddr4.push(connection.ipaddr4);
      packed.ipaddr6.push(connection.ipaddr6);
      packed.speed[at] = connection.speed;
      packed.isRsPeer[at] = connection.isRsPeer ? 1 : 0;
      packed.operational[at] = connection.operational ? 1 : 0;
      at++;
    }
  }
  return packed;
}

/** What the rows show of their networks, from the records that name their ASNs. */
function packNets(selection: MemberSelection): PackedMemberNets {
  const { index, ordinals } = selection;
  const count = ordinals.length;
  const texts = new Dictionary<string>();
  // Rows share their lists (see DiscoveryIndex.memberNetAt); the key catches those that do not.
  const typeLists = new Dictionary<string[]>((types) => JSON.stringify(types));
  const packed: PackedMemberNets = {
    asn: new Float64Array(count),
    netId: new Float64Array(count),
    name: [],
    recordAsn: new Float64Array(count),
    policyGeneral: new Int32Array(count),
    traffic: new Int32Array(count),
    texts: texts.values,
    infoTypes: new Int32Array(count),
    typeLists: typeLists.values,
  };
  for (let i = 0; i < count; i++) {
    const net = index.memberNetAt(ordinals[i]!);
    packed.asn[i] = net.asn;
    packed.netId[i] = net.netId ?? Number.NaN;
    packed.name.push(net.name);
    packed.recordAsn[i] = net.recordAsn ?? Number.NaN;
    packed.policyGeneral[i] = texts.indexOf(net.policyGeneral);
    packed.traffic[i] = texts.indexOf(net.traffic);
    packed.infoTypes[i] = typeLists.indexOf(net.infoTypes);
  }
  return packed;
}

/** Packs an answer of findMembers from its columns: its rows are never made. */
export function packPeersResult(result: PeersResult): PackedPeersResult {
  const selection = memberSelectionOf(result);
  if (!selection) throw new Error('Only answers of findMembers travel packed');
  const { index: _index, ordinals: _ordinals, members: _members, ...facts } = selection;
  return {
    candidateCount: result.candidateCount,
    ixCount: result.ixCount,
    ixNames: result.ixNames,
    noneOfMine: result.noneOfMine,
    rows: { ...packNets(selection), ...facts, connections: packConnections(selection) },
  };
}

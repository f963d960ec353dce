/**
 * Member lists as columns for the trip to the page (see protocol/packed.ts). Lists of strings
 * are filled by push: an array made at its length (`new Array(n)`) has holes as far as the
 * engine knows, and is cloned key by key, at twice the cost or more.
 */
import type { PeersResult } from '../../protocol/discovery';
import type { PackedConnections, PackedMemberNets, PackedPeersResult } from '../../protocol/packed';
import { memberConnections, memberSelectionOf, type MemberSelection } from './members';
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

/**
 * A list of at least this share of the ASNs the store knows carries every name (one string
 * made once per section); a shorter one carries its own rows' names only.
 */
const EVERY_NAME_SHARE = 1 / 8;

/** What the rows show of their networks: the section's columns, gathered for the rows. */
function packNets(selection: MemberSelection): PackedMemberNets {
  const { index, ordinals } = selection;
  const { peering } = index;
  const columns = index.memberColumns();
  const count = ordinals.length;
  const packed: PackedMemberNets = {
    section: columns.id,
    sectionSize: peering.asns.length,
    ordinal: ordinals,
    asn: new Float64Array(count),
    netId: new Float64Array(count),
    names: columns.names,
    nameStart: new Int32Array(count),
    nameEnd: new Int32Array(count),
    recordAsn: new Float64Array(count),
    policyGeneral: new Int32Array(count),
    traffic: new Int32Array(count),
    texts: columns.texts,
    infoTypes: new Int32Array(count),
    typeLists: columns.typeLists,
  };
  for (let i = 0; i < count; i++) {
    const ordinal = ordinals[i]!;
    packed.asn[i] = peering.asns[ordinal]!;
    packed.netId[i] = columns.netId[ordinal]!;
    packed.nameStart[i] = columns.nameStart[ordinal]!;
    packed.nameEnd[i] = columns.nameStart[ordinal + 1]!;
    packed.recordAsn[i] = columns.recordAsn[ordinal]!;
    packed.policyGeneral[i] = columns.policy[ordinal]!;
    packed.traffic[i] = columns.traffic[ordinal]!;
    packed.infoTypes[i] = columns.types[ordinal]!;
  }
  if (count < peering.asns.length * EVERY_NAME_SHARE) {
    const names: string[] = [];
    let end = 0;
    for (let i = 0; i < count; i++) {
      const name = columns.names.slice(packed.nameStart[i], packed.nameEnd[i]);
      names.push(name);
      packed.nameStart[i] = end;
      packed.nameEnd[i] = end += name.length;
    }
    packed.names = names.join('');
  }
  return packed;
}

/**
 * The buffers behind a packed answer's typed arrays, each once. Every one was made for this
 * answer (packNets and packConnections make theirs, findMembers its selection's), so they may
 * move to the page with it; the answer's own rows are not read after.
 */
export function columnBuffersOf(packed: PackedPeersResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const collect = (columns: object | null): void => {
    for (const value of Object.values(columns ?? {})) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    }
  };
  collect(packed.rows);
  collect(packed.rows.connections);
  return [...buffers];
}

/** Packs an answer of findMembers from its columns: its rows are never made. */
export function packPeersResult(result: PeersResult): PackedPeersResult {
  const selection = memberSelectionOf(result);
  if (!selection) throw new Error('Only answers of findMembers travel packed');
  const { index: _index, ordinals: _ordinals, members: _members, ...facts } = selection;
  // The ordinals travel with the networks (packNets), as `ordinal`.
  return {
    candidateCount: result.candidateCount,
    ixCount: result.ixCount,
    ixNames: result.ixNames,
    noneOfMine: result.noneOfMine,
    rows: { ...packNets(selection), ...facts, connections: packConnections(selection) },
  };
}

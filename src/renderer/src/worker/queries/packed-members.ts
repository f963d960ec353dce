/** Member lists as columns for the trip to the page (see protocol/packed.ts). */
import type { MemberRow, PeersResult } from '../../protocol/discovery';
import type { PackedConnections, PackedMemberRows, PackedPeersResult } from '../../protocol/packed';

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

function packConnections(rows: readonly MemberRow[]): PackedConnections | null {
  if (rows.length === 0 || rows[0]!.connections === undefined) return null;
  const start = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) start[i + 1] = start[i]! + (rows[i]!.connections?.length ?? 0);
  const total = start[rows.length]!;
  const packed: PackedConnections = {
    start,
    netixlanId: new Float64Array(total),
    asn: new Float64Array(total),
    ixlanId: new Float64Array(total),
    ipaddr4: new Array<string | null>(total),
    ipaddr6: new Array<string | null>(total),
    speed: new Float64Array(total),
    isRsPeer: new Uint8Array(total),
    operational: new Uint8Array(total),
  };
  let at = 0;
  for (const row of rows) {
    for (const connection of row.connections ?? []) {
      packed.netixlanId[at] = connection.netixlanId;
      packed.asn[at] = connection.asn;
      packed.ixlanId[at] = connection.ixlanId;
      packed.ipaddr4[at] = connection.ipaddr4;
      packed.ipaddr6[at] = connection.ipaddr6;
      packed.speed[at] = connection.speed;
      packed.isRsPeer[at] = connection.isRsPeer ? 1 : 0;
      packed.operational[at] = connection.operational ? 1 : 0;
      at++;
    }
  }
  return packed;
}

export function packMemberRows(rows: readonly MemberRow[]): PackedMemberRows {
  const count = rows.length;
  const texts = new Dictionary<string>();
  // Rows share their lists (see DiscoveryIndex.memberNetAt); the key catches those that do not.
  const typeLists = new Dictionary<string[]>((types) => JSON.stringify(types));
  const sharedStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) sharedStart[i + 1] = sharedStart[i]! + rows[i]!.sharedIxIds.length;
  const packed: PackedMemberRows = {
    asn: new Float64Array(count),
    netId: new Float64Array(count),
    name: new Array<string>(count),
    recordAsn: new Float64Array(count),
    policyGeneral: new Int32Array(count),
    traffic: new Int32Array(count),
    texts: texts.values,
    infoTypes: new Int32Array(count),
    typeLists: typeLists.values,
    ixCount: new Float64Array(count),
    bestSpeed: new Float64Array(count),
    sharedFacCount: new Float64Array(count),
    score: new Float64Array(count),
    isRsPeer: new Uint8Array(count),
    hasIpv4: new Uint8Array(count),
    hasIpv6: new Uint8Array(count),
    isMine: new Uint8Array(count),
    sharedStart,
    sharedIxIds: new Float64Array(sharedStart[count]!),
    marked: new Int32Array(0),
    peerStates: [],
    notes: [],
    connections: packConnections(rows),
  };
  const marked: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const { net } = row;
    packed.asn[i] = net.asn;
    packed.netId[i] = net.netId ?? Number.NaN;
    packed.name[i] = net.name;
    packed.recordAsn[i] = net.recordAsn ?? Number.NaN;
    packed.policyGeneral[i] = texts.indexOf(net.policyGeneral);
    packed.traffic[i] = texts.indexOf(net.traffic);
    packed.infoTypes[i] = typeLists.indexOf(net.infoTypes);
    packed.ixCount[i] = row.ixCount;
    packed.bestSpeed[i] = row.bestSpeed;
    packed.sharedFacCount[i] = row.sharedFacCount;
    packed.score[i] = row.score;
    packed.isRsPeer[i] = row.isRsPeer ? 1 : 0;
    packed.hasIpv4[i] = row.hasIpv4 ? 1 : 0;
    packed.hasIpv6[i] = row.hasIpv6 ? 1 : 0;
    packed.isMine[i] = row.isMine ? 1 : 0;
    // An element at a time: TypedArray.set from a plain array takes a slow generic path per call.
    const shared = row.sharedIxIds;
    for (let k = 0, at = sharedStart[i]!; k < shared.length; k++, at++) packed.sharedIxIds[at] = shared[k]!;
    if (row.peerState !== null || row.note !== '') {
      marked.push(i);
      packed.peerStates.push(row.peerState);
      packed.notes.push(row.note);
    }
  }
  packed.marked = Int32Array.from(marked);
  return packed;
}

export function packPeersResult(result: PeersResult): PackedPeersResult {
  return { ...result, rows: packMemberRows(result.rows) };
}

/**
 * Answers the store worker sends as columns (see protocol/packed.ts), made back into the
 * objects their query returns. Plain object literals of one shape: the page builds ten
 * thousand rows in a few milliseconds this way, where cloning them as objects took tens.
 */
import type { IxConnection, MemberNet, MemberRow, PeersResult } from '../../protocol/discovery';
import type { PackedAnswers, PackedConnections, PackedKind, PackedMemberRows, PackedPeersResult } from '../../protocol/packed';

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

function unpackConnections(packed: PackedConnections, row: number): IxConnection[] {
  const connections: IxConnection[] = [];
  for (let i = packed.start[row]!; i < packed.start[row + 1]!; i++) {
    connections.push({
      netixlanId: packed.netixlanId[i]!,
      asn: packed.asn[i]!,
      ixlanId: packed.ixlanId[i]!,
      ipaddr4: packed.ipaddr4[i]!,
      ipaddr6: packed.ipaddr6[i]!,
      speed: packed.speed[i]!,
      isRsPeer: packed.isRsPeer[i] === 1,
      operational: packed.operational[i] === 1,
    });
  }
  return connections;
}

export function unpackMemberRows(packed: PackedMemberRows): MemberRow[] {
  const count = packed.asn.length;
  const rows = new Array<MemberRow>(count);
  const { texts, typeLists, sharedStart, sharedIxIds, connections } = packed;
  for (let i = 0; i < count; i++) {
    const net: MemberNet = {
      asn: packed.asn[i]!,
      netId: orNull(packed.netId[i]!),
      name: packed.name[i]!,
      recordAsn: orNull(packed.recordAsn[i]!),
      policyGeneral: texts[packed.policyGeneral[i]!]! as MemberNet['policyGeneral'],
      // Rows with the same types share one list, as they do in the worker: nothing edits it.
      infoTypes: typeLists[packed.infoTypes[i]!]! as MemberNet['infoTypes'],
      traffic: texts[packed.traffic[i]!]!,
    };
    const shared: number[] = [];
    for (let k = sharedStart[i]!; k < sharedStart[i + 1]!; k++) shared.push(sharedIxIds[k]!);
    const row: MemberRow = {
      net,
      ixCount: packed.ixCount[i]!,
      bestSpeed: packed.bestSpeed[i]!,
      isRsPeer: packed.isRsPeer[i] === 1,
      hasIpv4: packed.hasIpv4[i] === 1,
      hasIpv6: packed.hasIpv6[i] === 1,
      sharedIxIds: shared,
      sharedFacCount: packed.sharedFacCount[i]!,
      score: packed.score[i]!,
      isMine: packed.isMine[i] === 1,
      peerState: null,
      note: '',
    };
    if (connections) row.connections = unpackConnections(connections, i);
    rows[i] = row;
  }
  packed.marked.forEach((i, k) => {
    rows[i]!.peerState = packed.peerStates[k]!;
    rows[i]!.note = packed.notes[k]!;
  });
  return rows;
}

export function unpackPeersResult(packed: PackedPeersResult): PeersResult {
  return { ...packed, rows: unpackMemberRows(packed.rows) };
}

const UNPACKERS: { [K in PackedKind]: (packed: PackedAnswers[K]) => unknown } = {
  members: unpackPeersResult,
};

/** The answer a reply carries, made whole when it came packed. */
export function unpackAnswer(kind: PackedKind | undefined, value: unknown): unknown {
  return kind === undefined ? value : UNPACKERS[kind](value as never);
}

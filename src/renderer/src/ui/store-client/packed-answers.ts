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

/**
 * The networks made for earlier answers, by ordinal, while answers come in the same numbering
 * (`section`): a peers list asked again, filtered or elsewhere, shows mostly the same ten
 * thousand networks, and making them again only to drop the last ones keeps the page's
 * garbage collector busy. Shared by the answers: nothing edits them.
 */
export interface MemberNetCache {
  section: number;
  nets: (MemberNet | undefined)[];
}

export function newMemberNetCache(): MemberNetCache {
  return { section: -1, nets: [] };
}

export function unpackMemberRows(packed: PackedMemberRows, cache: MemberNetCache = newMemberNetCache()): MemberRow[] {
  const count = packed.asn.length;
  const rows = new Array<MemberRow>(count);
  const { names, nameStart, nameEnd, texts, typeLists, sharedStart, sharedIxIds, connections } = packed;
  if (cache.section !== packed.section) {
    cache.section = packed.section;
    // Made at its full length: filled at scattered ordinals, a list that grows is kept as a
    // hash table by the engine, several times slower to read.
    cache.nets = new Array<MemberNet | undefined>(packed.sectionSize);
  }
  const { nets } = cache;
  for (let i = 0; i < count; i++) {
    const net: MemberNet = (nets[packed.ordinal[i]!] ??= {
      asn: packed.asn[i]!,
      netId: orNull(packed.netId[i]!),
      name: names.slice(nameStart[i], nameEnd[i]),
      recordAsn: orNull(packed.recordAsn[i]!),
      policyGeneral: texts[packed.policyGeneral[i]!]! as MemberNet['policyGeneral'],
      // Rows with the same types share one list, as they do in the worker: nothing edits it.
      infoTypes: typeLists[packed.infoTypes[i]!]! as MemberNet['infoTypes'],
      traffic: texts[packed.traffic[i]!]!,
    });
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

export function unpackPeersResult(packed: PackedPeersResult, cache?: MemberNetCache): PeersResult {
  return { ...packed, rows: unpackMemberRows(packed.rows, cache) };
}

/** What one store client keeps between answers to unpack the next. */
interface UnpackCaches {
  memberNets: MemberNetCache;
}

const UNPACKERS: { [K in PackedKind]: (packed: PackedAnswers[K], caches: UnpackCaches) => unknown } = {
  members: (packed, caches) => unpackPeersResult(packed, caches.memberNets),
};

/** Unpacks the answers of one store worker: a reply's answer, made whole when it came packed. */
export function answerUnpacker(): (kind: PackedKind | undefined, value: unknown) => unknown {
  const caches: UnpackCaches = { memberNets: newMemberNetCache() };
  return (kind, value) => (kind === undefined ? value : UNPACKERS[kind](value as never, caches));
}

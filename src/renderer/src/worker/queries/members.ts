/**
 * Member lists and potential peers. One function serves the Peers view (members of one IXP or
 * of all my IXPs, minus my networks and those I marked) and the member lists of IXP and
 * facility pages (everyone, mine and marked ones flagged), with the same filters and ranking.
 */
import type { Net, NetIxLan } from '../../../../shared/peeringdb';
import type { PeerStateRecord } from '../../../../shared/user-data';
import type { DiscoveryIndex } from '../index/discovery-index';
import { markHidesPeer } from '../../../../shared/peer-marks';
import { peerScore } from '../../../../shared/ranking';
import { connectionOf, infoTypesOf } from './summaries';
import { foldText } from '../index/text';
import { parseAsn } from '../../../../shared/asn';
import { trafficRank } from './traffic';
import type { MemberFilters, MemberRow, PeersArgs, PeersResult } from '../../protocol/discovery';

/** What the user's own tables say, read by the operation and passed in. */
export interface UserContext {
  myAsns: readonly number[];
  peerStates: readonly PeerStateRecord[];
  /** YYYY-MM-DD, for hidden-until. */
  today: string;
}

interface Mine {
  netIds: Set<number>;
  ixIds: Set<number>;
  facIds: Set<number>;
}

export function myPresence(index: DiscoveryIndex, myAsns: readonly number[]): Mine {
  const mine: Mine = { netIds: new Set(), ixIds: new Set(), facIds: new Set() };
  for (const asn of myAsns) {
    const net = index.netByAsn(asn);
    if (!net) continue;
    mine.netIds.add(net.id);
    for (const ixId of index.ixIdsOfNet(net.id)) mine.ixIds.add(ixId);
    for (const facId of index.facIdsOfNet(net.id)) mine.facIds.add(facId);
  }
  return mine;
}

function placeMatches(place: { region_continent: string | null; country: string }, filters: MemberFilters): boolean {
  if (filters.region && place.region_continent !== filters.region) return false;
  if (filters.country && place.country !== filters.country) return false;
  return true;
}

/** The network-level filters (everything but the connection filters). */
function netFilter(filters: MemberFilters): (net: Net) => boolean {
  const policies = filters.policies?.length ? new Set<string>(filters.policies) : null;
  const infoTypes = filters.infoTypes?.length ? new Set<string>(filters.infoTypes) : null;
  const scopes = filters.scopes?.length ? new Set(filters.scopes) : null;
  const ratios = filters.ratios?.length ? new Set(filters.ratios) : null;
  const minTraffic = filters.trafficMin ? trafficRank(filters.trafficMin) : -1;
  const text = filters.text?.trim() ?? '';
  const asnText = /^(as\s*)?\d+$/i.test(text) ? String(parseAsn(text) ?? '') : '';
  const foldedText = text ? foldText(text) : '';
  return (net) => {
    if (policies && !policies.has(net.policy_general ?? '')) return false;
    if (infoTypes && !infoTypesOf(net).some((type) => infoTypes.has(type))) return false;
    if (scopes && !scopes.has(net.info_scope ?? '')) return false;
    if (ratios && !ratios.has(net.info_ratio ?? '')) return false;
    if (minTraffic >= 0 && trafficRank(net.info_traffic ?? '') < minTraffic) return false;
    if (foldedText) {
      const byAsn = asnText !== '' && String(net.asn).startsWith(asnText);
      const byName =
        foldText(net.name).includes(foldedText) || (net.aka ? foldText(net.aka).includes(foldedText) : false);
      if (!byAsn && !byName) return false;
    }
    return true;
  };
}

interface ConnectionStats {
  bestSpeed: number;
  isRsPeer: boolean;
  hasIpv4: boolean;
  hasIpv6: boolean;
  ixCount: number;
}

function connectionStats(rows: readonly NetIxLan[]): ConnectionStats {
  const stats: ConnectionStats = { bestSpeed: 0, isRsPeer: false, hasIpv4: false, hasIpv6: false, ixCount: 0 };
  // Rows arrive grouped by IXP (gathered one IXP after the other), so a running sum per run
  // of one IXP is the speed there.
  let currentIx = -1;
  let speedHere = 0;
  for (const row of rows) {
    if (row.ix_id !== currentIx) {
      currentIx = row.ix_id;
      speedHere = 0;
      stats.ixCount++;
    }
    speedHere += row.speed ?? 0;
    if (speedHere > stats.bestSpeed) stats.bestSpeed = speedHere;
    if (row.is_rs_peer) stats.isRsPeer = true;
    if (row.ipaddr4) stats.hasIpv4 = true;
    if (row.ipaddr6) stats.hasIpv6 = true;
  }
  return stats;
}

function connectionFilterPasses(stats: ConnectionStats, filters: MemberFilters): boolean {
  if (filters.rsPeer === 'yes' && !stats.isRsPeer) return false;
  if (filters.rsPeer === 'no' && stats.isRsPeer) return false;
  if (filters.ipv4 && !stats.hasIpv4) return false;
  if (filters.ipv6 && !stats.hasIpv6) return false;
  if (filters.minSpeed && stats.bestSpeed < filters.minSpeed) return false;
  return true;
}

export function findMembers(index: DiscoveryIndex, args: PeersArgs, user: UserContext): PeersResult {
  const filters = args.filters ?? {};
  const mine = myPresence(index, user.myAsns);
  const statesByAsn = new Map(user.peerStates.map((record) => [record.asn, record]));
  const ixNames: Record<number, string> = {};

  // Where peering can happen, narrowed by region and country.
  const place = args.place;
  let ixIds: number[] = [];
  let facId: number | null = null;
  if (place.kind === 'ix') ixIds = [place.ixId];
  else if (place.kind === 'my-ixs') ixIds = Array.from(mine.ixIds);
  else facId = place.facId;
  ixIds = ixIds.filter((id) => {
    const ix = index.ix(id);
    return ix !== undefined && placeMatches(ix, filters);
  });
  const fac = facId === null ? undefined : index.fac(facId);
  const facMatches = fac !== undefined && placeMatches(fac, filters);

  // Candidates and their connections at those places.
  const connectionsByNet = new Map<number, NetIxLan[]>();
  const nets = index.copy.rows.net;
  for (const ixId of ixIds) {
    for (const row of index.connections.byIx.get(ixId) ?? []) {
      if (!nets.has(row.net_id)) continue;
      const list = connectionsByNet.get(row.net_id);
      if (list) list.push(row);
      else connectionsByNet.set(row.net_id, [row]);
    }
  }
  if (facMatches) {
    for (const row of index.netsAtFac(fac.id)) {
      if (!connectionsByNet.has(row.net_id)) connectionsByNet.set(row.net_id, []);
    }
  }

  const passesNet = netFilter(filters);
  const rows: MemberRow[] = [];
  let candidateCount = 0;
  for (const [netId, connections] of connectionsByNet) {
    const net = index.net(netId)!;
    const isMine = mine.netIds.has(netId);
    if (isMine && !args.includeMine) continue;
    const mark = statesByAsn.get(net.asn);
    if (!isMine && !args.includeMarked && markHidesPeer(mark, user.today)) continue;
    candidateCount++;
    if (!passesNet(net)) continue;
    const stats = connectionStats(connections);
    if (facId === null && !connectionFilterPasses(stats, filters)) continue;

    const sharedIxIds: number[] = [];
    if (mine.ixIds.size > 0) {
      for (const ixId of index.ixIdsOfNet(netId)) if (mine.ixIds.has(ixId)) sharedIxIds.push(ixId);
    }
    let sharedFacCount = 0;
    if (mine.facIds.size > 0) {
      for (const id of index.facIdsOfNet(netId)) if (mine.facIds.has(id)) sharedFacCount++;
    }
    for (const ixId of sharedIxIds) ixNames[ixId] ??= index.ix(ixId)!.name;
    const score = peerScore(net.policy_general ?? '', sharedIxIds.length, sharedFacCount);
    const row: MemberRow = {
      net: {
        netId: net.id,
        asn: net.asn,
        name: net.name,
        policyGeneral: net.policy_general ?? '',
        infoTypes: infoTypesOf(net),
        traffic: net.info_traffic ?? '',
      },
      ixCount: stats.ixCount,
      bestSpeed: stats.bestSpeed,
      isRsPeer: stats.isRsPeer,
      hasIpv4: stats.hasIpv4,
      hasIpv6: stats.hasIpv6,
      sharedIxIds,
      sharedFacCount,
      score,
      isMine,
      peerState: mark?.state ?? null,
      note: mark?.note ?? '',
    };
    if (place.kind === 'ix') row.connections = connections.map(connectionOf).sort((a, b) => a.netixlanId - b.netixlanId);
    rows.push(row);
  }
  // Numbers only: ten thousand rows with many equal scores make name comparisons costly, and
  // the table re-sorts by name in the user's collation when asked.
  rows.sort((a, b) => b.score - a.score || b.bestSpeed - a.bestSpeed || a.net.asn - b.net.asn);
  for (const ixId of ixIds) ixNames[ixId] ??= index.ix(ixId)!.name;
  return { rows, candidateCount, ixCount: ixIds.length, ixNames, noneOfMine: mine.netIds.size === 0 };
}

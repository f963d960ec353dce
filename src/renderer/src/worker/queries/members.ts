/**
 * Member lists and potential peers. One function serves the Peers view (members of one IXP or
 * of all my IXPs, minus my networks and those I marked) and the member lists of IXP and
 * facility pages (everyone, mine and marked ones flagged), with the same filters and ranking.
 *
 * A member is an ASN, as a session is configured with one: the ASN a port carries, which for
 * some records differs from their own, and which counts even when the copy lacks the record.
 * My networks and marks are ASNs too, so a mark set on a port's ASN hides that peer.
 */
import type { Net, NetIxLan } from '../../../../shared/peeringdb';
import type { PeerStateRecord } from '../../../../shared/user-data';
import type { DiscoveryIndex } from '../index/discovery-index';
import { markHidesPeer } from '../../../../shared/peer-marks';
import { peerScore } from '../../../../shared/ranking';
import { connectionOf } from './summaries';
import { foldText } from '../index/text';
import { amountOf, isAsn, textOf } from '../index/row-values';
import { parseAsn } from '../../../../shared/asn';
import { trafficFloor } from './traffic';
import type { MemberFilters, MemberNet, MemberRow, PeersArgs, PeersResult } from '../../protocol/discovery';

/** What the user's own tables say, read by the operation and passed in. */
export interface UserContext {
  myAsns: readonly number[];
  peerStates: readonly PeerStateRecord[];
  /** YYYY-MM-DD, for hidden-until. */
  today: string;
}

interface Mine {
  /** My ASNs that the copy knows (a record, a port or a presence names them). */
  asns: Set<number>;
  ixIds: Set<number>;
  facIds: Set<number>;
}

export function myPresence(index: DiscoveryIndex, myAsns: readonly number[]): Mine {
  const mine: Mine = { asns: new Set(), ixIds: new Set(), facIds: new Set() };
  for (const asn of myAsns) {
    if (!index.knowsAsn(asn)) continue;
    mine.asns.add(asn);
    for (const ixId of index.ixIdsOfAsn(asn)) mine.ixIds.add(ixId);
    for (const facId of index.facIdsOfAsn(asn)) mine.facIds.add(facId);
  }
  return mine;
}

function placeMatches(place: { region_continent: unknown; country: unknown }, filters: MemberFilters): boolean {
  if (filters.region && textOf(place.region_continent) !== filters.region) return false;
  if (filters.country && textOf(place.country) !== filters.country) return false;
  return true;
}

/**
 * The network-level filters (everything but the connection filters), on the record behind an
 * ASN. Without a record nothing is known of policy, type or traffic: such a filter fails.
 */
function netFilter(index: DiscoveryIndex, filters: MemberFilters): (member: MemberNet, net: Net | undefined) => boolean {
  const policies = filters.policies?.length ? new Set<string>(filters.policies) : null;
  const infoTypes = filters.infoTypes?.length ? new Set<string>(filters.infoTypes) : null;
  const scopes = filters.scopes?.length ? new Set(filters.scopes) : null;
  const ratios = filters.ratios?.length ? new Set(filters.ratios) : null;
  const minTraffic = filters.trafficMin ? trafficFloor(filters.trafficMin) : -1;
  const text = filters.text?.trim() ?? '';
  const asnText = /^(as\s*)?\d+$/i.test(text) ? String(parseAsn(text) ?? '') : '';
  const foldedText = text ? foldText(text) : '';
  const needsRecord = Boolean(policies || infoTypes || scopes || ratios || minTraffic >= 0);
  return (member, net) => {
    if (!net) {
      if (needsRecord) return false;
      // Nothing but the ASN is known: typed text can match only that.
      return !foldedText || (asnText !== '' && String(member.asn).startsWith(asnText));
    }
    if (policies && !policies.has(member.policyGeneral)) return false;
    if (infoTypes && !member.infoTypes.some((type) => infoTypes.has(type))) return false;
    if (scopes && !scopes.has(textOf(net.info_scope))) return false;
    if (ratios && !ratios.has(textOf(net.info_ratio))) return false;
    if (minTraffic >= 0 && trafficFloor(member.traffic) < minTraffic) return false;
    if (foldedText) {
      const byAsn = asnText !== '' && String(member.asn).startsWith(asnText);
      const byName = index.foldedNamesOf(net).includes(foldedText);
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
    speedHere += amountOf(row.speed);
    if (speedHere > stats.bestSpeed) stats.bestSpeed = speedHere;
    if (row.is_rs_peer === true) stats.isRsPeer = true;
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

const NO_PORTS: readonly NetIxLan[] = [];

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

  // Candidates (ASNs) and their ports at those places.
  const portsByAsn = new Map<number, NetIxLan[]>();
  for (const ixId of ixIds) {
    for (const row of index.connections.byIx.get(ixId) ?? []) {
      if (!isAsn(row.asn)) continue;
      const list = portsByAsn.get(row.asn);
      if (list) list.push(row);
      else portsByAsn.set(row.asn, [row]);
    }
  }
  if (facMatches) {
    for (const asn of index.asnsAtFac(fac.id)) if (!portsByAsn.has(asn)) portsByAsn.set(asn, NO_PORTS as NetIxLan[]);
  }

  const passesNet = netFilter(index, filters);
  const rows: MemberRow[] = [];
  let candidateCount = 0;
  for (const [asn, ports] of portsByAsn) {
    const isMine = mine.asns.has(asn);
    if (isMine && !args.includeMine) continue;
    const mark = statesByAsn.get(asn);
    if (!isMine && !args.includeMarked && markHidesPeer(mark, user.today)) continue;
    candidateCount++;
    const holder = index.holderOfAsn(asn);
    const net = index.memberNetOf(asn);
    if (!passesNet(net, holder)) continue;
    const stats = connectionStats(ports);
    if (facId === null && !connectionFilterPasses(stats, filters)) continue;

    const sharedIxIds: number[] = [];
    if (mine.ixIds.size > 0) {
      for (const ixId of index.ixIdsOfAsn(asn)) if (mine.ixIds.has(ixId)) sharedIxIds.push(ixId);
    }
    let sharedFacCount = 0;
    if (mine.facIds.size > 0) {
      for (const id of index.facIdsOfAsn(asn)) if (mine.facIds.has(id)) sharedFacCount++;
    }
    for (const ixId of sharedIxIds) ixNames[ixId] ??= textOf(index.ix(ixId)!.name);
    const row: MemberRow = {
      net,
      ixCount: stats.ixCount,
      bestSpeed: stats.bestSpeed,
      isRsPeer: stats.isRsPeer,
      hasIpv4: stats.hasIpv4,
      hasIpv6: stats.hasIpv6,
      sharedIxIds,
      sharedFacCount,
      score: peerScore(net.policyGeneral, sharedIxIds.length, sharedFacCount),
      isMine,
      peerState: mark?.state ?? null,
      note: mark?.note ?? '',
    };
    if (place.kind === 'ix') row.connections = ports.map(connectionOf).sort((a, b) => a.netixlanId - b.netixlanId);
    rows.push(row);
  }
  // Numbers only: ten thousand rows with many equal scores make name comparisons costly, and
  // the table re-sorts by name in the user's collation when asked.
  rows.sort((a, b) => b.score - a.score || b.bestSpeed - a.bestSpeed || a.net.asn - b.net.asn);
  for (const ixId of ixIds) ixNames[ixId] ??= textOf(index.ix(ixId)!.name);
  return { rows, candidateCount, ixCount: ixIds.length, ixNames, noneOfMine: mine.asns.size === 0 };
}

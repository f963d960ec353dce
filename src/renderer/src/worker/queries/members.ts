/**
 * Member lists and potential peers. One function serves the Peers view (members of one IXP or
 * of all my IXPs, minus my networks and those I marked) and the member lists of IXP and
 * facility pages (everyone, mine and marked ones flagged), with the same filters and ranking.
 *
 * A member is an ASN, as a session is configured with one: the ASN a port carries, which for
 * some records differs from their own, and which counts even when the copy lacks the record.
 * My networks and marks are ASNs too, so a mark set on a port's ASN hides that peer.
 */
import type { Net } from '../../../../shared/peeringdb';
import type { UserContext } from '../user-context';
import type { DiscoveryIndex } from '../index/discovery-index';
import { markHidesPeer } from '../../../../shared/peer-marks';
import { peerScore } from '../../../../shared/ranking';
import { connectionOf } from './summaries';
import { foldText } from '../index/text';
import { textOf } from '../index/row-values';
import { PORT_IPV4, PORT_IPV6, PORT_RS_PEER, type PeeringSection } from '../index/peering';
import { parseAsn } from '../../../../shared/asn';
import { trafficFloor } from './traffic';
import type { MemberFilters, MemberNet, MemberRow, PeersArgs, PeersResult } from '../../protocol/discovery';


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
 * Null when none is set: a list of ten thousand peers then never reads their records.
 */
function netFilter(index: DiscoveryIndex, filters: MemberFilters): ((member: MemberNet, net: Net | undefined) => boolean) | null {
  const policies = filters.policies?.length ? new Set<string>(filters.policies) : null;
  const infoTypes = filters.infoTypes?.length ? new Set<string>(filters.infoTypes) : null;
  const scopes = filters.scopes?.length ? new Set(filters.scopes) : null;
  const ratios = filters.ratios?.length ? new Set(filters.ratios) : null;
  const minTraffic = filters.trafficMin ? trafficFloor(filters.trafficMin) : -1;
  const text = filters.text?.trim() ?? '';
  const asnText = /^(as\s*)?\d+$/i.test(text) ? String(parseAsn(text) ?? '') : '';
  const foldedText = text ? foldText(text) : '';
  const needsRecord = Boolean(policies || infoTypes || scopes || ratios || minTraffic >= 0);
  if (!needsRecord && !foldedText) return null;
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

function connectionFilterPasses(bestSpeed: number, isRsPeer: boolean, hasIpv4: boolean, hasIpv6: boolean, filters: MemberFilters): boolean {
  if (filters.rsPeer === 'yes' && !isRsPeer) return false;
  if (filters.rsPeer === 'no' && isRsPeer) return false;
  if (filters.ipv4 && !hasIpv4) return false;
  if (filters.ipv6 && !hasIpv6) return false;
  if (filters.minSpeed && bestSpeed < filters.minSpeed) return false;
  return true;
}

/**
 * Per ASN (by ordinal), what its ports at the IXPs in question add up to: the largest total at
 * one IXP, at how many, what they have, and (one IXP asked) which member entry is its. Kept
 * with the section and cleared after each answer, so a list of 10,000 candidates allocates none.
 */
interface Tally {
  listed: Uint8Array;
  bestSpeed: Float64Array;
  ixCount: Int32Array;
  flags: Uint8Array;
  member: Int32Array;
}

const tallies = new WeakMap<PeeringSection, Tally>();

function tallyOf(peering: PeeringSection): Tally {
  let tally = tallies.get(peering);
  if (!tally) {
    const size = peering.asns.length;
    tally = {
      listed: new Uint8Array(size),
      bestSpeed: new Float64Array(size),
      ixCount: new Int32Array(size),
      flags: new Uint8Array(size),
      member: new Int32Array(size),
    };
    tallies.set(peering, tally);
  }
  return tally;
}

/** Marks, by ordinal, the IXPs or facilities of `ids` (ids the section does not number are left out). */
function marksOf(ids: ReadonlySet<number>, ordinalOf: ReadonlyMap<number, number>, size: number): Uint8Array {
  const marks = new Uint8Array(size);
  for (const id of ids) {
    const ordinal = ordinalOf.get(id);
    if (ordinal !== undefined) marks[ordinal] = 1;
  }
  return marks;
}

/**
 * Rows by score, then best speed, highest first, then by ASN. Numbers only: ten thousand rows
 * with many equal scores make name comparisons costly, and the table re-sorts by name in the
 * user's collation when asked. The keys are read from one flat list (score, speed, ASN per row)
 * rather than from the rows: the comparisons then never reach into ten thousand objects.
 */
function ranked(rows: MemberRow[], sortKeys: readonly number[]): MemberRow[] {
  const keys = Float64Array.from(sortKeys);
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => keys[3 * b]! - keys[3 * a]! || keys[3 * b + 1]! - keys[3 * a + 1]! || keys[3 * a + 2]! - keys[3 * b + 2]!);
  const sorted = new Array<MemberRow>(rows.length);
  for (let i = 0; i < order.length; i++) sorted[i] = rows[order[i]!]!;
  return sorted;
}

export function findMembers(index: DiscoveryIndex, args: PeersArgs, user: UserContext): PeersResult {
  const filters = args.filters ?? {};
  const { peering } = index;
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

  // Candidates (ASN ordinals, in the order their ports come) and what their ports there add up to.
  const tally = tallyOf(peering);
  const { listed, bestSpeed, ixCount, flags, member: memberOf } = tally;
  const candidates: number[] = [];
  for (const ixId of ixIds) {
    const ix = peering.ixOrdinalOf.get(ixId);
    if (ix === undefined) continue;
    for (let member = peering.membersOfIx[ix]!; member < peering.membersOfIx[ix + 1]!; member++) {
      const ordinal = peering.memberAsn[member]!;
      if (!listed[ordinal]) {
        listed[ordinal] = 1;
        candidates.push(ordinal);
      }
      ixCount[ordinal]!++;
      if (peering.memberSpeed[member]! > bestSpeed[ordinal]!) bestSpeed[ordinal] = peering.memberSpeed[member]!;
      flags[ordinal]! |= peering.memberFlags[member]!;
      memberOf[ordinal] = member;
    }
  }
  if (facMatches) {
    for (const asn of index.asnsAtFac(fac.id)) {
      // Every ASN at a facility is numbered: records', ports' and presences' ASNs all are.
      const ordinal = peering.ordinalOf.get(asn)!;
      if (!listed[ordinal]) {
        listed[ordinal] = 1;
        candidates.push(ordinal);
      }
    }
  }

  const myIxs = mine.ixIds.size > 0 ? marksOf(mine.ixIds, peering.ixOrdinalOf, peering.ixIds.length) : null;
  const myFacs = mine.facIds.size > 0 ? marksOf(mine.facIds, peering.facOrdinalOf, peering.facIds.length) : null;
  const named = new Uint8Array(peering.ixIds.length);
  const passesNet = netFilter(index, filters);
  const rows: MemberRow[] = [];
  /** Per row, in the order of `rows`: its score, best speed and ASN (see ranked). */
  const sortKeys: number[] = [];
  let candidateCount = 0;
  for (const ordinal of candidates) {
    const asn = peering.asns[ordinal]!;
    const isMine = mine.asns.has(asn);
    if (isMine && !args.includeMine) continue;
    const mark = statesByAsn.get(asn);
    if (!isMine && !args.includeMarked && markHidesPeer(mark, user.today)) continue;
    candidateCount++;
    // The port filters first: they read the tallies, while the network filters reach into records.
    const best = bestSpeed[ordinal]!;
    const isRsPeer = (flags[ordinal]! & PORT_RS_PEER) !== 0;
    const hasIpv4 = (flags[ordinal]! & PORT_IPV4) !== 0;
    const hasIpv6 = (flags[ordinal]! & PORT_IPV6) !== 0;
    if (facId === null && !connectionFilterPasses(best, isRsPeer, hasIpv4, hasIpv6, filters)) continue;
    const net = index.memberNetAt(ordinal);
    if (passesNet && !passesNet(net, peering.holders[ordinal])) continue;

    const sharedIxIds: number[] = [];
    if (myIxs) {
      const { start, items } = peering.ixsOfAsn;
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) {
        const ix = items[i]!;
        if (!myIxs[ix]) continue;
        sharedIxIds.push(peering.ixIds[ix]!);
        if (!named[ix]) {
          named[ix] = 1;
          ixNames[peering.ixIds[ix]!] ??= textOf(index.ix(peering.ixIds[ix]!)!.name);
        }
      }
    }
    let sharedFacCount = 0;
    if (myFacs) {
      const { start, items } = peering.facsOfAsn;
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) sharedFacCount += myFacs[items[i]!]!;
    }
    const row: MemberRow = {
      net,
      ixCount: ixCount[ordinal]!,
      bestSpeed: best,
      isRsPeer,
      hasIpv4,
      hasIpv6,
      sharedIxIds,
      sharedFacCount,
      score: peerScore(net.policyGeneral, sharedIxIds.length, sharedFacCount),
      isMine,
      peerState: mark?.state ?? null,
      note: mark?.note ?? '',
    };
    if (place.kind === 'ix') {
      const member = memberOf[ordinal]!;
      row.connections = peering.memberPorts
        .slice(peering.memberPortStart[member], peering.memberPortStart[member + 1])
        .map(connectionOf)
        .sort((a, b) => a.netixlanId - b.netixlanId);
    }
    rows.push(row);
    sortKeys.push(row.score, best, asn);
  }
  for (const ordinal of candidates) {
    listed[ordinal] = 0;
    bestSpeed[ordinal] = 0;
    ixCount[ordinal] = 0;
    flags[ordinal] = 0;
  }
  for (const ixId of ixIds) ixNames[ixId] ??= textOf(index.ix(ixId)!.name);
  return { rows: ranked(rows, sortKeys), candidateCount, ixCount: ixIds.length, ixNames, noneOfMine: mine.asns.size === 0 };
}

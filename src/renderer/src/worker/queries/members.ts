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
import { rankedOrder } from './member-rank';
import type { IxConnection, MemberFilters, MemberNet, MemberRow, PeersArgs, PeersResult } from '../../protocol/discovery';
import type { PackedMemberFacts } from '../../protocol/packed';

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
  /** Per row that passes, in the order of the candidates: what ranks it and what it shows. */
  rows: {
    ordinal: Int32Array;
    score: Float64Array;
    speed: Float64Array;
    sharedIxCount: Int32Array;
    sharedFacCount: Int32Array;
    ixCount: Int32Array;
    flags: Uint8Array;
    isMine: Uint8Array;
    member: Int32Array;
    sharedFrom: Int32Array;
  };
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
      rows: {
        ordinal: new Int32Array(size),
        score: new Float64Array(size),
        speed: new Float64Array(size),
        sharedIxCount: new Int32Array(size),
        sharedFacCount: new Int32Array(size),
        ixCount: new Int32Array(size),
        flags: new Uint8Array(size),
        isMine: new Uint8Array(size),
        member: new Int32Array(size),
        sharedFrom: new Int32Array(size),
      },
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
 * A member list as columns, its rows in ranked order: what the page is sent (packed-members.ts
 * adds what rows show of their networks) and what MemberRow objects are made from.
 */
export interface MemberSelection extends PackedMemberFacts {
  index: DiscoveryIndex;
  /** Per row, the ASN's ordinal in the peering section. */
  ordinals: Int32Array;
  /** Per row, its member entry at the one IXP asked (see PeeringSection.membersOfIx); null for other places. */
  members: Int32Array | null;
}

const selections = new WeakMap<PeersResult, MemberSelection>();

/** The columns behind an answer of findMembers. */
export function memberSelectionOf(result: PeersResult): MemberSelection | undefined {
  return selections.get(result);
}

/**
 * Members of the place asked, minus (unless included) mine and those I marked, filtered and
 * ranked. The rows are made when first read: the Peers view's answer goes to the page as
 * columns (see packed-members.ts) and never needs them.
 */
export function findMembers(index: DiscoveryIndex, args: PeersArgs, user: UserContext): PeersResult {
  const { selection, ...summary } = selectMembers(index, args, user);
  let rows: MemberRow[] | undefined;
  const result: PeersResult = {
    get rows() {
      return (rows ??= rowsOf(selection));
    },
    ...summary,
  };
  selections.set(result, selection);
  return result;
}

function selectMembers(index: DiscoveryIndex, args: PeersArgs, user: UserContext): Omit<PeersResult, 'rows'> & { selection: MemberSelection } {
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

  // Candidates (ASN ordinals) and what their ports there add up to.
  const tally = tallyOf(peering);
  const { listed, bestSpeed, ixCount, flags, member: memberOf } = tally;
  let listedCount = 0;
  for (const ixId of ixIds) {
    const ix = peering.ixOrdinalOf.get(ixId);
    if (ix === undefined) continue;
    for (let member = peering.membersOfIx[ix]!; member < peering.membersOfIx[ix + 1]!; member++) {
      const ordinal = peering.memberAsn[member]!;
      if (!listed[ordinal]) {
        listed[ordinal] = 1;
        listedCount++;
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
        listedCount++;
      }
    }
  }
  // In ascending order: what follows reads a dozen arrays by ordinal for each, and reading them
  // in order rather than in the order of the ports costs a fraction in cache misses.
  const candidates = new Int32Array(listedCount);
  for (let ordinal = 0, at = 0; at < listedCount; ordinal++) if (listed[ordinal]) candidates[at++] = ordinal;

  const myIxs = mine.ixIds.size > 0 ? marksOf(mine.ixIds, peering.ixOrdinalOf, peering.ixIds.length) : null;
  const myFacs = mine.facIds.size > 0 ? marksOf(mine.facIds, peering.facOrdinalOf, peering.facIds.length) : null;
  const passesNet = netFilter(index, filters);
  const columns = index.memberColumns();
  // The rows that pass, in the order of the candidates, with what ranks them: in the tally's
  // arrays, which are written up to rowCount before they are read.
  const {
    ordinal: rowOrdinal,
    score: rowScore,
    speed: rowSpeed,
    sharedIxCount: rowSharedIxCount,
    sharedFacCount: rowSharedFacCount,
    ixCount: rowIxCount,
    flags: rowFlags,
    isMine: rowIsMine,
    sharedFrom: rowSharedFrom,
  } = tally.rows;
  const rowMember = place.kind === 'ix' ? tally.rows.member : null;
  /** The IXPs (ordinals) each row shares with mine, one row after the other. */
  const sharedIxs: number[] = [];
  let rowCount = 0;
  let candidateCount = 0;
  for (const ordinal of candidates) {
    const asn = peering.asns[ordinal]!;
    const isMine = mine.asns.has(asn);
    if (isMine && !args.includeMine) continue;
    if (!isMine && !args.includeMarked && markHidesPeer(statesByAsn.get(asn), user.today)) continue;
    candidateCount++;
    // The port filters first: they read the tallies, while the network filters reach into records.
    const flagsHere = flags[ordinal]!;
    if (
      facId === null &&
      !connectionFilterPasses(bestSpeed[ordinal]!, (flagsHere & PORT_RS_PEER) !== 0, (flagsHere & PORT_IPV4) !== 0, (flagsHere & PORT_IPV6) !== 0, filters)
    ) {
      continue;
    }
    // Without a network filter no row needs its network as an object: its policy is read from the columns.
    if (passesNet && !passesNet(index.memberNetAt(ordinal), peering.holders[ordinal])) continue;

    rowSharedFrom[rowCount] = sharedIxs.length;
    if (myIxs) {
      const { start, items } = peering.ixsOfAsn;
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) if (myIxs[items[i]!]) sharedIxs.push(items[i]!);
    }
    const sharedIxCount = sharedIxs.length - rowSharedFrom[rowCount]!;
    let sharedFacCount = 0;
    if (myFacs) {
      const { start, items } = peering.facsOfAsn;
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) sharedFacCount += myFacs[items[i]!]!;
    }
    rowOrdinal[rowCount] = ordinal;
    const policy = columns.texts[columns.policy[ordinal]!] as MemberNet['policyGeneral'];
    rowScore[rowCount] = peerScore(policy, sharedIxCount, sharedFacCount);
    rowSpeed[rowCount] = bestSpeed[ordinal]!;
    rowSharedIxCount[rowCount] = sharedIxCount;
    rowSharedFacCount[rowCount] = sharedFacCount;
    rowIxCount[rowCount] = ixCount[ordinal]!;
    rowFlags[rowCount] = flagsHere;
    rowIsMine[rowCount] = isMine ? 1 : 0;
    if (rowMember) rowMember[rowCount] = memberOf[ordinal]!;
    rowCount++;
  }

  // The columns, in ranked order.
  const order = rankedOrder(rowScore, rowSpeed, rowOrdinal, rowCount, peering.asns.length);
  const selection: MemberSelection = {
    index,
    ordinals: new Int32Array(rowCount),
    members: place.kind === 'ix' ? new Int32Array(rowCount) : null,
    ixCount: new Int32Array(rowCount),
    bestSpeed: new Float64Array(rowCount),
    sharedFacCount: new Int32Array(rowCount),
    score: new Float64Array(rowCount),
    isRsPeer: new Uint8Array(rowCount),
    hasIpv4: new Uint8Array(rowCount),
    hasIpv6: new Uint8Array(rowCount),
    isMine: new Uint8Array(rowCount),
    sharedStart: new Int32Array(rowCount + 1),
    sharedIxIds: new Float64Array(sharedIxs.length),
    marked: new Int32Array(0),
    peerStates: [],
    notes: [],
  };
  const named = new Uint8Array(peering.ixIds.length);
  const marked: number[] = [];
  let shared = 0;
  for (let i = 0; i < rowCount; i++) {
    const row = order[i]!;
    const ordinal = rowOrdinal[row]!;
    const flagsHere = rowFlags[row]!;
    selection.ordinals[i] = ordinal;
    if (selection.members) selection.members[i] = rowMember![row]!;
    selection.ixCount[i] = rowIxCount[row]!;
    selection.bestSpeed[i] = rowSpeed[row]!;
    selection.sharedFacCount[i] = rowSharedFacCount[row]!;
    selection.score[i] = rowScore[row]!;
    selection.isRsPeer[i] = flagsHere & PORT_RS_PEER ? 1 : 0;
    selection.hasIpv4[i] = flagsHere & PORT_IPV4 ? 1 : 0;
    selection.hasIpv6[i] = flagsHere & PORT_IPV6 ? 1 : 0;
    selection.isMine[i] = rowIsMine[row]!;
    selection.sharedStart[i] = shared;
    for (let k = rowSharedFrom[row]!, end = k + rowSharedIxCount[row]!; k < end; k++) {
      const ix = sharedIxs[k]!;
      selection.sharedIxIds[shared++] = peering.ixIds[ix]!;
      if (!named[ix]) {
        named[ix] = 1;
        ixNames[peering.ixIds[ix]!] ??= textOf(index.ix(peering.ixIds[ix]!)!.name);
      }
    }
    const mark = statesByAsn.size > 0 ? statesByAsn.get(peering.asns[ordinal]!) : undefined;
    const state = mark?.state ?? null;
    const note = mark?.note ?? '';
    if (state !== null || note !== '') {
      marked.push(i);
      selection.peerStates.push(state);
      selection.notes.push(note);
    }
  }
  selection.sharedStart[rowCount] = shared;
  selection.marked = Int32Array.from(marked);
  for (const ordinal of candidates) {
    listed[ordinal] = 0;
    bestSpeed[ordinal] = 0;
    ixCount[ordinal] = 0;
    flags[ordinal] = 0;
  }
  for (const ixId of ixIds) ixNames[ixId] ??= textOf(index.ix(ixId)!.name);
  return { selection, candidateCount, ixCount: ixIds.length, ixNames, noneOfMine: mine.asns.size === 0 };
}

/** A member's connections at the one IXP asked, by id. */
export function memberConnections(peering: PeeringSection, member: number): IxConnection[] {
  return peering.memberPorts
    .slice(peering.memberPortStart[member], peering.memberPortStart[member + 1])
    .map(connectionOf)
    .sort((a, b) => a.netixlanId - b.netixlanId);
}

function rowsOf(selection: MemberSelection): MemberRow[] {
  const { index, ordinals, members, sharedStart, sharedIxIds } = selection;
  const rows = new Array<MemberRow>(ordinals.length);
  for (let i = 0; i < ordinals.length; i++) {
    const row: MemberRow = {
      net: index.memberNetAt(ordinals[i]!),
      ixCount: selection.ixCount[i]!,
      bestSpeed: selection.bestSpeed[i]!,
      isRsPeer: selection.isRsPeer[i] === 1,
      hasIpv4: selection.hasIpv4[i] === 1,
      hasIpv6: selection.hasIpv6[i] === 1,
      sharedIxIds: Array.from(sharedIxIds.subarray(sharedStart[i], sharedStart[i + 1])),
      sharedFacCount: selection.sharedFacCount[i]!,
      score: selection.score[i]!,
      isMine: selection.isMine[i] === 1,
      peerState: null,
      note: '',
    };
    if (members) row.connections = memberConnections(index.peering, members[i]!);
    rows[i] = row;
  }
  selection.marked.forEach((i, k) => {
    rows[i]!.peerState = selection.peerStates[k]!;
    rows[i]!.note = selection.notes[k]!;
  });
  return rows;
}

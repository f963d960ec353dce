/**
 * The counts behind the member filters' checklists ("Open 312, Selective 120"). Each filter is
 * counted against the list with every other filter applied but not itself, as faceted search
 * does: a count then says what choosing that value would show. The member list itself answers
 * each variant, so the counts always agree with what the table shows.
 */
import type { DiscoveryIndex } from '../index/discovery-index';
import { findMembers, myPresence } from './members';
import type { UserContext } from '../user-context';
import { textOf } from '../index/row-values';
import { TRAFFIC_LEVELS, trafficFloor } from './traffic';
import type { MemberFacets, MemberFilters, MemberRow, PeersArgs } from '../../protocol/discovery';

type FilterKey = keyof MemberFilters;

function isActive(value: MemberFilters[FilterKey]): boolean {
  if (value === undefined || value === '' || value === false) return false;
  return !Array.isArray(value) || value.length > 0;
}

function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function memberFacets(index: DiscoveryIndex, args: PeersArgs, user: UserContext): MemberFacets {
  const filters = args.filters ?? {};
  const answered = new Map<FilterKey, MemberRow[]>();
  const all = findMembers(index, args, user).rows;
  /** The list as it would be without this one filter (the full list when it is not set). */
  const rowsWithout = (key: FilterKey): MemberRow[] => {
    if (!isActive(filters[key])) return all;
    let rows = answered.get(key);
    if (!rows) {
      const rest = { ...filters };
      delete rest[key];
      rows = findMembers(index, { ...args, filters: rest }, user).rows;
      answered.set(key, rows);
    }
    return rows;
  };
  const netOf = (row: MemberRow) => (row.net.netId === null ? undefined : index.net(row.net.netId));
  // Policy, type, scope, ratio and traffic are the record's: an ASN whose record the copy
  // lacks matches none of their values, so it is counted under none (as the filter says).
  const withRecord = (key: FilterKey) => rowsWithout(key).filter((row) => row.net.netId !== null);

  const policies: Record<string, number> = {};
  for (const row of withRecord('policies')) tally(policies, row.net.policyGeneral);
  const infoTypes: Record<string, number> = {};
  for (const row of withRecord('infoTypes')) for (const type of row.net.infoTypes) tally(infoTypes, type);
  const scopes: Record<string, number> = {};
  for (const row of withRecord('scopes')) tally(scopes, textOf(netOf(row)?.info_scope));
  const ratios: Record<string, number> = {};
  for (const row of withRecord('ratios')) tally(ratios, textOf(netOf(row)?.info_ratio));

  const trafficMin: Record<string, number> = {};
  // "At least" compares the least traffic each wording promises, as the filter itself does.
  const floors = withRecord('trafficMin').map((row) => trafficFloor(row.net.traffic));
  for (const level of TRAFFIC_LEVELS) {
    const floor = trafficFloor(level);
    trafficMin[level] = floor < 0 ? 0 : floors.filter((candidate) => candidate >= floor).length;
  }

  const rsRows = rowsWithout('rsPeer');
  const rsYes = rsRows.filter((row) => row.isRsPeer).length;
  const bestSpeeds: Record<number, number> = {};
  for (const row of rowsWithout('minSpeed')) bestSpeeds[row.bestSpeed] = (bestSpeeds[row.bestSpeed] ?? 0) + 1;

  return {
    policies,
    infoTypes,
    scopes,
    ratios,
    trafficMin,
    regions: countByPlace(index, args, user, rowsWithout('region'), (place) => place.region_continent ?? ''),
    countries: countByPlace(index, args, user, rowsWithout('country'), (place) => place.country),
    rsPeer: { yes: rsYes, no: rsRows.length - rsYes },
    bestSpeeds,
    ipv4: rowsWithout('ipv4').filter((row) => row.hasIpv4).length,
    ipv6: rowsWithout('ipv6').filter((row) => row.hasIpv6).length,
  };
}

interface Place {
  region_continent: string | null;
  country: string;
}

/** Networks of `rows` per continent or country of the IXPs (or the facility) in question. */
function countByPlace(
  index: DiscoveryIndex,
  args: PeersArgs,
  user: UserContext,
  rows: readonly MemberRow[],
  keyOf: (place: Place) => string,
): Record<string, number> {
  const counts: Record<string, number> = {};
  const place = args.place;
  if (place.kind === 'fac') {
    const fac = index.fac(place.facId);
    if (fac && rows.length > 0) counts[keyOf(fac)] = rows.length;
    return counts;
  }
  // Members are ASNs (the port's), not records: a record's ports can carry several.
  const asns = new Set(rows.map((row) => row.net.asn));
  const ixIds = place.kind === 'ix' ? [place.ixId] : Array.from(myPresence(index, user.myAsns).ixIds);
  const seen = new Map<string, Set<number>>();
  for (const ixId of ixIds) {
    const ix = index.ix(ixId);
    if (!ix) continue;
    const key = keyOf(ix);
    let nets = seen.get(key);
    if (!nets) seen.set(key, (nets = new Set()));
    for (const port of index.connections.byIx.get(ixId) ?? []) if (asns.has(port.asn)) nets.add(port.asn);
  }
  for (const [key, nets] of seen) if (nets.size > 0) counts[key] = nets.size;
  return counts;
}

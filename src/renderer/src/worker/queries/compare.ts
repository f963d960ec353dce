/**
 * Where two or more networks meet: the IXPs and facilities all of them share, and (from three
 * networks on) the ones all but one share, naming the missing network. Networks are the ASNs
 * asked for, matched by the ASN their ports carry: an ASN at an IXP is one a session can use.
 */
import type { DiscoveryIndex } from '../index/discovery-index';
import type { Lists } from '../index/peering';
import { asnNetwork, connectionOf, placeSummary, totalSpeed } from './summaries';
import type { CompareArgs, CompareFac, CompareFacSide, CompareIx, CompareResult, CompareSide } from '../../protocol/discovery';

export function compareNetworks(index: DiscoveryIndex, args: CompareArgs): CompareResult {
  const asns: number[] = [];
  const unknownAsns: number[] = [];
  for (const asn of new Set(args.asns)) {
    if (index.knowsAsn(asn)) asns.push(asn);
    else unknownAsns.push(asn);
  }
  const result: CompareResult = {
    networks: asns.map((asn) => asnNetwork(index, asn)),
    unknownAsns,
    commonIxs: [],
    commonFacs: [],
    allButOneIxs: [],
    allButOneFacs: [],
  };
  if (asns.length < 2) return result;
  compareIxs(index, asns, result);
  compareFacs(index, asns, result);
  return result;
}

/** Keeps a place when all, or (from three on) all but one, are there; false to skip it. */
function shared<S>(sides: (S | undefined)[]): { present: S[]; missingAt: number } | null {
  const present = sides.filter((side): side is S => side !== undefined);
  const missing = sides.length - present.length;
  if (missing > 1 || (missing === 1 && sides.length < 3)) return null;
  return { present, missingAt: sides.findIndex((side) => side === undefined) };
}

/**
 * Places (by id) where all the networks are, or from three networks on all but one: counted on
 * the section's lists first, so ports and presences are read only where a place is kept.
 */
function keptPlaces(asns: readonly number[], lists: Lists, ids: Float64Array, ordinalOf: ReadonlyMap<number, number>): Set<number> {
  const present = new Map<number, number>();
  for (const asn of asns) {
    const ordinal = ordinalOf.get(asn);
    if (ordinal === undefined) continue;
    for (let i = lists.start[ordinal]!; i < lists.start[ordinal + 1]!; i++) present.set(lists.items[i]!, (present.get(lists.items[i]!) ?? 0) + 1);
  }
  const needed = asns.length >= 3 ? asns.length - 1 : asns.length;
  const kept = new Set<number>();
  for (const [place, count] of present) if (count >= needed) kept.add(ids[place]!);
  return kept;
}

function compareIxs(index: DiscoveryIndex, asns: number[], result: CompareResult): void {
  const { peering } = index;
  const kept = keptPlaces(asns, peering.ixsOfAsn, peering.ixIds, peering.ordinalOf);
  // Per IXP, each ASN's ports, in the ASNs' order.
  const sidesByIx = new Map<number, (CompareSide | undefined)[]>();
  asns.forEach((asn, position) => {
    for (const row of index.portsOfAsn(asn)) {
      if (!kept.has(row.ix_id)) continue;
      let sides = sidesByIx.get(row.ix_id);
      if (!sides) sidesByIx.set(row.ix_id, (sides = new Array<CompareSide | undefined>(asns.length).fill(undefined)));
      const side = (sides[position] ??= { asn, connections: [], totalSpeed: 0 });
      const connection = connectionOf(row);
      side.connections.push(connection);
      side.totalSpeed += connection.speed;
    }
  });
  for (const [ixId, sides] of sidesByIx) {
    const kept = shared(sides);
    const ix = kept && index.ix(ixId);
    if (!kept || !ix) continue;
    for (const side of kept.present) side.connections.sort((a, b) => a.netixlanId - b.netixlanId);
    const entry: CompareIx = {
      ix: placeSummary(ix),
      sides: kept.present,
      minSideSpeed: Math.min(...kept.present.map((side) => totalSpeed(side.connections))),
    };
    if (kept.missingAt < 0) result.commonIxs.push(entry);
    else result.allButOneIxs.push({ ...entry, missingAsn: asns[kept.missingAt]! });
  }
  const bySpeedThenName = (a: CompareIx, b: CompareIx) =>
    b.minSideSpeed - a.minSideSpeed || a.ix.name.localeCompare(b.ix.name);
  result.commonIxs.sort(bySpeedThenName);
  result.allButOneIxs.sort(bySpeedThenName);
}

function compareFacs(index: DiscoveryIndex, asns: number[], result: CompareResult): void {
  const { peering } = index;
  const kept = keptPlaces(asns, peering.facsOfAsn, peering.facIds, peering.ordinalOf);
  const sidesByFac = new Map<number, (CompareFacSide | undefined)[]>();
  asns.forEach((asn, position) => {
    if (kept.size === 0) return;
    for (const row of index.presencesOfAsn(asn)) {
      if (!kept.has(row.fac_id)) continue;
      let sides = sidesByFac.get(row.fac_id);
      if (!sides) sidesByFac.set(row.fac_id, (sides = new Array<CompareFacSide | undefined>(asns.length).fill(undefined)));
      sides[position] ??= { asn, localAsn: row.local_asn };
    }
  });
  for (const [facId, sides] of sidesByFac) {
    const kept = shared(sides);
    const fac = kept && index.fac(facId);
    if (!kept || !fac) continue;
    const entry: CompareFac = { fac: placeSummary(fac), sides: kept.present };
    if (kept.missingAt < 0) result.commonFacs.push(entry);
    else result.allButOneFacs.push({ ...entry, missingAsn: asns[kept.missingAt]! });
  }
  const byName = (a: CompareFac, b: CompareFac) => a.fac.name.localeCompare(b.fac.name);
  result.commonFacs.sort(byName);
  result.allButOneFacs.sort(byName);
}

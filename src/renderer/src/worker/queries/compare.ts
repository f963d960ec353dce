/**
 * Where two or more networks meet: the IXPs and facilities all of them share, and (from three
 * networks on) the ones all but one share, naming the missing network.
 */
import type { Net } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { connectionOf, netSummary, placeSummary, totalSpeed } from './summaries';
import type { CompareArgs, CompareFac, CompareIx, CompareResult, CompareSide } from '../../protocol/discovery';

export function compareNetworks(index: DiscoveryIndex, args: CompareArgs): CompareResult {
  const nets: Net[] = [];
  const unknownAsns: number[] = [];
  for (const asn of new Set(args.asns)) {
    const net = index.netByAsn(asn);
    if (net) nets.push(net);
    else unknownAsns.push(asn);
  }
  const result: CompareResult = {
    networks: nets.map(netSummary),
    unknownAsns,
    commonIxs: [],
    commonFacs: [],
    allButOneIxs: [],
    allButOneFacs: [],
  };
  if (nets.length < 2) return result;
  compareIxs(index, nets, result);
  compareFacs(index, nets, result);
  return result;
}

function compareIxs(index: DiscoveryIndex, nets: Net[], result: CompareResult): void {
  // Per IXP, each network's connections, in the networks' order.
  const sidesByIx = new Map<number, (CompareSide | undefined)[]>();
  nets.forEach((net, position) => {
    for (const row of index.connectionsOfNet(net.id)) {
      let sides = sidesByIx.get(row.ix_id);
      if (!sides) sidesByIx.set(row.ix_id, (sides = new Array(nets.length).fill(undefined)));
      const side = (sides[position] ??= { netId: net.id, connections: [], totalSpeed: 0 });
      side.connections.push(connectionOf(row));
      side.totalSpeed += row.speed ?? 0;
    }
  });
  for (const [ixId, sides] of sidesByIx) {
    const present = sides.filter((side): side is CompareSide => side !== undefined);
    const missing = nets.length - present.length;
    if (missing > 1 || (missing === 1 && nets.length < 3)) continue;
    const ix = index.ix(ixId);
    if (!ix) continue;
    for (const side of present) side.connections.sort((a, b) => a.netixlanId - b.netixlanId);
    const entry: CompareIx = {
      ix: placeSummary(ix),
      sides: present,
      minSideSpeed: Math.min(...present.map((side) => totalSpeed(side.connections))),
    };
    if (missing === 0) result.commonIxs.push(entry);
    else result.allButOneIxs.push({ ...entry, missingNetId: nets[sides.findIndex((side) => !side)]!.id });
  }
  const bySpeedThenName = (a: CompareIx, b: CompareIx) =>
    b.minSideSpeed - a.minSideSpeed || a.ix.name.localeCompare(b.ix.name);
  result.commonIxs.sort(bySpeedThenName);
  result.allButOneIxs.sort(bySpeedThenName);
}

function compareFacs(index: DiscoveryIndex, nets: Net[], result: CompareResult): void {
  const sidesByFac = new Map<number, ({ netId: number; localAsn: number } | undefined)[]>();
  nets.forEach((net, position) => {
    for (const row of index.facsOfNet(net.id)) {
      let sides = sidesByFac.get(row.fac_id);
      if (!sides) sidesByFac.set(row.fac_id, (sides = new Array(nets.length).fill(undefined)));
      sides[position] ??= { netId: net.id, localAsn: row.local_asn };
    }
  });
  for (const [facId, sides] of sidesByFac) {
    const present = sides.filter((side) => side !== undefined);
    const missing = nets.length - present.length;
    if (missing > 1 || (missing === 1 && nets.length < 3)) continue;
    const fac = index.fac(facId);
    if (!fac) continue;
    const entry: CompareFac = { fac: placeSummary(fac), sides: present };
    if (missing === 0) result.commonFacs.push(entry);
    else result.allButOneFacs.push({ ...entry, missingNetId: nets[sides.findIndex((side) => !side)]!.id });
  }
  const byName = (a: CompareFac, b: CompareFac) => a.fac.name.localeCompare(b.fac.name);
  result.commonFacs.sort(byName);
  result.allButOneFacs.sort(byName);
}

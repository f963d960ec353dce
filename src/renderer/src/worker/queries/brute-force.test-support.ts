/**
 * Straightforward answers computed by scanning a dataset's live rows, for the tests to hold
 * the indexed answers against. Slow on purpose: no index, no shortcut.
 */
import type { Net, NetFac, NetIxLan } from '../../../../shared/peeringdb';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { liveRows, type Dataset } from '../../../../../tools/fake-peeringdb/datasets/discovery';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';

export interface LiveData {
  nets: Map<number, Net>;
  ixIds: Set<number>;
  facIds: Set<number>;
  /** Live connections whose network and IXP are live. */
  connections: NetIxLan[];
  /** Live presences whose network and facility are live. */
  presences: NetFac[];
}

export function liveData(dataset: Dataset): LiveData {
  const nets = new Map(liveRows(dataset, 'net').map((net) => [net.id, net]));
  const ixIds = new Set(liveRows(dataset, 'ix').map((ix) => ix.id));
  const facIds = new Set(liveRows(dataset, 'fac').map((fac) => fac.id));
  return {
    nets,
    ixIds,
    facIds,
    connections: liveRows(dataset, 'netixlan').filter((row) => nets.has(row.net_id) && ixIds.has(row.ix_id)),
    presences: liveRows(dataset, 'netfac').filter((row) => nets.has(row.net_id) && facIds.has(row.fac_id)),
  };
}

export function ixIdsOf(live: LiveData, netId: number): Set<number> {
  return new Set(live.connections.filter((row) => row.net_id === netId).map((row) => row.ix_id));
}

export function facIdsOf(live: LiveData, netId: number): Set<number> {
  return new Set(live.presences.filter((row) => row.net_id === netId).map((row) => row.fac_id));
}

const POLICY_POINTS: Record<string, number> = { Open: 20, Selective: 8, Restrictive: -10, No: -40, '': 0 };
const TRAFFIC_ORDER = ['0-20Mbps', '20-100Mbps', '100-1000Mbps', '1-5Gbps', '5-10Gbps', '10-20Gbps', '20-50Gbps', '50-100Gbps', '100-200Gbps', '200-300Gbps', '300-500Gbps', '500-1000Gbps', '1-5Tbps', '5-10Tbps', '10-20Tbps', '20-50Tbps', '50-100Tbps', '100+Tbps'];

export interface BrutePeer {
  netId: number;
  sharedIxIds: number[];
  sharedFacCount: number;
  score: number;
  bestSpeed: number;
}

export function brutePeers(
  dataset: Dataset,
  live: LiveData,
  place: MemberPlace,
  filters: MemberFilters,
  myAsns: number[],
  marks: PeerStateRecord[],
  today: string,
  options: { includeMine?: boolean; includeMarked?: boolean } = {},
): BrutePeer[] {
  const myNetIds = new Set([...live.nets.values()].filter((net) => myAsns.includes(net.asn)).map((net) => net.id));
  const myIx = new Set<number>();
  const myFac = new Set<number>();
  for (const id of myNetIds) {
    ixIdsOf(live, id).forEach((x) => myIx.add(x));
    facIdsOf(live, id).forEach((x) => myFac.add(x));
  }
  const ixRows = liveRows(dataset, 'ix');
  const facRows = liveRows(dataset, 'fac');
  const inArea = (p: { region_continent: string | null; country: string }) =>
    (!filters.region || p.region_continent === filters.region) && (!filters.country || p.country === filters.country);
  let considered: number[] = [];
  if (place.kind === 'ix') considered = ixRows.filter((ix) => ix.id === place.ixId && inArea(ix)).map((ix) => ix.id);
  if (place.kind === 'my-ixs') considered = ixRows.filter((ix) => myIx.has(ix.id) && inArea(ix)).map((ix) => ix.id);
  const candidates = new Set<number>();
  for (const row of live.connections) if (considered.includes(row.ix_id)) candidates.add(row.net_id);
  if (place.kind === 'fac' && facRows.some((fac) => fac.id === place.facId && inArea(fac))) {
    for (const row of live.presences) if (row.fac_id === place.facId) candidates.add(row.net_id);
  }

  const result: BrutePeer[] = [];
  for (const netId of candidates) {
    const net = live.nets.get(netId)!;
    if (myNetIds.has(netId) && !options.includeMine) continue;
    const mark = marks.find((m) => m.asn === net.asn);
    const hidden =
      !!mark?.state && (mark.state !== 'hidden' || !mark.hiddenUntil || today < mark.hiddenUntil);
    if (!myNetIds.has(netId) && hidden && !options.includeMarked) continue;
    if (filters.policies?.length && !filters.policies.includes(net.policy_general)) continue;
    const types = net.info_types.length ? net.info_types : [net.info_type];
    if (filters.infoTypes?.length && !types.some((t) => filters.infoTypes!.includes(t))) continue;
    if (filters.scopes?.length && !filters.scopes.includes(net.info_scope)) continue;
    if (filters.ratios?.length && !filters.ratios.includes(net.info_ratio)) continue;
    if (filters.trafficMin && TRAFFIC_ORDER.indexOf(net.info_traffic) < TRAFFIC_ORDER.indexOf(filters.trafficMin)) continue;
    if (filters.text) {
      const text = filters.text.toLowerCase();
      const digits = text.replace(/^as/, '');
      const asnHit = /^\d+$/.test(digits) && String(net.asn).startsWith(digits);
      if (!asnHit && !net.name.toLowerCase().includes(text) && !net.aka.toLowerCase().includes(text)) continue;
    }
    const here = live.connections.filter((row) => row.net_id === netId && considered.includes(row.ix_id));
    const speedPerIx = new Map<number, number>();
    for (const row of here) speedPerIx.set(row.ix_id, (speedPerIx.get(row.ix_id) ?? 0) + row.speed);
    const bestSpeed = Math.max(0, ...speedPerIx.values());
    if (place.kind !== 'fac') {
      if (filters.rsPeer === 'yes' && !here.some((row) => row.is_rs_peer)) continue;
      if (filters.rsPeer === 'no' && here.some((row) => row.is_rs_peer)) continue;
      if (filters.ipv4 && !here.some((row) => row.ipaddr4)) continue;
      if (filters.ipv6 && !here.some((row) => row.ipaddr6)) continue;
      if (filters.minSpeed && bestSpeed < filters.minSpeed) continue;
    }
    const sharedIxIds = [...ixIdsOf(live, netId)].filter((id) => myIx.has(id)).sort((a, b) => a - b);
    const sharedFacCount = [...facIdsOf(live, netId)].filter((id) => myFac.has(id)).length;
    const score = sharedIxIds.length * 10 + sharedFacCount * 4 + (POLICY_POINTS[net.policy_general] ?? 0);
    result.push({ netId, sharedIxIds, sharedFacCount, score, bestSpeed });
  }
  return result;
}

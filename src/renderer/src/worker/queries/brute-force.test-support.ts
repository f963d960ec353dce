/**
 * Straightforward answers computed by scanning a dataset's live rows, for the tests to hold
 * the indexed answers against. Slow on purpose: no index, no shortcut, no shared code.
 *
 * The rules, written out once more: a network is an ASN. It is at an IXP where a live port
 * carries it (the record behind the port need not be in the copy). The records behind it are
 * the one whose own ASN it is and those whose ports carry it; it is at their facilities, and at
 * those of presences whose record is missing and whose local_asn it is. It is named by its own
 * record, else by the record holding most of its ports (lowest id on a tie), else by nothing.
 */
import type { Fac, Ix, Net, NetFac, NetIxLan } from '../../../../shared/peeringdb';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { liveRows, type Dataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';

export interface LiveData {
  nets: Map<number, Net>;
  ixs: Map<number, Ix>;
  facs: Map<number, Fac>;
  /** Live ports at live IXPs, whether or not their record is live. */
  ports: NetIxLan[];
  /** Every live port, wherever it is: what ties an ASN to a record. */
  allPorts: NetIxLan[];
  /** Live presences at live facilities, whether or not their record is live. */
  presences: NetFac[];
}

export function liveData(dataset: Dataset): LiveData {
  const nets = new Map(liveRows(dataset, 'net').map((net) => [net.id, net]));
  const ixs = new Map(liveRows(dataset, 'ix').map((ix) => [ix.id, ix]));
  const facs = new Map(liveRows(dataset, 'fac').map((fac) => [fac.id, fac]));
  const allPorts = liveRows(dataset, 'netixlan');
  return {
    nets,
    ixs,
    facs,
    allPorts,
    ports: allPorts.filter((row) => ixs.has(row.ix_id)),
    presences: liveRows(dataset, 'netfac').filter((row) => facs.has(row.fac_id)),
  };
}

/** Every ASN the data names: records, ports and presences. */
export function allAsns(live: LiveData): number[] {
  const asns = new Set<number>();
  for (const net of live.nets.values()) asns.add(net.asn);
  for (const row of live.allPorts) asns.add(row.asn);
  for (const row of live.presences) if (!live.nets.has(row.net_id)) asns.add(row.local_asn);
  return [...asns].sort((a, b) => a - b);
}

export function ixIdsOfAsn(live: LiveData, asn: number): Set<number> {
  return new Set(live.ports.filter((row) => row.asn === asn).map((row) => row.ix_id));
}

export function recordIdsOfAsn(live: LiveData, asn: number): Set<number> {
  const ids = new Set<number>();
  for (const net of live.nets.values()) if (net.asn === asn) ids.add(net.id);
  for (const row of live.allPorts) if (row.asn === asn) ids.add(row.net_id);
  return ids;
}

export function facIdsOfAsn(live: LiveData, asn: number): Set<number> {
  const records = recordIdsOfAsn(live, asn);
  const ids = new Set<number>();
  for (const row of live.presences) {
    if (records.has(row.net_id) || (!live.nets.has(row.net_id) && row.local_asn === asn)) ids.add(row.fac_id);
  }
  return ids;
}

export function holderOfAsn(live: LiveData, asn: number): Net | undefined {
  const own = [...live.nets.values()].find((net) => net.asn === asn);
  if (own) return own;
  const counts = new Map<number, number>();
  for (const row of live.allPorts) {
    if (row.asn === asn && live.nets.has(row.net_id)) counts.set(row.net_id, (counts.get(row.net_id) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.length > 0 ? live.nets.get(ranked[0]![0]) : undefined;
}

/** Each wording of info_traffic ever offered, with the least traffic it promises (Mbit/s). */
export const TRAFFIC_FLOOR: Readonly<Record<string, number>> = {
  '0-20Mbps': 0, '0-20 Mbps': 0, '20-100Mbps': 20, '100-1000Mbps': 100, '1-5Gbps': 1_000, '5-10Gbps': 5_000,
  '10-20Gbps': 10_000, '20-50Gbps': 20_000, '20-50 Gbps': 20_000, '50-100Gbps': 50_000, '50-100 Gbps': 50_000,
  '100+ Gbps': 100_000, '100-200Gbps': 100_000, '100-200 Gbps': 100_000, '200-300Gbps': 200_000,
  '200-300 Gbps': 200_000, '300-500Gbps': 300_000, '300-500 Gbps': 300_000, '500-1000Gbps': 500_000,
  '500-1000 Gbps': 500_000, '1-5Tbps': 1_000_000, '1 Tbps+': 1_000_000, '5-10Tbps': 5_000_000,
  '10-20Tbps': 10_000_000, '10 Tbps+': 10_000_000, '20-50Tbps': 20_000_000, '50-100Tbps': 50_000_000,
  '100+Tbps': 100_000_000,
};

const POLICY_POINTS: Record<string, number> = { Open: 20, Selective: 8, Restrictive: -10, No: -40 };

export interface BrutePeer {
  asn: number;
  netId: number | null;
  sharedIxIds: number[];
  sharedFacCount: number;
  score: number;
  bestSpeed: number;
}

export function brutePeers(
  live: LiveData,
  place: MemberPlace,
  filters: MemberFilters,
  myAsns: number[],
  marks: PeerStateRecord[],
  today: string,
  options: { includeMine?: boolean; includeMarked?: boolean } = {},
): BrutePeer[] {
  const everyAsn = allAsns(live);
  const mine = new Set(myAsns.filter((asn) => everyAsn.includes(asn)));
  const myIx = new Set<number>();
  const myFac = new Set<number>();
  for (const asn of mine) {
    ixIdsOfAsn(live, asn).forEach((x) => myIx.add(x));
    facIdsOfAsn(live, asn).forEach((x) => myFac.add(x));
  }
  const inArea = (p: { region_continent: string | null; country: string }) =>
    (!filters.region || p.region_continent === filters.region) && (!filters.country || p.country === filters.country);
  let considered: number[] = [];
  if (place.kind === 'ix') considered = [...live.ixs.values()].filter((ix) => ix.id === place.ixId && inArea(ix)).map((ix) => ix.id);
  if (place.kind === 'my-ixs') considered = [...live.ixs.values()].filter((ix) => myIx.has(ix.id) && inArea(ix)).map((ix) => ix.id);
  const candidates = new Set<number>();
  for (const row of live.ports) if (considered.includes(row.ix_id)) candidates.add(row.asn);
  const fac = place.kind === 'fac' ? live.facs.get(place.facId) : undefined;
  if (place.kind === 'fac' && fac && inArea(fac)) {
    for (const asn of everyAsn) if (facIdsOfAsn(live, asn).has(place.facId)) candidates.add(asn);
  }

  const result: BrutePeer[] = [];
  for (const asn of candidates) {
    const isMine = mine.has(asn);
    if (isMine && !options.includeMine) continue;
    const mark = marks.find((m) => m.asn === asn);
    const hidden = !!mark?.state && (mark.state !== 'hidden' || !mark.hiddenUntil || today < mark.hiddenUntil);
    if (!isMine && hidden && !options.includeMarked) continue;
    const net = holderOfAsn(live, asn);
    const recordFilters = filters.policies?.length || filters.infoTypes?.length || filters.scopes?.length || filters.ratios?.length || filters.trafficMin;
    if (!net && recordFilters) continue;
    if (net) {
      if (filters.policies?.length && !filters.policies.includes(net.policy_general)) continue;
      // Rows from before the list of types have only the single one.
      const types = Array.isArray(net.info_types) && net.info_types.length ? net.info_types : [net.info_type];
      if (filters.infoTypes?.length && !types.some((t) => filters.infoTypes!.includes(t))) continue;
      if (filters.scopes?.length && !filters.scopes.includes(net.info_scope)) continue;
      if (filters.ratios?.length && !filters.ratios.includes(net.info_ratio)) continue;
      if (filters.trafficMin && !((TRAFFIC_FLOOR[net.info_traffic] ?? -1) >= TRAFFIC_FLOOR[filters.trafficMin]!)) continue;
    }
    if (filters.text) {
      const text = filters.text.toLowerCase();
      const digits = text.replace(/^as\s*/, '');
      const asnHit = /^\d+$/.test(digits) && String(asn).startsWith(String(Number(digits)));
      const nameHit = !!net && (net.name.toLowerCase().includes(text) || net.aka.toLowerCase().includes(text));
      if (!asnHit && !nameHit) continue;
    }
    const here = live.ports.filter((row) => row.asn === asn && considered.includes(row.ix_id));
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
    const sharedIxIds = [...ixIdsOfAsn(live, asn)].filter((id) => myIx.has(id)).sort((a, b) => a - b);
    const sharedFacCount = [...facIdsOfAsn(live, asn)].filter((id) => myFac.has(id)).length;
    const score = sharedIxIds.length * 10 + sharedFacCount * 4 + (net ? (POLICY_POINTS[net.policy_general] ?? 0) : 0);
    result.push({ asn, netId: net?.id ?? null, sharedIxIds, sharedFacCount, score, bestSpeed });
  }
  return result;
}

/**
 * A small seeded PeeringDB-shaped dataset for discovery tests: deleted rows, orphans (children
 * whose net or ix is missing, ports of deleted networks), networks with several ports at one
 * IXP, networks whose ports carry other ASNs than their own, an IXP without a LAN, rows of
 * older years (traffic wording with spaces, no counters), hostile names, and a spread of
 * policies, types, traffic levels, regions and countries.
 */
import { completeRow } from '../rows';
import { PDB_TYPES, type NetInfoType, type PdbRow, type PdbRowMap, type PdbType, type PolicyGeneral, type PocRole } from '../../../src/shared/peeringdb';

export type Dataset = { [T in PdbType]: { data: PdbRowMap[T][] } };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = 1_700_000_000;
const PLACES = [
  { city: 'Frankfurt', country: 'DE', region: 'Europe' },
  { city: 'Amsterdam', country: 'NL', region: 'Europe' },
  { city: 'London', country: 'GB', region: 'Europe' },
  { city: 'Ashburn', country: 'US', region: 'North America' },
  { city: 'São Paulo', country: 'BR', region: 'South America' },
  { city: 'Singapore', country: 'SG', region: 'Asia Pacific' },
];
const POLICIES: PolicyGeneral[] = ['Open', 'Open', 'Selective', 'Restrictive', 'No', ''];
const TYPES: NetInfoType[] = ['NSP', 'Content', 'Cable/DSL/ISP', 'Enterprise', 'Educational/Research'];
// Today's wording and what PeeringDB offered until 2020 ("1 Tbps+", "20-50 Gbps").
const TRAFFIC = ['', '1-5Gbps', '10-20Gbps', '100-200Gbps', '1-5Tbps', '100+Tbps', '1 Tbps+', '20-50 Gbps', '10 Tbps+', 'Not Disclosed'];
const SCOPES = ['Global', 'Europe', 'Regional', 'North America', '', 'Not Disclosed'];
const RATIOS = ['Balanced', 'Mostly Outbound', 'Heavy Inbound', '', 'Not Disclosed'];
const ROLES: PocRole[] = ['Abuse', 'Technical', 'NOC', 'Policy', 'Maintenance', 'Sales'];
const WORDS = ['Telecom', 'Cloud', 'Fiber', 'Networks', 'Hosting', 'Digital', 'Carrier', 'Online', 'Zürich', 'Data'];

/** The ASN the ports of a multi-ASN network carry besides the record's own (no record holds it). */
export function secondAsnOf(netId: number): number {
  return 64_000 + netId * 7 + 1;
}

/** Networks whose ports carry other ASNs: every 11th carries a second ASN on some ports. */
export function hasSecondAsn(netId: number): boolean {
  return netId % 11 === 0;
}

export interface DatasetShape {
  seed: number;
  nets?: number;
  ixs?: number;
  facs?: number;
}

export function makeDataset({ seed, nets = 240, ixs = 18, facs = 30 }: DatasetShape): Dataset {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const data = Object.fromEntries(PDB_TYPES.map((t) => [t, { data: [] }])) as unknown as Dataset;
  const add = <T extends PdbType>(type: T, id: number, values: Partial<PdbRow<T>>) => {
    const row = completeRow(type, id, AT + id, values);
    (data[type].data as PdbRow<T>[]).push(row);
    return row;
  };
  const status = () => (chance(0.06) ? 'deleted' : 'ok') as 'ok' | 'deleted';

  const orgCount = 50;
  for (let id = 1; id <= orgCount; id++) {
    const place = pick(PLACES);
    add('org', id, { name: `${pick(WORDS)} Holdings ${id}`, city: place.city, country: place.country, status: status() });
  }
  for (let id = 1; id <= facs; id++) {
    const place = pick(PLACES);
    add('fac', id, {
      org_id: 1 + Math.floor(random() * orgCount),
      name: `${place.city} DC${id}`,
      city: place.city,
      country: place.country,
      region_continent: place.region,
      status: status(),
    });
  }
  let ixlanId = 0;
  let pfxId = 0;
  const lansByIx = new Map<number, { id: number; v4: string; v6: string }[]>();
  for (let id = 1; id <= ixs; id++) {
    const place = pick(PLACES);
    const ix = add('ix', id, {
      org_id: 1 + Math.floor(random() * orgCount),
      name: id === 1 ? 'DE-CIX Frankfurt' : `${place.city}-IX ${id}`,
      city: place.city,
      country: place.country,
      region_continent: place.region,
      net_count: 0,
      status: id === ixs ? 'deleted' : 'ok',
    });
    // Older rows lack the counters.
    if (id % 5 === 0) delete (ix as Partial<typeof ix>).net_count;
    const lans: { id: number; v4: string; v6: string }[] = [];
    // IXP 3 has no LAN: its members point at a LAN the copy does not have.
    const lanCount = id === 3 ? 0 : id % 4 === 0 ? 2 : 1;
    for (let n = 0; n < lanCount; n++) {
      ixlanId++;
      add('ixlan', ixlanId, { ix_id: id, name: n ? 'Second LAN' : '', mtu: 1500, rs_asn: 6695, status: 'ok' });
      const lan = { id: ixlanId, v4: `10.${id}.${n}`, v6: `2001:db8:${id.toString(16)}:${n}` };
      add('ixpfx', ++pfxId, { ixlan_id: ixlanId, protocol: 'IPv4', prefix: `${lan.v4}.0/24`, in_dfz: true, status: 'ok' });
      add('ixpfx', ++pfxId, { ixlan_id: ixlanId, protocol: 'IPv6', prefix: `${lan.v6}::/64`, in_dfz: true, status: chance(0.1) ? 'deleted' : 'ok' });
      lans.push(lan);
    }
    lansByIx.set(id, lans.length > 0 ? lans : [{ id: 900 + id, v4: `10.${id}.9`, v6: `2001:db8:${id.toString(16)}:9` }]);
    for (let f = 0; f < 3; f++) {
      add('ixfac', id * 10 + f, { ix_id: id, fac_id: 1 + Math.floor(random() * facs), status: status() });
    }
  }
  // An ixpfx whose ixlan is missing: containment must not name an IXP for it.
  add('ixpfx', pfxId + 1, { ixlan_id: 9999, protocol: 'IPv4', prefix: '10.250.0.0/16', in_dfz: true, status: 'ok' });

  let netixlanId = 0;
  let netfacId = 0;
  let pocId = 0;
  for (let id = 1; id <= nets; id++) {
    const types = [pick(TYPES), ...(chance(0.2) ? [pick(TYPES)] : [])];
    const hostile = id % 37 === 0;
    const netRow = add('net', id, {
      org_id: 1 + Math.floor(random() * orgCount),
      asn: 64_000 + id * 7,
      name: hostile ? `<img src=x onerror=alert(${id})> ${pick(WORDS)}` : `${pick(WORDS)} ${pick(WORDS)} ${id}`,
      aka: chance(0.3) ? `${pick(WORDS)}Net` : '',
      irr_as_set: chance(0.5) ? `RIPE::AS-NET${id} AS${64_000 + id * 7}:AS-CUST${id}` : '',
      policy_general: pick(POLICIES),
      info_type: types[0]!,
      info_types: [...new Set(types)],
      info_traffic: pick(TRAFFIC),
      info_scope: pick(SCOPES),
      info_ratio: pick(RATIOS),
      ix_count: 0,
      status: status(),
    });
    if (id % 6 === 0) {
      delete (netRow as Partial<typeof netRow>).ix_count;
      delete (netRow as Partial<typeof netRow>).fac_count;
    }
    // Heavy tail: the first networks are at most IXPs, most at one to three.
    const ixTarget = id <= 3 ? Math.floor(ixs * 0.8) : 1 + Math.floor(random() * 3);
    const chosen = new Set<number>();
    while (chosen.size < ixTarget) chosen.add(1 + Math.floor(random() * ixs));
    for (const ixId of chosen) {
      const ports = chance(0.15) || hasSecondAsn(id) ? 2 : 1;
      for (let p = 0; p < ports; p++) {
        const lan = pick(lansByIx.get(ixId)!);
        netixlanId++;
        const host = (netixlanId % 250) + 1;
        add('netixlan', netixlanId, {
          net_id: id,
          ix_id: ixId,
          ixlan_id: lan.id,
          // A multi-ASN network: its second port at each IXP (and only there) carries another ASN.
          asn: hasSecondAsn(id) && p === 1 ? secondAsnOf(id) : 64_000 + id * 7,
          speed: pick([1000, 10000, 100000]),
          ipaddr4: chance(0.9) ? `${lan.v4}.${host}` : null,
          ipaddr6: chance(0.7) ? `${lan.v6}::${host.toString(16)}` : null,
          is_rs_peer: chance(0.5),
          operational: chance(0.9),
          status: status(),
        });
      }
    }
    const facCount = id <= 3 ? 10 : Math.floor(random() * 4);
    const facIds = new Set<number>();
    while (facIds.size < facCount) facIds.add(1 + Math.floor(random() * facs));
    for (const facId of facIds) {
      add('netfac', ++netfacId, { net_id: id, fac_id: facId, local_asn: 64_000 + id * 7, status: status() });
    }
    for (let c = 0; c < Math.floor(random() * 4); c++) {
      add('poc', ++pocId, {
        net_id: id,
        role: pick(ROLES),
        visible: 'Public',
        name: `Contact ${pocId}`,
        email: `noc${pocId}@example.net`,
        status: status(),
      });
    }
  }
  // Orphans: a connection and a presence whose network is missing, one whose IXP is missing.
  add('netixlan', netixlanId + 1, { net_id: 99_999, ix_id: 1, ixlan_id: 1, asn: 65_535, speed: 1000, ipaddr4: '10.1.0.251', status: 'ok' });
  add('netixlan', netixlanId + 2, { net_id: 4, ix_id: 777, ixlan_id: 777, asn: 64_028, speed: 1000, ipaddr4: '10.77.0.1', status: 'ok' });
  add('netfac', netfacId + 1, { net_id: 99_999, fac_id: 1, local_asn: 65_535, status: 'ok' });
  add('netfac', netfacId + 2, { net_id: 4, fac_id: 9_999, local_asn: 64_028, status: 'ok' });
  add('poc', pocId + 1, { net_id: 99_999, role: 'Policy', visible: 'Public', name: 'Orphan', status: 'ok' });
  // A presence of a missing network known only by its local_asn, and ports of network 5 that
  // carry network 6's ASN (one record's ports under another record's ASN).
  add('netfac', netfacId + 3, { net_id: 99_998, fac_id: 2, local_asn: 65_534, status: 'ok' });
  add('netixlan', netixlanId + 3, { net_id: 5, ix_id: 2, ixlan_id: lansByIx.get(2)![0]!.id, asn: 64_042, speed: 10_000, ipaddr4: '10.2.0.252', status: 'ok' });
  return data;
}

/** The rows a correct answer may use: live, as a plain list. */
export function liveRows<T extends PdbType>(dataset: Dataset, type: T): PdbRowMap[T][] {
  return (dataset[type].data as PdbRowMap[T][]).filter((row) => row.status !== 'deleted');
}

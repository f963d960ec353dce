import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { PDB_TYPES, pdbTimeToEpoch, type PdbType } from '../../src/shared/peeringdb';
import type { FullPdbDump } from './dump';
import { FIELDS_OLD_ROWS_LACK, FULL_SCALE_COUNTS, generateDataset, publicView } from './generator';
import { HOSTILE_STRINGS, ODD_NAMES, TRAFFIC_BEFORE_2020 } from './vocabulary';

const SMALL = 0.02;
const small = generateDataset({ seed: 7, scale: SMALL });

/** Key order of each type in a real API response (PeeringDB, April 2026). */
const API_KEYS: Record<PdbType, string> = {
  org: 'id,name,aka,name_long,website,social_media,notes,logo,address1,address2,city,country,state,zipcode,floor,suite,latitude,longitude,created,updated,status',
  campus: 'id,org_id,org_name,status,created,updated,name,name_long,notes,aka,website,social_media,country,city,zipcode,state,logo',
  fac: 'id,org_id,org_name,campus_id,name,aka,name_long,website,social_media,clli,rencode,npanxx,notes,net_count,ix_count,carrier_count,sales_email,sales_phone,tech_email,tech_phone,available_voltage_services,diverse_serving_substations,property,region_continent,status_dashboard,logo,created,updated,status,address1,address2,city,country,state,zipcode,floor,suite,latitude,longitude',
  carrier: 'id,org_id,org_name,name,aka,name_long,website,social_media,notes,fac_count,logo,created,updated,status',
  carrierfac: 'id,name,carrier_id,fac_id,created,updated,status',
  net: 'id,org_id,name,aka,name_long,website,social_media,asn,looking_glass,route_server,irr_as_set,info_type,info_types,info_prefixes4,info_prefixes6,info_traffic,info_ratio,info_scope,info_unicast,info_multicast,info_ipv6,info_never_via_route_servers,ix_count,fac_count,notes,netixlan_updated,netfac_updated,poc_updated,policy_url,policy_general,policy_locations,policy_ratio,policy_contracts,allow_ixp_update,ixp_update_exclude,status_dashboard,rir_status,rir_status_updated,logo,created,updated,status',
  ix: 'id,org_id,name,aka,name_long,city,country,region_continent,media,notes,proto_unicast,proto_multicast,proto_ipv6,website,social_media,url_stats,tech_email,tech_phone,policy_email,policy_phone,sales_phone,sales_email,net_count,fac_count,ixf_net_count,ixf_last_import,ixf_import_request,ixf_import_request_status,service_level,terms,status_dashboard,logo,created,updated,status',
  ixfac: 'id,name,city,country,ix_id,fac_id,created,updated,status',
  ixlan: 'id,ix_id,name,descr,mtu,dot1q_support,rs_asn,arp_sponge,ixf_ixp_member_list_url,ixf_ixp_member_list_url_visible,ixf_ixp_import_enabled,created,updated,status',
  ixpfx: 'id,ixlan_id,protocol,prefix,in_dfz,created,updated,status',
  netfac: 'id,name,city,country,net_id,fac_id,local_asn,created,updated,status',
  netixlan: 'id,net_id,ix_id,name,ixlan_id,notes,speed,asn,ipaddr4,ipaddr6,is_rs_peer,bfd_support,operational,net_side_id,ix_side_id,created,updated,status',
  poc: 'id,net_id,role,visible,name,phone,email,url,created,updated,status',
};

function ids(dump: FullPdbDump, type: PdbType): Set<number> {
  return new Set(dump[type].data.map((r) => r.id));
}

describe('generateDataset', () => {
  it('is deterministic: same seed, same bytes; another seed, other data', () => {
    const again = generateDataset({ seed: 7, scale: SMALL });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    expect(JSON.stringify(generateDataset({ seed: 8, scale: SMALL }))).not.toBe(JSON.stringify(small));
  });

  it('shapes every row of every type like the API, in its key order, old rows without what came later', () => {
    let oldRows = 0;
    for (const type of PDB_TYPES) {
      expect(small[type].data.length, type).toBeGreaterThan(0);
      expect(small[type].meta).toEqual({});
      const later = new Set(FIELDS_OLD_ROWS_LACK[type] ?? []);
      for (const row of small[type].data) {
        const keys = Object.keys(row).join(',');
        if (keys === API_KEYS[type]) continue;
        oldRows += 1;
        expect(keys, type).toBe(API_KEYS[type].split(',').filter((key) => !later.has(key)).join(','));
        expect(pdbTimeToEpoch(row.created), type).toBeLessThan(Date.UTC(2020, 4, 21) / 1000);
      }
    }
    expect(oldRows).toBeGreaterThan(3);
  });

  it('keeps PeeringDB proportions at a small scale', () => {
    for (const type of PDB_TYPES) {
      if (type === 'campus') continue; // bounded by facilities that share an operator and a city
      const expected = FULL_SCALE_COUNTS[type] * SMALL;
      expect(small[type].data.length, type).toBeGreaterThan(expected * 0.85);
      expect(small[type].data.length, type).toBeLessThan(expected * 1.15);
    }
    expect(small.campus.data.length).toBeGreaterThan(0);
  });

  it('is referentially closed except for a few deliberate orphans', () => {
    const nets = ids(small, 'net');
    const facs = ids(small, 'fac');
    const ixs = ids(small, 'ix');
    const orphanNetixlan = small.netixlan.data.filter((r) => !nets.has(r.net_id));
    const orphanPoc = small.poc.data.filter((r) => !nets.has(r.net_id));
    const orphanNetfac = small.netfac.data.filter((r) => !facs.has(r.fac_id) || !nets.has(r.net_id));
    for (const orphans of [orphanNetixlan, orphanPoc, orphanNetfac]) {
      expect(orphans.length).toBeGreaterThan(0);
      expect(orphans.length).toBeLessThan(5);
    }
    expect(small.netixlan.data.every((r) => ixs.has(r.ix_id) && r.ixlan_id === r.ix_id)).toBe(true);
    expect(small.ixlan.data.every((r) => ixs.has(r.ix_id))).toBe(true);
    expect(small.ixfac.data.every((r) => ixs.has(r.ix_id) && facs.has(r.fac_id))).toBe(true);
    expect(small.net.data.every((r) => ids(small, 'org').has(r.org_id))).toBe(true);
    expect(new Set(small.net.data.map((r) => r.asn)).size).toBe(small.net.data.length);
    expect(new Set(small.net.data.map((r) => r.name.toLowerCase())).size).toBe(small.net.data.length);
  });

  it('gives members addresses from their exchange prefixes, unique per exchange, and speeds from 1G to 400G', () => {
    const prefixes = new Map<number, ReturnType<typeof ipaddr.parseCIDR>[]>();
    for (const pfx of small.ixpfx.data) {
      const list = prefixes.get(pfx.ixlan_id) ?? [];
      list.push(ipaddr.parseCIDR(pfx.prefix));
      prefixes.set(pfx.ixlan_id, list);
    }
    const seen = new Set<string>();
    let v6 = 0;
    for (const row of small.netixlan.data) {
      expect(row.speed).toBeGreaterThanOrEqual(1000);
      expect(row.speed).toBeLessThanOrEqual(400_000);
      for (const address of [row.ipaddr4, row.ipaddr6]) {
        if (address === null) continue;
        const parsed = ipaddr.parse(address);
        if (parsed.kind() === 'ipv6') v6 += 1;
        const inPrefix = (prefixes.get(row.ixlan_id) ?? []).some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits));
        expect(inPrefix, `${address} at ixlan ${row.ixlan_id}`).toBe(true);
        const key = `${row.ixlan_id}|${parsed.toNormalizedString()}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect(v6).toBeGreaterThan(small.netixlan.data.length / 2);
  });

  it('has contacts of every visibility, enumerations from PeeringDB, and timestamps over years', () => {
    expect(new Set(small.poc.data.map((r) => r.visible))).toEqual(new Set(['Public', 'Users', 'Private']));
    expect(new Set(small.net.data.map((r) => r.policy_general))).toEqual(new Set(['Open', 'Selective', 'Restrictive', 'No', '']));
    const until = Date.UTC(2026, 10, 1) / 1000;
    const years = new Set<number>();
    for (const type of PDB_TYPES) {
      for (const row of small[type].data) {
        expect(row.updated >= row.created, `${type} ${row.id}`).toBe(true);
        expect(pdbTimeToEpoch(row.updated)).toBeLessThanOrEqual(until);
        years.add(new Date(row.created).getUTCFullYear());
      }
    }
    expect(years.size).toBeGreaterThanOrEqual(12);
    expect(small.netixlan.data.some((r) => r.status === 'deleted') || small.poc.data.some((r) => r.status === 'deleted')).toBe(true);
  });

  it('plants every hostile string in the data', () => {
    const text = JSON.stringify(small);
    for (const hostile of HOSTILE_STRINGS) expect(text, hostile).toContain(JSON.stringify(hostile).slice(1, -1));
    expect(small.net.data.some((r) => r.name === '<img src=x onerror=alert(1)>')).toBe(true);
    expect(small.poc.data.some((r) => r.name === '=HYPERLINK("http://x")')).toBe(true);
  });
});

describe('what real data has', () => {
  const nets = new Map(small.net.data.map((r) => [r.id, r]));

  it('has networks whose ports carry another ASN than their own, large ones among them', () => {
    const foreign = small.netixlan.data.filter((r) => nets.has(r.net_id) && r.asn !== nets.get(r.net_id)!.asn);
    const holders = new Set(foreign.map((r) => r.net_id));
    expect(holders.size).toBeGreaterThanOrEqual(2);
    const portsPerNet = new Map<number, number>();
    for (const r of small.netixlan.data) portsPerNet.set(r.net_id, (portsPerNet.get(r.net_id) ?? 0) + 1);
    const largest = [...portsPerNet].filter(([id]) => nets.has(id)).sort((a, b) => b[1] - a[1])[0]![0];
    expect(holders.has(largest)).toBe(true);
    // Each keeps ports under its own ASN too.
    for (const id of holders) expect(small.netixlan.data.some((r) => r.net_id === id && r.asn === nets.get(id)!.asn)).toBe(true);
  });

  it('has networks deleted while their ports are not, and exchanges without a LAN', () => {
    const deleted = new Set(small.net.data.filter((r) => r.status === 'deleted').map((r) => r.id));
    expect(deleted.size).toBeGreaterThan(0);
    expect(small.netixlan.data.some((r) => r.status === 'ok' && deleted.has(r.net_id))).toBe(true);
    const lans = new Set(small.ixlan.data.map((r) => r.ix_id));
    const lanless = small.ix.data.filter((r) => !lans.has(r.id));
    expect(lanless.length).toBeGreaterThan(0);
    for (const ix of lanless) expect(small.netixlan.data.some((r) => r.ix_id === ix.id)).toBe(false);
  });

  it('has traffic levels in the wording used until 2020, and names with odd characters', () => {
    const older = new Set(Object.values(TRAFFIC_BEFORE_2020));
    expect(small.net.data.some((r) => older.has(r.info_traffic))).toBe(true);
    const names = new Set([...small.net.data, ...small.ix.data].map((r) => r.name));
    for (const name of ODD_NAMES) expect(names.has(name), name).toBe(true);
  });

  it('keeps arp_sponge unique, as PeeringDB requires', () => {
    const sponges = small.ixlan.data.map((r) => r.arp_sponge).filter((mac) => mac !== null);
    expect(sponges.length).toBeGreaterThan(0);
    expect(new Set(sponges).size).toBe(sponges.length);
    for (const mac of sponges) expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  });
});

describe('publicView', () => {
  it('keeps what an anonymous dump holds: live rows, public contacts, public IX-F URLs', () => {
    const view = publicView(small);
    expect(view.poc.data.length).toBeGreaterThan(0);
    expect(view.poc.data.every((r) => r.visible === 'Public' && r.status === 'ok')).toBe(true);
    for (const type of PDB_TYPES) expect(view[type].data.every((r) => r.status === 'ok'), type).toBe(true);
    for (const ixlan of view.ixlan.data) {
      expect('ixf_ixp_member_list_url' in ixlan).toBe(ixlan.ixf_ixp_member_list_url_visible === 'Public');
    }
    expect(view.net.data).toHaveLength(small.net.data.filter((r) => r.status === 'ok').length);
  });
});

describe('full scale', () => {
  it('has PeeringDB counts and heavy tails', { timeout: 180_000 }, () => {
    const full = generateDataset({ seed: 7, scale: 1 });
    for (const type of PDB_TYPES) {
      expect(full[type].data.length, type).toBeGreaterThan(FULL_SCALE_COUNTS[type] * 0.95);
      expect(full[type].data.length, type).toBeLessThan(FULL_SCALE_COUNTS[type] * 1.05);
    }
    const membersPerIx = new Map<number, Set<number>>();
    const ixsPerNet = new Map<number, Set<number>>();
    const portsPerNetAtIx = new Map<string, number>();
    for (const row of full.netixlan.data) {
      (membersPerIx.get(row.ix_id) ?? membersPerIx.set(row.ix_id, new Set()).get(row.ix_id)!).add(row.net_id);
      (ixsPerNet.get(row.net_id) ?? ixsPerNet.set(row.net_id, new Set()).get(row.net_id)!).add(row.ix_id);
      const key = `${row.net_id}|${row.ix_id}`;
      portsPerNetAtIx.set(key, (portsPerNetAtIx.get(key) ?? 0) + 1);
    }
    const bigIxs = [...membersPerIx.values()].filter((s) => s.size > 1000).length;
    const widespreadNets = [...ixsPerNet.values()].filter((s) => s.size >= 200).length;
    expect(bigIxs).toBeGreaterThanOrEqual(2);
    expect(bigIxs).toBeLessThanOrEqual(10);
    expect(widespreadNets).toBeGreaterThanOrEqual(3);
    expect(widespreadNets).toBeLessThanOrEqual(30);
    expect([...portsPerNetAtIx.values()].filter((n) => n >= 2).length).toBeGreaterThan(100);
    // Most networks are at no exchange at all, as on PeeringDB.
    expect(ixsPerNet.size).toBeLessThan(full.net.data.length * 0.6);
  });
});

/** PeeringDB-shaped rows for the contact tests (defaults from the April 2026 sample). */
import type { Ix, Net, NetIxLan, Poc } from '../../../src/shared/peeringdb';

const CREATED = '2010-07-29T00:00:00Z';
const UPDATED = '2024-02-07T15:42:16Z';

export function net(id: number, asn: number, name: string, over: Partial<Net> = {}): Net {
  return {
    id, org_id: 8897, name, aka: '', name_long: '', website: 'http://www.gtt.net', social_media: [], asn,
    looking_glass: '', route_server: '', irr_as_set: '', info_type: 'NSP', info_types: ['NSP'],
    info_prefixes4: 200000, info_prefixes6: 10000, info_traffic: '', info_ratio: '', info_scope: 'Global',
    info_unicast: true, info_multicast: false, info_ipv6: true, info_never_via_route_servers: false,
    ix_count: 0, fac_count: 0, notes: '', netixlan_updated: null, netfac_updated: null, poc_updated: null,
    policy_url: '', policy_general: 'Open', policy_locations: '', policy_ratio: false, policy_contracts: '',
    allow_ixp_update: false, ixp_update_exclude: [], status_dashboard: null, rir_status: 'ok',
    rir_status_updated: null, logo: null, created: CREATED, updated: UPDATED, status: 'ok', ...over,
  };
}

export function poc(id: number, netId: number, role: Poc['role'], email: string, over: Partial<Poc> = {}): Poc {
  return {
    id, net_id: netId, role, visible: 'Public', name: `Contact ${id}`, phone: '', email, url: '',
    created: CREATED, updated: UPDATED, status: 'ok', ...over,
  };
}

export function ix(id: number, name: string): Ix {
  return {
    id, org_id: 2, name, aka: '', name_long: '', city: 'Frankfurt', country: 'DE', region_continent: 'Europe',
    media: 'Ethernet', notes: '', proto_unicast: true, proto_multicast: false, proto_ipv6: true, website: '',
    social_media: [], url_stats: '', tech_email: '', tech_phone: '', policy_email: '', policy_phone: '',
    sales_phone: '', sales_email: '', net_count: 0, fac_count: 0, ixf_net_count: 0, ixf_last_import: null,
    ixf_import_request: null, ixf_import_request_status: 'queued', service_level: '', terms: '',
    status_dashboard: null, logo: null, created: CREATED, updated: UPDATED, status: 'ok',
  };
}

export function port(id: number, netRow: Net, ixRow: Ix, ipv4: string | null, ipv6: string | null, speed = 10000): NetIxLan {
  return {
    id, net_id: netRow.id, ix_id: ixRow.id, name: ixRow.name, ixlan_id: ixRow.id, notes: '', speed, asn: netRow.asn,
    ipaddr4: ipv4, ipaddr6: ipv6, is_rs_peer: false, bfd_support: false, operational: true, net_side_id: null,
    ix_side_id: null, created: CREATED, updated: UPDATED, status: 'ok',
  };
}

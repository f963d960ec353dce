/**
 * Rows shaped like PeeringDB's (taken from the April 2026 sample), for the store's tests.
 * Each builder takes the fields a test cares about; the rest are real-looking defaults.
 */
import type { Ix, Net, NetIxLan, Org, PdbRowMap, PdbType, Poc } from '../../../../shared/peeringdb';
import type { MainToStore } from '../../../../shared/sync';

const CREATED = '2010-07-29T00:00:00Z';

export function orgRow(id: number, over: Partial<Org> = {}): Org {
  return {
    id,
    name: `Org ${id}`,
    aka: '',
    name_long: '',
    website: 'http://www.equinix.com',
    social_media: [{ service: 'website', identifier: 'http://www.equinix.com' }],
    notes: '',
    logo: null,
    address1: '1 Lagoon Dr',
    address2: '',
    city: 'Redwood City',
    country: 'US',
    state: 'CA',
    zipcode: '94065-1562',
    floor: '',
    suite: '',
    latitude: 37.527344,
    longitude: -122.261179,
    created: CREATED,
    updated: '2023-10-30T09:54:43Z',
    status: 'ok',
    ...over,
  };
}

export function netRow(id: number, over: Partial<Net> = {}): Net {
  return {
    id,
    org_id: 8897,
    name: `Network ${id}`,
    aka: '',
    name_long: '',
    website: 'http://www.gtt.net',
    social_media: [],
    asn: 64_500 + id,
    looking_glass: '',
    route_server: '',
    irr_as_set: '',
    info_type: 'NSP',
    info_types: ['NSP'],
    info_prefixes4: 200000,
    info_prefixes6: 10000,
    info_traffic: '',
    info_ratio: '',
    info_scope: 'Global',
    info_unicast: true,
    info_multicast: false,
    info_ipv6: true,
    info_never_via_route_servers: false,
    ix_count: 0,
    fac_count: 0,
    notes: '',
    netixlan_updated: '2021-09-22T00:06:59Z',
    netfac_updated: '2016-09-19T05:47:27Z',
    poc_updated: '2016-03-14T21:53:18Z',
    policy_url: 'http://www.gtt.net/peering/',
    policy_general: 'Restrictive',
    policy_locations: 'Required - International',
    policy_ratio: true,
    policy_contracts: 'Required',
    allow_ixp_update: false,
    ixp_update_exclude: [],
    status_dashboard: null,
    rir_status: 'ok',
    rir_status_updated: '2024-06-26T04:47:55Z',
    logo: null,
    created: '2004-07-28T00:00:00Z',
    updated: '2022-07-27T05:33:22Z',
    status: 'ok',
    ...over,
  };
}

export function ixRow(id: number, over: Partial<Ix> = {}): Ix {
  return {
    id,
    org_id: 2,
    name: `Exchange ${id}`,
    aka: '',
    name_long: '',
    city: 'Ashburn',
    country: 'US',
    region_continent: 'North America',
    media: 'Ethernet',
    notes: '',
    proto_unicast: true,
    proto_multicast: false,
    proto_ipv6: true,
    website: 'https://ix.equinix.com',
    social_media: [],
    url_stats: '',
    tech_email: 'support@equinix.com',
    tech_phone: '',
    policy_email: 'support@equinix.com',
    policy_phone: '',
    sales_phone: '',
    sales_email: '',
    net_count: 346,
    fac_count: 3,
    ixf_net_count: 0,
    ixf_last_import: null,
    ixf_import_request: null,
    ixf_import_request_status: 'queued',
    service_level: '24/7 Support',
    terms: 'Recurring Fees',
    status_dashboard: '',
    logo: null,
    created: CREATED,
    updated: '2024-07-26T15:34:35Z',
    status: 'ok',
    ...over,
  };
}

export function netixlanRow(id: number, over: Partial<NetIxLan> = {}): NetIxLan {
  return {
    id,
    net_id: 694,
    ix_id: 12,
    name: 'Equinix New York',
    ixlan_id: 12,
    notes: '',
    speed: 100000,
    asn: 8075,
    ipaddr4: '198.32.118.91',
    ipaddr6: '2001:504:f::8075:2',
    is_rs_peer: false,
    bfd_support: false,
    operational: true,
    net_side_id: null,
    ix_side_id: null,
    created: CREATED,
    updated: '2021-09-02T17:12:24Z',
    status: 'ok',
    ...over,
  };
}

export function pocRow(id: number, over: Partial<Poc> = {}): Poc {
  return {
    id,
    net_id: 7,
    role: 'Technical',
    visible: 'Public',
    name: `Contact ${id}`,
    phone: '',
    email: `contact${id}@example.net`,
    url: '',
    created: CREATED,
    updated: '2024-02-07T15:42:16Z',
    status: 'ok',
    ...over,
  };
}

type PageOptions = {
  complete?: boolean;
  snapshotAt?: number;
  replace?: boolean;
  startsList?: boolean;
  notAfter?: number;
};

let nextSeq = 1;

/** A page message as main sends it. */
export function pageOf<T extends PdbType>(
  type: T,
  rows: readonly PdbRowMap[T][],
  options: PageOptions = {},
): Extract<MainToStore, { t: 'page' }> {
  const rowsJson = JSON.stringify(rows);
  return {
    t: 'page',
    type,
    seq: nextSeq++,
    rowsJson,
    complete: options.complete ?? true,
    fetchedRows: rows.length,
    bytes: rowsJson.length,
    ...(options.snapshotAt !== undefined ? { snapshotAt: options.snapshotAt } : {}),
    ...(options.replace !== undefined ? { replace: options.replace } : {}),
    ...(options.startsList !== undefined ? { startsList: options.startsList } : {}),
    ...(options.notAfter !== undefined ? { notAfter: options.notAfter } : {}),
  };
}

/**
 * Row shapes of the fake PeeringDB: every field of each type at depth 0, in the key order the
 * real API serializes them (taken from the 2026-04 sample), with the values an empty field has.
 */
import type { PdbDateTime, PdbRow, PdbType } from '../../src/shared/peeringdb';

const dayStrings = new Map<number, string>();
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 UTC with whole seconds. Day strings are cached: a full dataset formats about a million stamps. */
export function epochToPdbTime(epochSeconds: number): PdbDateTime {
  const whole = Math.floor(epochSeconds);
  const day = Math.floor(whole / 86_400);
  let date = dayStrings.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayStrings.set(day, date);
  }
  const inDay = whole - day * 86_400;
  return `${date}T${two(Math.floor(inDay / 3600))}:${two(Math.floor((inDay % 3600) / 60))}:${two(inDay % 60)}Z`;
}

interface Stamps {
  id: number;
  created: PdbDateTime;
  updated: PdbDateTime;
}

const ADDRESS_TAIL = {
  address1: '',
  address2: '',
  city: '',
  country: '',
  state: '',
  zipcode: '',
  floor: '',
  suite: '',
  latitude: null,
  longitude: null,
};

type BlankRowFactories = { [T in PdbType]: (s: Stamps) => PdbRow<T> };

const BLANK_ROWS: BlankRowFactories = {
  org: ({ id, created, updated }) => ({
    id,
    name: '',
    aka: '',
    name_long: '',
    website: '',
    social_media: [],
    notes: '',
    logo: null,
    ...ADDRESS_TAIL,
    created,
    updated,
    status: 'ok',
  }),
  campus: ({ id, created, updated }) => ({
    id,
    org_id: 0,
    org_name: '',
    status: 'ok',
    created,
    updated,
    name: '',
    name_long: null,
    notes: '',
    aka: null,
    website: '',
    social_media: [],
    country: '',
    city: '',
    zipcode: '',
    state: '',
    logo: null,
  }),
  fac: ({ id, created, updated }) => ({
    id,
    org_id: 0,
    org_name: '',
    campus_id: null,
    name: '',
    aka: '',
    name_long: '',
    website: '',
    social_media: [],
    clli: '',
    rencode: '',
    npanxx: '',
    notes: '',
    net_count: 0,
    ix_count: 0,
    carrier_count: 0,
    sales_email: '',
    sales_phone: '',
    tech_email: '',
    tech_phone: '',
    available_voltage_services: [],
    diverse_serving_substations: null,
    property: null,
    region_continent: null,
    status_dashboard: null,
    logo: null,
    created,
    updated,
    status: 'ok',
    ...ADDRESS_TAIL,
  }),
  carrier: ({ id, created, updated }) => ({
    id,
    org_id: 0,
    org_name: '',
    name: '',
    aka: '',
    name_long: '',
    website: '',
    social_media: [],
    notes: '',
    fac_count: 0,
    logo: null,
    created,
    updated,
    status: 'ok',
  }),
  carrierfac: ({ id, created, updated }) => ({
    id,
    name: '',
    carrier_id: 0,
    fac_id: 0,
    created,
    updated,
    status: 'ok',
  }),
  net: ({ id, created, updated }) => ({
    id,
    org_id: 0,
    name: '',
    aka: '',
    name_long: '',
    website: '',
    social_media: [],
    asn: 0,
    looking_glass: '',
    route_server: '',
    irr_as_set: '',
    info_type: '',
    info_types: [],
    info_prefixes4: null,
    info_prefixes6: null,
    info_traffic: '',
    info_ratio: '',
    info_scope: '',
    info_unicast: true,
    info_multicast: false,
    info_ipv6: false,
    info_never_via_route_servers: false,
    ix_count: 0,
    fac_count: 0,
    notes: '',
    netixlan_updated: null,
    netfac_updated: null,
    poc_updated: null,
    policy_url: '',
    policy_general: '',
    policy_locations: '',
    policy_ratio: false,
    policy_contracts: '',
    allow_ixp_update: false,
    ixp_update_exclude: [],
    status_dashboard: null,
    rir_status: null,
    rir_status_updated: null,
    logo: null,
    created,
    updated,
    status: 'ok',
  }),
  ix: ({ id, created, updated }) => ({
    id,
    org_id: 0,
    name: '',
    aka: '',
    name_long: '',
    city: '',
    country: '',
    region_continent: '',
    media: 'Ethernet',
    notes: '',
    proto_unicast: true,
    proto_multicast: false,
    proto_ipv6: false,
    website: '',
    social_media: [],
    url_stats: '',
    tech_email: '',
    tech_phone: '',
    policy_email: '',
    policy_phone: '',
    sales_phone: '',
    sales_email: '',
    net_count: 0,
    fac_count: 0,
    ixf_net_count: 0,
    ixf_last_import: null,
    ixf_import_request: null,
    ixf_import_request_status: 'queued',
    service_level: 'Not Disclosed',
    terms: 'Not Disclosed',
    status_dashboard: null,
    logo: null,
    created,
    updated,
    status: 'ok',
  }),
  ixfac: ({ id, created, updated }) => ({
    id,
    name: '',
    city: '',
    country: '',
    ix_id: 0,
    fac_id: 0,
    created,
    updated,
    status: 'ok',
  }),
  ixlan: ({ id, created, updated }) => ({
    id,
    ix_id: 0,
    name: '',
    descr: '',
    mtu: 1500,
    dot1q_support: false,
    rs_asn: 0,
    arp_sponge: null,
    ixf_ixp_member_list_url: '',
    ixf_ixp_member_list_url_visible: 'Private',
    ixf_ixp_import_enabled: false,
    created,
    updated,
    status: 'ok',
  }),
  ixpfx: ({ id, created, updated }) => ({
    id,
    ixlan_id: 0,
    protocol: 'IPv4',
    prefix: '',
    in_dfz: true,
    created,
    updated,
    status: 'ok',
  }),
  netfac: ({ id, created, updated }) => ({
    id,
    name: '',
    city: '',
    country: '',
    net_id: 0,
    fac_id: 0,
    local_asn: 0,
    created,
    updated,
    status: 'ok',
  }),
  netixlan: ({ id, created, updated }) => ({
    id,
    net_id: 0,
    ix_id: 0,
    name: '',
    ixlan_id: 0,
    notes: '',
    speed: 0,
    asn: 0,
    ipaddr4: null,
    ipaddr6: null,
    is_rs_peer: false,
    bfd_support: false,
    operational: true,
    net_side_id: null,
    ix_side_id: null,
    created,
    updated,
    status: 'ok',
  }),
  poc: ({ id, created, updated }) => ({
    id,
    net_id: 0,
    role: 'Technical',
    visible: 'Users',
    name: '',
    phone: '',
    email: '',
    url: '',
    created,
    updated,
    status: 'ok',
  }),
};

/** A row of `type` with every field present and empty, stamped with `id` and `atEpoch`. */
export function blankRow<T extends PdbType>(type: T, id: number, atEpoch: number): PdbRow<T> {
  const stamp = epochToPdbTime(atEpoch);
  const factory = BLANK_ROWS[type] as (s: Stamps) => PdbRow<T>;
  return factory({ id, created: stamp, updated: stamp });
}

/**
 * Lays `values` over a blank row so the result keeps the API's key order whatever order
 * the caller wrote its fields in. Keys that are not fields of the type are left out.
 */
export function completeRow<T extends PdbType>(
  type: T,
  id: number,
  atEpoch: number,
  values: Partial<PdbRow<T>>,
): PdbRow<T> {
  const base = blankRow(type, id, atEpoch) as unknown as Record<string, unknown>;
  const extra = values as Record<string, unknown>;
  for (const key in extra) {
    if (key in base && extra[key] !== undefined) base[key] = extra[key];
  }
  base.id = id;
  return base as unknown as PdbRow<T>;
}

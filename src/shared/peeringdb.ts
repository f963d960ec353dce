/**
 * PeeringDB object types as the API returns them at depth 0 (see shared design notes).
 * Runtime-free: imported by main, preload, the store worker and the UI.
 */

export const PDB_TYPES = [
  'org',
  'campus',
  'fac',
  'carrier',
  'carrierfac',
  'net',
  'ix',
  'ixfac',
  'ixlan',
  'ixpfx',
  'netfac',
  'netixlan',
  'poc',
] as const;

/** A PeeringDB object tag, in the order a sync must fetch them (parents before children). */
export type PdbType = (typeof PDB_TYPES)[number];

export function isPdbType(value: unknown): value is PdbType {
  return typeof value === 'string' && (PDB_TYPES as readonly string[]).includes(value);
}

export type PdbStatus = 'ok' | 'pending' | 'deleted';
/** ISO-8601 UTC with whole seconds, e.g. "2026-04-14T19:10:31Z". */
export type PdbDateTime = string;

export interface SocialMedia {
  service: string;
  identifier: string;
}

export interface PdbBase {
  id: number;
  status: PdbStatus;
  created: PdbDateTime;
  updated: PdbDateTime;
}

interface Address {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zipcode: string;
  floor: string;
  suite: string;
  latitude: number | null;
  longitude: number | null;
}

export interface Org extends PdbBase, Address {
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  notes: string;
  logo: string | null;
}

export interface Campus extends PdbBase {
  org_id: number;
  org_name: string;
  name: string;
  name_long: string | null;
  aka: string | null;
  website: string;
  social_media: SocialMedia[];
  notes: string;
  country: string;
  city: string;
  zipcode: string;
  state: string;
  logo: string | null;
}

export type VoltageService = 'No Power' | '48 VDC' | '400 VAC' | '480 VAC';

export interface Fac extends PdbBase, Address {
  org_id: number;
  org_name: string;
  campus_id: number | null;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  clli: string;
  rencode: string;
  npanxx: string;
  notes: string;
  net_count: number;
  ix_count: number;
  carrier_count: number;
  sales_email: string;
  sales_phone: string;
  tech_email: string;
  tech_phone: string;
  available_voltage_services: VoltageService[];
  diverse_serving_substations: boolean | null;
  property: '' | 'Owner' | 'Lessee' | null;
  region_continent: string | null;
  status_dashboard: string | null;
  logo: string | null;
}

export interface Carrier extends PdbBase {
  org_id: number;
  org_name: string;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  notes: string;
  fac_count: number;
  logo: string | null;
}

export interface CarrierFac extends PdbBase {
  name: string;
  carrier_id: number;
  fac_id: number;
}

export type NetInfoType =
  | 'NSP'
  | 'Content'
  | 'Cable/DSL/ISP'
  | 'Enterprise'
  | 'Educational/Research'
  | 'Non-Profit'
  | 'Route Server'
  | 'Network Services'
  | 'Route Collector'
  | 'Government'
  | '';

export type PolicyGeneral = 'Open' | 'Selective' | 'Restrictive' | 'No' | '';

export interface Net extends PdbBase {
  org_id: number;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  asn: number;
  looking_glass: string;
  route_server: string;
  irr_as_set: string;
  info_type: NetInfoType;
  info_types: NetInfoType[];
  info_prefixes4: number | null;
  info_prefixes6: number | null;
  info_traffic: string;
  info_ratio: string;
  info_scope: string;
  info_unicast: boolean;
  info_multicast: boolean;
  info_ipv6: boolean;
  info_never_via_route_servers: boolean;
  ix_count: number;
  fac_count: number;
  notes: string;
  netixlan_updated: PdbDateTime | null;
  netfac_updated: PdbDateTime | null;
  poc_updated: PdbDateTime | null;
  policy_url: string;
  policy_general: PolicyGeneral;
  policy_locations: string;
  policy_ratio: boolean;
  policy_contracts: string;
  allow_ixp_update: boolean;
  ixp_update_exclude: unknown[];
  status_dashboard: string | null;
  rir_status: string | null;
  rir_status_updated: PdbDateTime | null;
  logo: string | null;
}

export interface Ix extends PdbBase {
  org_id: number;
  name: string;
  aka: string;
  name_long: string;
  city: string;
  country: string;
  region_continent: string;
  media: string;
  notes: string;
  proto_unicast: boolean;
  proto_multicast: boolean;
  proto_ipv6: boolean;
  website: string;
  social_media: SocialMedia[];
  url_stats: string;
  tech_email: string;
  tech_phone: string;
  policy_email: string;
  policy_phone: string;
  sales_phone: string;
  sales_email: string;
  net_count: number;
  fac_count: number;
  ixf_net_count: number;
  ixf_last_import: PdbDateTime | null;
  ixf_import_request: PdbDateTime | null;
  ixf_import_request_status: string;
  service_level: string;
  terms: string;
  status_dashboard: string | null;
  logo: string | null;
}

export interface IxFac extends PdbBase {
  name: string;
  city: string;
  country: string;
  ix_id: number;
  fac_id: number;
}

export type Visibility = 'Public' | 'Users' | 'Private';

export interface IxLan extends PdbBase {
  ix_id: number;
  name: string;
  descr: string;
  mtu: number;
  dot1q_support: boolean;
  rs_asn: number;
  arp_sponge: string | null;
  /** Omitted by the API unless the caller may see it. */
  ixf_ixp_member_list_url?: string;
  ixf_ixp_member_list_url_visible: Visibility;
  ixf_ixp_import_enabled: boolean;
}

export interface IxPfx extends PdbBase {
  ixlan_id: number;
  protocol: 'IPv4' | 'IPv6';
  prefix: string;
  in_dfz: boolean;
}

export interface NetFac extends PdbBase {
  name: string;
  city: string;
  country: string;
  net_id: number;
  fac_id: number;
  local_asn: number;
}

export interface NetIxLan extends PdbBase {
  net_id: number;
  ix_id: number;
  name: string;
  ixlan_id: number;
  notes: string;
  speed: number;
  asn: number;
  ipaddr4: string | null;
  ipaddr6: string | null;
  is_rs_peer: boolean;
  bfd_support: boolean;
  operational: boolean;
  net_side_id: number | null;
  ix_side_id: number | null;
}

export type PocRole =
  | 'Abuse'
  | 'Maintenance'
  | 'Policy'
  | 'Technical'
  | 'NOC'
  | 'Public Relations'
  | 'Sales';

export const POC_ROLES: readonly PocRole[] = [
  'Policy',
  'NOC',
  'Technical',
  'Maintenance',
  'Abuse',
  'Sales',
  'Public Relations',
];

export interface Poc extends PdbBase {
  net_id: number;
  role: PocRole;
  visible: Visibility;
  name: string;
  phone: string;
  email: string;
  url: string;
}

export interface PdbRowMap {
  org: Org;
  campus: Campus;
  fac: Fac;
  carrier: Carrier;
  carrierfac: CarrierFac;
  net: Net;
  ix: Ix;
  ixfac: IxFac;
  ixlan: IxLan;
  ixpfx: IxPfx;
  netfac: NetFac;
  netixlan: NetIxLan;
  poc: Poc;
}

export type PdbRow<T extends PdbType = PdbType> = PdbRowMap[T];

/** Epoch seconds of a PeeringDB timestamp. */
export function pdbTimeToEpoch(value: PdbDateTime): number {
  return Math.floor(Date.parse(value) / 1000);
}

/**
 * Arguments and answers of the discovery operations. All plain data, so they cross the
 * worker boundary by structured clone.
 */
import type { NetInfoType, PocRole, PolicyGeneral } from '../../../shared/peeringdb';
import type { PeerStateKind } from '../../../shared/user-data';

export interface NetSummary {
  netId: number;
  asn: number;
  name: string;
  aka: string;
  policyGeneral: PolicyGeneral;
  infoTypes: NetInfoType[];
  traffic: string;
  ratio: string;
  scope: string;
}

/** One port of a network at an IXP (a netixlan). */
export interface IxConnection {
  netixlanId: number;
  ixlanId: number;
  ipaddr4: string | null;
  ipaddr6: string | null;
  /** Mbit/s. */
  speed: number;
  isRsPeer: boolean;
  operational: boolean;
}

export interface PlaceSummary {
  id: number;
  name: string;
  city: string;
  country: string;
  regionContinent: string;
}

export interface NetAtIx {
  ix: PlaceSummary;
  connections: IxConnection[];
  /** Sum of the connections' speeds, Mbit/s. */
  totalSpeed: number;
}

export interface NetAtFac {
  fac: PlaceSummary;
  localAsn: number;
}

// ---- My networks

export interface MyNetworkOverview {
  asn: number;
  /** Null when the copy has no network with this ASN (not synced yet, or gone). */
  net: NetSummary | null;
  ixs: NetAtIx[];
  facs: NetAtFac[];
}

// ---- Compare

export interface CompareArgs {
  asns: number[];
}

export interface CompareSide {
  netId: number;
  connections: IxConnection[];
  totalSpeed: number;
}

export interface CompareIx {
  ix: PlaceSummary;
  /** In the order of `CompareResult.networks`; only the networks present. */
  sides: CompareSide[];
  /** The smallest side's total speed: what the exchange between them can carry. */
  minSideSpeed: number;
  /** For "all but one": the network that is not there. */
  missingNetId?: number;
}

export interface CompareFacSide {
  netId: number;
  localAsn: number;
}

export interface CompareFac {
  fac: PlaceSummary;
  sides: CompareFacSide[];
  missingNetId?: number;
}

export interface CompareResult {
  networks: NetSummary[];
  /** Requested ASNs the copy has no network for. */
  unknownAsns: number[];
  commonIxs: CompareIx[];
  commonFacs: CompareFac[];
  /** Only with three or more networks: places all but one of them share. */
  allButOneIxs: CompareIx[];
  allButOneFacs: CompareFac[];
}

// ---- Members and potential peers

/**
 * Filters of member and peer lists. Empty arrays and undefined mean "any".
 * Connection filters (rsPeer, ipv4, ipv6, minSpeed) look at the connections at the IXPs in
 * question; on a facility's member list they do not apply.
 */
export interface MemberFilters {
  policies?: PolicyGeneral[];
  infoTypes?: NetInfoType[];
  /** At least this much traffic (one of TRAFFIC_LEVELS); unknown traffic does not pass. */
  trafficMin?: string;
  scopes?: string[];
  ratios?: string[];
  /** Where peering can happen: only IXPs (or the facility) on this continent. */
  region?: string;
  /** Where peering can happen: only IXPs (or the facility) in this country (ISO code). */
  country?: string;
  rsPeer?: 'yes' | 'no';
  ipv4?: boolean;
  ipv6?: boolean;
  /** Mbit/s: the network's total port speed at one of the IXPs in question. */
  minSpeed?: number;
  /** Name, aka or ASN ("AS64500" or digits: ASN prefix). */
  text?: string;
}

export type MemberPlace =
  | { kind: 'ix'; ixId: number }
  | { kind: 'fac'; facId: number }
  /** Every IXP where one of my networks is connected. */
  | { kind: 'my-ixs' };

export interface PeersArgs {
  place: MemberPlace;
  filters?: MemberFilters;
  /** Also list networks I marked (requested, peered, rejected, hidden), with their state. */
  includeMarked?: boolean;
  /** Keep my own networks in the list (member lists of IX and facility pages). */
  includeMine?: boolean;
}


/** The part of a network a member row shows (lists run to 10,000 rows: every field costs). */
export type MemberNet = Pick<NetSummary, 'netId' | 'asn' | 'name' | 'policyGeneral' | 'infoTypes' | 'traffic'>;

export interface MemberRow {
  net: MemberNet;
  /**
   * Connections at the IXP, when the place is one IXP. Elsewhere left out: across all my IXPs
   * the summary fields below say enough, and the answer stays quick to send.
   */
  connections?: IxConnection[];
  /** How many IXPs in question the network is connected at. */
  ixCount: number;
  /** Largest total speed at one of the IXPs in question, Mbit/s. */
  bestSpeed: number;
  isRsPeer: boolean;
  hasIpv4: boolean;
  hasIpv6: boolean;
  /** IXPs where this network and one of mine are both connected (names in PeersResult.ixNames). */
  sharedIxIds: number[];
  sharedFacCount: number;
  /** The reasons behind it: rankPeer(net.policyGeneral, sharedIxIds.length, sharedFacCount). */
  score: number;
  isMine: boolean;
  peerState: PeerStateKind | null;
  note: string;
}

export interface PeersResult {
  rows: MemberRow[];
  /** Members before filters (after excluding mine and marked, unless included). */
  candidateCount: number;
  /** How many IXPs were looked at. */
  ixCount: number;
  /** Names of the IXPs that rows refer to. */
  ixNames: Record<number, string>;
  /** None of my ASNs is in the copy (or I have none): nothing is "shared", nothing excluded. */
  noneOfMine: boolean;
}

// ---- Pages

export interface PocView {
  id: number;
  role: PocRole;
  name: string;
  email: string;
  phone: string;
  url: string;
  visible: string;
}

export interface SharedPlace {
  id: number;
  name: string;
  country: string;
  /** Which of my networks are there. */
  mine: { netId: number; asn: number; name: string }[];
}

export interface NetworkPage {
  net: NetSummary & {
    orgId: number;
    orgName: string;
    nameLong: string;
    website: string;
    policyUrl: string;
    policyLocations: string;
    policyRatio: boolean;
    policyContracts: string;
    irrAsSet: string;
    prefixes4: number | null;
    prefixes6: number | null;
    lookingGlass: string;
    routeServer: string;
    infoUnicast: boolean;
    infoMulticast: boolean;
    infoIpv6: boolean;
    neverViaRouteServers: boolean;
    notes: string;
    updated: string;
  };
  ixs: NetAtIx[];
  facs: NetAtFac[];
  /** Policy role first, then the others in POC_ROLES order. */
  contacts: PocView[];
  sharedIxs: SharedPlace[];
  sharedFacs: SharedPlace[];
  isMine: boolean;
  peerState: PeerStateKind | null;
  note: string;
  hiddenUntil: string | null;
}

export interface IxPage {
  ix: PlaceSummary & {
    orgId: number;
    orgName: string;
    nameLong: string;
    aka: string;
    website: string;
    urlStats: string;
    techEmail: string;
    policyEmail: string;
    media: string;
    notes: string;
    serviceLevel: string;
    terms: string;
  };
  lans: { id: number; name: string; mtu: number; rsAsn: number; prefixes: { protocol: string; prefix: string }[] }[];
  facs: PlaceSummary[];
  memberCount: number;
  /** My networks' connections here. */
  mine: { net: NetSummary; connections: IxConnection[] }[];
}

export interface FacPage {
  fac: PlaceSummary & {
    orgId: number;
    orgName: string;
    nameLong: string;
    aka: string;
    website: string;
    address1: string;
    address2: string;
    zipcode: string;
    state: string;
    clli: string;
    notes: string;
  };
  ixs: PlaceSummary[];
  memberCount: number;
  mine: NetSummary[];
}

export interface OrgPage {
  org: { id: number; name: string; aka: string; website: string; city: string; country: string; notes: string };
  nets: NetSummary[];
  ixs: PlaceSummary[];
  facs: PlaceSummary[];
}

// ---- Search

export interface SearchArgs {
  query: string;
  limit?: number;
}

export type SearchKind = 'net' | 'ix' | 'fac' | 'org';
export type SearchMatch = 'asn' | 'name' | 'other-name' | 'irr' | 'ip' | 'prefix';

export interface SearchHit {
  /** Unique within one answer (an IP can be held at two IXPs by one network). */
  key: string;
  kind: SearchKind;
  id: number;
  title: string;
  subtitle: string;
  match: SearchMatch;
  /** Why it matched when the title does not say (the IP, the as-set, the prefix). */
  detail: string;
  /** For networks. */
  asn?: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Matches before the limit. */
  total: number;
}

export interface FilterOptions {
  policies: PolicyGeneral[];
  infoTypes: NetInfoType[];
  trafficLevels: string[];
  scopes: string[];
  ratios: string[];
  regions: string[];
  countries: string[];
}

/**
 * How many networks each filter value would leave, for the filter checklists. Each filter is
 * counted with every other filter applied but not itself, so a count is what choosing that
 * value (alone, for that filter) would show.
 */
export interface MemberFacets {
  policies: Record<string, number>;
  infoTypes: Record<string, number>;
  scopes: Record<string, number>;
  ratios: Record<string, number>;
  /** Per traffic level: networks with at least that much. */
  trafficMin: Record<string, number>;
  /** Per continent and per country: networks connected at an IXP (or the facility) there. */
  regions: Record<string, number>;
  countries: Record<string, number>;
  rsPeer: { yes: number; no: number };
  /** Networks per best port speed (Mbit/s) at the IXPs in question. */
  bestSpeeds: Record<number, number>;
  ipv4: number;
  ipv6: number;
}

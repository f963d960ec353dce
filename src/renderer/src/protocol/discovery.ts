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

/**
 * A network as peering sees it: an ASN that ports carry (or a record's own ASN), named by the
 * PeeringDB record behind it when the copy holds one. Sessions are configured with this ASN.
 */
export interface AsnNetwork {
  asn: number;
  /** The record behind the ASN; null when the copy lacks it (a partial copy, a record deleted before its ports). */
  netId: number | null;
  /** The record's name, or "AS64500" when the copy lacks the record. */
  name: string;
  /** The record's own ASN when it differs from `asn`: its ports carry several ASNs. */
  recordAsn: number | null;
}

/** One port of a network at an IXP (a netixlan). */
export interface IxConnection {
  netixlanId: number;
  /** The ASN this port carries, which a session uses; it can differ from its record's. */
  asn: number;
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
  /**
   * The record that names this ASN (its own, or the one whose ports carry it); null when the
   * copy has none (not synced yet, gone, or only its ports are in the copy).
   */
  net: NetSummary | null;
  /** The ports carrying this ASN, per IXP. */
  ixs: NetAtIx[];
  facs: NetAtFac[];
  /** The record's other ASNs (its own, or its other ports'), when it holds several. */
  otherAsns: number[];
}

// ---- Compare

export interface CompareArgs {
  asns: number[];
}

export interface CompareSide {
  asn: number;
  connections: IxConnection[];
  totalSpeed: number;
}

export interface CompareIx {
  ix: PlaceSummary;
  /** In the order of `CompareResult.networks`; only the networks present. */
  sides: CompareSide[];
  /** The smallest side's total speed: what the exchange between them can carry. */
  minSideSpeed: number;
  /** For "all but one": the ASN that is not there. */
  missingAsn?: number;
}

export interface CompareFacSide {
  asn: number;
  localAsn: number;
}

export interface CompareFac {
  fac: PlaceSummary;
  sides: CompareFacSide[];
  missingAsn?: number;
}

export interface CompareResult {
  /** The ASNs compared, in the order asked: by record, or by ports alone when the record is missing. */
  networks: AsnNetwork[];
  /** Requested ASNs the copy knows nothing of (no record, port or presence). */
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


/**
 * The part of a network a member row shows (lists run to 10,000 rows: every field costs). One
 * row per ASN: a record whose ports carry two ASNs is two potential sessions.
 */
export type MemberNet = AsnNetwork & Pick<NetSummary, 'policyGeneral' | 'infoTypes' | 'traffic'>;

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
  mine: AsnNetwork[];
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
  /** Its ports grouped per IXP, whichever ASN each carries. */
  ixs: NetAtIx[];
  facs: NetAtFac[];
  /** The ASNs its ports carry with how many ports each, its own first; more than one says so. */
  portAsns: { asn: number; ports: number }[];
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
  /** mtu 0: not given (older rows). */
  lans: { id: number; name: string; mtu: number; rsAsn: number; prefixes: { protocol: string; prefix: string }[] }[];
  facs: PlaceSummary[];
  /** ASNs on ports here. */
  memberCount: number;
  /** My networks' connections here. */
  mine: { net: AsnNetwork; connections: IxConnection[] }[];
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
  /** ASNs present. */
  memberCount: number;
  mine: AsnNetwork[];
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
  /** For networks: the ASN that matched (a port's can differ from the record's), else the record's. */
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

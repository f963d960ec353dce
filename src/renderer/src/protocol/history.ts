/**
 * Arguments and answers of the history operations: the review queue (what changed where my
 * networks are), exchange statistics, an exchange's and a network's history. Plain data.
 */
import type { SyncSource } from '../../../shared/sync';

export type ReviewKind =
  | 'joined'
  | 'returned'
  | 'left'
  | 'speed-up'
  | 'speed-down'
  | 'rs-on'
  | 'rs-off'
  | 'policy'
  | 'policy-contact'
  | 'net-deleted';

export interface ReviewPlace {
  kind: 'ix' | 'fac';
  id: number;
  name: string;
  country: string;
}

/** One thing that changed, found by comparing a sync's copy with the moment before it. */
export interface ReviewEntry {
  id: number;
  batchId: number;
  kind: ReviewKind;
  /** The port's ASN at an exchange; the network's ASN otherwise. */
  asn: number;
  /** The network record, when the copy knew it (its page may be gone after a deletion). */
  netId: number | null;
  /** The network's name then; "" when the copy never had the network. */
  netName: string;
  /** Where it changed; null for what belongs to the network itself (policy, contact, deletion). */
  place: ReviewPlace | null;
  /** Speeds in Mbit/s for speed changes; texts for policy and contact; null where nothing was. */
  before: string | number | null;
  after: string | number | null;
  /** Something more to say, e.g. that the network was deleted from PeeringDB. */
  note: string;
  /** Not looked at yet. */
  isNew: boolean;
}

export type ReviewBatchNote =
  /** History had nothing to compare with: it starts here. */
  | 'first'
  /** The moment before was too long ago for a list of changes to help. */
  | 'too-far'
  /** A dump of a date before the latest moment: it went into history only. */
  | 'past';

/** One sync (or dump import) in the review queue. */
export interface ReviewBatch {
  id: number;
  /** Epoch ms the sync ended. */
  endedAt: number;
  source: SyncSource;
  /** Epoch s of the moment compared with; null when none. */
  comparedWith: number | null;
  note: ReviewBatchNote | null;
  /** Changes found everywhere. */
  total: number;
  /** Changes that pass the current filter. */
  shown: number;
  /** Changes found everywhere beyond what was kept (a very large batch keeps its first ones). */
  dropped: number;
}

export type ReviewScope = 'mine' | 'everywhere';

export interface ReviewQueueArgs {
  scope: ReviewScope;
  /** Only changes where this one of my networks is. */
  myAsn?: number | null;
  /** "ix:12" or "fac:34". */
  placeKey?: string | null;
  kind?: ReviewKind | null;
}

export interface ReviewQueueResult {
  batches: ReviewBatch[];
  /** Newest first. */
  entries: ReviewEntry[];
  /** My networks, for the filter (their names as the copy has them). */
  myNetworks: { asn: number; name: string }[];
  /** Places the listed changes happened at, for the filter. */
  places: { key: string; name: string }[];
  /** True when I have no networks yet: "mine" then shows nothing. */
  noNetworks: boolean;
}

export interface ReviewCounts {
  /** Changes not looked at yet where my networks are (everywhere when I have none). */
  newCount: number;
}

// ---- Statistics

export interface PolicyMix {
  open: number;
  selective: number;
  restrictive: number;
  no: number;
  /** Empty or a wording PeeringDB no longer uses. */
  other: number;
}

export interface ExchangeStats {
  ixId: number;
  name: string;
  country: string;
  city: string;
  /** Members at the latest moment, by port ASN. */
  members: number;
  ports: number;
  /** Members that joined in the 12 months before the latest moment (not counting returns). */
  joined12m: number;
  /** Members gone at the latest moment that left in those 12 months. */
  left12m: number;
  /** Members with at least one port on the route servers. */
  rsMembers: number;
  /** Mbit/s. */
  capacity: number;
  medianPortSpeed: number;
  policy: PolicyMix;
  isMine: boolean;
}

/** A group of exchanges: a country, or all of mine. */
export interface ExchangeGroupStats {
  key: string;
  label: string;
  exchanges: number;
  /** Distinct networks (port ASNs) at any of them. */
  networks: number;
  /** Memberships: a network at two of them counts twice. */
  memberships: number;
  ports: number;
  joined12m: number;
  left12m: number;
  /** Memberships with a port on the route servers. */
  rsMemberships: number;
  capacity: number;
  medianPortSpeed: number;
  /** Of the distinct networks. */
  policy: PolicyMix;
}

export interface ExchangeStatisticsArgs {
  /** Only the exchanges where my networks are. */
  mineOnly: boolean;
}

export interface HistoryCoverage {
  /** Moments history holds. */
  moments: number;
  /** Epoch s of the first and latest moment; null when history is empty. */
  firstAt: number | null;
  latestAt: number | null;
  /** Moments that came from imported dump files. */
  fromDumps: number;
  /** What history's facts take on disk, in bytes of their text. */
  storedBytes: number;
}

export interface ExchangeStatisticsResult {
  coverage: HistoryCoverage;
  /** Epoch s the window of "the last 12 months" ends (the latest moment). */
  asOf: number | null;
  exchanges: ExchangeStats[];
  countries: ExchangeGroupStats[];
  /** All my exchanges together; null when I have none. */
  mine: ExchangeGroupStats | null;
}

// ---- One exchange over time

export interface ExchangeHistoryPoint {
  /** Epoch s of the moment (the day's last moment when a day has several). */
  at: number;
  members: number;
  ports: number;
  /** Mbit/s. */
  capacity: number;
  rsMembers: number;
  policy: PolicyMix;
}

export interface MonthMoves {
  /** "2026-03". */
  month: string;
  /** Epoch s of the month's first day. */
  at: number;
  joined: number;
  left: number;
  returned: number;
}

export interface ExchangeHistoryResult {
  ixId: number;
  name: string;
  country: string;
  coverage: HistoryCoverage;
  points: ExchangeHistoryPoint[];
  months: MonthMoves[];
}

// ---- One network over time

export interface ValueChange {
  /** Epoch s of the first moment with this value. */
  since: number;
  /** `since` is history's first moment: the value may be older. */
  fromStart: boolean;
  value: string;
  /** The value before, when history saw one. */
  previous: string | null;
}

export interface NetworkPresence {
  kind: 'ix' | 'fac';
  id: number;
  name: string;
  /** Epoch s of the first moment seen there; `fromStart` when that is history's first moment. */
  firstSeen: number;
  fromStart: boolean;
  /** Epoch s of the last moment seen there; null while it still is. */
  lastSeen: number | null;
  /** Times it left and came back. */
  gaps: number;
}

export interface NetworkHistoryResult {
  coverage: HistoryCoverage;
  /** Per field, newest first: "policy", "traffic", "prefixes4", "prefixes6", "irrAsSet", "policyContact". */
  changes: { field: NetworkHistoryField; label: string; current: ValueChange | null; earlier: ValueChange[] }[];
  presences: NetworkPresence[];
}

export type NetworkHistoryField = 'policy' | 'traffic' | 'prefixes4' | 'prefixes6' | 'irrAsSet' | 'policyContact';

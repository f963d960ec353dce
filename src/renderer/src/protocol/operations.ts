/**
 * What the page may ask of the store worker, split as Signal splits its database interfaces:
 * queries read (the local copy and the user's tables) and never write; commands change the
 * user's tables. Method name = operation name; the worker implements both tables, and the
 * page's client is typed by them, so neither side imports the other.
 */
import type {
  PeerStateKind,
  PeerStateRecord,
  RequestLogRecord,
  SessionTemplateRecord,
  TemplateRecord,
} from '../../../shared/user-data';
import type { RequestStatus } from '../../../shared/follow-ups';
import type { ContactListArgs, ContactListResult, ContactSources, PeeringDraftArgs, PeeringDraftResult } from './contacts';
import type {
  CompareArgs,
  CompareResult,
  FacPage,
  FilterOptions,
  IxPage,
  MemberFacets,
  MyNetworkOverview,
  NetworkPage,
  OrgPage,
  PeersArgs,
  PeersResult,
  SearchArgs,
  SearchResult,
} from './discovery';
import type {
  ExchangeHistoryResult,
  ExchangeStatisticsArgs,
  ExchangeStatisticsResult,
  HistoryCoverage,
  NetworkHistoryResult,
  ReviewCounts,
  ReviewQueueArgs,
  ReviewQueueResult,
} from './history';

type NoArgs = Record<string, never>;

export interface StoreQueries {
  /** My networks with their IXP connections and facilities; `asns` defaults to the stored list. */
  myNetworksOverview(args: { asns?: number[] }): MyNetworkOverview[];
  compareNetworks(args: CompareArgs): CompareResult;
  /** Potential peers (and, with includeMine/includeMarked, the member lists of pages). */
  findPeers(args: PeersArgs): PeersResult;
  networkPage(args: { netId?: number; asn?: number }): NetworkPage;
  ixPage(args: { ixId: number }): IxPage;
  facPage(args: { facId: number }): FacPage;
  orgPage(args: { orgId: number }): OrgPage;
  searchEverything(args: SearchArgs): SearchResult;
  memberFilterOptions(args: NoArgs): FilterOptions;
  /** Counts behind the member filters' choices, for the same question as findPeers. */
  memberFacets(args: PeersArgs): MemberFacets;
  contactList(args: ContactListArgs): ContactListResult;
  /** What the Contacts screen offers to choose from: my networks and the IXPs. */
  contactSources(args: NoArgs): ContactSources;
  /** Everything a peering request draft needs: the data and the user's template (or the default). */
  peeringDraft(args: PeeringDraftArgs): PeeringDraftResult;
  /** My ASNs in the order I added them. */
  listMyNetworks(args: NoArgs): number[];
  listPeerStates(args: NoArgs): PeerStateRecord[];
  getTemplate(args: { key: string }): TemplateRecord | null;
  /** Every requested peer with its follow-up (most overdue first), and the latest requests. */
  requestOverview(args: NoArgs): RequestOverview;
  /** How many follow-ups are due now. */
  followUpsDue(args: NoArgs): number;
  /** Earlier requests to these peers, for the warning before asking again too soon. */
  requestHistory(args: { asns: number[] }): { followUpDays: number; entries: RequestLogRecord[] };
  /** The user's session templates (the built-in ones are not stored). */
  listSessionTemplates(args: NoArgs): SessionTemplateRecord[];
  /** The user's tables as backup file text. */
  exportUserData(args: NoArgs): string;
  /** What changed where my networks are (or everywhere), newest sync first; `problems` says what history could not record. */
  reviewQueue(args: ReviewQueueArgs): ReviewQueueResult & { problems: string[] };
  /** Changes not looked at yet where my networks are. */
  reviewCounts(args: NoArgs): ReviewCounts;
  /** Resolves once the work the store does by itself after a load or a sync (index builds, history) is done. */
  backgroundWorkDone(args: NoArgs): void;
  /** Per exchange, per country and for all my exchanges, as of history's latest moment. */
  exchangeStatistics(args: ExchangeStatisticsArgs): ExchangeStatisticsResult;
  /** One exchange's members, capacity and policy mix over time, and its joins and leaves per month. */
  exchangeHistory(args: { ixId: number }): ExchangeHistoryResult;
  /** A network's values and places over time; null when history never saw it. */
  networkHistory(args: { netId: number }): NetworkHistoryResult | null;
  historyCoverage(args: NoArgs): HistoryCoverage;
}

export interface RequestOverview {
  followUpDays: number;
  peers: (RequestStatus & { name: string })[];
  dueCount: number;
  /** The most recent requests first. */
  log: (RequestLogRecord & { peerName: string })[];
}

/** What recordRequests wrote, enough for withdrawRequests to take it back. */
export interface RecordedRequests {
  /** Ids of the log entries written. */
  ids: number[];
  /** Each peer's mark before it was marked requested; null where it had none. */
  marksBefore: { asn: number; mark: PeerStateRecord | null }[];
}

/** A request that went out, as the page reports it: one per peer. */
export type SentRequest = Omit<RequestLogRecord, 'id' | 'at'>;

export interface PeerMarkArgs {
  asn: number;
  state: PeerStateKind | null;
  /** YYYY-MM-DD until which a hidden peer stays hidden. */
  hiddenUntil?: string | null;
  /** YYYY-MM-DD the request was sent. */
  requestedAt?: string | null;
  note?: string;
}

export interface StoreCommands {
  /** Replaces the list of my ASNs, keeping the given order; answers the list as stored. */
  setMyNetworks(args: { asns: number[] }): number[];
  addMyNetwork(args: { asn: number }): number[];
  removeMyNetwork(args: { asn: number }): number[];
  /** A mark with no state and no note is removed (null) rather than kept empty. */
  setPeerState(args: PeerMarkArgs): PeerStateRecord | null;
  saveTemplate(args: { key: string; subject: string; body: string }): TemplateRecord;
  /** Logs requests that went out and marks each peer requested on `date` (local YYYY-MM-DD), keeping its note. */
  recordRequests(args: { requests: SentRequest[]; date: string }): RecordedRequests;
  /** Takes back what recordRequests wrote (Undo): its log entries go, each peer's mark is as it was. */
  withdrawRequests(args: RecordedRequests): { withdrawn: number };
  setFollowUpDays(args: { days: number }): number;
  /** Saves a session template; without a key, a new one. */
  saveSessionTemplate(args: { key?: string; name: string; body: string }): SessionTemplateRecord;
  deleteSessionTemplate(args: { key: string }): string;
  /** Restores a backup: the user's tables become exactly what the file holds. */
  importUserData(args: { json: string }): {
    myNetworks: number;
    peerStates: number;
    templates: number;
    requests: number;
    sessionTemplates: number;
  };
  /** The review entries were looked at; answers how many were new until now. */
  markReviewSeen(args: { ids: number[] }): { marked: number };
}

export type QueryName = keyof StoreQueries;
export type CommandName = keyof StoreCommands;
export type QueryArgs<N extends QueryName> = Parameters<StoreQueries[N]>[0];
export type QueryResult<N extends QueryName> = ReturnType<StoreQueries[N]>;
export type CommandArgs<N extends CommandName> = Parameters<StoreCommands[N]>[0];
export type CommandResult<N extends CommandName> = ReturnType<StoreCommands[N]>;

/**
 * The indexes every discovery answer is read from, derived from the store worker's LocalCopy.
 * Built on the first query and refreshed when copy.version moves; each section is rebuilt only
 * when a type it is made from changed, so a sync of contacts leaves the name index alone.
 *
 * Rows whose parent the copy lacks (a partial copy can point at parents it does not hold) stay
 * in these maps. Answers about places skip them; answers about peering keep a port whose
 * network record is missing, as its ASN is all a session needs.
 */
import type { Fac, Ix, IxFac, IxLan, IxPfx, Net, NetFac, NetIxLan, Org, PdbType, Poc } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { TypeChangeTracker } from './type-versions';
import { canonicalIp, parsePrefix, type ParsedPrefix } from './ip';
import { PrefixIndex, PrefixIndexBuilder } from './prefix-index';
import { foldText, squash, wordsOf } from './text';
import { amountOf, infoTypesOf, isAsn, textOf, textsOf } from './row-values';
import type { MemberNet, SearchKind } from '../../protocol/discovery';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexedPrefix {
  pfx: IxPfx;
  parsed: ParsedPrefix;
}

/**
 * Per searchable kind: words of the name and of the other names, and what ranking needs. Rows
 * are numbered densely (ordinals) so scratch arrays are sized by the row count, never by the
 * largest id, which PeeringDB does not bound.
 */
export interface KindSearchIndex {
  /** Word -> ordinals of the rows whose name has it. */
  names: PrefixIndex;
  otherNames: PrefixIndex;
  /** Per ordinal: the row's id, folded and squashed name, and popularity. */
  ids: number[];
  folded: string[];
  squashed: string[];
  popularity: number[];
  ordinalOf: Map<number, number>;
  /** Squashed names sorted, with their ordinals: answers a one-letter query by name start. */
  startKeys: string[];
  startOrdinals: Int32Array;
  /** Scratch space for one query: per ordinal, how many query words matched so far. */
  wordsMatched: Int32Array;
  nameWordsMatched: Int32Array;
}

interface NamedRow {
  id: number;
  name: unknown;
  aka?: unknown;
  name_long?: unknown;
  city?: unknown;
}

function buildKindSearch<R extends NamedRow>(rows: Iterable<R>, popularity: (row: R) => number): KindSearchIndex {
  const names = new PrefixIndexBuilder();
  const others = new PrefixIndexBuilder();
  const ids: number[] = [];
  const foldedNames: string[] = [];
  const squashedNames: string[] = [];
  const popularities: number[] = [];
  const ordinalOf = new Map<number, number>();
  for (const row of rows) {
    const ordinal = ids.length;
    const folded = foldText(textOf(row.name));
    const words = wordsOf(folded);
    const squashed = squash(folded);
    // The squashed name is a word too, so "decix" reaches "DE-CIX Frankfurt".
    if (words.length > 1) words.push(squashed);
    names.add(ordinal, words);
    const aka = textOf(row.aka);
    const otherText = [aka, textOf(row.name_long), textOf(row.city)].filter(Boolean).join(' ');
    if (otherText) {
      others.add(ordinal, wordsOf(foldText(otherText)));
      if (aka) others.add(ordinal, [squash(foldText(aka))]);
    }
    ids.push(row.id);
    foldedNames.push(folded);
    squashedNames.push(squashed);
    popularities.push(popularity(row));
    ordinalOf.set(row.id, ordinal);
  }
  const byStart = squashedNames
    .map((key, ordinal) => ({ key, ordinal }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    names: names.build(),
    otherNames: others.build(),
    ids,
    folded: foldedNames,
    squashed: squashedNames,
    popularity: popularities,
    ordinalOf,
    startKeys: byStart.map((entry) => entry.key),
    startOrdinals: Int32Array.from(byStart, (entry) => entry.ordinal),
    wordsMatched: new Int32Array(ids.length),
    nameWordsMatched: new Int32Array(ids.length),
  };
}

/** "RIPE::AS-FOO AS13335:AS-BAR" → the as-set names as typed and without source or ASN. */
function irrNamesOf(irrAsSet: string): string[] {
  const names: string[] = [];
  for (const item of irrAsSet.toLowerCase().split(/[\s,;]+/)) {
    if (!item) continue;
    names.push(item);
    const parts = item.split(/:+/).filter(Boolean);
    for (let i = 1; i < parts.length; i++) names.push(parts.slice(i).join(':'));
  }
  return names;
}

interface NetSection {
  byAsn: Map<number, Net>;
  byOrg: Map<number, Net[]>;
  /** Made on first use: only the filter menus need them. */
  filterValues: NetFilterValues | null;
}

/** Distinct values for the filter menus, as the rows give them (older wording included). */
export interface NetFilterValues {
  policies: Set<string>;
  scopes: Set<string>;
  ratios: Set<string>;
  infoTypes: Set<string>;
}

interface ConnectionSection {
  byIx: Map<number, NetIxLan[]>;
  byNet: Map<number, NetIxLan[]>;
  /**
   * Ports by the ASN they carry. Sessions are configured with the port's ASN, which for some
   * networks differs from the record's; a port whose record is absent still has its ASN.
   * Ports without a valid ASN are left out (the row schema refuses them anyway).
   */
  byAsn: Map<number, NetIxLan[]>;
  /** Canonical IP → connections; built on the first IP search, as parsing every IP costs. */
  byIp: Map<string, NetIxLan[]> | null;
}

interface NetFacSection {
  byFac: Map<number, NetFac[]>;
  byNet: Map<number, NetFac[]>;
  /**
   * By local_asn: what places a presence whose network record the copy lacks. Made on first
   * use; which records are absent is read when asked, so a record arriving later counts.
   */
  byLocalAsn: Map<number, NetFac[]> | null;
}

interface IxFacSection {
  byIx: Map<number, IxFac[]>;
  byFac: Map<number, IxFac[]>;
}

interface PrefixSection {
  byIxlan: Map<number, IxPfx[]>;
  /** Parsed on the first address search: parsing every prefix costs more than the rest. */
  parsed: { v4: IndexedPrefix[]; v6: IndexedPrefix[] } | null;
}

type SectionName = 'net' | 'ix' | 'fac' | 'org' | 'netixlan' | 'netfac' | 'ixfac' | 'ixlan' | 'ixpfx' | 'poc';

const EMPTY_SET: ReadonlySet<number> = new Set();

export class DiscoveryIndex {
  private readonly tracker = new TypeChangeTracker();
  private builtVersion = -1;
  // Search structures cost most to build and only the search box needs them, so they wait
  // for the first search; a sync that changes names drops them for the next search to rebuild.
  private readonly searchIndexes = new Map<SearchKind, KindSearchIndex>();
  private irrIndex: PrefixIndex | null = null;
  /** ASNs of records and of ports as decimal text, sorted, for "ASN starts with" while typing. */
  private asnTexts: string[] | null = null;
  // Per ASN, the IXPs and facilities it is at and the record that names it: asked for every
  // candidate of every peers list, so kept until the rows they are made of change.
  private readonly ixIdsOfAsnCache = new Map<number, Set<number>>();
  private readonly facIdsOfAsnCache = new Map<number, Set<number>>();
  private readonly holderCache = new Map<number, Net | null>();
  private readonly memberNetCache = new Map<number, MemberNet>();
  private readonly foldedNamesCache = new Map<number, string>();
  // Per IXP and facility, the ASNs there: member counts and contact lists.
  private readonly asnsAtIxCache = new Map<number, Set<number>>();
  private readonly asnsAtFacCache = new Map<number, Set<number>>();

  netSection!: NetSection;
  ixByOrg!: Map<number, Ix[]>;
  facByOrg!: Map<number, Fac[]>;
  connections!: ConnectionSection;
  netFacs!: NetFacSection;
  ixFacs!: IxFacSection;
  ixlansByIx!: Map<number, IxLan[]>;
  prefixes!: PrefixSection;
  pocsByNet!: Map<number, Poc[]>;

  constructor(readonly copy: LocalCopy) {}

  /** Brings the sections up to date with the copy; cheap when nothing changed. */
  refresh(): this {
    if (this.builtVersion === this.copy.version) return this;
    const builders: Record<SectionName, () => void> = {
      net: () => {
        this.netSection = this.buildNetSection();
        this.foldedNamesCache.clear();
        this.searchIndexes.delete('net');
        this.irrIndex = null;
        this.asnTexts = null;
        this.facIdsOfAsnCache.clear();
        this.asnsAtFacCache.clear();
        this.holderCache.clear();
        this.memberNetCache.clear();
      },
      ix: () => {
        this.ixByOrg = this.groupBy(this.copy.rows.ix.values(), (ix) => ix.org_id);
        this.searchIndexes.delete('ix');
        this.ixIdsOfAsnCache.clear();
      },
      fac: () => {
        this.facByOrg = this.groupBy(this.copy.rows.fac.values(), (fac) => fac.org_id);
        this.searchIndexes.delete('fac');
        this.facIdsOfAsnCache.clear();
      },
      org: () => this.searchIndexes.delete('org'),
      netixlan: () => {
        this.connections = this.buildConnectionSection();
        // Port ASNs are searchable, and ports tie ASNs to records and so to facilities.
        this.asnTexts = null;
        this.ixIdsOfAsnCache.clear();
        this.asnsAtIxCache.clear();
        this.facIdsOfAsnCache.clear();
        this.asnsAtFacCache.clear();
        this.holderCache.clear();
        this.memberNetCache.clear();
      },
      netfac: () => {
        this.facIdsOfAsnCache.clear();
        this.asnsAtFacCache.clear();
        const rows = this.copy.rows.netfac;
        this.netFacs = {
          byFac: this.groupBy(rows.values(), (row) => row.fac_id),
          byNet: this.groupBy(rows.values(), (row) => row.net_id),
          byLocalAsn: null,
        };
      },
      ixfac: () => {
        const rows = this.copy.rows.ixfac;
        this.ixFacs = {
          byIx: this.groupBy(rows.values(), (row) => row.ix_id),
          byFac: this.groupBy(rows.values(), (row) => row.fac_id),
        };
      },
      ixlan: () => (this.ixlansByIx = this.groupBy(this.copy.rows.ixlan.values(), (row) => row.ix_id)),
      ixpfx: () => (this.prefixes = this.buildPrefixSection()),
      poc: () => (this.pocsByNet = this.groupBy(this.copy.rows.poc.values(), (row) => row.net_id)),
    };
    for (const [section, build] of Object.entries(builders) as [SectionName, () => void][]) {
      if (this.tracker.changed(this.copy, section satisfies PdbType)) build();
    }
    this.builtVersion = this.copy.version;
    return this;
  }

  private groupBy<R>(rows: Iterable<R>, key: (row: R) => number): Map<number, R[]> {
    const map = new Map<number, R[]>();
    for (const row of rows) pushTo(map, key(row), row);
    return map;
  }

  private buildNetSection(): NetSection {
    const section: NetSection = { byAsn: new Map(), byOrg: new Map(), filterValues: null };
    for (const net of this.copy.rows.net.values()) {
      if (isAsn(net.asn)) section.byAsn.set(net.asn, net);
      pushTo(section.byOrg, net.org_id, net);
    }
    return section;
  }

  netFilterValues(): NetFilterValues {
    if (!this.netSection.filterValues) {
      const values: NetFilterValues = { policies: new Set(), scopes: new Set(), ratios: new Set(), infoTypes: new Set() };
      const addText = (set: Set<string>, value: unknown) => {
        const text = textOf(value);
        if (text) set.add(text);
      };
      for (const net of this.copy.rows.net.values()) {
        addText(values.policies, net.policy_general);
        addText(values.scopes, net.info_scope);
        addText(values.ratios, net.info_ratio);
        for (const type of textsOf(net.info_types)) values.infoTypes.add(type);
        addText(values.infoTypes, net.info_type);
      }
      this.netSection.filterValues = values;
    }
    return this.netSection.filterValues;
  }

  /** The IRR as-set names of the records, by record id, for search. */
  irrSearch(): PrefixIndex {
    if (!this.irrIndex) {
      const irr = new PrefixIndexBuilder();
      for (const net of this.copy.rows.net.values()) {
        const irrAsSet = textOf(net.irr_as_set);
        if (irrAsSet) irr.add(net.id, irrNamesOf(irrAsSet));
      }
      this.irrIndex = irr.build();
    }
    return this.irrIndex;
  }

  /** Every ASN of a record or a port as decimal text, sorted, for search. */
  asnTextsSorted(): string[] {
    if (!this.asnTexts) {
      const asns = new Set<number>(this.netSection.byAsn.keys());
      for (const asn of this.connections.byAsn.keys()) asns.add(asn);
      this.asnTexts = Array.from(asns, String).sort();
    }
    return this.asnTexts;
  }

  private buildConnectionSection(): ConnectionSection {
    const section: ConnectionSection = { byIx: new Map(), byNet: new Map(), byAsn: new Map(), byIp: null };
    for (const row of this.copy.rows.netixlan.values()) {
      pushTo(section.byIx, row.ix_id, row);
      pushTo(section.byNet, row.net_id, row);
      if (isAsn(row.asn)) pushTo(section.byAsn, row.asn, row);
    }
    return section;
  }

  /** The connections holding an IP (any spelling), including those with missing parents. */
  connectionsWithIp(ip: string): NetIxLan[] {
    const canonical = canonicalIp(ip);
    if (!canonical) return [];
    if (!this.connections.byIp) {
      const byIp = new Map<string, NetIxLan[]>();
      for (const row of this.copy.rows.netixlan.values()) {
        const v4 = canonicalIp(row.ipaddr4);
        const v6 = canonicalIp(row.ipaddr6);
        if (v4) pushTo(byIp, v4, row);
        if (v6) pushTo(byIp, v6, row);
      }
      this.connections.byIp = byIp;
    }
    return this.connections.byIp.get(canonical) ?? [];
  }

  private buildPrefixSection(): PrefixSection {
    return { byIxlan: this.groupBy(this.copy.rows.ixpfx.values(), (pfx) => pfx.ixlan_id), parsed: null };
  }

  /** The IX LAN prefixes of one address family, parsed, for containment tests. */
  prefixesOfFamily(family: 4 | 6): IndexedPrefix[] {
    if (!this.prefixes.parsed) {
      const parsedPrefixes: { v4: IndexedPrefix[]; v6: IndexedPrefix[] } = { v4: [], v6: [] };
      for (const pfx of this.copy.rows.ixpfx.values()) {
        const parsed = parsePrefix(pfx.prefix);
        if (parsed) (parsed.family === 4 ? parsedPrefixes.v4 : parsedPrefixes.v6).push({ pfx, parsed });
      }
      this.prefixes.parsed = parsedPrefixes;
    }
    return family === 4 ? this.prefixes.parsed.v4 : this.prefixes.parsed.v6;
  }

  // ---- Live lookups: rows whose parents are in the copy.

  net(id: number): Net | undefined {
    return this.copy.rows.net.get(id);
  }

  ix(id: number): Ix | undefined {
    return this.copy.rows.ix.get(id);
  }

  fac(id: number): Fac | undefined {
    return this.copy.rows.fac.get(id);
  }

  org(id: number): Org | undefined {
    return this.copy.rows.org.get(id);
  }

  /** The network record whose own ASN this is. */
  netByAsn(asn: number): Net | undefined {
    return this.netSection.byAsn.get(asn);
  }

  /** A network record's connections at IXPs the copy holds, whatever ASN each port carries. */
  connectionsOfNet(netId: number): NetIxLan[] {
    const rows = this.connections.byNet.get(netId);
    return rows ? rows.filter((row) => this.copy.rows.ix.has(row.ix_id)) : [];
  }

  /** A network record's presences at facilities the copy holds. */
  facsOfNet(netId: number): NetFac[] {
    const rows = this.netFacs.byNet.get(netId);
    return rows ? rows.filter((row) => this.copy.rows.fac.has(row.fac_id)) : [];
  }

  // ---- By ASN: what peering sees. An ASN is at an IXP where a port carries it; it is at the
  // facilities of the records behind it; it is named by its own record, else by the record of
  // its ports, else by nothing (the copy lacks the record: shown by ASN, marked as missing).

  /** The ports carrying an ASN at IXPs the copy holds. */
  portsOfAsn(asn: number): NetIxLan[] {
    const rows = this.connections.byAsn.get(asn);
    return rows ? rows.filter((row) => this.copy.rows.ix.has(row.ix_id)) : [];
  }

  /** Ids of the IXPs (in the copy) where a port carries this ASN. Shared: do not modify. */
  ixIdsOfAsn(asn: number): ReadonlySet<number> {
    let ids = this.ixIdsOfAsnCache.get(asn);
    if (!ids) {
      ids = new Set<number>();
      for (const row of this.connections.byAsn.get(asn) ?? []) {
        if (this.copy.rows.ix.has(row.ix_id)) ids.add(row.ix_id);
      }
      this.ixIdsOfAsnCache.set(asn, ids);
    }
    return ids;
  }

  /** The ASNs carried by ports at an IXP, whether or not the copy holds their records. Shared: do not modify. */
  asnsAtIx(ixId: number): ReadonlySet<number> {
    let asns = this.asnsAtIxCache.get(ixId);
    if (!asns) {
      asns = new Set<number>();
      for (const row of this.connections.byIx.get(ixId) ?? []) if (isAsn(row.asn)) asns.add(row.asn);
      this.asnsAtIxCache.set(ixId, asns);
    }
    return asns;
  }

  /** The ASNs a network record's ports carry, its own first, then the others in order. */
  asnsOfNet(net: Net): number[] {
    const others = new Set<number>();
    for (const row of this.connections.byNet.get(net.id) ?? []) if (isAsn(row.asn) && row.asn !== net.asn) others.add(row.asn);
    return [net.asn, ...[...others].sort((a, b) => a - b)];
  }

  /**
   * The record that names an ASN: the one whose own ASN it is, else the record holding most of
   * the ports that carry it (lowest id on a tie); undefined when the copy holds neither.
   */
  holderOfAsn(asn: number): Net | undefined {
    let holder = this.holderCache.get(asn);
    if (holder === undefined) {
      holder = this.netSection.byAsn.get(asn) ?? null;
      if (!holder) {
        const portsPerNet = new Map<number, number>();
        for (const row of this.connections.byAsn.get(asn) ?? []) {
          if (this.copy.rows.net.has(row.net_id)) portsPerNet.set(row.net_id, (portsPerNet.get(row.net_id) ?? 0) + 1);
        }
        let best = -1;
        for (const [netId, ports] of portsPerNet) {
          const bestPorts = portsPerNet.get(best) ?? 0;
          if (ports > bestPorts || (ports === bestPorts && netId < best)) best = netId;
        }
        holder = this.copy.rows.net.get(best) ?? null;
      }
      this.holderCache.set(asn, holder);
    }
    return holder ?? undefined;
  }

  /**
   * What a member row shows of an ASN, from the record that names it. Made once per ASN and
   * shared by every answer until records or ports change: peer lists run to 20,000 rows.
   * Shared: do not modify.
   */
  memberNetOf(asn: number): MemberNet {
    let member = this.memberNetCache.get(asn);
    if (!member) {
      const holder = this.holderOfAsn(asn);
      member = holder
        ? {
            asn,
            netId: holder.id,
            name: textOf(holder.name),
            recordAsn: holder.asn === asn ? null : holder.asn,
            policyGeneral: textOf(holder.policy_general) as MemberNet['policyGeneral'],
            infoTypes: infoTypesOf(holder) as MemberNet['infoTypes'],
            traffic: textOf(holder.info_traffic),
          }
        : { asn, netId: null, name: `AS${asn}`, recordAsn: null, policyGeneral: '', infoTypes: [], traffic: '' };
      this.memberNetCache.set(asn, member);
    }
    return member;
  }

  /** A record's name and aka, folded for "contains" filters, one per line. */
  foldedNamesOf(net: Net): string {
    let folded = this.foldedNamesCache.get(net.id);
    if (folded === undefined) {
      folded = `${foldText(textOf(net.name))}\n${foldText(textOf(net.aka))}`;
      this.foldedNamesCache.set(net.id, folded);
    }
    return folded;
  }

  /** Presences (at facilities in the copy) of the records behind an ASN. */
  presencesOfAsn(asn: number): NetFac[] {
    const recordIds = new Set<number>();
    const own = this.netSection.byAsn.get(asn);
    if (own) recordIds.add(own.id);
    for (const row of this.connections.byAsn.get(asn) ?? []) recordIds.add(row.net_id);
    const presences: NetFac[] = [];
    const facs = this.copy.rows.fac;
    for (const netId of recordIds) {
      for (const row of this.netFacs.byNet.get(netId) ?? []) if (facs.has(row.fac_id)) presences.push(row);
    }
    // A presence whose record the copy lacks is placed by the ASN it names.
    this.netFacs.byLocalAsn ??= this.groupBy(this.copy.rows.netfac.values(), (row) => row.local_asn);
    for (const row of this.netFacs.byLocalAsn.get(asn) ?? []) {
      if (!this.copy.rows.net.has(row.net_id) && !recordIds.has(row.net_id) && facs.has(row.fac_id)) presences.push(row);
    }
    return presences;
  }

  /** Ids of the facilities (in the copy) an ASN is at. Shared: do not modify. */
  facIdsOfAsn(asn: number): ReadonlySet<number> {
    let ids = this.facIdsOfAsnCache.get(asn);
    if (!ids) {
      ids = new Set(this.presencesOfAsn(asn).map((row) => row.fac_id));
      this.facIdsOfAsnCache.set(asn, ids);
    }
    return ids;
  }

  /** The ASNs at a facility: facIdsOfAsn read backwards. Shared: do not modify. */
  asnsAtFac(facId: number): ReadonlySet<number> {
    if (!this.copy.rows.fac.has(facId)) return EMPTY_SET;
    let asns = this.asnsAtFacCache.get(facId);
    if (!asns) {
      asns = new Set<number>();
      for (const row of this.netFacs.byFac.get(facId) ?? []) {
        const record = this.copy.rows.net.get(row.net_id);
        const named = record ? record.asn : row.local_asn;
        if (isAsn(named)) asns.add(named);
        for (const port of this.connections.byNet.get(row.net_id) ?? []) if (isAsn(port.asn)) asns.add(port.asn);
      }
      this.asnsAtFacCache.set(facId, asns);
    }
    return asns;
  }

  /** True when the copy knows the ASN at all: a record, a port or a presence names it. */
  knowsAsn(asn: number): boolean {
    return this.netSection.byAsn.has(asn) || this.connections.byAsn.has(asn) || this.presencesOfAsn(asn).length > 0;
  }

  /** How many IXPs and facilities a record is at, counted in the copy (older rows lack the counters). */
  placeCountOfNet(netId: number): number {
    const ixIds = new Set<number>();
    for (const row of this.connections.byNet.get(netId) ?? []) ixIds.add(row.ix_id);
    return ixIds.size + (this.netFacs.byNet.get(netId)?.length ?? 0);
  }

  warmUpPending = false;
  lastActivityAt = 0;

  /** True when every search structure is built. */
  get searchReady(): boolean {
    return this.searchIndexes.size === SEARCH_KINDS.length && this.irrIndex !== null && this.asnTexts !== null;
  }

  /** Builds one missing search structure; true when more remain. */
  warmUpStep(): boolean {
    this.refresh();
    const missing = SEARCH_KINDS.find((kind) => !this.searchIndexes.has(kind));
    if (missing) this.searchIndexOf(missing);
    else if (!this.irrIndex) this.irrSearch();
    else if (!this.asnTexts) this.asnTextsSorted();
    else return false;
    return true;
  }

  /**
   * The name index of one kind, built on first use after its rows changed. Popularity ranks
   * equal matches: the row's own counters, or counts from the copy where a row lacks them.
   */
  searchIndexOf(kind: SearchKind): KindSearchIndex {
    let index = this.searchIndexes.get(kind);
    if (!index) {
      const rows = this.copy.rows;
      const counted = (value: unknown, fromCopy: () => number) => (amountOf(value, -1) >= 0 ? amountOf(value) : fromCopy());
      if (kind === 'net') {
        index = buildKindSearch(rows.net.values(), (net) =>
          typeof net.ix_count === 'number' && typeof net.fac_count === 'number'
            ? amountOf(net.ix_count) + amountOf(net.fac_count)
            : this.placeCountOfNet(net.id),
        );
      } else if (kind === 'ix') index = buildKindSearch(rows.ix.values(), (ix) => counted(ix.net_count, () => this.asnsAtIx(ix.id).size));
      else if (kind === 'fac') {
        index = buildKindSearch(rows.fac.values(), (fac) => counted(fac.net_count, () => this.netFacs.byFac.get(fac.id)?.length ?? 0));
      } else index = buildKindSearch(rows.org.values(), () => 0);
      this.searchIndexes.set(kind, index);
    }
    return index;
  }
}

const WARM_UP_DELAY_MS = 250;
const SEARCH_KINDS: readonly SearchKind[] = ['net', 'ix', 'fac', 'org'];

/**
 * Builds the search structures in the background, one kind per task, once the worker has had
 * nothing to do for a moment: the first keystroke then finds them ready, and no query waits
 * behind more than one short task. Each query and each change of the copy (a sync running)
 * pushes the moment back.
 */
export function warmUpSearchSoon(index: DiscoveryIndex): void {
  index.lastActivityAt = Date.now();
  if (index.warmUpPending) return;
  index.warmUpPending = true;
  let versionSeen = index.copy.version;
  const tick = () => {
    if (index.copy.version !== versionSeen) {
      versionSeen = index.copy.version;
      index.lastActivityAt = Date.now();
    }
    const idleFor = Date.now() - index.lastActivityAt;
    if (idleFor < WARM_UP_DELAY_MS) {
      setTimeout(tick, WARM_UP_DELAY_MS - idleFor);
      return;
    }
    if (index.warmUpStep()) setTimeout(tick, 0);
    else index.warmUpPending = false;
  };
  setTimeout(tick, WARM_UP_DELAY_MS);
}

const indexes = new WeakMap<LocalCopy, DiscoveryIndex>();

/** The index of this copy, up to date; the worker keeps one per copy for its lifetime. */
export function getDiscoveryIndex(copy: LocalCopy): DiscoveryIndex {
  let index = indexes.get(copy);
  if (!index) {
    index = new DiscoveryIndex(copy);
    indexes.set(copy, index);
  }
  return index.refresh();
}

/**
 * The indexes every discovery answer is read from, derived from the store worker's LocalCopy.
 * Built on the first query and refreshed when copy.version moves; each section is rebuilt only
 * when a type it is made from changed, so a sync of contacts leaves the name index alone.
 *
 * Rows whose parent the copy lacks (a partial copy can point at parents it does not hold) stay
 * in these maps; answers skip them through the live* helpers.
 */
import type { Fac, Ix, IxFac, IxLan, IxPfx, Net, NetFac, NetIxLan, Org, PdbType, Poc } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { TypeChangeTracker } from './type-versions';
import { canonicalIp, parsePrefix, type ParsedPrefix } from './ip';
import { PrefixIndex, PrefixIndexBuilder } from './prefix-index';
import { foldText, squash, wordsOf } from './text';
import type { SearchKind } from '../../protocol/discovery';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexedPrefix {
  pfx: IxPfx;
  parsed: ParsedPrefix;
}

/** Per searchable kind: words of the name, words of the other names, and what ranking needs. */
export interface KindSearchIndex {
  names: PrefixIndex;
  otherNames: PrefixIndex;
  folded: Map<number, string>;
  squashed: Map<number, string>;
  popularity: Map<number, number>;
  /** Squashed names sorted, with their ids: answers a one-letter query by name start. */
  startKeys: string[];
  startIds: Int32Array;
  /** Scratch space for one query: per id, how many query words matched so far. */
  wordsMatched: Int32Array;
  nameWordsMatched: Int32Array;
}

interface NamedRow {
  id: number;
  name: string;
  aka?: string | null;
  name_long?: string | null;
  city?: string;
}

function buildKindSearch<R extends NamedRow>(rows: Iterable<R>, popularity: (row: R) => number): KindSearchIndex {
  const names = new PrefixIndexBuilder();
  const others = new PrefixIndexBuilder();
  const index = {
    folded: new Map<number, string>(),
    squashed: new Map<number, string>(),
    popularity: new Map<number, number>(),
  };
  let maxId = 0;
  for (const row of rows) {
    if (row.id > maxId) maxId = row.id;
    const folded = foldText(row.name);
    const words = wordsOf(folded);
    const squashed = squash(folded);
    // The squashed name is a word too, so "decix" reaches "DE-CIX Frankfurt".
    if (words.length > 1) words.push(squashed);
    names.add(row.id, words);
    const otherText = [row.aka, row.name_long, row.city].filter(Boolean).join(' ');
    if (otherText) {
      const otherFolded = foldText(otherText);
      others.add(row.id, wordsOf(otherFolded));
      if (row.aka) others.add(row.id, [squash(foldText(row.aka))]);
    }
    index.folded.set(row.id, folded);
    index.squashed.set(row.id, squashed);
    index.popularity.set(row.id, popularity(row));
  }
  const byStart = Array.from(index.squashed, ([id, key]) => ({ id, key })).sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  return {
    ...index,
    startKeys: byStart.map((entry) => entry.key),
    startIds: Int32Array.from(byStart, (entry) => entry.id),
    names: names.build(),
    otherNames: others.build(),
    wordsMatched: new Int32Array(maxId + 1),
    nameWordsMatched: new Int32Array(maxId + 1),
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
  /** Distinct values for the filter menus. */
  scopes: Set<string>;
  ratios: Set<string>;
  infoTypes: Set<string>;
}

interface ConnectionSection {
  byIx: Map<number, NetIxLan[]>;
  byNet: Map<number, NetIxLan[]>;
  /** Canonical IP → connections; built on the first IP search, as parsing every IP costs. */
  byIp: Map<string, NetIxLan[]> | null;
}

interface NetFacSection {
  byFac: Map<number, NetFac[]>;
  byNet: Map<number, NetFac[]>;
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

/** What only search needs: built on the first search after its types changed. */
interface NetSearchExtras {
  irr: PrefixIndex;
  /** ASNs as decimal text, sorted, for "ASN starts with" while typing. */
  asnTexts: string[];
}

type SectionName = 'net' | 'ix' | 'fac' | 'org' | 'netixlan' | 'netfac' | 'ixfac' | 'ixlan' | 'ixpfx' | 'poc';

export class DiscoveryIndex {
  private readonly tracker = new TypeChangeTracker();
  private builtVersion = -1;
  // Search structures cost most to build and only the search box needs them, so they wait
  // for the first search; a sync that changes names drops them for the next search to rebuild.
  private readonly searchIndexes = new Map<SearchKind, KindSearchIndex>();
  private netSearchExtras: NetSearchExtras | null = null;
  // Per network, the IXPs and facilities it is at: asked for every candidate of every peers
  // list, so kept until connections, presences or the places themselves change.
  private readonly ixIdsCache = new Map<number, Set<number>>();
  private readonly facIdsCache = new Map<number, Set<number>>();
  // Per IXP, the networks connected there: member counts and contact lists of an exchange.
  private readonly netIdsAtIxCache = new Map<number, Set<number>>();

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
        this.searchIndexes.delete('net');
        this.netSearchExtras = null;
      },
      ix: () => {
        this.ixByOrg = this.groupBy(this.copy.rows.ix.values(), (ix) => ix.org_id);
        this.searchIndexes.delete('ix');
        this.ixIdsCache.clear();
      },
      fac: () => {
        this.facByOrg = this.groupBy(this.copy.rows.fac.values(), (fac) => fac.org_id);
        this.searchIndexes.delete('fac');
        this.facIdsCache.clear();
      },
      org: () => this.searchIndexes.delete('org'),
      netixlan: () => {
        this.connections = this.buildConnectionSection();
        this.ixIdsCache.clear();
        this.netIdsAtIxCache.clear();
      },
      netfac: () => {
        this.facIdsCache.clear();
        const rows = this.copy.rows.netfac;
        this.netFacs = {
          byFac: this.groupBy(rows.values(), (row) => row.fac_id),
          byNet: this.groupBy(rows.values(), (row) => row.net_id),
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
    const byAsn = new Map<number, Net>();
    const byOrg = new Map<number, Net[]>();
    const scopes = new Set<string>();
    const ratios = new Set<string>();
    const infoTypes = new Set<string>();
    for (const net of this.copy.rows.net.values()) {
      byAsn.set(net.asn, net);
      if (net.info_scope) scopes.add(net.info_scope);
      if (net.info_ratio) ratios.add(net.info_ratio);
      for (const type of net.info_types ?? []) if (type) infoTypes.add(type);
      if (net.info_type) infoTypes.add(net.info_type);
      pushTo(byOrg, net.org_id, net);
    }
    return { byAsn, byOrg, scopes, ratios, infoTypes };
  }

  /** The IRR as-set index and the sorted ASNs, for search. */
  netSearch(): NetSearchExtras {
    if (!this.netSearchExtras) {
      const irr = new PrefixIndexBuilder();
      for (const net of this.copy.rows.net.values()) {
        if (net.irr_as_set) irr.add(net.id, irrNamesOf(net.irr_as_set));
      }
      this.netSearchExtras = { irr: irr.build(), asnTexts: Array.from(this.netSection.byAsn.keys(), String).sort() };
    }
    return this.netSearchExtras;
  }

  private buildConnectionSection(): ConnectionSection {
    const section: ConnectionSection = { byIx: new Map(), byNet: new Map(), byIp: null };
    for (const row of this.copy.rows.netixlan.values()) {
      pushTo(section.byIx, row.ix_id, row);
      pushTo(section.byNet, row.net_id, row);
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

  netByAsn(asn: number): Net | undefined {
    return this.netSection.byAsn.get(asn);
  }

  /** A network's connections at IXPs the copy holds. */
  connectionsOfNet(netId: number): NetIxLan[] {
    const rows = this.connections.byNet.get(netId);
    return rows ? rows.filter((row) => this.copy.rows.ix.has(row.ix_id)) : [];
  }

  /** An IXP's connections of networks the copy holds. */
  connectionsAtIx(ixId: number): NetIxLan[] {
    const rows = this.connections.byIx.get(ixId);
    return rows ? rows.filter((row) => this.copy.rows.net.has(row.net_id)) : [];
  }

  /** A network's presences at facilities the copy holds. */
  facsOfNet(netId: number): NetFac[] {
    const rows = this.netFacs.byNet.get(netId);
    return rows ? rows.filter((row) => this.copy.rows.fac.has(row.fac_id)) : [];
  }

  /** A facility's presences of networks the copy holds. */
  netsAtFac(facId: number): NetFac[] {
    const rows = this.netFacs.byFac.get(facId);
    return rows ? rows.filter((row) => this.copy.rows.net.has(row.net_id)) : [];
  }

  /** Ids of the IXPs a network is connected at (live only). Shared: do not modify. */
  ixIdsOfNet(netId: number): ReadonlySet<number> {
    let ids = this.ixIdsCache.get(netId);
    if (!ids) {
      ids = new Set<number>();
      for (const row of this.connections.byNet.get(netId) ?? []) {
        if (this.copy.rows.ix.has(row.ix_id)) ids.add(row.ix_id);
      }
      this.ixIdsCache.set(netId, ids);
    }
    return ids;
  }

  /** Ids of the networks connected at an IXP, whether or not the copy holds them. Shared: do not modify. */
  netIdsAtIx(ixId: number): ReadonlySet<number> {
    let ids = this.netIdsAtIxCache.get(ixId);
    if (!ids) {
      ids = new Set<number>();
      for (const row of this.connections.byIx.get(ixId) ?? []) ids.add(row.net_id);
      this.netIdsAtIxCache.set(ixId, ids);
    }
    return ids;
  }

  /** Ids of the facilities a network is present at (live only). Shared: do not modify. */
  facIdsOfNet(netId: number): ReadonlySet<number> {
    let ids = this.facIdsCache.get(netId);
    if (!ids) {
      ids = new Set<number>();
      for (const row of this.netFacs.byNet.get(netId) ?? []) {
        if (this.copy.rows.fac.has(row.fac_id)) ids.add(row.fac_id);
      }
      this.facIdsCache.set(netId, ids);
    }
    return ids;
  }

  warmUpPending = false;
  lastActivityAt = 0;

  /** True when every search structure is built. */
  get searchReady(): boolean {
    return this.searchIndexes.size === SEARCH_KINDS.length && this.netSearchExtras !== null;
  }

  /** Builds one missing search structure; true when more remain. */
  warmUpStep(): boolean {
    this.refresh();
    const missing = SEARCH_KINDS.find((kind) => !this.searchIndexes.has(kind));
    if (missing) this.searchIndexOf(missing);
    else if (!this.netSearchExtras) this.netSearch();
    else return false;
    return true;
  }

  /** The name index of one kind, built on first use after its rows changed. */
  searchIndexOf(kind: SearchKind): KindSearchIndex {
    let index = this.searchIndexes.get(kind);
    if (!index) {
      const rows = this.copy.rows;
      if (kind === 'net') index = buildKindSearch(rows.net.values(), (net) => net.ix_count + net.fac_count);
      else if (kind === 'ix') index = buildKindSearch(rows.ix.values(), (ix) => ix.net_count);
      else if (kind === 'fac') index = buildKindSearch(rows.fac.values(), (fac) => fac.net_count);
      else index = buildKindSearch(rows.org.values(), () => 0);
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

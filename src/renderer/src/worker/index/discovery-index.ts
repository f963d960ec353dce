/**
 * The indexes every discovery answer is read from, derived from the store worker's LocalCopy.
 * Each structure is made of a few PeeringDB types and is rebuilt only when one of them changed,
 * so a sync of contacts leaves the name index alone.
 *
 * Building over a full copy takes a few hundred milliseconds, so it is done in slices (see
 * ../cooperative.ts): a query waits for what it needs (`whenReady`) while the worker stays free
 * for other messages, and everything else is built in the background (`warmUp`) so the first
 * question finds it ready. A sync changes the copy one type after the other, so the background
 * build does not wait for the sync's end: a structure is built once the sync is done with the
 * types it reads (see QUIET_MS), and a search right after a first load waits only for what
 * the last types changed. Each structure reads the rows of its types as of one moment (TypeSnapshots),
 * so a sync changing the copy between two slices never leaves it half old and half new.
 *
 * Rows whose parent the copy lacks (a partial copy can point at parents it does not hold) stay
 * in these maps. Answers about places skip them; answers about peering keep a port whose
 * network record is missing, as its ASN is all a session needs.
 */
import { PDB_TYPES, type Fac, type Ix, type IxFac, type IxLan, type IxPfx, type Net, type NetFac, type NetIxLan, type Org, type PdbType, type Poc } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';
import { inNextTask, inSteps, runFor, runToEnd, SLICE_MS, type SlicePriority } from '../cooperative';
import { canonicalIp, parsePrefix, type ParsedPrefix } from './ip';
import { buildNameSearch, prepareNameSearch, type NameSearchIndex } from './name-search';
import { buildPeeringSection, type PeeringSection } from './peering';
import { buildMemberColumns, memberNetFromColumns, unnamedMemberNet, type MemberColumns } from './member-columns';
import { PrefixIndex, PrefixIndexBuilder } from './prefix-index';
import { foldText } from './text';
import { amountOf, isAsn, textOf, textsOf } from './row-values';
import { TypeSnapshots, type Stamps } from './type-versions';
import type { MemberNet, SearchKind } from '../../protocol/discovery';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups rows by a key, yielding now and then. */
function* groupBy<R, K>(rows: readonly R[], key: (row: R) => K): Generator<void, Map<K, R[]>, void> {
  const map = new Map<K, R[]>();
  yield* inSteps(rows.length, (from, to) => {
    for (let i = from; i < to; i++) pushTo(map, key(rows[i]!), rows[i]!);
  });
  return map;
}

export interface IndexedPrefix {
  pfx: IxPfx;
  parsed: ParsedPrefix;
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
  /** Per record, its name and aka folded for "contains" filters: made on first use. */
  foldedNames: Map<number, string>;
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
}

interface NetFacSection {
  byFac: Map<number, NetFac[]>;
  byNet: Map<number, NetFac[]>;
  /** By local_asn: what places a presence whose network record the copy lacks. */
  byLocalAsn: Map<unknown, NetFac[]>;
}

interface IxFacSection {
  byIx: Map<number, IxFac[]>;
  byFac: Map<number, IxFac[]>;
}

/** The structures of the index; each is built from the rows of its `inputs` types. */
type StructureName =
  | 'nets'
  | 'ixByOrg'
  | 'facByOrg'
  | 'connections'
  | 'netFacs'
  | 'ixFacs'
  | 'ixlans'
  | 'prefixes'
  | 'pocs'
  | 'peering'
  | 'names:net'
  | 'names:ix'
  | 'names:fac'
  | 'names:org'
  | 'words:net'
  | 'words:ix'
  | 'words:fac'
  | 'words:org'
  | 'irr'
  | 'asnTexts'
  | 'ips'
  | 'parsedPrefixes';

const INPUTS: Record<StructureName, readonly PdbType[]> = {
  nets: ['net'],
  ixByOrg: ['ix'],
  facByOrg: ['fac'],
  connections: ['netixlan'],
  netFacs: ['netfac'],
  ixFacs: ['ixfac'],
  ixlans: ['ixlan'],
  prefixes: ['ixpfx'],
  pocs: ['poc'],
  peering: ['net', 'ix', 'fac', 'netixlan', 'netfac'],
  'names:net': ['net'],
  'names:ix': ['ix'],
  'names:fac': ['fac'],
  'names:org': ['org'],
  'words:net': ['net'],
  'words:ix': ['ix'],
  'words:fac': ['fac'],
  'words:org': ['org'],
  irr: ['net'],
  asnTexts: ['net', 'netixlan'],
  ips: ['netixlan'],
  parsedPrefixes: ['ixpfx'],
};

const INDEXED_TYPES: readonly PdbType[] = ['net', 'ix', 'fac', 'org', 'netixlan', 'netfac', 'ixfac', 'ixlan', 'ixpfx', 'poc'];

/** What a question needs of the index: the discovery sections, search, or IP addresses and prefixes. */
export type IndexPart = 'discovery' | 'search' | 'addresses';

/**
 * In the order they are built: a structure only reads those before it. The peering section
 * comes early, as a discovery question after a sync waits for it; the ASN texts come before it,
 * as they need only what a first load has finished with by its last page of ports, so a
 * keystroke at the end of a load finds them built. A question that needs other structures sets
 * a build under way aside (see `parked`).
 */
const BUILD_ORDER: readonly StructureName[] = [
  'nets', 'ixByOrg', 'facByOrg', 'connections', 'netFacs', 'asnTexts',
  'ixFacs', 'ixlans', 'prefixes', 'pocs', 'peering',
  'names:net', 'names:ix', 'names:fac', 'names:org', 'irr',
  'words:net', 'words:ix', 'words:fac', 'words:org',
  'ips', 'parsedPrefixes',
];

/**
 * What each kind of question reads. Search ranks by what the copy counts (places of a network,
 * members of an IXP), so it reads the ports and presences those counts come from, but not the
 * peering section (the longest to build), contacts or LANs: a search right after a load need
 * not wait for them.
 */
const PARTS: Record<IndexPart, ReadonlySet<StructureName>> = {
  discovery: new Set(['nets', 'ixByOrg', 'facByOrg', 'connections', 'netFacs', 'ixFacs', 'ixlans', 'prefixes', 'pocs', 'peering']),
  search: new Set(['nets', 'connections', 'netFacs', 'names:net', 'names:ix', 'names:fac', 'names:org', 'irr', 'asnTexts']),
  addresses: new Set(['ips', 'parsedPrefixes']),
};

/** A build under way: the stamps of its inputs when it began, and its work, which ends by returning how to put it in place. */
interface Job {
  name: StructureName;
  from: Stamps;
  work: Generator<void, () => void, void>;
}

interface Waiter {
  needs: readonly StructureName[];
  /** Per need, the stamps it must be built from at least. */
  required: Map<StructureName, Stamps>;
  resolve: () => void;
}

/**
 * A background build waits until each type it reads is done with: a type replaced with a full
 * list is done with at once; otherwise, as a sync fetches types in PDB_TYPES order, a type is
 * done with once a later type changed after it (in a sync that has run LONG_SYNC_MS), and
 * otherwise once it has been still this long. Pages of one type can come seconds apart
 * (PeeringDB's own pacing), so a shorter wait would rebuild a structure after each of them.
 */
const QUIET_MS = 1000;

/** While a sync runs, how often the index looks at what it changed (a look compares every row's identity). */
const LOOK_MS = 200;

/**
 * A sync shorter than this (a resync) is over before building behind it would help, and the
 * build would only slow it: until a sync has run this long, the index waits for its end, or
 * for a type's full list to be swapped in (see warmUp).
 */
const LONG_SYNC_MS = 1500;

/** Each indexed type's place in the order a sync fetches them. */
const SYNC_PLACE = new Map<PdbType, number>(PDB_TYPES.map((type, place) => [type, place]));

const EMPTY_SET: ReadonlySet<number> = new Set();

export class DiscoveryIndex {
  private readonly snapshots = new TypeSnapshots(INDEXED_TYPES);
  private readonly builtFrom = new Map<StructureName, Stamps>();
  private job: Job | null = null;
  /**
   * Background builds set aside for a question that needs other structures: the peering
   * section takes longer to build than a search needs in all, so a search arriving while it is
   * built goes first, and the build resumes where it was.
   */
  private parked: Job[] = [];
  private readonly waiters: Waiter[] = [];
  /** Those waiting until no build is under way or pending. */
  private idleWaiters: (() => void)[] = [];
  private pumping = false;
  /** The priority of the slice queued next, and its ticket: a newer ticket makes an older slice stand down. */
  private pumpPriority: SlicePriority = 'background';
  private pumpTicket = 0;
  private warming = false;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  /** When each type was last seen to change: at which look and when; absent: still since the index last looked. */
  private readonly changedAt = new Map<PdbType, { look: number; at: number }>();
  private looks = 0;
  /** When the copy began changing after it was last still (a sync's start, as the index saw it). */
  private changingSince: number | null = null;
  /** Types the sync under way replaced with a full list: it is done with them, however long it has run. */
  private readonly wholeTypes = new Set<PdbType>();

  netSection!: NetSection;
  ixByOrg!: Map<number, Ix[]>;
  facByOrg!: Map<number, Fac[]>;
  connections!: ConnectionSection;
  netFacs!: NetFacSection;
  ixFacs!: IxFacSection;
  ixlansByIx!: Map<number, IxLan[]>;
  prefixesByIxlan!: Map<number, IxPfx[]>;
  pocsByNet!: Map<number, Poc[]>;
  /** Dense per-ASN and per-IXP structures: what peer lists and comparisons read. */
  peering!: PeeringSection;
  private readonly nameSearches = new Map<SearchKind, NameSearchIndex>();
  /** Per name index, popularity counted from ports and presences for rows that lack a counter (-1: not yet). */
  private countedPopularity = new WeakMap<NameSearchIndex, Float64Array>();
  private irrIndex!: PrefixIndex;
  /** ASNs of records and of ports as decimal text, sorted, for "ASN starts with" while typing. */
  private asnTexts!: string[];
  /**
   * Canonical IP → its connection, or its connections where several share it: nearly every
   * address has one, and a list for each of 100,000 addresses weighs megabytes.
   */
  private byIp!: Map<string, NetIxLan | NetIxLan[]>;
  private parsedPrefixes!: { v4: IndexedPrefix[]; v6: IndexedPrefix[] };

  constructor(readonly copy: LocalCopy) {}

  // ---- Keeping up with the copy

  /** Brings the discovery sections up to date at once; cheap when nothing changed. */
  refresh(): this {
    this.observe();
    for (const name of PARTS.discovery) this.ensure(name);
    return this;
  }

  /** Resolves once what `parts` need is built from the copy as it is now; built in slices meanwhile. */
  whenReady(parts: readonly IndexPart[]): Promise<this> {
    this.observe();
    const wanted = BUILD_ORDER.filter((name) => parts.some((part) => PARTS[part].has(name)));
    if (wanted.every((name) => this.isFresh(name))) return Promise.resolve(this);
    return new Promise((resolve) => {
      this.waiters.push({
        needs: wanted,
        required: new Map(wanted.map((name) => [name, this.snapshots.stampsOf(INPUTS[name])])),
        resolve: () => resolve(this),
      });
      this.pump();
    });
  }

  /**
   * Builds everything in the background, in slices, each structure once the types it reads
   * are done with (a sync still changing them pushes the moment back): the first
   * search or peers list then finds it ready. A sync calls this as it commits, so what a search
   * reads of what it has finished with is built while it stores the rest (see nextToBuild).
   * `now` starts at once: the copy was just loaded, or the sync ended, and it will not change
   * meanwhile. `wholeTypes` were just replaced with a full list: the sync will not change them
   * again, so what a search reads of them is built from now on, even in a first load too short
   * for LONG_SYNC_MS.
   */
  warmUp(now = false, wholeTypes: readonly PdbType[] = []): void {
    this.warming = true;
    for (const type of wholeTypes) this.wholeTypes.add(type);
    if (now) {
      this.observe();
      this.changedAt.clear();
      this.changingSince = null;
      this.wholeTypes.clear();
      this.pump();
    } else if (this.quietTimer === null || wholeTypes.length > 0) {
      // With a timer set the index looks again when it fires: looking at every page of a sync
      // would cost more than it finds. A list swapped in whole is worth a look at once.
      this.pump();
    }
  }

  /**
   * Resolves once no build is under way or waiting for the copy to be still: background work
   * after a load or a sync would otherwise compete with the questions asked meanwhile.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return !this.pumping && this.quietTimer === null;
  }

  private stopPumping(): void {
    this.pumping = false;
    if (!this.isIdle()) return;
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiting) resolve();
  }

  /** True when every structure is built from the copy as it is. */
  get complete(): boolean {
    this.observe();
    return BUILD_ORDER.every((name) => this.isFresh(name));
  }

  /** True when what `parts` read is built from the copy as it is: such a question is answered without waiting. */
  isReadyFor(parts: readonly IndexPart[]): boolean {
    this.observe();
    return BUILD_ORDER.every((name) => !parts.some((part) => PARTS[part].has(name)) || this.isFresh(name));
  }

  /** Takes the copy's changes in, and notes when each type changed. */
  private observe(): void {
    if (!this.snapshots.isBehind(this.copy)) return;
    const before = INDEXED_TYPES.map((type) => this.snapshots.stampOf(type));
    this.snapshots.observe(this.copy);
    const change = { look: ++this.looks, at: Date.now() };
    INDEXED_TYPES.forEach((type, i) => {
      if (this.snapshots.stampOf(type) !== before[i]) this.changedAt.set(type, change);
    });
    if (this.changedAt.size === 0) this.changingSince = null;
    else this.changingSince ??= change.at;
  }

  /** How long until no type has changed for QUIET_MS; 0 or less: the copy is still, no sync is storing pages. */
  private stillIn(now: number): number {
    let stillIn = 0;
    for (const change of this.changedAt.values()) stillIn = Math.max(stillIn, change.at + QUIET_MS - now);
    return stillIn;
  }

  /** True when a type changed after `type` that a sync fetches after it: the sync is done with `type`. */
  private movedOnFrom(type: PdbType, look: number): boolean {
    const place = SYNC_PLACE.get(type)!;
    for (const [other, change] of this.changedAt) if (change.look > look && SYNC_PLACE.get(other)! > place) return true;
    return false;
  }

  /** How long until the types a structure reads are done with (see QUIET_MS); 0 or less: now. */
  private busyFor(name: StructureName, now: number): number {
    let busyFor = 0;
    const longSyncIn = this.changingSince === null ? 0 : this.changingSince + LONG_SYNC_MS - now;
    for (const type of INPUTS[name]) {
      const change = this.changedAt.get(type);
      if (change === undefined || this.wholeTypes.has(type)) continue;
      const doneWith = this.movedOnFrom(type, change.look) ? longSyncIn : change.at + QUIET_MS - now;
      busyFor = Math.max(busyFor, doneWith);
    }
    return busyFor;
  }

  private isFresh(name: StructureName): boolean {
    const from = this.builtFrom.get(name);
    return from !== undefined && INPUTS[name].every((type) => from[type] === this.snapshots.stampOf(type));
  }

  /** Builds one structure now if it is not up to date, finishing one under way first. */
  private ensure(name: StructureName): void {
    if (this.job?.name === name) {
      const job = this.job;
      this.job = null;
      this.finish(job, runToEnd(job.work));
    }
    const parked = this.takeParked(name);
    if (parked) this.finish(parked, runToEnd(parked.work));
    if (!this.isFresh(name)) {
      const job = this.startJob(name);
      this.finish(job, runToEnd(job.work));
    }
  }

  private startJob(name: StructureName): Job {
    return { name, from: this.snapshots.stampsOf(INPUTS[name]), work: this.builders[name]() };
  }

  /**
   * The parked build of `name`, if it still reads the rows its inputs hold now; parked builds
   * the copy has moved on from are dropped, as their result would be put aside anyway.
   */
  private takeParked(name: StructureName): Job | null {
    let taken: Job | null = null;
    this.parked = this.parked.filter((job) => {
      const current = INPUTS[job.name].every((type) => job.from[type] === this.snapshots.stampOf(type));
      if (current && job.name === name && !taken) taken = job;
      return current && job !== taken;
    });
    return taken;
  }

  /** True when a waiting question needs this structure. */
  private isAwaited(name: StructureName): boolean {
    return this.waiters.some((waiter) => waiter.needs.includes(name));
  }

  /** Puts a built structure in place, unless one built from newer rows already is. */
  private finish(job: Job, install: () => void): void {
    const current = this.builtFrom.get(job.name);
    if (current && INPUTS[job.name].every((type) => (current[type] ?? 0) >= (job.from[type] ?? 0))) return;
    install();
    this.builtFrom.set(job.name, job.from);
    this.settleWaiters();
  }

  private settleWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      const done = waiter.needs.every((name) => {
        const from = this.builtFrom.get(name);
        const required = waiter.required.get(name)!;
        return from !== undefined && INPUTS[name].every((type) => (from[type] ?? 0) >= (required[type] ?? 0));
      });
      if (done) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  /**
   * Makes sure a slice is coming: soon for a waiting question (see questionPriority), in the
   * background (after the worker's other work) for a warm-up. A question arriving while only a
   * background slice is queued queues one at its own priority, which the background one then
   * yields to.
   */
  private pump(): void {
    const priority: SlicePriority = this.waiters.length > 0 ? this.questionPriority() : 'background';
    if (this.pumping && (this.pumpPriority !== 'background' || priority === 'background')) return;
    this.scheduleSlice(priority);
  }

  /**
   * Once the copy is still, ahead of the worker's other work (history recording the sync that
   * just ended); while a sync changes it, in turn with the sync's pages (which wait at
   * 'background'): a screen asking again at each of them would otherwise hold the sync back for
   * as long as the index takes.
   */
  private questionPriority(): SlicePriority {
    return this.changingSince === null ? 'user-blocking' : 'background';
  }

  private scheduleSlice(priority: SlicePriority): void {
    this.pumping = true;
    this.pumpPriority = priority;
    const ticket = ++this.pumpTicket;
    inNextTask(() => {
      if (ticket === this.pumpTicket) this.slice();
    }, priority);
  }

  /**
   * What to build next: what a waiting question needs first, else (warming up) anything out of
   * date whose types the copy is done changing; when none is, the index looks again soon.
   * While a sync is storing pages, the warm-up builds only what a search reads: the first
   * search after a load should find it built, while the rest (the peering section above all)
   * would make the load longer by more than it saves the first peers list, and is built once
   * the copy is still.
   */
  private nextToBuild(): StructureName | null {
    const needed = new Set(this.waiters.flatMap((waiter) => waiter.needs));
    const wanted = BUILD_ORDER.find((name) => needed.has(name) && !this.isFresh(name));
    if (wanted || !this.warming) return wanted ?? null;
    const now = Date.now();
    const stillIn = this.stillIn(now);
    let wait = Number.POSITIVE_INFINITY;
    for (const name of BUILD_ORDER) {
      if (this.isFresh(name)) continue;
      // In a load of full lists, a type whose list has not come yet is not done with either:
      // built now from what the copy held before, the structure would be built again.
      const waitsForLoad = this.wholeTypes.size > 0 && !INPUTS[name].every((type) => this.wholeTypes.has(type));
      if (stillIn > 0 && (!PARTS.search.has(name) || waitsForLoad)) {
        wait = Math.min(wait, stillIn);
        continue;
      }
      const busyFor = this.busyFor(name, now);
      if (busyFor <= 0) return name;
      wait = Math.min(wait, busyFor);
    }
    if (wait !== Number.POSITIVE_INFINITY) {
      this.quietTimer ??= setTimeout(
        () => {
          this.quietTimer = null;
          this.pump();
        },
        Math.min(wait, LOOK_MS),
      );
    }
    return null;
  }

  private slice(): void {
    if (this.job && this.waiters.length > 0 && !this.isAwaited(this.job.name)) {
      this.parked.push(this.job);
      this.job = null;
    }
    if (!this.job) {
      if (this.waiters.length === 0) {
        if (!this.warming) {
          this.parked = [];
          this.stopPumping();
          return;
        }
        this.observe();
      }
      const name = this.nextToBuild();
      if (!name) {
        this.settleWaiters();
        if (this.waiters.length === 0 && this.quietTimer === null) {
          this.warming = false;
          this.parked = [];
        }
        this.stopPumping();
        return;
      }
      this.job = this.takeParked(name) ?? this.startJob(name);
    }
    const job = this.job;
    const step = runFor(job.work, SLICE_MS);
    if (step.done) {
      this.job = null;
      this.finish(job, step.value);
    }
    this.scheduleSlice(this.waiters.length > 0 ? this.questionPriority() : 'background');
  }

  /** Each structure's build: it reads the rows of its inputs as of the moment it starts. */
  private readonly builders: Record<StructureName, () => Generator<void, () => void, void>> = {
    nets: function* (this: DiscoveryIndex) {
      const section: NetSection = { byAsn: new Map(), byOrg: new Map(), filterValues: null, foldedNames: new Map() };
      const rows = this.snapshots.rowsOf('net');
      yield* inSteps(rows.length, (from, to) => {
        for (let i = from; i < to; i++) {
          const net = rows[i]!;
          if (isAsn(net.asn)) section.byAsn.set(net.asn, net);
          pushTo(section.byOrg, net.org_id, net);
        }
      });
      return () => (this.netSection = section);
    }.bind(this),
    ixByOrg: function* (this: DiscoveryIndex) {
      const byOrg = yield* groupBy(this.snapshots.rowsOf('ix'), (ix) => ix.org_id);
      return () => (this.ixByOrg = byOrg);
    }.bind(this),
    facByOrg: function* (this: DiscoveryIndex) {
      const byOrg = yield* groupBy(this.snapshots.rowsOf('fac'), (fac) => fac.org_id);
      return () => (this.facByOrg = byOrg);
    }.bind(this),
    connections: function* (this: DiscoveryIndex) {
      const rows = this.snapshots.rowsOf('netixlan');
      const section: ConnectionSection = { byIx: new Map(), byNet: new Map(), byAsn: new Map() };
      yield* inSteps(rows.length, (from, to) => {
        for (let i = from; i < to; i++) {
          const row = rows[i]!;
          pushTo(section.byIx, row.ix_id, row);
          pushTo(section.byNet, row.net_id, row);
          if (isAsn(row.asn)) pushTo(section.byAsn, row.asn, row);
        }
      });
      return () => {
        this.connections = section;
        this.countedPopularity = new WeakMap();
      };
    }.bind(this),
    netFacs: function* (this: DiscoveryIndex) {
      const rows = this.snapshots.rowsOf('netfac');
      const section: NetFacSection = {
        byFac: yield* groupBy(rows, (row) => row.fac_id),
        byNet: yield* groupBy(rows, (row) => row.net_id),
        byLocalAsn: yield* groupBy<NetFac, unknown>(rows, (row) => row.local_asn),
      };
      return () => {
        this.netFacs = section;
        this.countedPopularity = new WeakMap();
      };
    }.bind(this),
    ixFacs: function* (this: DiscoveryIndex) {
      const rows = this.snapshots.rowsOf('ixfac');
      const section: IxFacSection = { byIx: yield* groupBy(rows, (row) => row.ix_id), byFac: yield* groupBy(rows, (row) => row.fac_id) };
      return () => (this.ixFacs = section);
    }.bind(this),
    ixlans: function* (this: DiscoveryIndex) {
      const byIx = yield* groupBy(this.snapshots.rowsOf('ixlan'), (row) => row.ix_id);
      return () => (this.ixlansByIx = byIx);
    }.bind(this),
    prefixes: function* (this: DiscoveryIndex) {
      const byIxlan = yield* groupBy(this.snapshots.rowsOf('ixpfx'), (pfx) => pfx.ixlan_id);
      return () => (this.prefixesByIxlan = byIxlan);
    }.bind(this),
    pocs: function* (this: DiscoveryIndex) {
      const byNet = yield* groupBy(this.snapshots.rowsOf('poc'), (row) => row.net_id);
      return () => (this.pocsByNet = byNet);
    }.bind(this),
    peering: function* (this: DiscoveryIndex) {
      const nets = this.copy.rows.net;
      const section = yield* buildPeeringSection({
        netByAsn: this.netSection.byAsn,
        portsByAsn: this.connections.byAsn,
        portsByIx: this.connections.byIx,
        presencesByNet: this.netFacs.byNet,
        presencesByLocalAsn: this.netFacs.byLocalAsn,
        ixs: this.snapshots.rowsOf('ix'),
        facs: this.snapshots.rowsOf('fac'),
        hasNet: (id) => nets.has(id),
        netById: (id) => nets.get(id),
      });
      return () => (this.peering = section);
    }.bind(this),
    'names:net': function* (this: DiscoveryIndex) {
      const index = yield* buildNameSearch(this.snapshots.rowsOf('net'), (net) =>
        typeof net.ix_count === 'number' && typeof net.fac_count === 'number' ? amountOf(net.ix_count) + amountOf(net.fac_count) : -1,
      );
      return () => this.nameSearches.set('net', index);
    }.bind(this),
    'names:ix': function* (this: DiscoveryIndex) {
      const index = yield* buildNameSearch(this.snapshots.rowsOf('ix'), (ix) => amountOf(ix.net_count, -1));
      return () => this.nameSearches.set('ix', index);
    }.bind(this),
    'names:fac': function* (this: DiscoveryIndex) {
      const index = yield* buildNameSearch(this.snapshots.rowsOf('fac'), (fac) => amountOf(fac.net_count, -1));
      return () => this.nameSearches.set('fac', index);
    }.bind(this),
    'names:org': function* (this: DiscoveryIndex) {
      const index = yield* buildNameSearch(this.snapshots.rowsOf('org'), () => 0);
      return () => this.nameSearches.set('org', index);
    }.bind(this),
    'words:net': () => this.prepareWords('net'),
    'words:ix': () => this.prepareWords('ix'),
    'words:fac': () => this.prepareWords('fac'),
    'words:org': () => this.prepareWords('org'),
    irr: function* (this: DiscoveryIndex) {
      const irr = new PrefixIndexBuilder();
      const rows = this.snapshots.rowsOf('net');
      yield* inSteps(rows.length, (from, to) => {
        for (let i = from; i < to; i++) {
          const irrAsSet = textOf(rows[i]!.irr_as_set);
          if (irrAsSet) irr.add(rows[i]!.id, irrNamesOf(irrAsSet));
        }
      });
      const built = yield* irr.build();
      return () => (this.irrIndex = built);
    }.bind(this),
    asnTexts: function* (this: DiscoveryIndex) {
      const asnSet = new Set<number>(this.netSection.byAsn.keys());
      for (const asn of this.connections.byAsn.keys()) asnSet.add(asn);
      yield;
      const asns = Array.from(asnSet);
      // Sorted a first digit at a time: one sort of every text is a long step on its own, and
      // lists of texts starting with different digits are in order end to end.
      const byFirstDigit: string[][] = Array.from({ length: 10 }, () => []);
      yield* inSteps(asns.length, (from, to) => {
        for (let i = from; i < to; i++) {
          const text = String(asns[i]);
          byFirstDigit[text.charCodeAt(0) - 48]!.push(text);
        }
      }, 4096);
      for (const texts of byFirstDigit) {
        texts.sort();
        yield;
      }
      const sorted = byFirstDigit.flat();
      return () => (this.asnTexts = sorted);
    }.bind(this),
    ips: function* (this: DiscoveryIndex) {
      const rows = this.snapshots.rowsOf('netixlan');
      const byIp = new Map<string, NetIxLan | NetIxLan[]>();
      const add = (ip: string, row: NetIxLan) => {
        const held = byIp.get(ip);
        if (held === undefined) byIp.set(ip, row);
        else if (Array.isArray(held)) held.push(row);
        else byIp.set(ip, [held, row]);
      };
      yield* inSteps(
        rows.length,
        (from, to) => {
          for (let i = from; i < to; i++) {
            const row = rows[i]!;
            const v4 = canonicalIp(row.ipaddr4);
            const v6 = canonicalIp(row.ipaddr6);
            if (v4) add(v4, row);
            if (v6) add(v6, row);
          }
        },
        128,
      );
      return () => (this.byIp = byIp);
    }.bind(this),
    parsedPrefixes: function* (this: DiscoveryIndex) {
      const parsedPrefixes: { v4: IndexedPrefix[]; v6: IndexedPrefix[] } = { v4: [], v6: [] };
      const rows = this.snapshots.rowsOf('ixpfx');
      yield* inSteps(
        rows.length,
        (from, to) => {
          for (let i = from; i < to; i++) {
            const parsed = parsePrefix(rows[i]!.prefix);
            if (parsed) (parsed.family === 4 ? parsedPrefixes.v4 : parsedPrefixes.v6).push({ pfx: rows[i]!, parsed });
          }
        },
        128,
      );
      return () => (this.parsedPrefixes = parsedPrefixes);
    }.bind(this),
  };

  // ---- Search structures (built on first use when a question did not wait for them)

  /**
   * The words of a kind's names, ready for every first letter (see RowWords.prepareInSteps): a
   * structure of its own that installs nothing, built after the names, which it does not wait for.
   */
  private *prepareWords(kind: SearchKind): Generator<void, () => void, void> {
    const index = this.nameSearches.get(kind);
    if (index) yield* prepareNameSearch(index);
    return () => undefined;
  }

  /** The name index of one kind. */
  nameSearchOf(kind: SearchKind): NameSearchIndex {
    this.ensure(`names:${kind}`);
    return this.nameSearches.get(kind)!;
  }

  /** The IRR as-set names of the records, by record id. */
  irrSearch(): PrefixIndex {
    this.ensure('irr');
    return this.irrIndex;
  }

  /** Every ASN of a record or a port as decimal text, sorted. */
  asnTextsSorted(): string[] {
    this.ensure('asnTexts');
    return this.asnTexts;
  }

  /** The connections holding an IP (any spelling), including those with missing parents. */
  connectionsWithIp(ip: string): NetIxLan[] {
    const canonical = canonicalIp(ip);
    if (!canonical) return [];
    this.ensure('ips');
    const held = this.byIp.get(canonical);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  }

  /** The IX LAN prefixes of one address family, parsed, for containment tests. */
  prefixesOfFamily(family: 4 | 6): IndexedPrefix[] {
    this.ensure('parsedPrefixes');
    return family === 4 ? this.parsedPrefixes.v4 : this.parsedPrefixes.v6;
  }

  /**
   * How popular the rows of a kind are, by ordinal, to rank equal matches: a row's own counter,
   * or what the copy counts where the row lacks one (older rows). Take it once per question: a
   * search reads it for thousands of rows, and it checks the name index is current only here.
   */
  popularityOf(kind: SearchKind): (ordinal: number) => number {
    const index = this.nameSearchOf(kind);
    // Counted once per row until ports or presences change (their sections are rebuilt then).
    let counted = this.countedPopularity.get(index);
    if (!counted) this.countedPopularity.set(index, (counted = new Float64Array(index.ids.length).fill(-1)));
    const known = counted;
    return (ordinal) => {
      const counter = index.counters[ordinal]!;
      if (counter >= 0) return counter;
      if (known[ordinal]! < 0) {
        const id = index.ids[ordinal]!;
        if (kind === 'net') known[ordinal] = this.placeCountOfNet(id);
        else if (kind === 'ix') known[ordinal] = this.portAsnCountOfIx(id);
        else known[ordinal] = this.netFacs.byFac.get(id)?.length ?? 0;
      }
      return known[ordinal]!;
    };
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
    const { peering } = this;
    const ordinal = peering.ordinalOf.get(asn);
    if (ordinal === undefined) return EMPTY_SET;
    let ids = peering.ixIdSets.get(ordinal);
    if (!ids) {
      const { start, items } = peering.ixsOfAsn;
      const set = new Set<number>();
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) set.add(peering.ixIds[items[i]!]!);
      peering.ixIdSets.set(ordinal, (ids = set));
    }
    return ids;
  }

  /** The ASNs carried by ports at an IXP, whether or not the copy holds their records. Shared: do not modify. */
  asnsAtIx(ixId: number): ReadonlySet<number> {
    const { peering } = this;
    const ix = peering.ixOrdinalOf.get(ixId);
    if (ix === undefined) {
      // An IXP the copy lacks: its ports still name ASNs (a partial copy).
      const asns = new Set<number>();
      for (const row of this.connections.byIx.get(ixId) ?? []) if (isAsn(row.asn)) asns.add(row.asn);
      return asns;
    }
    let asns = peering.asnSetsAtIx.get(ix);
    if (!asns) {
      const set = new Set<number>();
      for (let member = peering.membersOfIx[ix]!; member < peering.membersOfIx[ix + 1]!; member++) {
        set.add(peering.asns[peering.memberAsn[member]!]!);
      }
      peering.asnSetsAtIx.set(ix, (asns = set));
    }
    return asns;
  }

  /** How many ASNs ports carry at an IXP of the copy. */
  memberCountOfIx(ixId: number): number {
    const ix = this.peering.ixOrdinalOf.get(ixId);
    return ix === undefined ? this.asnsAtIx(ixId).size : this.peering.membersOfIx[ix + 1]! - this.peering.membersOfIx[ix]!;
  }

  /**
   * memberCountOfIx counted from the ports alone: search reads this, so a search right after a
   * load need not wait for the peering section.
   */
  portAsnCountOfIx(ixId: number): number {
    const asns = new Set<number>();
    for (const row of this.connections.byIx.get(ixId) ?? []) if (isAsn(row.asn)) asns.add(row.asn);
    return asns.size;
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
    const ordinal = this.peering.ordinalOf.get(asn);
    return ordinal === undefined ? undefined : this.peering.holders[ordinal];
  }

  /**
   * What a member row shows of an ASN, from the record that names it. Made once per ASN and
   * shared by every answer until records or ports change: peer lists run to 20,000 rows.
   * Shared: do not modify.
   */
  memberNetOf(asn: number): MemberNet {
    const ordinal = this.peering.ordinalOf.get(asn);
    if (ordinal === undefined) return unnamedMemberNet(asn);
    return this.memberNetAt(ordinal);
  }

  /** memberNetOf by the ASN's ordinal in the peering section. */
  memberNetAt(ordinal: number): MemberNet {
    const { peering } = this;
    return (peering.memberNets[ordinal] ??= memberNetFromColumns(this.memberColumns(), peering.asns[ordinal]!, ordinal));
  }

  /** The same as columns, for every ASN of the peering section: made on first use, once per section. */
  memberColumns(): MemberColumns {
    const { peering } = this;
    return (peering.memberColumns ??= buildMemberColumns(peering.asns, peering.holders));
  }

  /** A record's name and aka, folded for "contains" filters, one per line. */
  foldedNamesOf(net: Net): string {
    const cache = this.netSection.foldedNames;
    let folded = cache.get(net.id);
    if (folded === undefined) {
      folded = `${foldText(textOf(net.name))}\n${foldText(textOf(net.aka))}`;
      cache.set(net.id, folded);
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
    for (const row of this.netFacs.byLocalAsn.get(asn) ?? []) {
      if (!this.copy.rows.net.has(row.net_id) && !recordIds.has(row.net_id) && facs.has(row.fac_id)) presences.push(row);
    }
    return presences;
  }

  /** Ids of the facilities (in the copy) an ASN is at. Shared: do not modify. */
  facIdsOfAsn(asn: number): ReadonlySet<number> {
    const { peering } = this;
    const ordinal = peering.ordinalOf.get(asn);
    if (ordinal === undefined) return EMPTY_SET;
    let ids = peering.facIdSets.get(ordinal);
    if (!ids) {
      const { start, items } = peering.facsOfAsn;
      const set = new Set<number>();
      for (let i = start[ordinal]!; i < start[ordinal + 1]!; i++) set.add(peering.facIds[items[i]!]!);
      peering.facIdSets.set(ordinal, (ids = set));
    }
    return ids;
  }

  /** The ASNs at a facility: facIdsOfAsn read backwards. Shared: do not modify. */
  asnsAtFac(facId: number): ReadonlySet<number> {
    if (!this.copy.rows.fac.has(facId)) return EMPTY_SET;
    let asns = this.peering.asnsAtFac.get(facId);
    if (!asns) {
      const found = new Set<number>();
      for (const row of this.netFacs.byFac.get(facId) ?? []) {
        const record = this.copy.rows.net.get(row.net_id);
        const named = record ? record.asn : row.local_asn;
        if (isAsn(named)) found.add(named);
        for (const port of this.connections.byNet.get(row.net_id) ?? []) if (isAsn(port.asn)) found.add(port.asn);
      }
      this.peering.asnsAtFac.set(facId, (asns = found));
    }
    return asns;
  }

  /** True when the copy knows the ASN at all: a record, a port or a presence names it. */
  knowsAsn(asn: number): boolean {
    if (this.netSection.byAsn.has(asn) || this.connections.byAsn.has(asn)) return true;
    const ordinal = this.peering.ordinalOf.get(asn);
    return ordinal !== undefined && this.peering.facsOfAsn.start[ordinal + 1]! > this.peering.facsOfAsn.start[ordinal]!;
  }

  /** How many IXPs and facilities a record is at, counted in the copy (older rows lack the counters). */
  placeCountOfNet(netId: number): number {
    const ixIds = new Set<number>();
    for (const row of this.connections.byNet.get(netId) ?? []) ixIds.add(row.ix_id);
    return ixIds.size + (this.netFacs.byNet.get(netId)?.length ?? 0);
  }
}

const indexes = new WeakMap<LocalCopy, DiscoveryIndex>();

/**
 * The index of this copy once what `parts` need is up to date, built in slices meanwhile; the
 * rest follows in the background. Answer from it before awaiting anything else: a later
 * slice may replace structures.
 */
export function readyIndex(copy: LocalCopy, parts: readonly IndexPart[]): Promise<DiscoveryIndex> {
  const index = discoveryIndexOf(copy);
  index.warmUp();
  return index.whenReady(parts);
}

/** The index of this copy; the worker keeps one per copy for its lifetime. */
export function discoveryIndexOf(copy: LocalCopy): DiscoveryIndex {
  let index = indexes.get(copy);
  if (!index) {
    index = new DiscoveryIndex(copy);
    indexes.set(copy, index);
  }
  return index;
}

/** The index of this copy with its discovery sections up to date, built at once if they were not. */
export function getDiscoveryIndex(copy: LocalCopy): DiscoveryIndex {
  return discoveryIndexOf(copy).refresh();
}

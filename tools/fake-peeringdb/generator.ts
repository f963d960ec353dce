/**
 * A seeded PeeringDB-like dataset with the real proportions and heavy tails: a few exchanges
 * with more than a thousand members, a few networks at hundreds of exchanges, most networks
 * at none. Rows have every field of their type, in the API's key order, except a few old ones
 * that lack what PeeringDB added later (as in a copy made from an old dump). What real data
 * has is planted too: networks whose ports carry other ASNs than their own, networks deleted
 * before their ports, ports and presences of networks the data never had, exchanges without a
 * LAN, traffic levels in the wording used until 2020, names with odd characters. Same seed and
 * scale, same bytes.
 */
import { PDB_TYPES, pdbTimeToEpoch, type PdbRow, type PdbType } from '../../src/shared/peeringdb';
import type { FullPdbDump } from './dump';
import { SeededRandom, WeightedIndex } from './random';
import { completeRow, epochToPdbTime } from './rows';
import { ANONYMOUS, viewRow } from './visibility';
import type { AnyRow } from './store';
import {
  FIRST_NAMES, HOSTILE_STRINGS, INFO_RATIO, INFO_SCOPE, INFO_TRAFFIC, IX_SERVICE_LEVEL, IX_TERMS, LAST_NAMES, METROS,
  NAME_ENDS, NAME_MIDDLES, NAME_STARTS, NET_INFO_TYPES, NET_WORDS, ODD_NAMES, ORG_SUFFIXES, POC_ROLES_WEIGHTED,
  POLICY_CONTRACTS, POLICY_GENERAL, POLICY_LOCATIONS, PORT_SPEEDS, STREETS, TRAFFIC_BEFORE_2020, type Metro,
} from './vocabulary';

/** Row counts at scale 1, close to PeeringDB in 2026. */
export const FULL_SCALE_COUNTS: Readonly<Record<PdbType, number>> = {
  org: 33_000,
  campus: 80,
  fac: 6_000,
  carrier: 300,
  carrierfac: 2_500,
  net: 34_000,
  ix: 1_300,
  ixfac: 4_500,
  ixlan: 1_300,
  ixpfx: 2_600,
  netfac: 60_000,
  netixlan: 60_000,
  poc: 45_000,
};

export interface GenerateOptions {
  seed: number;
  /** 1 = full size; 0.01 gives a dataset a unit test can afford. */
  scale?: number;
  /** The newest timestamp in the data, epoch seconds (default 2026-11-01T00:00:00Z). */
  until?: number;
}

/** The day PeeringDB 2.0 imported its legacy data: many old rows carry it as `created`. */
const LEGACY_CREATED = Date.UTC(2010, 6, 29) / 1000;
/** A mass migration that touched `updated` of most old rows. */
const MASS_UPDATE = Date.UTC(2016, 2, 14, 20) / 1000;
const CAMPUS_FEATURE = Date.UTC(2023, 1, 22) / 1000;
const CARRIER_FEATURE = Date.UTC(2023, 0, 25) / 1000;
/** PeeringDB 2.20 (May 2020) rewrote the traffic levels; rows older than that may show the old wording. */
const TRAFFIC_REWORDED = Date.UTC(2020, 4, 21) / 1000;
/** At most this many ports of a multi-ASN network carry its other ASN (140 ports of 20 networks). */
const PORTS_UNDER_OTHER_ASN = 7;

/**
 * Fields PeeringDB added over the years, which rows from older dumps lack: the counters, the
 * "last child changed" stamps, the list of types, IX-F import state, port details.
 */
export const FIELDS_OLD_ROWS_LACK: Readonly<Partial<Record<PdbType, readonly string[]>>> = {
  net: ['info_types', 'ix_count', 'fac_count', 'netixlan_updated', 'netfac_updated', 'poc_updated', 'rir_status', 'rir_status_updated'],
  ix: ['net_count', 'fac_count', 'ixf_net_count', 'ixf_last_import', 'ixf_import_request', 'ixf_import_request_status'],
  fac: ['net_count', 'ix_count', 'carrier_count'],
  netixlan: ['operational', 'net_side_id', 'ix_side_id'],
};
const DEFAULT_UNTIL = Date.UTC(2026, 10, 1) / 1000;
const DAY = 86_400;

type Draft<T extends PdbType> = Partial<PdbRow<T>> & { createdAt: number };

class UniqueNames {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()); n += 1) name = `${wanted} ${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}

function scaled(count: number, scale: number, minimum: number): number {
  return Math.max(minimum, Math.round(count * scale));
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '');
}

function ipv4ToString(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** A locally administered MAC address that encodes `id`: unique per id. */
function macOf(id: number): string {
  const bytes = [2, 0, (id / 2 ** 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255];
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

/** ASN digits as IPv6 groups, the convention many exchanges use for member addresses. */
function asnGroups(asn: number): string {
  const digits = String(asn);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(digits.slice(Math.max(0, end - 4), end));
  return groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

interface FacInfo {
  row: PdbRow<'fac'>;
  metroIndex: number;
  popularity: number;
}

interface IxInfo {
  row: PdbRow<'ix'>;
  metroIndex: number;
  members: number;
  v4Base: number;
  v4Next: number;
  v6Base: string | null;
  prefixLength: number;
  facIds: number[];
  /** False for a new exchange that has not set up its LAN (and so has no members) yet. */
  hasLan: boolean;
}

class DatasetBuilder {
  private readonly random: SeededRandom;
  private readonly until: number;
  private readonly counts: Record<PdbType, number>;
  private readonly scale: number;

  private orgs: PdbRow<'org'>[] = [];
  private orgBrand = new Map<number, string>();
  private orgDomain = new Map<number, string>();
  private facs: FacInfo[] = [];
  private campuses: PdbRow<'campus'>[] = [];
  private carriers: PdbRow<'carrier'>[] = [];
  private carrierfacs: PdbRow<'carrierfac'>[] = [];
  private nets: PdbRow<'net'>[] = [];
  private ixs: IxInfo[] = [];
  private ixfacs: PdbRow<'ixfac'>[] = [];
  private ixlans: PdbRow<'ixlan'>[] = [];
  private ixpfxs: PdbRow<'ixpfx'>[] = [];
  private netfacs: PdbRow<'netfac'>[] = [];
  private netixlans: PdbRow<'netixlan'>[] = [];
  private pocs: PdbRow<'poc'>[] = [];
  /** Who turns up at exchanges, drawn per member slot. */
  private ixPresence = new WeightedIndex([]);

  constructor(options: GenerateOptions) {
    this.random = new SeededRandom(options.seed);
    this.scale = options.scale ?? 1;
    if (!(this.scale > 0)) throw new RangeError(`scale must be > 0, got ${options.scale}`);
    this.until = Math.floor(options.until ?? DEFAULT_UNTIL);
    const counts = {} as Record<PdbType, number>;
    for (const type of PDB_TYPES) counts[type] = scaled(FULL_SCALE_COUNTS[type], this.scale, 2);
    counts.ixlan = counts.ix;
    this.counts = counts;
  }

  // --- time -----------------------------------------------------------------------------

  /** `n` creation times, oldest first, part of them on the legacy import day. */
  private createdTimes(n: number, legacyShare: number, from = LEGACY_CREATED): number[] {
    const times: number[] = [];
    const span = this.until - DAY - from;
    for (let i = 0; i < n; i += 1) {
      if (from === LEGACY_CREATED && this.random.chance(legacyShare)) times.push(LEGACY_CREATED);
      else times.push(Math.floor(from + DAY + span * Math.pow(this.random.float(), 0.8)));
    }
    return times.sort((a, b) => a - b);
  }

  private childCreated(after: number): number {
    const start = Math.max(after, LEGACY_CREATED);
    return Math.floor(start + (this.until - start) * Math.pow(this.random.float(), 1.6));
  }

  private updatedFor(created: number): number {
    if (created < MASS_UPDATE && this.random.chance(0.25)) return MASS_UPDATE + this.random.int(0, 7200);
    return Math.min(this.until, Math.floor(created + (this.until - created) * Math.sqrt(this.random.float())));
  }

  private stamps(created: number): { created: string; updated: string } {
    return { created: epochToPdbTime(created), updated: epochToPdbTime(this.updatedFor(created)) };
  }

  /** Ids grow with creation time and have gaps where rows were hard-deleted long ago. */
  private idSequence(n: number): number[] {
    const ids: number[] = [];
    let id = 0;
    for (let i = 0; i < n; i += 1) {
      id += 1 + (this.random.chance(0.08) ? this.random.int(1, 4) : 0);
      ids.push(id);
    }
    return ids;
  }

  /** Sorts drafts by creation time, gives them ids and complete rows. */
  private finish<T extends PdbType>(type: T, drafts: Draft<T>[]): PdbRow<T>[] {
    drafts.sort((a, b) => a.createdAt - b.createdAt);
    const ids = this.idSequence(drafts.length);
    return drafts.map((draft, i) => {
      // completeRow keeps only the type's fields, so the draft's createdAt stays behind.
      const row = completeRow(type, ids[i]!, draft.createdAt, draft as unknown as Partial<PdbRow<T>>);
      (row as unknown as AnyRow).updated = epochToPdbTime(this.updatedFor(draft.createdAt));
      return row;
    });
  }

  /** Indexes (into a list of `n`) that receive one of the first `strings` hostile strings each. */
  private hostileSlots(n: number, strings = HOSTILE_STRINGS.length): Map<number, string> {
    return this.plantedSlots(n, HOSTILE_STRINGS.slice(0, strings));
  }

  /** Indexes (into a list of `n`, avoiding those `taken`) that receive one of `texts` each. */
  private plantedSlots(n: number, texts: readonly string[], taken: ReadonlyMap<number, string> = new Map()): Map<number, string> {
    const slots = new Map<number, string>();
    for (const text of texts) {
      if (slots.size + taken.size >= n) break;
      let index = this.random.int(0, n - 1);
      while (slots.has(index) || taken.has(index)) index = (index + 1) % n;
      slots.set(index, text);
    }
    return slots;
  }

  // --- names ----------------------------------------------------------------------------

  private brand(): string {
    const middle = this.random.chance(0.4) ? this.random.pick(NAME_MIDDLES) : '';
    return `${this.random.pick(NAME_STARTS)}${middle}${this.random.pick(NAME_ENDS)}`;
  }

  private readonly metroIndex = new WeightedIndex(METROS.map((metro) => metro.weight));

  private metro(): number {
    return this.metroIndex.draw(this.random);
  }

  private phone(metro: Metro): string {
    const prefix: Record<string, string> = { US: '+1', CA: '+1', GB: '+44', DE: '+49', FR: '+33', NL: '+31', BR: '+55', JP: '+81', AU: '+61' };
    return `${prefix[metro.country] ?? '+' + this.random.int(30, 99)} ${this.random.int(100, 999)} ${this.random.int(1000, 9999)}`;
  }

  private jitter(value: number, spread: number): number {
    return Math.round((value + (this.random.float() - 0.5) * spread) * 1e6) / 1e6;
  }

  // --- types ----------------------------------------------------------------------------

  private buildOrgs(): void {
    const names = new UniqueNames();
    const hostile = this.hostileSlots(this.counts.org);
    const created = this.createdTimes(this.counts.org, 0.12);
    const ids = this.idSequence(this.counts.org);
    this.orgs = ids.map((id, i) => {
      const metro = METROS[this.metro()]!;
      const brand = this.brand();
      const word = this.random.chance(0.5) ? ` ${this.random.pick(NET_WORDS)}` : '';
      const suffix = this.random.pick(ORG_SUFFIXES);
      const name = names.claim(hostile.get(i) ?? `${brand}${word}${suffix ? ' ' + suffix : ''}`);
      const tld = this.random.chance(0.5) ? 'net' : this.random.chance(0.5) ? 'com' : metro.country.toLowerCase();
      const domain = `${slug(brand)}${this.random.chance(0.2) ? slug(word) : ''}.${tld}`;
      this.orgBrand.set(id, brand);
      this.orgDomain.set(id, domain);
      const hasAddress = this.random.chance(0.7);
      const website = this.random.chance(0.8) ? `https://www.${domain}` : '';
      return completeRow('org', id, created[i]!, {
        name,
        aka: this.random.chance(0.1) ? brand : '',
        name_long: this.random.chance(0.15) ? `${brand}${word} ${this.random.pick(ORG_SUFFIXES)}`.trim() : '',
        website,
        social_media: website ? [{ service: 'website', identifier: website }] : [],
        notes: '',
        logo: null,
        address1: hasAddress ? `${this.random.int(1, 999)} ${this.random.pick(STREETS)}` : '',
        address2: '',
        city: hasAddress ? metro.city : '',
        country: hasAddress || this.random.chance(0.5) ? metro.country : '',
        state: hasAddress ? metro.state : '',
        zipcode: hasAddress ? String(this.random.int(10000, 99999)) : '',
        floor: '',
        suite: '',
        latitude: hasAddress ? this.jitter(metro.lat, 0.2) : null,
        longitude: hasAddress ? this.jitter(metro.lon, 0.2) : null,
        ...this.stamps(created[i]!),
      });
    });
  }

  /** `k` distinct orgs with heavy-tailed weights: a few run very many objects. */
  private operators(k: number): { orgs: PdbRow<'org'>[]; index: WeightedIndex } {
    const chosen = this.random.shuffle([...this.orgs]).slice(0, Math.max(1, Math.min(k, this.orgs.length)));
    return { orgs: chosen, index: new WeightedIndex(chosen.map(() => this.random.pareto(1.1))) };
  }

  private buildFacs(): void {
    const names = new UniqueNames();
    const hostile = this.hostileSlots(this.counts.fac);
    const { orgs, index } = this.operators(Math.round(this.counts.fac / 4.5));
    const created = this.createdTimes(this.counts.fac, 0.15);
    const ids = this.idSequence(this.counts.fac);
    const perOrgMetro = new Map<string, number>();
    this.facs = ids.map((id, i) => {
      const org = orgs[index.draw(this.random)]!;
      const metroIndex = this.metro();
      const metro = METROS[metroIndex]!;
      const key = `${org.id}|${metroIndex}`;
      const n = (perOrgMetro.get(key) ?? 0) + 1;
      perOrgMetro.set(key, n);
      const brand = this.orgBrand.get(org.id)!;
      const name = names.claim(`${brand} ${metro.code}${n}${this.random.chance(0.5) ? ` - ${metro.city}` : ''}`);
      const website = this.random.chance(0.85) ? `https://www.${this.orgDomain.get(org.id)}/datacenters` : '';
      const us = metro.country === 'US';
      const createdAt = Math.max(created[i]!, org.created ? Date.parse(org.created) / 1000 : 0);
      const row = completeRow('fac', id, createdAt, {
        org_id: org.id,
        org_name: org.name,
        campus_id: null,
        name,
        aka: '',
        name_long: '',
        website,
        social_media: website ? [{ service: 'website', identifier: website }] : [],
        clli: us && this.random.chance(0.5) ? `${slug(metro.city).slice(0, 4).toUpperCase().padEnd(4, 'X')}${metro.state.slice(0, 2)}` : '',
        rencode: '',
        npanxx: us && this.random.chance(0.4) ? `${this.random.int(200, 999)}-${this.random.int(200, 999)}` : '',
        notes: hostile.get(i) ?? '',
        sales_email: this.random.chance(0.4) ? `sales@${this.orgDomain.get(org.id)}` : '',
        sales_phone: this.random.chance(0.3) ? this.phone(metro) : '',
        tech_email: this.random.chance(0.5) ? `support@${this.orgDomain.get(org.id)}` : '',
        tech_phone: this.random.chance(0.3) ? this.phone(metro) : '',
        available_voltage_services: this.random.chance(0.3) ? this.random.weighted([[['48 VDC', '400 VAC'], 1], [['480 VAC'], 1], [['No Power'], 0.2]] as const).slice() : [],
        diverse_serving_substations: this.random.weighted([[null, 6], [true, 2], [false, 1]] as const),
        property: this.random.weighted([[null, 3], ['', 4], ['Owner', 2], ['Lessee', 1]] as const),
        region_continent: metro.continent,
        status_dashboard: this.random.chance(0.1) ? `https://status.${this.orgDomain.get(org.id)}` : null,
        logo: null,
        ...this.stamps(createdAt),
        address1: `${this.random.int(1, 999)} ${this.random.pick(STREETS)}`,
        address2: '',
        city: metro.city,
        country: metro.country,
        state: metro.state,
        zipcode: String(this.random.int(10000, 99999)),
        floor: '',
        suite: '',
        latitude: this.jitter(metro.lat, 0.3),
        longitude: this.jitter(metro.lon, 0.3),
      });
      return { row, metroIndex, popularity: this.random.pareto(1.05) * metro.weight };
    });
  }

  private buildCampuses(): void {
    const groups = new Map<string, FacInfo[]>();
    for (const fac of this.facs) {
      const key = `${fac.row.org_id}|${fac.metroIndex}`;
      const group = groups.get(key) ?? [];
      group.push(fac);
      groups.set(key, group);
    }
    const candidates = this.random.shuffle([...groups.values()].filter((g) => g.length >= 2));
    const names = new UniqueNames();
    const drafts: { facs: FacInfo[]; createdAt: number }[] = [];
    for (const group of candidates.slice(0, this.counts.campus)) {
      const members = group.slice(0, this.random.int(2, Math.min(5, group.length)));
      const newest = Math.max(...members.map((f) => Date.parse(f.row.created) / 1000), CAMPUS_FEATURE);
      drafts.push({ facs: members, createdAt: this.childCreated(newest) });
    }
    drafts.sort((a, b) => a.createdAt - b.createdAt);
    const ids = this.idSequence(drafts.length);
    this.campuses = drafts.map((draft, i) => {
      const first = draft.facs[0]!.row;
      const metro = METROS[draft.facs[0]!.metroIndex]!;
      for (const fac of draft.facs) fac.row.campus_id = ids[i]!;
      const brand = this.orgBrand.get(first.org_id)!;
      return completeRow('campus', ids[i]!, draft.createdAt, {
        org_id: first.org_id,
        org_name: first.org_name,
        status: 'ok',
        ...this.stamps(draft.createdAt),
        name: names.claim(`${brand} ${metro.city} Campus`),
        name_long: this.random.chance(0.5) ? null : '',
        notes: '',
        aka: this.random.chance(0.5) ? null : '',
        website: first.website,
        social_media: first.social_media,
        country: metro.country,
        city: metro.city,
        zipcode: first.zipcode,
        state: metro.state,
        logo: null,
      });
    });
  }

  private buildCarriers(): void {
    const names = new UniqueNames();
    const hostile = this.hostileSlots(this.counts.carrier, 3);
    const { orgs } = this.operators(this.counts.carrier);
    const created = this.createdTimes(this.counts.carrier, 0, CARRIER_FEATURE);
    const ids = this.idSequence(this.counts.carrier);
    this.carriers = ids.map((id, i) => {
      const org = orgs[i % orgs.length]!;
      const website = this.random.chance(0.8) ? `https://www.${this.orgDomain.get(org.id)}` : '';
      return completeRow('carrier', id, created[i]!, {
        org_id: org.id,
        org_name: org.name,
        name: names.claim(hostile.get(i) ?? `${this.orgBrand.get(org.id)} ${this.random.pick(['Fabric', 'Transport', 'Wave', 'Metro', 'Dark Fibre'])}`),
        aka: '',
        name_long: '',
        website,
        social_media: website ? [{ service: 'website', identifier: website }] : [],
        notes: '',
        logo: null,
        ...this.stamps(created[i]!),
      });
    });
    const carrierIndex = new WeightedIndex(this.carriers.map(() => this.random.pareto(1.2)));
    const facIndex = new WeightedIndex(this.facs.map((f) => f.popularity));
    const pairs = new Set<string>();
    const drafts: Draft<'carrierfac'>[] = [];
    for (let attempts = 0; drafts.length < this.counts.carrierfac && attempts < this.counts.carrierfac * 20; attempts += 1) {
      const carrier = this.carriers[carrierIndex.draw(this.random)]!;
      const fac = this.facs[facIndex.draw(this.random)]!.row;
      const key = `${carrier.id}|${fac.id}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const after = Math.max(Date.parse(carrier.created), Date.parse(fac.created)) / 1000;
      drafts.push({ createdAt: this.childCreated(after), name: fac.name, carrier_id: carrier.id, fac_id: fac.id });
    }
    this.carrierfacs = this.finish('carrierfac', drafts);
  }

  private uniqueAsns(n: number): number[] {
    const asns = new Set<number>();
    while (asns.size < n) {
      const asn = this.random.chance(0.45) ? this.random.int(1, 64495) : this.random.int(131072, 402000);
      if (asn !== 23456) asns.add(asn);
    }
    return [...asns];
  }

  private buildNets(): void {
    const names = new UniqueNames();
    const hostileNames = this.hostileSlots(this.counts.net);
    const oddNames = this.plantedSlots(this.counts.net, ODD_NAMES, hostileNames);
    const hostileNotes = this.hostileSlots(this.counts.net);
    const created = this.createdTimes(this.counts.net, 0.1);
    const ids = this.idSequence(this.counts.net);
    // Asn order roughly follows registration order, as RIR allocations do.
    const asns = this.uniqueAsns(this.counts.net).sort((a, b) => a - b);
    const asnOrder = asns.map((asn, i) => ({ asn, key: i * this.random.noise(0.6) })).sort((a, b) => a.key - b.key);
    const fresh = this.random.shuffle([...this.orgs]);
    const multiNetOrgs = fresh.slice(0, Math.max(1, Math.round(fresh.length * 0.05)));
    const multiIndex = new WeightedIndex(multiNetOrgs.map(() => this.random.pareto(1.1)));
    let nextFresh = 0;
    this.nets = ids.map((id, i) => {
      const org = this.random.chance(0.88) && nextFresh < fresh.length ? fresh[nextFresh++]! : multiNetOrgs[multiIndex.draw(this.random)]!;
      const asn = asnOrder[i]!.asn;
      const brand = this.orgBrand.get(org.id)!;
      const domain = this.orgDomain.get(org.id)!;
      const style = this.random.float();
      const baseName =
        style < 0.55 ? org.name : style < 0.75 ? `${brand} ${this.random.pick(NET_WORDS)}` : style < 0.9 ? `${brand} (AS${asn})` : `${brand} ${this.random.pick(['Europe', 'Americas', 'APAC', 'Backbone', 'Transit', 'CDN'])}`;
      const infoTypes = [this.random.weighted(NET_INFO_TYPES)].filter((t) => t !== '');
      if (infoTypes.length > 0 && this.random.chance(0.03)) {
        const extra = this.random.weighted(NET_INFO_TYPES);
        if (extra !== '' && !infoTypes.includes(extra)) infoTypes.push(extra);
      }
      const createdAt = Math.max(created[i]!, Date.parse(org.created) / 1000);
      const website = this.random.chance(0.85) ? `https://www.${domain}` : '';
      const hasAsSet = this.random.chance(0.6);
      const asSet = hasAsSet ? `${this.random.chance(0.3) ? 'RIPE::' : ''}AS-${slug(brand).toUpperCase()}${this.random.chance(0.3) ? '-' + asn : ''}` : '';
      return completeRow('net', id, createdAt, {
        org_id: org.id,
        name: names.claim(hostileNames.get(i) ?? oddNames.get(i) ?? baseName),
        aka: this.random.chance(0.1) ? `Formerly ${this.brand()}` : '',
        name_long: '',
        website,
        social_media: website ? [{ service: 'website', identifier: website }] : [],
        asn,
        looking_glass: this.random.chance(0.15) ? `https://lg.${domain}` : '',
        route_server: this.random.chance(0.05) ? `telnet://route-server.${domain}` : '',
        irr_as_set: asSet,
        info_type: infoTypes[0] ?? '',
        info_types: infoTypes,
        info_prefixes4: this.random.chance(0.9) ? Math.min(1_000_000, Math.round(this.random.pareto(0.9) * 10)) : null,
        info_prefixes6: this.random.chance(0.85) ? Math.min(200_000, Math.round(this.random.pareto(0.9) * 5)) : null,
        info_traffic: this.random.weighted(INFO_TRAFFIC),
        info_ratio: this.random.weighted(INFO_RATIO),
        info_scope: this.random.weighted(INFO_SCOPE),
        info_unicast: this.random.chance(0.98),
        info_multicast: this.random.chance(0.03),
        info_ipv6: this.random.chance(0.7),
        info_never_via_route_servers: this.random.chance(0.05),
        notes: hostileNotes.has(i) ? `Peering requests: ${hostileNotes.get(i)}` : this.random.chance(0.1) ? `Please use our peering portal. AS${asn} peers openly at all common IXPs.` : '',
        policy_url: this.random.chance(0.4) ? `https://www.${domain}/peering` : '',
        policy_general: this.random.weighted(POLICY_GENERAL),
        policy_locations: this.random.weighted(POLICY_LOCATIONS),
        policy_ratio: this.random.chance(0.15),
        policy_contracts: this.random.weighted(POLICY_CONTRACTS),
        allow_ixp_update: this.random.chance(0.3),
        ixp_update_exclude: [],
        status_dashboard: null,
        rir_status: this.random.chance(0.97) ? 'ok' : null,
        rir_status_updated: epochToPdbTime(Date.UTC(2024, 5, 26, 4, 47, 55) / 1000),
        logo: null,
        ...this.stamps(createdAt),
      });
    });
  }

  /**
   * Weights for drawing the members of an exchange or a facility: most networks are at none,
   * most of the rest at a few, and a handful of hubs (transit and content giants) are drawn
   * so often that they sit at hundreds of exchanges.
   */
  private presenceWeights(share: number, hubs: number, hubShare: number): number[] {
    const weights = this.nets.map(() => (this.random.chance(share) ? Math.min(this.random.pareto(1.8), 400) : 0));
    const regular = weights.reduce((a, b) => a + b, 0);
    const hubIndexes = this.random.shuffle(this.nets.map((_, i) => i)).slice(0, hubs);
    for (const i of hubIndexes) weights[i] = regular * hubShare;
    return weights;
  }

  /** Splits `total` into `n` heavy-tailed sizes: rank r gets about (r + 8)^-1.1. */
  private heavyTailedSizes(n: number, total: number, rankKey: (i: number) => number, cap: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rankKey(a) - rankKey(b));
    const raw = new Array<number>(n).fill(0);
    order.forEach((item, rank) => {
      raw[item] = Math.pow(rank + 8, -1.1) * this.random.noise(0.3);
    });
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => Math.min(cap, Math.round((w / sum) * total)));
  }

  private buildIxs(): void {
    const names = new UniqueNames();
    const hostile = this.hostileSlots(this.counts.ix, 4);
    const odd = this.plantedSlots(this.counts.ix, ODD_NAMES.slice(0, 3), hostile);
    const { orgs, index } = this.operators(Math.round(this.counts.ix * 0.75));
    const created = this.createdTimes(this.counts.ix, 0.3);
    const ids = this.idSequence(this.counts.ix);
    const hubs = Math.max(1, Math.round(6 * Math.min(1, this.scale * 4)));
    this.ixPresence = new WeightedIndex(this.presenceWeights(0.45, hubs, 0.01));
    const positiveNets = this.ixPresence.positive;
    const duplicateShare = 0.03;
    const sizes = this.heavyTailedSizes(
      this.counts.ix,
      this.counts.netixlan * (1 - duplicateShare),
      (i) => (i + 1) * this.random.noise(0.9),
      Math.floor(positiveNets * 0.6),
    );
    const v4Pools = [185, 193, 195, 206, 80, 103, 198].map((octet) => ({ next: octet * 2 ** 24 }));
    // Exchanges are where the data centres are: place each in the metro of a facility.
    const facIndex = new WeightedIndex(this.facs.map((f) => f.popularity));
    this.ixs = ids.map((id, i) => {
      const org = orgs[index.draw(this.random)]!;
      const metroIndex = this.facs.length > 0 ? this.facs[facIndex.draw(this.random)]!.metroIndex : this.metro();
      const metro = METROS[metroIndex]!;
      const brand = this.orgBrand.get(org.id)!;
      const style = this.random.float();
      const wanted =
        style < 0.35 ? `${brand.toUpperCase().slice(0, 6)}-IX ${metro.city}` : style < 0.6 ? `${brand} ${metro.city}` : style < 0.8 ? `${metro.code}-IX` : `${metro.city} Internet Exchange`;
      const name = names.claim(hostile.get(i) ?? odd.get(i) ?? wanted).slice(0, 64);
      const domain = this.orgDomain.get(org.id)!;
      const members = sizes[i]!;
      const hostsNeeded = Math.max(64, Math.ceil(members * 1.6) + 16);
      const prefixLength = Math.max(19, 32 - Math.ceil(Math.log2(hostsNeeded)));
      const pool = this.random.pick(v4Pools);
      const size = 2 ** (32 - prefixLength);
      const v4Base = Math.ceil(pool.next / size) * size;
      pool.next = v4Base + size;
      const ipv6 = this.random.chance(0.9);
      const createdAt = Math.max(created[i]!, Date.parse(org.created) / 1000);
      const website = `https://www.${domain}`;
      const row = completeRow('ix', id, createdAt, {
        org_id: org.id,
        name,
        aka: style < 0.6 && this.random.chance(0.3) ? `${metro.code}-IX` : '',
        name_long: this.random.chance(0.4) ? `${brand} Internet Exchange ${metro.city}` : '',
        city: metro.city,
        country: metro.country,
        region_continent: metro.continent,
        media: 'Ethernet',
        notes: '',
        proto_unicast: true,
        proto_multicast: this.random.chance(0.05),
        proto_ipv6: ipv6,
        website,
        social_media: [{ service: 'website', identifier: website }],
        url_stats: this.random.chance(0.4) ? `${website}/statistics` : '',
        tech_email: this.random.chance(0.8) ? `noc@${domain}` : '',
        tech_phone: this.random.chance(0.4) ? this.phone(metro) : '',
        policy_email: this.random.chance(0.7) ? `peering@${domain}` : '',
        policy_phone: this.random.chance(0.3) ? this.phone(metro) : '',
        sales_phone: '',
        sales_email: this.random.chance(0.3) ? `sales@${domain}` : '',
        ixf_net_count: 0,
        ixf_last_import: null,
        ixf_import_request: null,
        ixf_import_request_status: 'queued',
        service_level: this.random.weighted(IX_SERVICE_LEVEL),
        terms: this.random.weighted(IX_TERMS),
        status_dashboard: this.random.chance(0.1) ? `https://status.${domain}` : '',
        logo: null,
        ...this.stamps(createdAt),
      });
      return {
        row,
        metroIndex,
        members,
        v4Base,
        v4Next: v4Base + 1,
        v6Base: ipv6 ? `2001:7f8:${(0x10 + i).toString(16)}` : null,
        prefixLength,
        facIds: [],
        hasLan: true,
      };
    });
    // The newest exchanges have not set up their LAN yet: no LAN, no prefix, no member.
    for (const ix of this.ixs.slice(-Math.max(1, Math.round(4 * this.scale)))) {
      ix.hasLan = false;
      ix.members = 0;
    }
  }

  private buildIxLans(): void {
    const pfxDrafts: Draft<'ixpfx'>[] = [];
    const withLan = this.ixs.filter((ix) => ix.hasLan);
    withLan.forEach((ix, i) => {
      const createdAt = Date.parse(ix.row.created) / 1000;
      const visible = this.random.weighted([['Private', 90], ['Public', 6], ['Users', 4]] as const);
      const hasUrl = this.random.chance(0.4);
      this.ixlans.push(
        completeRow('ixlan', ix.row.id, createdAt, {
          ix_id: ix.row.id,
          name: '',
          descr: '',
          mtu: this.random.chance(0.9) ? 1500 : 9000,
          dot1q_support: false,
          rs_asn: this.random.chance(0.2) ? this.random.int(1000, 64495) : 0,
          // PeeringDB keeps arp_sponge unique: a MAC per LAN, here made of its id.
          arp_sponge: i % 10 === 0 ? macOf(ix.row.id) : null,
          ixf_ixp_member_list_url: hasUrl ? `${ix.row.website}/members.json` : '',
          ixf_ixp_member_list_url_visible: visible,
          ixf_ixp_import_enabled: hasUrl && this.random.chance(0.5),
          ...this.stamps(createdAt),
        }),
      );
      pfxDrafts.push({ createdAt: this.childCreated(createdAt), ixlan_id: ix.row.id, protocol: 'IPv4', prefix: `${ipv4ToString(ix.v4Base)}/${ix.prefixLength}`, in_dfz: this.random.chance(0.9) });
      if (ix.v6Base) {
        pfxDrafts.push({ createdAt: this.childCreated(createdAt), ixlan_id: ix.row.id, protocol: 'IPv6', prefix: `${ix.v6Base}::/64`, in_dfz: this.random.chance(0.9) });
      }
    });
    // Fill up to the target with second LANs' IPv4 prefixes (documentation ranges, never used by members).
    for (let k = 0; pfxDrafts.length < this.counts.ixpfx && withLan.length > 0; k += 1) {
      const ix = this.random.pick(withLan);
      pfxDrafts.push({ createdAt: this.childCreated(Date.parse(ix.row.created) / 1000), ixlan_id: ix.row.id, protocol: 'IPv4', prefix: `100.${64 + (k >> 8)}.${k & 255}.0/24`, in_dfz: false });
    }
    this.ixpfxs = this.finish('ixpfx', pfxDrafts);
  }

  private buildIxFacs(): void {
    const facsByMetro = new Map<number, FacInfo[]>();
    for (const fac of this.facs) {
      const list = facsByMetro.get(fac.metroIndex) ?? [];
      list.push(fac);
      facsByMetro.set(fac.metroIndex, list);
    }
    const totalMembers = this.ixs.reduce((a, ix) => a + Math.pow(ix.members + 1, 0.7), 0);
    const extra = Math.max(0, this.counts.ixfac - this.ixs.length);
    const drafts: Draft<'ixfac'>[] = [];
    for (const ix of this.ixs) {
      const metro = METROS[ix.metroIndex]!;
      const wanted = 1 + Math.round((extra * Math.pow(ix.members + 1, 0.7)) / totalMembers);
      let local = facsByMetro.get(ix.metroIndex) ?? [];
      if (local.length < wanted) {
        // A metro short of facilities: the exchange reaches into others of the same country, then region.
        local = [...local, ...this.facs.filter((f) => f.metroIndex !== ix.metroIndex && METROS[f.metroIndex]!.country === metro.country)];
      }
      if (local.length < wanted) {
        local = [...local, ...this.facs.filter((f) => METROS[f.metroIndex]!.country !== metro.country && METROS[f.metroIndex]!.continent === metro.continent)];
      }
      if (local.length === 0) continue;
      const index = new WeightedIndex(local.map((f) => f.popularity));
      const chosen = new Set<FacInfo>();
      const target = Math.min(wanted, local.length);
      for (let attempts = 0; chosen.size < target && attempts < target * 20; attempts += 1) chosen.add(local[index.draw(this.random)]!);
      // Popular facilities win most draws; the rest of the list tops the exchange up.
      for (const fac of local) {
        if (chosen.size >= target) break;
        chosen.add(fac);
      }
      for (const fac of chosen) {
        ix.facIds.push(fac.row.id);
        const after = Math.max(Date.parse(ix.row.created), Date.parse(fac.row.created)) / 1000;
        drafts.push({ createdAt: this.childCreated(after), name: fac.row.name, city: fac.row.city, country: fac.row.country, ix_id: ix.row.id, fac_id: fac.row.id });
      }
    }
    this.ixfacs = this.finish('ixfac', drafts);
  }

  private buildNetIxLans(): void {
    const hostile = this.hostileSlots(this.counts.netixlan);
    const drafts: Draft<'netixlan'>[] = [];
    const connect = (ix: IxInfo, net: PdbRow<'net'>, nth: number): void => {
      const after = Math.max(Date.parse(ix.row.created), Date.parse(net.created)) / 1000;
      const v4 = this.random.chance(0.98) ? ipv4ToString(ix.v4Next) : null;
      ix.v4Next += this.random.chance(0.1) ? 2 : 1;
      const sideFac = ix.facIds.length > 0 && this.random.chance(0.1) ? this.random.pick(ix.facIds) : null;
      drafts.push({
        createdAt: this.childCreated(after),
        net_id: net.id,
        ix_id: ix.row.id,
        name: ix.row.name,
        ixlan_id: ix.row.id,
        notes: '',
        speed: this.random.weighted(PORT_SPEEDS),
        asn: net.asn,
        ipaddr4: v4,
        ipaddr6: ix.v6Base && this.random.chance(0.88) ? `${ix.v6Base}::${asnGroups(net.asn)}:${nth}` : null,
        is_rs_peer: this.random.chance(0.6),
        bfd_support: this.random.chance(0.15),
        operational: this.random.chance(0.97),
        net_side_id: sideFac,
        ix_side_id: sideFac !== null && this.random.chance(0.5) ? sideFac : null,
      });
    };
    for (const ix of this.ixs) {
      const members = new Set<number>();
      for (let attempts = 0; members.size < ix.members && attempts < ix.members * 30; attempts += 1) {
        members.add(this.ixPresence.draw(this.random));
      }
      for (const netIndex of members) {
        const net = this.nets[netIndex]!;
        connect(ix, net, 1);
        // Some networks take a second port at the same exchange (redundancy, another router).
        if (this.random.chance(0.03)) connect(ix, net, 2);
      }
    }
    const orphans = Math.max(1, Math.round(5 * this.scale));
    const maxNetId = this.nets[this.nets.length - 1]?.id ?? 0;
    const withLan = this.ixs.filter((ix) => ix.hasLan);
    for (let k = 0; k < orphans && withLan.length > 0; k += 1) {
      // A connection whose network this copy never received: a child pointing at a missing parent.
      const ix = this.random.pick(withLan);
      const ghost = { id: maxNetId + 1000 + k, asn: 4_200_000_000 + k, created: ix.row.created } as PdbRow<'net'>;
      connect(ix, ghost, 1);
    }
    this.giveSomeNetworksSeveralAsns(drafts);
    hostile.forEach((text, index) => {
      const draft = drafts[index];
      if (draft) draft.notes = text;
    });
    this.netixlans = this.finish('netixlan', drafts);
  }

  /**
   * One record, ports under several ASNs: in real data some 20 networks, large operators among
   * them, hold 140 ports whose ASN is not the record's own (a sibling network's, or one with no
   * record at all). Every other port of such a network carries the other ASN, up to seven.
   */
  private giveSomeNetworksSeveralAsns(drafts: Draft<'netixlan'>[]): void {
    const portsByNet = new Map<number, Draft<'netixlan'>[]>();
    for (const draft of drafts) {
      const list = portsByNet.get(draft.net_id!) ?? [];
      list.push(draft);
      portsByNet.set(draft.net_id!, list);
    }
    const netById = new Map(this.nets.map((net) => [net.id, net]));
    const candidates = [...portsByNet].filter(([netId, ports]) => netById.has(netId) && ports.length >= 2);
    candidates.sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    const wanted = Math.min(candidates.length, Math.max(2, Math.round(20 * this.scale)));
    // A few of the largest, the rest from anywhere.
    const large = candidates.slice(0, Math.ceil(wanted / 4));
    const rest = this.random.shuffle(candidates.slice(large.length)).slice(0, wanted - large.length);
    const taken = new Set(this.nets.map((net) => net.asn));
    const netsByOrg = new Map<number, PdbRow<'net'>[]>();
    for (const net of this.nets) netsByOrg.set(net.org_id, [...(netsByOrg.get(net.org_id) ?? []), net]);
    for (const [netId, ports] of [...large, ...rest]) {
      const net = netById.get(netId)!;
      const sibling = (netsByOrg.get(net.org_id) ?? []).find((other) => other.id !== net.id);
      let other = sibling && this.random.chance(0.5) ? sibling.asn : 0;
      while (other === 0 || (taken.has(other) && other !== sibling?.asn)) other = this.random.int(131_072, 402_000);
      taken.add(other);
      ports.forEach((port, i) => {
        if (i % 2 === 1 && i < 2 * PORTS_UNDER_OTHER_ASN) port.asn = other;
      });
    }
  }

  private buildNetFacs(): void {
    const presence = new WeightedIndex(this.presenceWeights(0.5, Math.max(1, Math.round(10 * Math.min(1, this.scale * 4))), 0.004));
    const sizes = this.heavyTailedSizes(this.facs.length, this.counts.netfac, (i) => -this.facs[i]!.popularity, Math.floor(presence.positive * 0.6));
    const drafts: Draft<'netfac'>[] = [];
    this.facs.forEach((fac, i) => {
      const members = new Set<number>();
      for (let attempts = 0; members.size < sizes[i]! && attempts < sizes[i]! * 30; attempts += 1) members.add(presence.draw(this.random));
      for (const netIndex of members) {
        const net = this.nets[netIndex]!;
        const after = Math.max(Date.parse(fac.row.created), Date.parse(net.created)) / 1000;
        drafts.push({ createdAt: this.childCreated(after), name: fac.row.name, city: fac.row.city, country: fac.row.country, net_id: net.id, fac_id: fac.row.id, local_asn: net.asn });
      }
    });
    const orphans = Math.max(1, Math.round(5 * this.scale));
    const maxFacId = this.facs[this.facs.length - 1]?.row.id ?? 0;
    for (let k = 0; k < orphans && this.nets.length > 0; k += 1) {
      const net = this.random.pick(this.nets);
      drafts.push({ createdAt: this.childCreated(Date.parse(net.created) / 1000), name: 'Closed Facility', city: '', country: '', net_id: net.id, fac_id: maxFacId + 1000 + k, local_asn: net.asn });
    }
    this.netfacs = this.finish('netfac', drafts);
  }

  private buildPocs(): void {
    const hostile = this.hostileSlots(this.counts.poc);
    const perNet = this.counts.poc / Math.max(1, this.nets.length);
    const drafts: Draft<'poc'>[] = [];
    const addPoc = (netId: number, netCreated: number, domain: string): void => {
      const role = this.random.weighted(POC_ROLES_WEIGHTED);
      const person = this.random.chance(0.4);
      drafts.push({
        createdAt: this.childCreated(netCreated),
        net_id: netId,
        role,
        visible: this.random.weighted([['Users', 86], ['Public', 12], ['Private', 2]] as const),
        name: person ? `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}` : role === 'Policy' ? 'Peering Team' : `${role} Team`,
        phone: this.random.chance(0.5) ? `+${this.random.int(1, 99)} ${this.random.int(100, 999)} ${this.random.int(100000, 999999)}` : '',
        email: this.random.chance(0.95) ? `${role.toLowerCase().replace(/\s+/g, '-')}@${domain}` : '',
        url: this.random.chance(0.1) ? `https://www.${domain}/contact` : '',
      });
    };
    for (const net of this.nets) {
      const domain = this.orgDomain.get(net.org_id) ?? 'example.net';
      let k = 0;
      // Poisson-like count with the target mean; a few networks list many contacts.
      for (let roll = this.random.float(); roll < perNet / (perNet + 1) && k < 8; roll = this.random.float()) k += 1;
      for (let j = 0; j < k; j += 1) addPoc(net.id, Date.parse(net.created) / 1000, domain);
    }
    const orphans = Math.max(1, Math.round(5 * this.scale));
    const maxNetId = this.nets[this.nets.length - 1]?.id ?? 0;
    for (let k = 0; k < orphans; k += 1) addPoc(maxNetId + 2000 + k, LEGACY_CREATED, 'gone.example');
    hostile.forEach((text, index) => {
      const draft = drafts[index];
      if (draft) draft.name = text;
    });
    this.pocs = this.finish('poc', drafts);
  }

  /** A few leaf rows were deleted recently: they are what a `since` feed carries besides edits. */
  private softDeleteSome(): void {
    const deleteShare = 0.003;
    const recent = (row: AnyRow): string => epochToPdbTime(Math.max(pdbTimeToEpoch(row.created), this.until - this.random.int(0, 90 * DAY)));
    for (const rows of [this.netixlans, this.netfacs, this.ixfacs, this.carrierfacs] as unknown as AnyRow[][]) {
      for (const row of rows) {
        if (this.random.chance(deleteShare)) Object.assign(row, { status: 'deleted', updated: recent(row) });
      }
    }
    for (const poc of this.pocs as unknown as AnyRow[]) {
      if (this.random.chance(deleteShare)) Object.assign(poc, { status: 'deleted', updated: recent(poc), name: '', phone: '', email: '', url: '' });
    }
    // Networks deleted when the registry reclaimed their ASN, whose ports are not deleted yet:
    // exchanges still list ports of a network that is gone.
    const connected = new Set(this.netixlans.map((row) => row.net_id));
    const withPorts = this.nets.filter((net) => connected.has(net.id));
    for (const net of this.random.shuffle([...withPorts]).slice(0, Math.max(1, Math.round(5 * this.scale)))) {
      Object.assign(net, { status: 'deleted', updated: recent(net as unknown as AnyRow) });
    }
  }

  /**
   * A copy made from dumps of several years holds rows as PeeringDB wrote them then: a few old
   * rows lack the fields added since, and show traffic in the wording used until 2020.
   */
  private ageSomeRows(): void {
    const oldShare = 0.05;
    const age = (type: PdbType, rows: AnyRow[], alsoFor?: (row: AnyRow) => void) => {
      for (const row of rows) {
        if (pdbTimeToEpoch(row.created) >= TRAFFIC_REWORDED || !this.random.chance(oldShare)) continue;
        for (const field of FIELDS_OLD_ROWS_LACK[type] ?? []) delete row[field];
        alsoFor?.(row);
      }
    };
    age('net', this.nets as unknown as AnyRow[], (net) => {
      const older = TRAFFIC_BEFORE_2020[net.info_traffic as string];
      if (older) net.info_traffic = older;
      if (net.info_type === '') net.info_type = 'Not Disclosed';
    });
    age('ix', this.ixs.map((ix) => ix.row) as unknown as AnyRow[]);
    age('fac', this.facs.map((fac) => fac.row) as unknown as AnyRow[]);
    age('netixlan', this.netixlans as unknown as AnyRow[]);
  }

  /** Denormalised counters and "last child change" stamps, as the server maintains them. */
  private deriveCounters(): void {
    const netById = new Map(this.nets.map((n) => [n.id, n]));
    const facById = new Map(this.facs.map((f) => [f.row.id, f.row]));
    const ixById = new Map(this.ixs.map((ix) => [ix.row.id, ix.row]));
    const carrierById = new Map(this.carriers.map((c) => [c.id, c]));
    const relation = (): Map<number, Set<number>> => new Map();
    const [netIx, ixNet, netFac, facNet, ixFac, facIx, carrierFac, facCarrier] = Array.from({ length: 8 }, relation) as [
      Map<number, Set<number>>, Map<number, Set<number>>, Map<number, Set<number>>, Map<number, Set<number>>,
      Map<number, Set<number>>, Map<number, Set<number>>, Map<number, Set<number>>, Map<number, Set<number>>,
    ];
    const link = (map: Map<number, Set<number>>, key: number, value: number): void => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(value);
    };
    const later = (a: string | null, b: string): string => (a === null || b > a ? b : a);
    for (const row of this.netixlans) {
      const net = netById.get(row.net_id);
      if (net) net.netixlan_updated = later(net.netixlan_updated, row.updated);
      if (row.status !== 'ok') continue;
      link(netIx, row.net_id, row.ix_id);
      link(ixNet, row.ix_id, row.net_id);
    }
    for (const row of this.netfacs) {
      const net = netById.get(row.net_id);
      if (net) net.netfac_updated = later(net.netfac_updated, row.updated);
      if (row.status !== 'ok') continue;
      link(netFac, row.net_id, row.fac_id);
      link(facNet, row.fac_id, row.net_id);
    }
    for (const row of this.pocs) {
      const net = netById.get(row.net_id);
      if (net) net.poc_updated = later(net.poc_updated, row.updated);
    }
    for (const row of this.ixfacs) {
      if (row.status !== 'ok') continue;
      link(ixFac, row.ix_id, row.fac_id);
      link(facIx, row.fac_id, row.ix_id);
    }
    for (const row of this.carrierfacs) {
      if (row.status !== 'ok') continue;
      link(carrierFac, row.carrier_id, row.fac_id);
      link(facCarrier, row.fac_id, row.carrier_id);
    }
    const size = (map: Map<number, Set<number>>, id: number): number => map.get(id)?.size ?? 0;
    for (const net of netById.values()) {
      net.ix_count = size(netIx, net.id);
      net.fac_count = size(netFac, net.id);
    }
    for (const fac of facById.values()) {
      fac.net_count = size(facNet, fac.id);
      fac.ix_count = size(facIx, fac.id);
      fac.carrier_count = size(facCarrier, fac.id);
    }
    for (const ix of ixById.values()) {
      ix.net_count = size(ixNet, ix.id);
      ix.fac_count = size(ixFac, ix.id);
    }
    for (const carrier of carrierById.values()) carrier.fac_count = size(carrierFac, carrier.id);
  }

  build(): FullPdbDump {
    this.buildOrgs();
    this.buildFacs();
    this.buildCampuses();
    this.buildCarriers();
    this.buildNets();
    this.buildIxs();
    this.buildIxLans();
    this.buildIxFacs();
    this.buildNetIxLans();
    this.buildNetFacs();
    this.buildPocs();
    this.softDeleteSome();
    this.deriveCounters();
    this.ageSomeRows();
    const envelope = <R>(data: R[]): { data: R[]; meta: Record<string, unknown> } => ({ data, meta: {} });
    return {
      org: envelope(this.orgs),
      campus: envelope(this.campuses),
      fac: envelope(this.facs.map((f) => f.row)),
      carrier: envelope(this.carriers),
      carrierfac: envelope(this.carrierfacs),
      net: envelope(this.nets),
      ix: envelope(this.ixs.map((ix) => ix.row)),
      ixfac: envelope(this.ixfacs),
      ixlan: envelope(this.ixlans),
      ixpfx: envelope(this.ixpfxs),
      netfac: envelope(this.netfacs),
      netixlan: envelope(this.netixlans),
      poc: envelope(this.pocs),
    };
  }
}

/**
 * Everything the fake server knows: contacts of every visibility, IX-F URLs on every ixlan,
 * a few recently deleted rows. `publicView` turns it into what an anonymous dump holds.
 */
export function generateDataset(options: GenerateOptions): FullPdbDump {
  return new DatasetBuilder(options).build();
}

/** What CAIDA's dump and the public cache contain: live rows, public contacts only. */
export function publicView(dump: FullPdbDump): FullPdbDump {
  const out = {} as Record<PdbType, { data: unknown[]; meta: Record<string, unknown> }>;
  for (const type of PDB_TYPES) {
    const data: unknown[] = [];
    for (const row of dump[type].data as unknown as AnyRow[]) {
      if (row.status !== 'ok') continue;
      const seen = viewRow(type, row, ANONYMOUS);
      if (seen) data.push(seen);
    }
    out[type] = { data, meta: {} };
  }
  return out as unknown as FullPdbDump;
}

/**
 * One search box: networks, IXPs, facilities and organisations by name, ASN, IRR as-set, IX
 * peering IP (who holds it) and prefix (which IX LAN it falls in). Answers come from the
 * prefix indexes; a one-letter query can match tens of thousands of names, so name matches
 * are counted in typed arrays and only the best `limit` become display rows.
 */
import type { DiscoveryIndex, IndexPart } from '../index/discovery-index';
import { namesStartingWith, type NameSearchIndex } from '../index/name-search';
import { canonicalIp, parsePrefix, prefixesOverlap, type ParsedPrefix } from '../index/ip';
import { infoTypesOf } from './summaries';
import { foldText, squash, wordsOf } from '../index/text';
import { amountOf, textOf } from '../index/row-values';
import { parseAsn } from '../../../../shared/asn';
import type { SearchArgs, SearchHit, SearchKind, SearchMatch, SearchResult } from '../../protocol/discovery';

interface Candidate {
  kind: SearchKind;
  id: number;
  score: number;
  popularity: number;
  match: SearchMatch;
  detail: string;
  /** Distinguishes hits of one row (an IP held at two IXPs, two ASNs of one record); empty for most. */
  variant: string;
  /** For networks found by an ASN other than the record's own (a port's): that ASN. */
  asn?: number;
}

// Scores order the kinds of match; popularity, then the shorter name, break ties.
const SCORE = {
  ipHolder: 20_000,
  prefixLan: 15_000,
  asnExact: 10_000,
  asnOnPorts: 9_000,
  irrExact: 5_000,
  nameExact: 3_000,
  nameStart: 2_000,
  nameWords: 1_000,
  otherNameWords: 500,
  irrPrefix: 400,
  asnPrefix: 300,
} as const;

const KINDS: readonly SearchKind[] = ['net', 'ix', 'fac', 'org'];
const ASN_PREFIX_CAP = 200;
const IRR_PREFIX_MIN_LENGTH = 5;
const IRR_PREFIX_CAP = 200;

/** One number that orders candidates: score, then popularity, then shorter names first. */
function rankKey(score: number, popularity: number, nameLength: number): number {
  const boundedPopularity = Math.max(0, Math.min(popularity, 99_999));
  return score * 10_000_000 + boundedPopularity * 100 + (99 - Math.min(nameLength, 99));
}

/** A candidate with what orders it: its rank key, then (on a tie) kind, ASN or name, and row order. */
interface Ranked {
  key: number;
  kind: number;
  squashed: string;
  ordinal: number;
  candidate: Candidate;
}

/**
 * Before `b` in the answer: higher rank first. Equal ranks are listed by kind, networks found
 * by ASN in ASN order, the others by name, and then in the copy's order: the same answer
 * whichever way the matches were found.
 */
function before(a: Ranked, b: Ranked): boolean {
  if (a.key !== b.key) return a.key > b.key;
  if (a.kind !== b.kind) return a.kind < b.kind;
  const asnA = a.candidate.match === 'asn' ? (a.candidate.asn ?? 0) : 0;
  const asnB = b.candidate.match === 'asn' ? (b.candidate.asn ?? 0) : 0;
  if (asnA !== asnB) return asnA !== 0 && (asnB === 0 || asnA < asnB);
  if (a.squashed !== b.squashed) return a.squashed < b.squashed;
  return a.ordinal < b.ordinal;
}

/** Keeps the `size` best candidates seen so far. */
class TopCandidates {
  private readonly kept: Ranked[] = [];

  constructor(private readonly size: number) {}

  /** Cheap rejection before a candidate object is made. */
  wouldTake(key: number): boolean {
    return this.kept.length < this.size || key >= this.kept[this.kept.length - 1]!.key;
  }

  offer(ranked: Ranked): void {
    const { kept } = this;
    if (kept.length === this.size && !before(ranked, kept[kept.length - 1]!)) return;
    // Best first; the list is short, so a linear insert is fine.
    let at = kept.length;
    while (at > 0 && before(ranked, kept[at - 1]!)) at--;
    kept.splice(at, 0, ranked);
    if (kept.length > this.size) kept.pop();
  }

  best(): Candidate[] {
    return this.kept.map((ranked) => ranked.candidate);
  }
}

/** What a search needs built: names, ASNs and as-sets, and for an address the IPs and prefixes too. */
export function searchNeeds(args: SearchArgs): IndexPart[] {
  return parsePrefix(args.query.trim()) ? ['search', 'addresses'] : ['search'];
}

export function search(index: DiscoveryIndex, args: SearchArgs): SearchResult {
  const query = args.query.trim();
  const limit = Math.max(1, Math.min(args.limit ?? 50, 500));
  if (!query) return { query: args.query, hits: [], total: 0 };

  // Matches other than by name are few; they are gathered first, one per row and variant.
  const special = new Map<string, Candidate>();
  const offer = (candidate: Candidate) => {
    const key = `${candidate.kind}:${candidate.id}${candidate.variant}`;
    const existing = special.get(key);
    if (!existing || existing.score < candidate.score) special.set(key, candidate);
  };
  const top = new TopCandidates(limit);
  let total = 0;

  const address = parsePrefix(query);
  if (address) {
    findByAddress(index, query, address, offer);
  } else {
    findByAsn(index, query, offer);
    findByIrr(index, query, offer);
    total += findByName(index, query, special, top);
  }
  const kindIndexes = new Map<SearchKind, NameSearchIndex>();
  for (const candidate of special.values()) {
    let kindIndex = kindIndexes.get(candidate.kind);
    if (!kindIndex) kindIndexes.set(candidate.kind, (kindIndex = index.nameSearchOf(candidate.kind)));
    const ordinal = kindIndex.ordinalOf.get(candidate.id);
    const nameLength = ordinal === undefined ? 0 : kindIndex.nameLengths[ordinal]!;
    top.offer({
      key: rankKey(candidate.score, candidate.popularity, nameLength),
      kind: KINDS.indexOf(candidate.kind),
      squashed: ordinal === undefined ? '' : kindIndex.squashed[ordinal]!,
      // A record the copy lacks (found by a port's ASN) after those it holds.
      ordinal: ordinal ?? kindIndex.ids.length + candidate.id,
      candidate,
    });
  }
  total += special.size;
  return { query: args.query, hits: top.best().map((candidate) => toHit(index, candidate)), total };
}

function findByAddress(
  index: DiscoveryIndex,
  query: string,
  address: ParsedPrefix,
  offer: (candidate: Candidate) => void,
): void {
  const isHostAddress = !query.includes('/');
  if (isHostAddress) {
    const ip = canonicalIp(query);
    for (const row of index.connectionsWithIp(query)) {
      const ix = index.ix(row.ix_id);
      const net = index.net(row.net_id);
      if (!ix || !net) continue;
      offer({
        kind: 'net',
        id: net.id,
        variant: `@${row.id}`,
        score: SCORE.ipHolder,
        popularity: 0,
        match: 'ip',
        detail: `${ip} at ${textOf(ix.name)}${row.asn !== net.asn ? ` (AS${row.asn})` : ''}`,
        asn: row.asn,
      });
    }
  }
  for (const { pfx, parsed } of index.prefixesOfFamily(address.family)) {
    if (!prefixesOverlap(address, parsed)) continue;
    const lan = index.copy.rows.ixlan.get(pfx.ixlan_id);
    const ix = lan && index.ix(lan.ix_id);
    if (!ix) continue;
    const lanName = textOf(lan.name) ? ` (${textOf(lan.name)})` : '';
    offer({
      kind: 'ix',
      id: ix.id,
      variant: `/${pfx.id}`,
      score: SCORE.prefixLan,
      // The most specific prefix first.
      popularity: parsed.bits,
      match: 'prefix',
      detail: isHostAddress ? `${query} is in ${pfx.prefix}${lanName}` : `${pfx.prefix}${lanName}`,
    });
  }
}

/**
 * Networks by ASN: the record's own, and any ASN its ports carry. An ASN seen only on ports
 * whose record the copy lacks is still offered (under the missing record's id, whose page says
 * it is missing), so it can be picked for Compare and My networks.
 */
function findByAsn(index: DiscoveryIndex, query: string, offer: (candidate: Candidate) => void): void {
  const asn = parseAsn(query);
  if (asn === null) return;
  offerAsn(index, asn, SCORE.asnExact, 0, offer);
  // While an ASN is being typed: the networks whose ASN starts with what is typed so far.
  const digits = String(asn);
  const texts = index.asnTextsSorted();
  let low = 0;
  let high = texts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (texts[mid]! < digits) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < texts.length && i - low < ASN_PREFIX_CAP && texts[i]!.startsWith(digits); i++) {
    const other = Number(texts[i]);
    // Shorter ASNs first: they are closer to what is typed.
    if (other !== asn) offerAsn(index, other, SCORE.asnPrefix, 100 - texts[i]!.length, offer);
  }
}

function offerAsn(index: DiscoveryIndex, asn: number, score: number, popularity: number, offer: (candidate: Candidate) => void): void {
  const own = index.netByAsn(asn);
  const recordIds = new Set<number>(own ? [own.id] : []);
  for (const row of index.connections.byAsn.get(asn) ?? []) recordIds.add(row.net_id);
  for (const id of recordIds) {
    const net = index.net(id);
    const isOwn = net !== undefined && net.asn === asn;
    offer({
      kind: 'net',
      id,
      variant: isOwn ? '' : `#${asn}`,
      // The record whose own ASN it is comes before records whose ports carry it.
      score: isOwn || score !== SCORE.asnExact ? score : SCORE.asnOnPorts,
      popularity,
      match: 'asn',
      detail: isOwn ? '' : net ? `ports under AS${asn}` : `AS${asn} on ports; the network record is not in the local copy`,
      asn,
    });
  }
}

function findByIrr(index: DiscoveryIndex, query: string, offer: (candidate: Candidate) => void): void {
  const folded = query.toLowerCase();
  // As-set names: "AS-FOO", "RIPE::AS-FOO", "AS64500:AS-FOO"; no spaces, start with "as" or name a source.
  if (folded.length < 3 || !/^[a-z0-9:_.-]+$/.test(folded)) return;
  if (!(folded.startsWith('as') || folded.includes(':'))) return;
  const irr = index.irrSearch();
  const exact = new Set(irr.exact(folded));
  // "as-" alone would match nearly every network; until the name takes shape, exact only.
  const withPrefix = new Set<number>(exact);
  if (folded.length >= IRR_PREFIX_MIN_LENGTH) irr.collect(folded, withPrefix, IRR_PREFIX_CAP);
  for (const netId of withPrefix) {
    const net = index.net(netId);
    if (!net) continue;
    offer({
      kind: 'net',
      id: netId,
      variant: '',
      score: exact.has(netId) ? SCORE.irrExact : SCORE.irrPrefix,
      popularity: amountOf(net.ix_count),
      match: 'irr',
      detail: textOf(net.irr_as_set),
    });
  }
}

/**
 * The candidates of one kind found other than by name, by id, for a name match to join
 * (variants, such as an IP held at two IXPs, stay apart); null when there are none.
 */
function plainCandidates(special: ReadonlyMap<string, Candidate>, kind: SearchKind): Map<number, Candidate> | null {
  let found: Map<number, Candidate> | null = null;
  for (const candidate of special.values()) {
    if (candidate.kind === kind && candidate.variant === '') (found ??= new Map()).set(candidate.id, candidate);
  }
  return found;
}

/**
 * Rows of every kind whose names have a word starting with each query word. Rows already
 * found another way keep one entry, with the better score. Returns how many rows matched
 * by name alone.
 */
function findByName(
  index: DiscoveryIndex,
  query: string,
  special: Map<string, Candidate>,
  top: TopCandidates,
): number {
  const foldedQuery = foldText(query);
  const words = wordsOf(foldedQuery);
  if (words.length === 0) return 0;
  const squashedQuery = squash(foldedQuery);
  if (squashedQuery.length === 1) return findByNameStart(index, squashedQuery, special, top);
  let count = 0;
  KINDS.forEach((kind, kindOrder) => {
    const kindIndex = index.nameSearchOf(kind);
    const popularityOf = index.popularityOf(kind);
    const foundOtherwise = plainCandidates(special, kind);
    const touched = markMatches(kindIndex, words);
    const { wordsMatched, nameWordsMatched } = kindIndex;
    for (const ordinal of touched) {
      if (wordsMatched[ordinal] !== words.length) continue;
      const id = kindIndex.ids[ordinal]!;
      const nameLength = kindIndex.nameLengths[ordinal]!;
      const squashed = kindIndex.squashed[ordinal]!;
      const foldedStarts = foldedQuery.length <= nameLength && kindIndex.names.lineStartsWith(ordinal, foldedQuery);
      let score: number = SCORE.otherNameWords;
      if (squashed === squashedQuery) score = SCORE.nameExact;
      else if (foldedStarts || squashed.startsWith(squashedQuery)) score = SCORE.nameStart;
      else if (nameWordsMatched[ordinal] === words.length) score = SCORE.nameWords;
      const match: SearchMatch = score === SCORE.otherNameWords ? 'other-name' : 'name';
      const existing = foundOtherwise?.get(id);
      if (existing) {
        if (existing.score < score) Object.assign(existing, { score, match, detail: '' });
        continue;
      }
      count++;
      const popularity = popularityOf(ordinal);
      const key = rankKey(score, popularity, nameLength);
      if (top.wouldTake(key)) {
        const candidate: Candidate = { kind, id, variant: '', score, popularity, match, detail: '' };
        top.offer({ key, kind: kindOrder, squashed, ordinal, candidate });
      }
    }
    for (const ordinal of touched) {
      wordsMatched[ordinal] = 0;
      nameWordsMatched[ordinal] = 0;
    }
  });
  return count;
}

/**
 * A single letter matches a word in most names; what a user means by it is names that start
 * with it, most popular first.
 */
function findByNameStart(
  index: DiscoveryIndex,
  letter: string,
  special: Map<string, Candidate>,
  top: TopCandidates,
): number {
  let count = 0;
  KINDS.forEach((kind, kindOrder) => {
    const kindIndex = index.nameSearchOf(kind);
    const popularityOf = index.popularityOf(kind);
    const foundOtherwise = plainCandidates(special, kind);
    const { squashed: names, ids, nameLengths } = kindIndex;
    for (const ordinal of namesStartingWith(kindIndex, letter.charCodeAt(0))) {
      const squashed = names[ordinal]!;
      const id = ids[ordinal]!;
      const score = squashed === letter ? SCORE.nameExact : SCORE.nameStart;
      const existing = foundOtherwise?.get(id);
      if (existing) {
        if (existing.score < score) Object.assign(existing, { score, match: 'name', detail: '' });
        continue;
      }
      count++;
      const popularity = popularityOf(ordinal);
      const key = rankKey(score, popularity, nameLengths[ordinal]!);
      if (top.wouldTake(key)) {
        const candidate: Candidate = { kind, id, variant: '', score, popularity, match: 'name', detail: '' };
        top.offer({ key, kind: kindOrder, squashed, ordinal, candidate });
      }
    }
  });
  return count;
}

/** Up to how many rows a query word after the first is looked for in each row's own words. */
const ROWS_READ_ONE_BY_ONE = 1000;

/**
 * Counts, per row (by ordinal), how many of the words in order it matched (a word counts only
 * if all before it did), by any name and by the main name. Returns the ordinals touched, to
 * read and reset.
 */
function markMatches(kindIndex: NameSearchIndex, words: string[]): number[] {
  const { wordsMatched, nameWordsMatched } = kindIndex;
  const touched: number[] = [];
  words.forEach((word, position) => {
    const advanced = position + 1;
    if (position > 0 && touched.length <= ROWS_READ_ONE_BY_ONE) {
      // Only rows that matched the words before can go on: with few, reading their lines costs
      // less than visiting every word that starts like this one ("c" alone: tens of thousands).
      for (const ordinal of touched) {
        if (wordsMatched[ordinal] !== position) continue;
        const byName = kindIndex.names.lineHasWordWithPrefix(ordinal, word);
        if (byName && nameWordsMatched[ordinal] === position) nameWordsMatched[ordinal] = advanced;
        if (byName || kindIndex.otherNames.lineHasWordWithPrefix(ordinal, word)) wordsMatched[ordinal] = advanced;
      }
      return;
    }
    kindIndex.names.forEachWithPrefix(word, (ordinal) => {
      if (position === 0 && wordsMatched[ordinal] === 0) touched.push(ordinal);
      if (nameWordsMatched[ordinal] === position) nameWordsMatched[ordinal] = advanced;
      if (wordsMatched[ordinal] === position) wordsMatched[ordinal] = advanced;
    });
    kindIndex.otherNames.forEachWithPrefix(word, (ordinal) => {
      if (position === 0 && wordsMatched[ordinal] === 0) touched.push(ordinal);
      if (wordsMatched[ordinal] === position) wordsMatched[ordinal] = advanced;
    });
  });
  return touched;
}

function place(city: unknown, country: unknown): string {
  return [textOf(city), textOf(country)].filter(Boolean).join(', ');
}

/** Per state of the ports (a sync replaces the map), members counted per IXP: the largest have a thousand ports to count. */
const memberCounts = new WeakMap<ReadonlyMap<number, unknown>, Map<number, number>>();

function memberCountOf(index: DiscoveryIndex, ixId: number): number {
  let counts = memberCounts.get(index.connections.byIx);
  if (!counts) memberCounts.set(index.connections.byIx, (counts = new Map()));
  let count = counts.get(ixId);
  if (count === undefined) counts.set(ixId, (count = index.portAsnCountOfIx(ixId)));
  return count;
}

function toHit(index: DiscoveryIndex, candidate: Candidate): SearchHit {
  const base = {
    key: `${candidate.kind}:${candidate.id}${candidate.variant}`,
    kind: candidate.kind,
    id: candidate.id,
    match: candidate.match,
    detail: candidate.detail,
  };
  switch (candidate.kind) {
    case 'net': {
      const net = index.net(candidate.id);
      const asn = candidate.asn ?? net?.asn;
      if (!net) return { ...base, asn, title: `AS${asn}`, subtitle: 'Not in the local copy' };
      const policy = textOf(net.policy_general);
      const facts = [`AS${asn}`, infoTypesOf(net).join(', '), policy ? `${policy} policy` : ''];
      const detail = candidate.match === 'other-name' ? textOf(net.aka) || textOf(net.name_long) : candidate.detail;
      return { ...base, detail, asn, title: textOf(net.name), subtitle: facts.filter(Boolean).join(' · ') };
    }
    case 'ix': {
      const ix = index.ix(candidate.id)!;
      const members = memberCountOf(index, ix.id);
      const facts = [place(ix.city, ix.country), `${members} network${members === 1 ? '' : 's'}`];
      return { ...base, title: textOf(ix.name), subtitle: facts.filter(Boolean).join(' · ') };
    }
    case 'fac': {
      const fac = index.fac(candidate.id)!;
      return { ...base, title: textOf(fac.name), subtitle: place(fac.city, fac.country) };
    }
    case 'org': {
      const org = index.org(candidate.id)!;
      return { ...base, title: textOf(org.name), subtitle: place(org.city, org.country) };
    }
  }
}

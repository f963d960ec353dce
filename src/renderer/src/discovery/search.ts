/**
 * One search box: networks, IXPs, facilities and organisations by name, ASN, IRR as-set, IX
 * peering IP (who holds it) and prefix (which IX LAN it falls in). Answers come from the
 * prefix indexes; only the best `limit` hits are turned into display rows.
 */
import type { DiscoveryIndex } from './discovery-index';
import { canonicalIp, parsePrefix, prefixesOverlap, type ParsedPrefix } from './ip';
import { infoTypesOf } from './summaries';
import { foldText, parseAsn, squash, wordsOf } from './text';
import type { SearchHit, SearchKind, SearchMatch, SearchResult } from './types';

export interface SearchArgs {
  query: string;
  limit?: number;
}

interface Candidate {
  key: string;
  kind: SearchKind;
  id: number;
  score: number;
  popularity: number;
  match: SearchMatch;
  detail: string;
}

// Scores order the kinds of match; popularity only breaks ties within one kind.
const SCORE = {
  ipHolder: 20_000,
  prefixLan: 15_000,
  asnExact: 10_000,
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

export function search(index: DiscoveryIndex, args: SearchArgs): SearchResult {
  const query = args.query.trim();
  const limit = Math.max(1, Math.min(args.limit ?? 50, 500));
  if (!query) return { query: args.query, hits: [], total: 0 };

  const candidates = new Map<string, Candidate>();
  const offer = (candidate: Candidate) => {
    const existing = candidates.get(candidate.key);
    if (!existing || existing.score < candidate.score) candidates.set(candidate.key, candidate);
  };

  const address = parsePrefix(query);
  if (address) {
    findByAddress(index, query, address, offer);
  } else {
    findByAsn(index, query, offer);
    findByIrr(index, query, offer);
    findByName(index, query, offer);
  }

  const ranked = Array.from(candidates.values()).sort(
    (a, b) => b.score - a.score || b.popularity - a.popularity || titleLength(index, a) - titleLength(index, b) || a.id - b.id,
  );
  return { query: args.query, hits: ranked.slice(0, limit).map((c) => toHit(index, c)), total: ranked.length };
}

function titleLength(index: DiscoveryIndex, candidate: Candidate): number {
  return index.searchIndexOf(candidate.kind).folded.get(candidate.id)?.length ?? 0;
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
        key: `net:${net.id}@${row.id}`,
        kind: 'net',
        id: net.id,
        score: SCORE.ipHolder,
        popularity: 0,
        match: 'ip',
        detail: `${ip} at ${ix.name}`,
      });
    }
  }
  const prefixes = address.family === 4 ? index.prefixes.v4 : index.prefixes.v6;
  for (const { pfx, parsed } of prefixes) {
    if (!prefixesOverlap(address, parsed)) continue;
    const lan = index.copy.rows.ixlan.get(pfx.ixlan_id);
    const ix = lan && index.ix(lan.ix_id);
    if (!ix) continue;
    const lanName = lan.name ? ` (${lan.name})` : '';
    offer({
      key: `ix:${ix.id}/${pfx.id}`,
      kind: 'ix',
      id: ix.id,
      score: SCORE.prefixLan,
      popularity: parsed.bits,
      match: 'prefix',
      detail: isHostAddress ? `${query} is in ${pfx.prefix}${lanName}` : `${pfx.prefix}${lanName}`,
    });
  }
}

function findByAsn(index: DiscoveryIndex, query: string, offer: (candidate: Candidate) => void): void {
  const asn = parseAsn(query);
  if (asn === null) return;
  const net = index.netByAsn(asn);
  if (net) offer({ key: `net:${net.id}`, kind: 'net', id: net.id, score: SCORE.asnExact, popularity: 0, match: 'asn', detail: '' });
  // While typing an ASN, the networks whose ASN starts with what is typed so far.
  const digits = String(asn);
  const texts = index.netSection.asnTexts;
  let low = 0;
  let high = texts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (texts[mid]! < digits) low = mid + 1;
    else high = mid;
  }
  for (let i = low, taken = 0; i < texts.length && taken < ASN_PREFIX_CAP && texts[i]!.startsWith(digits); i++, taken++) {
    const other = index.netByAsn(Number(texts[i]));
    if (!other || other.asn === asn) continue;
    offer({
      key: `net:${other.id}`,
      kind: 'net',
      id: other.id,
      score: SCORE.asnPrefix,
      popularity: -texts[i]!.length,
      match: 'asn',
      detail: '',
    });
  }
}

function findByIrr(index: DiscoveryIndex, query: string, offer: (candidate: Candidate) => void): void {
  const folded = query.toLowerCase();
  // As-set names: "AS-FOO", "RIPE::AS-FOO", "AS64500:AS-FOO"; no spaces, start with "as" or name a source.
  if (!/^[a-z0-9:_.-]+$/.test(folded) || !(folded.startsWith('as') || folded.includes(':'))) return;
  if (folded.length < 3) return;
  const exact = new Set(index.netSection.irr.exact(folded));
  const withPrefix = new Set<number>();
  index.netSection.irr.collect(folded, withPrefix);
  for (const netId of withPrefix) {
    const net = index.net(netId);
    if (!net) continue;
    offer({
      key: `net:${netId}`,
      kind: 'net',
      id: netId,
      score: exact.has(netId) ? SCORE.irrExact : SCORE.irrPrefix,
      popularity: net.ix_count,
      match: 'irr',
      detail: net.irr_as_set,
    });
  }
}

function findByName(index: DiscoveryIndex, query: string, offer: (candidate: Candidate) => void): void {
  const foldedQuery = foldText(query);
  const words = wordsOf(foldedQuery);
  if (words.length === 0) return;
  const squashedQuery = squash(foldedQuery);
  for (const kind of KINDS) {
    const kindIndex = index.searchIndexOf(kind);
    let matched: Set<number> | null = null;
    let byName: Set<number> | null = null;
    // Rarest words are not known up front; intersecting word by word keeps the sets shrinking.
    for (const word of words) {
      const nameIds = new Set<number>();
      kindIndex.names.collect(word, nameIds);
      const anyIds = new Set(nameIds);
      kindIndex.otherNames.collect(word, anyIds);
      matched = matched ? intersect(matched, anyIds) : anyIds;
      byName = byName ? intersect(byName, nameIds) : nameIds;
      if (matched.size === 0) break;
    }
    for (const id of matched ?? []) {
      if (!rowExists(index, kind, id)) continue;
      const folded = kindIndex.folded.get(id) ?? '';
      const squashed = kindIndex.squashed.get(id) ?? '';
      let score: number = SCORE.otherNameWords;
      if (squashed === squashedQuery) score = SCORE.nameExact;
      else if (folded.startsWith(foldedQuery) || squashed.startsWith(squashedQuery)) score = SCORE.nameStart;
      else if (byName?.has(id)) score = SCORE.nameWords;
      offer({
        key: `${kind}:${id}`,
        kind,
        id,
        score,
        popularity: kindIndex.popularity.get(id) ?? 0,
        match: score === SCORE.otherNameWords ? 'other-name' : 'name',
        detail: '',
      });
    }
  }
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const result = new Set<number>();
  for (const id of small) if (large.has(id)) result.add(id);
  return result;
}

function rowExists(index: DiscoveryIndex, kind: SearchKind, id: number): boolean {
  return index.copy.rows[kind].has(id);
}

function place(city: string | undefined, country: string | undefined): string {
  return [city, country].filter(Boolean).join(', ');
}

function toHit(index: DiscoveryIndex, candidate: Candidate): SearchHit {
  const base = { key: candidate.key, kind: candidate.kind, id: candidate.id, match: candidate.match, detail: candidate.detail };
  switch (candidate.kind) {
    case 'net': {
      const net = index.net(candidate.id)!;
      const facts = [`AS${net.asn}`, infoTypesOf(net).join(', '), net.policy_general ? `${net.policy_general} policy` : ''];
      const detail = candidate.match === 'other-name' ? net.aka || net.name_long : candidate.detail;
      return { ...base, detail, title: net.name, subtitle: facts.filter(Boolean).join(' · ') };
    }
    case 'ix': {
      const ix = index.ix(candidate.id)!;
      const facts = [place(ix.city, ix.country), `${ix.net_count} networks`];
      return { ...base, title: ix.name, subtitle: facts.filter(Boolean).join(' · ') };
    }
    case 'fac': {
      const fac = index.fac(candidate.id)!;
      return { ...base, title: fac.name, subtitle: place(fac.city, fac.country) };
    }
    case 'org': {
      const org = index.org(candidate.id)!;
      return { ...base, title: org.name, subtitle: place(org.city, org.country) };
    }
  }
}

/**
 * What history says, computed from its segments: memberships over time (joins, leaves,
 * returns), exchange statistics as of the latest moment, an exchange's members, capacity and
 * policy mix over time, and a network's values and places over time.
 */
import {
  readMember,
  readNet,
  readPlace,
  splitPairKey,
  type FactValue,
} from '../../../../shared/history/facts';
import type {
  ExchangeGroupStats,
  ExchangeHistoryPoint,
  ExchangeHistoryResult,
  ExchangeStats,
  ExchangeStatisticsResult,
  HistoryCoverage,
  MonthMoves,
  NetworkHistoryField,
  NetworkHistoryResult,
  NetworkPresence,
  PolicyMix,
  ValueChange,
} from '../../protocol/history';
import type { HistoryModel } from './model';
import type { Segment } from './timeline';

const YEAR = 365 * 86_400;

export function coverageOf(model: HistoryModel): HistoryCoverage {
  let fromDumps = 0;
  for (const record of model.momentRecords.values()) if (record.source === 'dump') fromDumps++;
  return { moments: model.moments.length, firstAt: model.first, latestAt: model.latest, fromDumps, storedBytes: model.storedBytes };
}

// ---- Memberships

/** One stretch of presence: consecutive moments, whatever the value did meanwhile. */
interface Stay {
  from: number;
  /** Last moment present; null while present at the latest. */
  to: number | null;
}

export interface MembershipTimeline {
  stays: Stay[];
  /** When it first appeared; null when it was there at history's first moment (joined earlier). */
  joinedAt: number | null;
  /** The first moment it was absent after each stay that ended. */
  leftAt: number[];
  /** The first moment of each stay after the first. */
  returnedAt: number[];
  present: boolean;
}

export function membershipTimeline(model: HistoryModel, segments: readonly Segment[]): MembershipTimeline {
  const stays: Stay[] = [];
  for (const [from, to] of segments) {
    const last = stays.at(-1);
    // Segments that follow with no moment between them are one stay (only the value changed).
    if (last && last.to !== null && model.momentAfter(last.to) === from) last.to = to;
    else stays.push({ from, to });
  }
  const leftAt: number[] = [];
  for (const stay of stays) {
    if (stay.to === null) continue;
    const after = model.momentAfter(stay.to);
    if (after !== null) leftAt.push(after);
  }
  const firstFrom = stays[0]?.from ?? null;
  return {
    stays,
    joinedAt: firstFrom !== null && firstFrom !== model.first ? firstFrom : null,
    leftAt,
    returnedAt: stays.slice(1).map((stay) => stay.from),
    present: stays.at(-1)?.to === null,
  };
}

// ---- Policies

function emptyMix(): PolicyMix {
  return { open: 0, selective: 0, restrictive: 0, no: 0, other: 0 };
}

function policyClass(policy: string): keyof PolicyMix {
  switch (policy.trim().toLowerCase()) {
    case 'open':
      return 'open';
    case 'selective':
      return 'selective';
    case 'restrictive':
      return 'restrictive';
    case 'no':
      return 'no';
    default:
      return 'other';
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

// ---- Statistics as of the latest moment

interface ExchangeTally {
  stats: ExchangeStats;
  speeds: number[];
  /** Port ASN → network id, of the members now. */
  members: Map<number, number | null>;
}

export function exchangeStatistics(
  model: HistoryModel,
  myAsns: ReadonlySet<number>,
  mineOnly: boolean,
): ExchangeStatisticsResult {
  const coverage = coverageOf(model);
  const latest = model.latest;
  if (latest === null) return { coverage, asOf: null, exchanges: [], countries: [], mine: null };
  const windowStart = latest - YEAR;
  const policyOf = (netId: number | null): keyof PolicyMix => {
    if (netId === null) return 'other';
    const value = model.valueAt('net', String(netId), latest);
    return value ? policyClass(readNet(value).policy) : 'other';
  };

  const tallies = new Map<number, ExchangeTally>();
  const tallyOf = (ixId: number): ExchangeTally => {
    let tally = tallies.get(ixId);
    if (!tally) {
      const place = placeAt(model, 'ix', ixId, latest);
      tally = {
        stats: {
          ixId,
          name: place.name || `IXP ${ixId}`,
          country: place.country,
          city: place.city,
          members: 0,
          ports: 0,
          joined12m: 0,
          left12m: 0,
          rsMembers: 0,
          capacity: 0,
          medianPortSpeed: 0,
          policy: emptyMix(),
          isMine: false,
        },
        speeds: [],
        members: new Map(),
      };
      tallies.set(ixId, tally);
    }
    return tally;
  };

  for (const [key, segments] of model.entries('member')) {
    const [ixId, asn] = splitPairKey(key);
    const timeline = membershipTimeline(model, segments);
    const joinedRecently = timeline.joinedAt !== null && timeline.joinedAt > windowStart;
    const leftRecently = !timeline.present && (timeline.leftAt.at(-1) ?? 0) > windowStart;
    if (!timeline.present && !joinedRecently && !leftRecently) continue;
    const tally = tallyOf(ixId);
    if (joinedRecently) tally.stats.joined12m++;
    if (leftRecently) tally.stats.left12m++;
    if (!timeline.present) continue;
    const member = readMember(segments.at(-1)![2]);
    tally.members.set(asn, member.netId);
    tally.stats.members++;
    tally.stats.ports += member.ports;
    tally.stats.capacity += member.capacity;
    if (member.rsPorts > 0) tally.stats.rsMembers++;
    tally.stats.policy[policyOf(member.netId)]++;
    tally.speeds.push(...member.speeds);
    if (myAsns.has(asn)) tally.stats.isMine = true;
  }
  // Exchanges without members are exchanges too.
  for (const [key, segments] of model.entries('ix')) {
    if (segments.at(-1)?.[1] === null) tallyOf(Number(key));
  }

  const all = [...tallies.values()].filter((tally) => tally.stats.members > 0 || tally.stats.joined12m + tally.stats.left12m > 0 || isPresentIx(model, tally.stats.ixId));
  for (const tally of all) tally.stats.medianPortSpeed = median(tally.speeds);
  const shown = mineOnly ? all.filter((tally) => tally.stats.isMine) : all;

  const byCountry = new Map<string, ExchangeTally[]>();
  for (const tally of shown) {
    const country = tally.stats.country || '—';
    const list = byCountry.get(country) ?? [];
    list.push(tally);
    byCountry.set(country, list);
  }
  const mine = all.filter((tally) => tally.stats.isMine);
  return {
    coverage,
    asOf: latest,
    exchanges: shown.map((tally) => tally.stats).sort((a, b) => b.members - a.members || a.name.localeCompare(b.name)),
    countries: [...byCountry]
      .map(([country, list]) => groupStats(`country:${country}`, country, list, policyOf))
      .sort((a, b) => b.networks - a.networks),
    mine: mine.length > 0 ? groupStats('mine', 'All my exchanges', mine, policyOf) : null,
  };
}

function isPresentIx(model: HistoryModel, ixId: number): boolean {
  return model.segments('ix', String(ixId))?.at(-1)?.[1] === null;
}

function groupStats(key: string, label: string, tallies: ExchangeTally[], policyOf: (netId: number | null) => keyof PolicyMix): ExchangeGroupStats {
  const networks = new Map<number, number | null>();
  const speeds: number[] = [];
  const group: ExchangeGroupStats = {
    key,
    label,
    exchanges: tallies.length,
    networks: 0,
    memberships: 0,
    ports: 0,
    joined12m: 0,
    left12m: 0,
    rsMemberships: 0,
    capacity: 0,
    medianPortSpeed: 0,
    policy: emptyMix(),
  };
  for (const tally of tallies) {
    group.memberships += tally.stats.members;
    group.ports += tally.stats.ports;
    group.joined12m += tally.stats.joined12m;
    group.left12m += tally.stats.left12m;
    group.rsMemberships += tally.stats.rsMembers;
    group.capacity += tally.stats.capacity;
    for (const speed of tally.speeds) speeds.push(speed);
    for (const [asn, netId] of tally.members) if (!networks.has(asn)) networks.set(asn, netId);
  }
  group.networks = networks.size;
  group.medianPortSpeed = median(speeds);
  for (const netId of networks.values()) group.policy[policyOf(netId)]++;
  return group;
}

function placeAt(model: HistoryModel, kind: 'ix' | 'fac', id: number, at: number): { name: string; country: string; city: string } {
  const segments = model.segments(kind, String(id));
  if (!segments?.length) return { name: '', country: '', city: '' };
  // The value at `at`, else the last one known (a place that is gone keeps its name).
  const current = segments.find((s) => s[0] <= at && (s[1] === null || at <= s[1])) ?? segments.at(-1)!;
  return readPlace(current[2]);
}

// ---- One exchange over time

/** At most one point a day (the day's last moment): hourly syncs would give charts no more to show. */
function chartMoments(moments: readonly number[]): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < moments.length; i++) {
    const at = moments[i]!;
    const next = moments[i + 1];
    if (next === undefined || Math.floor(next / 86_400) !== Math.floor(at / 86_400)) chosen.push(at);
  }
  return chosen;
}

/** Index of the first of `sorted` that is >= at. */
function lowerBound(sorted: readonly number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The chart points [start, end) a segment covers. */
function pointRange(points: readonly number[], from: number, to: number | null): [number, number] {
  return [lowerBound(points, from), to === null ? points.length : lowerBound(points, to + 1)];
}

const POLICY_KEYS: (keyof PolicyMix)[] = ['open', 'selective', 'restrictive', 'no', 'other'];

export function exchangeHistory(model: HistoryModel, ixId: number): ExchangeHistoryResult {
  const coverage = coverageOf(model);
  const place = placeAt(model, 'ix', ixId, model.latest ?? 0);
  const points = chartMoments(model.moments);
  const size = points.length + 1;
  const delta = {
    members: new Float64Array(size),
    ports: new Float64Array(size),
    capacity: new Float64Array(size),
    rs: new Float64Array(size),
    policy: Object.fromEntries(POLICY_KEYS.map((key) => [key, new Float64Array(size)])) as Record<keyof PolicyMix, Float64Array>,
  };
  const months = new Map<string, MonthMoves>();
  const monthOf = (at: number): MonthMoves => {
    const date = new Date(at * 1000);
    const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    let entry = months.get(month);
    if (!entry) {
      entry = { month, at: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000, joined: 0, left: 0, returned: 0 };
      months.set(month, entry);
    }
    return entry;
  };

  for (const [, segments] of model.bucket('member', ixId)) {
    for (const [from, to, value] of segments) {
      const [start, end] = pointRange(points, from, to);
      if (start >= end) continue;
      const member = readMember(value);
      const add = (series: Float64Array, amount: number) => {
        series[start]! += amount;
        series[end]! -= amount;
      };
      add(delta.members, 1);
      add(delta.ports, member.ports);
      add(delta.capacity, member.capacity);
      if (member.rsPorts > 0) add(delta.rs, 1);
      // The network's policy may itself have changed while it was a member.
      for (const [policyStart, policyEnd, policy] of policyRuns(model, member.netId, points, start, end)) {
        delta.policy[policy][policyStart]! += 1;
        delta.policy[policy][policyEnd]! -= 1;
      }
    }
    const timeline = membershipTimeline(model, segments);
    if (timeline.joinedAt !== null) monthOf(timeline.joinedAt).joined++;
    for (const at of timeline.leftAt) monthOf(at).left++;
    for (const at of timeline.returnedAt) monthOf(at).returned++;
  }

  const running = { members: 0, ports: 0, capacity: 0, rs: 0, policy: emptyMix() };
  const series: ExchangeHistoryPoint[] = points.map((at, index) => {
    running.members += delta.members[index]!;
    running.ports += delta.ports[index]!;
    running.capacity += delta.capacity[index]!;
    running.rs += delta.rs[index]!;
    for (const key of POLICY_KEYS) running.policy[key] += delta.policy[key][index]!;
    return { at, members: running.members, ports: running.ports, capacity: running.capacity, rsMembers: running.rs, policy: { ...running.policy } };
  });

  return {
    ixId,
    name: place.name || `IXP ${ixId}`,
    country: place.country,
    coverage,
    points: series,
    months: fillMonths(months, model),
  };
}

/** Within chart points [start, end): runs of the network's policy class. */
function policyRuns(
  model: HistoryModel,
  netId: number | null,
  points: readonly number[],
  start: number,
  end: number,
): [number, number, keyof PolicyMix][] {
  const segments = netId === null ? undefined : model.segments('net', String(netId));
  if (!segments?.length) return [[start, end, 'other']];
  const runs: [number, number, keyof PolicyMix][] = [];
  let cursor = start;
  for (const [from, to, value] of segments) {
    const [segStart, segEnd] = pointRange(points, from, to);
    const runStart = Math.max(segStart, start);
    const runEnd = Math.min(segEnd, end);
    if (runStart >= runEnd) continue;
    if (runStart > cursor) runs.push([cursor, runStart, 'other']);
    runs.push([runStart, runEnd, policyClass(readNet(value).policy)]);
    cursor = runEnd;
  }
  if (cursor < end) runs.push([cursor, end, 'other']);
  return runs;
}

/** Every month from history's first to its latest moment, those without moves included. */
function fillMonths(found: Map<string, MonthMoves>, model: HistoryModel): MonthMoves[] {
  if (model.first === null || model.latest === null) return [];
  const result: MonthMoves[] = [];
  const first = new Date(model.first * 1000);
  const last = new Date(model.latest * 1000);
  for (let year = first.getUTCFullYear(), month = first.getUTCMonth(); year < last.getUTCFullYear() || (year === last.getUTCFullYear() && month <= last.getUTCMonth()); ) {
    const key = `${year}-${String(month + 1).padStart(2, '0')}`;
    result.push(found.get(key) ?? { month: key, at: Date.UTC(year, month, 1) / 1000, joined: 0, left: 0, returned: 0 });
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return result;
}

// ---- One network over time

const NETWORK_FIELDS: { field: NetworkHistoryField; label: string }[] = [
  { field: 'policy', label: 'Peering policy' },
  { field: 'policyContact', label: 'Policy contact' },
  { field: 'traffic', label: 'Traffic' },
  { field: 'prefixes4', label: 'Max prefixes IPv4' },
  { field: 'prefixes6', label: 'Max prefixes IPv6' },
  { field: 'irrAsSet', label: 'IRR as-set' },
];

function fieldText(value: FactValue, field: NetworkHistoryField): string {
  const net = readNet(value);
  const raw = net[field];
  return raw === null ? '' : String(raw);
}

export function networkHistory(model: HistoryModel, netId: number): NetworkHistoryResult | null {
  const segments = model.segments('net', String(netId));
  if (!segments?.length) return null;
  const coverage = coverageOf(model);
  const present = segments.at(-1)![1] === null;

  const changes = NETWORK_FIELDS.map(({ field, label }) => {
    const runs: ValueChange[] = [];
    for (const [from, , value] of segments) {
      const text = fieldText(value, field);
      const last = runs.at(-1);
      if (last && last.value === text) continue;
      runs.push({ since: from, fromStart: from === model.first, value: text, previous: last?.value ?? null });
    }
    const current = present ? (runs.pop() ?? null) : null;
    return { field, label, current, earlier: runs.reverse() };
  });

  const asns = new Set(segments.map(([, , value]) => readNet(value).asn));
  const presences: NetworkPresence[] = [];
  for (const [key, memberSegments] of model.entries('member')) {
    const [ixId, asn] = splitPairKey(key);
    // A port's network id leads its value (see memberValue): read without unpacking every value.
    const belongs = asns.has(asn) || memberSegments.some(([, , value]) => value[0] === netId);
    if (!belongs) continue;
    presences.push(presenceOf(model, 'ix', ixId, memberSegments));
  }
  for (const [key, facSegments] of model.entries('netfac')) {
    const [facId, presentNet] = splitPairKey(key);
    if (presentNet === netId) presences.push(presenceOf(model, 'fac', facId, facSegments));
  }
  presences.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return { coverage, changes, presences };
}

function presenceOf(model: HistoryModel, kind: 'ix' | 'fac', id: number, segments: readonly Segment[]): NetworkPresence {
  const timeline = membershipTimeline(model, segments);
  const place = placeAt(model, kind, id, model.latest ?? 0);
  const firstSeen = timeline.stays[0]!.from;
  return {
    kind,
    id,
    name: place.name || `${kind === 'ix' ? 'IXP' : 'Facility'} ${id}`,
    firstSeen,
    fromStart: firstSeen === model.first,
    lastSeen: timeline.present ? null : timeline.stays.at(-1)!.to,
    gaps: timeline.stays.length - 1,
  };
}

/**
 * The bench's headline: each figure at both sizes beside the target the performance issue sets
 * for it, and whether the run met it. Printed for people; the JSON line is what tools read.
 */
import type { DatasetFigures } from './dataset';

interface Target {
  label: string;
  pick: (figures: DatasetFigures) => number;
  unit: 'ms' | 'MB' | 'x';
  /** The most the figure may be, and at which size the issue judges it. */
  atMost?: number;
  judgedAt?: 'scale 1' | 'scale 2';
}

const TARGETS: Target[] = [
  { label: 'first load, paged lists', pick: (f) => f.firstLoadPaths.pagedLists.firstLoadMs, unit: 'ms' },
  { label: '  over its same-path floor', pick: (f) => f.firstLoadPaths.pagedLists.overFloor, unit: 'x', atMost: 2, judgedAt: 'scale 1' },
  { label: 'first load, bulk cache', pick: (f) => f.firstLoadPaths.bulkCache.firstLoadMs, unit: 'ms' },
  { label: '  over its same-path floor', pick: (f) => f.firstLoadPaths.bulkCache.overFloor, unit: 'x', atMost: 2, judgedAt: 'scale 1' },
  { label: 'no-change resync, loopback', pick: (f) => f.noChangeResyncMs, unit: 'ms', atMost: 150, judgedAt: 'scale 1' },
  { label: 'resync of 2,000 changed rows', pick: (f) => f.changeResyncMs, unit: 'ms', atMost: 250, judgedAt: 'scale 1' },
  { label: 'no-change resync paced as PeeringDB', pick: (f) => f.rateLimitedNoChangeResyncMs, unit: 'ms' },
  { label: 'first search after a load', pick: (f) => f.firstSearchMs, unit: 'ms', atMost: 100, judgedAt: 'scale 1' },
  { label: 'first query after a start (index build)', pick: (f) => f.indexBuildMs, unit: 'ms' },
  { label: 'first query after a resync', pick: (f) => f.firstQueryAfterResyncMs, unit: 'ms' },
  { label: 'background work left after it', pick: (f) => f.backgroundWorkAfterResyncMs, unit: 'ms' },
  { label: 'peers at the largest IXP, filtered (p95)', pick: (f) => f.queries.peersLargestIx, unit: 'ms', atMost: 5, judgedAt: 'scale 1' },
  { label: 'peers across 51 IXPs (p95)', pick: (f) => f.queries.peersAllMyIxps, unit: 'ms', atMost: 25, judgedAt: 'scale 1' },
  { label: 'peers across the heaviest network\'s IXPs (p95)', pick: (f) => f.queries.peersAllMyIxpsHeaviest, unit: 'ms', atMost: 40, judgedAt: 'scale 1' },
  { label: 'search, a keystroke (p95)', pick: (f) => f.queries.search, unit: 'ms', atMost: 10, judgedAt: 'scale 1' },
  { label: 'common IXPs of five networks (p95)', pick: (f) => f.queries.commonIxp5, unit: 'ms', atMost: 5, judgedAt: 'scale 2' },
  { label: 'heap with every index', pick: (f) => f.heapAfterIndexMB, unit: 'MB', atMost: 150, judgedAt: 'scale 1' },
  { label: 'first paint, cold start', pick: (f) => f.queries.firstPaintMs, unit: 'ms', atMost: 1000, judgedAt: 'scale 1' },
  { label: '  copy ready, same start', pick: (f) => f.copyReadyMs, unit: 'ms' },
  { label: 'longest task during a sync, page', pick: (f) => f.longestTaskMs, unit: 'ms', atMost: 50, judgedAt: 'scale 1' },
  { label: 'longest task during a sync, worker', pick: (f) => f.workerLongestTaskMs, unit: 'ms', atMost: 50, judgedAt: 'scale 1' },
  // Measured at scale 1 only (NaN, shown as such, at scale 2).
  { label: 'history import, per daily dump', pick: (f) => f.historyImportMsPerDump ?? Number.NaN, unit: 'ms', atMost: 5000, judgedAt: 'scale 1' },
  { label: 'history storage, a year of daily dumps', pick: (f) => f.historyMBPerYear ?? Number.NaN, unit: 'MB', atMost: 200, judgedAt: 'scale 1' },
];

function show(value: number, unit: Target['unit']): string {
  return unit === 'x' ? `${value}x` : `${value} ${unit}`;
}

export function summarise(result: DatasetFigures & { scale2: DatasetFigures }): string[] {
  const width = Math.max(...TARGETS.map((t) => t.label.length));
  const column = (text: string) => text.padStart(11);
  const lines = [`${''.padEnd(width)} ${column(`scale ${result.scale}`)} ${column(`scale ${result.scale2.scale}`)}   target`];
  let met = 0;
  let judged = 0;
  for (const target of TARGETS) {
    const [one, two] = [target.pick(result), target.pick(result.scale2)];
    let verdict = '';
    if (target.atMost !== undefined) {
      const judgedValue = target.judgedAt === 'scale 2' ? two : one;
      const ok = judgedValue <= target.atMost;
      judged++;
      if (ok) met++;
      verdict = `<= ${show(target.atMost, target.unit)} at ${target.judgedAt}: ${ok ? 'met' : 'NOT MET'}`;
    }
    lines.push(`${target.label.padEnd(width)} ${column(show(one, target.unit))} ${column(show(two, target.unit))}   ${verdict}`);
  }
  lines.push(`${met} of ${judged} targets met in this run.`);
  return lines;
}

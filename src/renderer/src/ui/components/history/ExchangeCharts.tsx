/**
 * An exchange over time, as charts: members and capacity, joins and leaves per month, and the
 * members' peering policies. Used on the Statistics screen and on an IXP's page.
 */
import { useMemo } from 'react';
import uPlot from 'uplot';
import type { ExchangeHistoryResult } from '../../../protocol/history';
import { useStoreQuery } from '../../store-client/use-store-query';
import { formatCount, formatSpeed, plural } from '../format';
import { Chart, type ChartSpec } from './Chart';
import { POLICY_KEYS, POLICY_LABELS, formatDay } from './history-text';

const GBPS = 1000;
/** Networks come whole: axes that count them step by whole numbers. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000];

function membersSpec(history: ExchangeHistoryResult): ChartSpec {
  const points = history.points;
  return {
    series: () => [
      { label: 'Members', scale: 'members', value: (_u, v) => (v === null ? '—' : formatCount(v)) },
      { label: 'Capacity', scale: 'capacity', value: (_u, v) => (v === null ? '—' : formatSpeed(v * GBPS)) },
    ],
    data: [points.map((p) => p.at), points.map((p) => p.members), points.map((p) => p.capacity / GBPS)],
    axes: () => [
      {},
      { scale: 'members', label: 'Members', incrs: WHOLE_STEPS },
      // Ticks as engineers write speeds ("14T", "800G"): short enough to leave the label its room.
      { scale: 'capacity', side: 1, label: 'Capacity', grid: { show: false }, values: (_u, splits) => splits.map((v) => formatSpeed(v * GBPS)) },
    ],
  };
}

const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Months are categories, one bar each: the x axis counts months, and its labels name them. */
function movesSpec(history: ExchangeHistoryResult): ChartSpec {
  const months = history.months;
  const bars = uPlot.paths.bars!({ size: [0.6, 40] });
  // About a dozen labels whatever the span: every month over a year, every n-th beyond.
  const step = Math.max(1, Math.ceil(months.length / 12));
  const countOf = (index: number | null, count: (month: (typeof months)[number]) => number) => {
    const month = index === null ? undefined : months[index];
    return month ? formatCount(count(month)) : '—';
  };
  const monthOf = (index: number | null) => {
    const month = index === null ? undefined : months[index];
    return month ? shortMonth.format(new Date(month.at * 1000)) : '—';
  };
  return {
    x: { label: 'Month', value: (_u, index) => monthOf(index) },
    // A month without joins (or leaves) has no bar, rather than a hairline at zero; the legend
    // still says 0 for it, read from the month itself.
    series: (palette) => [
      {
        label: 'Joined',
        paths: bars,
        points: { show: false },
        stroke: palette.series[1],
        fill: palette.series[1],
        value: (_u, _v, _series, index) => countOf(index, (month) => month.joined),
      },
      {
        label: 'Left',
        paths: bars,
        points: { show: false },
        stroke: palette.series[2],
        fill: palette.series[2],
        value: (_u, _v, _series, index) => countOf(index, (month) => month.left),
      },
      {
        label: 'Came back',
        paths: () => null,
        points: { show: true, size: 7 },
        stroke: palette.series[0],
        value: (_u, _v, _series, index) => countOf(index, (month) => month.returned),
      },
    ],
    data: [
      months.map((_m, index) => index),
      months.map((m) => m.joined || null),
      months.map((m) => -m.left || null),
      months.map((m) => m.returned || null),
    ],
    scales: { x: { time: false, range: () => [-0.5, months.length - 0.5] } },
    axes: () => [
      {
        splits: () => months.map((_m, index) => index).filter((index) => index % step === 0),
        values: (_u, splits) => splits.map((index) => (months[index] ? monthOf(index) : '')),
      },
      { label: 'Networks (left below zero)', incrs: WHOLE_STEPS },
    ],
  };
}

function policySpec(history: ExchangeHistoryResult): ChartSpec {
  const points = history.points;
  return {
    series: () => POLICY_KEYS.map((key) => ({ label: POLICY_LABELS[key] })),
    data: [points.map((p) => p.at), ...POLICY_KEYS.map((key) => points.map((p) => p.policy[key]))],
    axes: () => [{}, { label: 'Members', incrs: WHOLE_STEPS }],
  };
}

export function ExchangeCharts({ ixId }: { ixId: number }): React.JSX.Element {
  const { data: history, error } = useStoreQuery('exchangeHistory', { ixId });
  const specs = useMemo(
    () => (history ? { members: membersSpec(history), moves: movesSpec(history), policy: policySpec(history) } : null),
    [history],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!history || !specs) return <p className="muted">Loading history…</p>;
  const first = history.points[0];
  const last = history.points.at(-1);
  if (!first || !last) {
    return <p className="muted">History holds nothing of {history.name} yet: it grows with every sync, or import past dumps.</p>;
  }
  if (history.points.length === 1) {
    // One point makes no line and no month: the scales would be made up around it.
    return (
      <p className="muted">
        History holds one day of {history.name} so far ({formatDay(first.at)}: {plural(first.members, 'member')},{' '}
        {formatSpeed(first.capacity)} of ports); the charts draw once there is a second. Every sync adds a day, and File → Import
        dumps for history… adds past ones.
      </p>
    );
  }
  const joined = history.months.reduce((sum, month) => sum + month.joined, 0);
  const left = history.months.reduce((sum, month) => sum + month.left, 0);
  const returned = history.months.reduce((sum, month) => sum + month.returned, 0);
  // Counted as moves: a network that left and came back counts once in each, unlike the table's
  // Left, which counts networks still gone.
  const comeBack = returned > 0 ? `; ${formatCount(returned)} came back` : '';
  return (
    <div className="charts">
      <Chart
        label={`Members and capacity of ${history.name} over time`}
        spec={specs.members}
        caption={`Members: ${formatCount(first.members)} on ${formatDay(first.at)}, ${formatCount(last.members)} on ${formatDay(last.at)}; capacity ${formatSpeed(first.capacity)} → ${formatSpeed(last.capacity)} (${history.points.length} days).`}
      />
      <Chart
        label={`Joins and leaves per month at ${history.name}`}
        spec={specs.moves}
        caption={`${formatCount(joined)} joined and ${formatCount(left)} left since ${formatDay(first.at)}${comeBack}.`}
      />
      <Chart
        label={`Peering policies of the members of ${history.name}`}
        spec={specs.policy}
        caption={`On ${formatDay(last.at)}: ${POLICY_KEYS.filter((key) => last.policy[key] > 0)
          .map((key) => `${POLICY_LABELS[key]} ${formatCount(last.policy[key])}`)
          .join(', ') || 'no members'}.`}
      />
    </div>
  );
}

/**
 * Statistics: per exchange, per country and for all my exchanges, as of history's latest
 * moment (members by port ASN, joins and leaves over 12 months, route servers, capacity,
 * policy mix), sortable and exportable; and an exchange's charts over time.
 */
import { useEffect, useRef, useState } from 'react';
import type { CsvColumn } from '../../../../../shared/export/csv';
import type { ExchangeGroupStats, ExchangeStats, PolicyMix } from '../../../protocol/history';
import { DataTable, type Column } from '../../components/DataTable';
import { ExportTableButton } from '../../components/export/ExportTableButton';
import { formatCount, formatSpeed } from '../../components/format';
import { ExchangeCharts } from '../../components/history/ExchangeCharts';
import { POLICY_KEYS, POLICY_LABELS, describeMix, formatDay, mixTotal, percent } from '../../components/history/history-text';
import { PageLink } from '../../components/links';
import { useAppState } from '../../state/app-state';
import { useStoreQuery } from '../../store-client/use-store-query';
import { HistoryPanel, ImportProgress } from './HistoryPanel';
import { NoCopyYet, useCopyState } from '../../components/NoCopyYet';

/** A column of numbers, as wide as its header and its sort arrow need; `title` spells out a short header. */
const numberColumn = <R,>(
  key: string,
  header: string,
  value: (row: R) => number,
  show: (row: R) => string = (row) => formatCount(value(row)),
  { width = '6.5em', title }: { width?: string; title?: string } = {},
): Column<R> => ({
  key,
  header,
  headerTitle: title,
  width,
  numeric: true,
  sortValue: value,
  cell: show,
});

const JOINED = { width: '7em', title: 'Networks that joined in the last 12 months' };
const LEFT = { width: '6em', title: 'Networks that left in the last 12 months and have not come back' };
const ON_RS = { width: '6.5em', title: 'Share of members on the route servers' };
const MEDIAN = { width: '7em', title: 'Median port speed' };

const openShare = (mix: PolicyMix) => (mixTotal(mix) ? mix.open / mixTotal(mix) : 0);

function exchangeColumns(show: (ixId: number) => void): Column<ExchangeStats>[] {
  return [
    {
      key: 'name',
      header: 'Exchange',
      width: 'minmax(12em, 2fr)',
      pin: 'start',
      sortValue: (row) => row.name,
      cell: (row) => (
        <button type="button" className="link" onClick={() => show(row.ixId)} aria-label={`Charts of ${row.name}`}>
          {row.name}
        </button>
      ),
    },
    { key: 'country', header: 'Country', width: '7em', sortValue: (row) => row.country, cell: (row) => row.country },
    numberColumn('members', 'Members', (row) => row.members, undefined, { width: '8.5em' }),
    numberColumn('joined', 'Joined', (row) => row.joined12m, undefined, JOINED),
    numberColumn('left', 'Left', (row) => row.left12m, undefined, LEFT),
    numberColumn('rs', 'On RS', (row) => (row.members ? row.rsMembers / row.members : 0), (row) => percent(row.rsMembers, row.members), ON_RS),
    numberColumn('capacity', 'Capacity', (row) => row.capacity, (row) => formatSpeed(row.capacity), { width: '7.5em' }),
    numberColumn('median', 'Median', (row) => row.medianPortSpeed, (row) => formatSpeed(row.medianPortSpeed), MEDIAN),
    { key: 'policy', header: 'Policy mix', width: 'minmax(14em, 2fr)', sortValue: (row) => openShare(row.policy), cell: (row) => describeMix(row.policy) },
  ];
}

const GROUP_COLUMNS: Column<ExchangeGroupStats>[] = [
  { key: 'label', header: 'Country', width: 'minmax(7em, 1fr)', pin: 'start', sortValue: (row) => row.label, cell: (row) => row.label },
  numberColumn('exchanges', 'Exchanges', (row) => row.exchanges, undefined, { width: '8.5em' }),
  numberColumn('networks', 'Networks', (row) => row.networks, undefined, { width: '8em' }),
  numberColumn('memberships', 'Memberships', (row) => row.memberships, undefined, { width: '9.5em' }),
  numberColumn('joined', 'Joined', (row) => row.joined12m, undefined, JOINED),
  numberColumn('left', 'Left', (row) => row.left12m, undefined, LEFT),
  numberColumn('rs', 'On RS', (row) => (row.memberships ? row.rsMemberships / row.memberships : 0), (row) => percent(row.rsMemberships, row.memberships), ON_RS),
  numberColumn('capacity', 'Capacity', (row) => row.capacity, (row) => formatSpeed(row.capacity), { width: '7.5em' }),
  numberColumn('median', 'Median', (row) => row.medianPortSpeed, (row) => formatSpeed(row.medianPortSpeed), MEDIAN),
  { key: 'policy', header: 'Policy mix', width: 'minmax(14em, 2fr)', sortValue: (row) => openShare(row.policy), cell: (row) => describeMix(row.policy) },
];

const policyCsv = <R extends { policy: PolicyMix }>(): CsvColumn<R>[] =>
  POLICY_KEYS.map((key) => ({ header: `Policy ${POLICY_LABELS[key]}`, value: (row: R) => row.policy[key] }));

const EXCHANGE_CSV: CsvColumn<ExchangeStats>[] = [
  { header: 'Exchange', value: (row) => row.name },
  { header: 'IX id', value: (row) => row.ixId },
  { header: 'Country', value: (row) => row.country },
  { header: 'City', value: (row) => row.city },
  { header: 'Members', value: (row) => row.members },
  { header: 'Ports', value: (row) => row.ports },
  { header: 'Joined in 12 months', value: (row) => row.joined12m },
  { header: 'Left in 12 months', value: (row) => row.left12m },
  { header: 'Members on route servers', value: (row) => row.rsMembers },
  { header: 'Capacity Mbit/s', value: (row) => row.capacity },
  { header: 'Median port Mbit/s', value: (row) => row.medianPortSpeed },
  ...policyCsv<ExchangeStats>(),
];

const GROUP_CSV: CsvColumn<ExchangeGroupStats>[] = [
  { header: 'Country', value: (row) => row.label },
  { header: 'Exchanges', value: (row) => row.exchanges },
  { header: 'Networks', value: (row) => row.networks },
  { header: 'Memberships', value: (row) => row.memberships },
  { header: 'Ports', value: (row) => row.ports },
  { header: 'Joined in 12 months', value: (row) => row.joined12m },
  { header: 'Left in 12 months', value: (row) => row.left12m },
  { header: 'Memberships on route servers', value: (row) => row.rsMemberships },
  { header: 'Capacity Mbit/s', value: (row) => row.capacity },
  { header: 'Median port Mbit/s', value: (row) => row.medianPortSpeed },
  ...policyCsv<ExchangeGroupStats>(),
];

function MineSummary({ mine }: { mine: ExchangeGroupStats }): React.JSX.Element {
  return (
    <dl className="facts" aria-label="All my exchanges">
      <dt>Exchanges</dt>
      <dd>{formatCount(mine.exchanges)}</dd>
      <dt>Networks there</dt>
      <dd>
        {formatCount(mine.networks)} ({formatCount(mine.memberships)} memberships, {percent(mine.rsMemberships, mine.memberships)} on route servers)
      </dd>
      <dt>Last 12 months</dt>
      <dd>
        {formatCount(mine.joined12m)} joined, {formatCount(mine.left12m)} left
      </dd>
      <dt>Capacity</dt>
      <dd>
        {formatSpeed(mine.capacity)} in {formatCount(mine.ports)} ports, median {formatSpeed(mine.medianPortSpeed)}
      </dd>
      <dt>Policy mix</dt>
      <dd>{describeMix(mine.policy)}</dd>
    </dl>
  );
}

export function StatisticsScreen(): React.JSX.Element {
  const copy = useCopyState();
  const { data: coverage } = useStoreQuery('historyCoverage', {});
  const mineOnly = useAppState((s) => s.statisticsMineOnly);
  const setMineOnly = useAppState((s) => s.setStatisticsMineOnly);
  const hasHistory = coverage !== undefined && coverage.moments > 0;

  return (
    <section className="view" aria-labelledby="statistics-title">
      <div className="view-header">
        <h1 id="statistics-title">Statistics</h1>
        {hasHistory && (
          <label>
            <input type="checkbox" checked={mineOnly} onChange={(event) => setMineOnly(event.target.checked)} /> Only my exchanges
          </label>
        )}
      </div>
      {coverage === undefined && <p className="muted">Loading…</p>}
      {coverage !== undefined && !hasHistory && copy === 'empty' && (
        <>
          <NoCopyYet
            offerHistoryImport
            explanation={
              <>
                Statistics come from history: each sync adds the day it fetched, and PeeringDB dumps of past dates (File → Import
                dumps for history…) add the days before. There is no copy of PeeringDB on this computer and no history yet.
              </>
            }
          />
          <ImportProgress />
        </>
      )}
      {coverage !== undefined && !hasHistory && copy !== 'empty' && <HistoryPanel />}
      {hasHistory && <StatisticsContent mineOnly={mineOnly} />}
    </section>
  );
}

function StatisticsContent({ mineOnly }: { mineOnly: boolean }): React.JSX.Element {
  const selected = useAppState((s) => s.statisticsIxId);
  const show = useAppState((s) => s.showExchangeStatistics);
  const { data, error } = useStoreQuery('exchangeStatistics', { mineOnly });
  const selectedName = data?.exchanges.find((row) => row.ixId === selected)?.name;
  const chartsHeading = useRef<HTMLHeadingElement>(null);
  const [chartsAsked, setChartsAsked] = useState(0);
  const showCharts = (ixId: number) => {
    show(ixId);
    setChartsAsked((count) => count + 1);
  };
  // The charts open above the table they were asked from: they are brought into view, and
  // focus goes to their heading, so neither eyes nor keyboard are left where nothing changed.
  useEffect(() => {
    if (chartsAsked === 0) return;
    (chartsHeading.current?.closest('section') ?? chartsHeading.current)?.scrollIntoView({ block: 'start' });
    chartsHeading.current?.focus({ preventScroll: true });
  }, [chartsAsked]);

  return (
    <>
      {error && (
        <p role="alert" className="panel panel-error">
          {error}
        </p>
      )}
      <HistoryPanel />
      {data?.asOf !== null && data?.asOf !== undefined && (
        <p className="muted">
          As of {formatDay(data.asOf)}; joins and leaves over the 12 months before, counted from {formatDay(data.coverage.firstAt ?? data.asOf)}. Members are counted by the port's ASN.
        </p>
      )}
      {data?.mine && (
        <section className="panel" aria-labelledby="statistics-mine-title">
          <h2 id="statistics-mine-title">All my exchanges</h2>
          <MineSummary mine={data.mine} />
        </section>
      )}
      {selected !== null && (
        <section className="panel" aria-labelledby="statistics-charts-title">
          <div className="view-header">
            <h2 id="statistics-charts-title" ref={chartsHeading} tabIndex={-1}>
              {selectedName ?? `IXP ${selected}`} over time
            </h2>
            <div className="actions">
              <PageLink to={{ kind: 'ix', id: selected }}>Open the exchange's page</PageLink>
              <button type="button" onClick={() => show(null)}>
                Close charts
              </button>
            </div>
          </div>
          <ExchangeCharts ixId={selected} />
        </section>
      )}
      <section className="panel" aria-labelledby="statistics-exchanges-title">
        <div className="view-header">
          <h2 id="statistics-exchanges-title">Exchanges ({formatCount(data?.exchanges.length ?? 0)})</h2>
          <ExportTableButton columns={EXCHANGE_CSV} rows={data?.exchanges ?? []} fileLabel="exchange statistics" />
        </div>
        <DataTable
          label="Exchange statistics"
          rows={data?.exchanges ?? []}
          columns={exchangeColumns(showCharts)}
          rowKey={(row) => row.ixId}
          initialSort={{ key: 'members', descending: true }}
          emptyText={mineOnly ? 'None of your exchanges is in history yet (add your networks, then sync).' : 'History holds no exchange yet: sync, or import past dumps.'}
        />
      </section>
      <section className="panel" aria-labelledby="statistics-countries-title">
        <div className="view-header">
          <h2 id="statistics-countries-title">Countries ({formatCount(data?.countries.length ?? 0)})</h2>
          <ExportTableButton columns={GROUP_CSV} rows={data?.countries ?? []} fileLabel="country statistics" />
        </div>
        <DataTable
          label="Country statistics"
          rows={data?.countries ?? []}
          columns={GROUP_COLUMNS}
          rowKey={(row) => row.key}
          initialSort={{ key: 'networks', descending: true }}
          emptyText="No country yet."
        />
      </section>
    </>
  );
}

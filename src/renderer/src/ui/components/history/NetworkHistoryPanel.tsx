/**
 * A network's page section on its history: what it changed that matters to a peer ("Selective
 * since 3 Mar 2026; was Open") and its exchanges and facilities over time.
 */
import type { NetworkHistoryResult, NetworkPresence, ValueChange } from '../../../protocol/history';
import { useStoreQuery } from '../../store-client/use-store-query';
import { DataTable, type Column } from '../DataTable';
import { PageLink } from '../links';
import { formatDay } from './history-text';

function since(change: ValueChange): string {
  return change.fromStart ? `since at least ${formatDay(change.since)}` : `since ${formatDay(change.since)}`;
}

function valueText(value: string): string {
  return value === '' ? 'not given' : value;
}

function changeLine(label: string, current: ValueChange | null, earlier: ValueChange[]): string {
  const was = earlier.length ? `; was ${earlier.map((change) => valueText(change.value)).join(', before that ')}` : '';
  if (!current) return `${label}: ${valueText(earlier[0]?.value ?? '')} until the network was deleted${was}`;
  return `${label}: ${valueText(current.value)} ${since(current)}${was}`;
}

const PRESENCE_COLUMNS: Column<NetworkPresence>[] = [
  {
    key: 'place',
    header: 'Place',
    width: 'minmax(12em, 2fr)',
    sortValue: (row) => row.name,
    cell: (row) => <PageLink to={{ kind: row.kind, id: row.id }}>{row.name}</PageLink>,
  },
  { key: 'kind', header: 'Kind', width: '6em', sortValue: (row) => row.kind, cell: (row) => (row.kind === 'ix' ? 'IXP' : 'Facility') },
  {
    key: 'first',
    header: 'First seen',
    width: '9em',
    sortValue: (row) => row.firstSeen,
    cell: (row) => (row.fromStart ? `by ${formatDay(row.firstSeen)}` : formatDay(row.firstSeen)),
  },
  {
    key: 'last',
    header: 'Last seen',
    width: '9em',
    sortValue: (row) => row.lastSeen ?? Number.MAX_SAFE_INTEGER,
    cell: (row) => (row.lastSeen === null ? 'still there' : formatDay(row.lastSeen)),
  },
  { key: 'gaps', header: 'Away', width: '5em', numeric: true, sortValue: (row) => row.gaps, cell: (row) => (row.gaps ? `${row.gaps}×` : '') },
];

function Body({ history }: { history: NetworkHistoryResult }): React.JSX.Element {
  const changed = history.changes.filter((entry) => entry.earlier.length > 0 || entry.current === null);
  const firstAt = history.coverage.firstAt;
  return (
    <>
      {changed.length === 0 ? (
        <p className="muted">
          No change of policy, Policy contact, traffic, prefixes or as-set{firstAt !== null ? ` since ${formatDay(firstAt)}` : ''}.
        </p>
      ) : (
        <ul className="history-list" aria-label="Changes of the network's record">
          {changed.map((entry) => (
            <li key={entry.field}>{changeLine(entry.label, entry.current, entry.earlier)}</li>
          ))}
        </ul>
      )}
      <DataTable
        label="Exchanges and facilities over time"
        rows={history.presences}
        columns={PRESENCE_COLUMNS}
        rowKey={(row) => `${row.kind}:${row.id}`}
        initialSort={{ key: 'first', descending: true }}
        emptyText="History never saw this network at an exchange or facility."
        maxHeight="30vh"
      />
    </>
  );
}

export function NetworkHistoryPanel({ netId }: { netId: number }): React.JSX.Element | null {
  const { data: history, error } = useStoreQuery('networkHistory', { netId });
  const firstAt = history?.coverage.firstAt ?? null;
  return (
    <section className="panel" aria-labelledby="net-history-title">
      <h2 id="net-history-title">History{firstAt !== null ? ` since ${formatDay(firstAt)}` : ''}</h2>
      {error && <p role="alert">{error}</p>}
      {history === undefined && !error && <p className="muted">Loading history…</p>}
      {history === null && <p className="muted">History has not seen this network yet: it grows with every sync, or import past dumps (File menu).</p>}
      {history && <Body history={history} />}
    </section>
  );
}

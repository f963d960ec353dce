/**
 * Changes: the review queue. After each sync, what changed where my networks are (or
 * everywhere): who joined or left my exchanges and facilities, port upgrades, route servers,
 * policies, Policy contacts, deleted networks. What is new stays marked for this visit and
 * counts as looked at from now on.
 */
import { useEffect, useState } from 'react';
import type { CsvColumn } from '../../../../../shared/export/csv';
import type { ReviewBatch, ReviewEntry, ReviewKind, ReviewQueueResult } from '../../../protocol/history';
import { DataTable, type Column } from '../../components/DataTable';
import { ExportTableButton } from '../../components/export/ExportTableButton';
import { formatAsn, formatCount, networkLabel, plural } from '../../components/format';
import { HumanDate } from '../../components/HumanDate';
import { REVIEW_KINDS, REVIEW_KIND_LABELS, describeChange, formatDay } from '../../components/history/history-text';
import { NoCopyYet, useCopyState } from '../../components/NoCopyYet';
import { PageLink } from '../../components/links';
import { SOURCE_LABELS } from '../../components/sync-text';
import { DEFAULT_CHANGES_FILTERS } from '../../state/history-slice';
import { useAppState } from '../../state/app-state';
import { getStoreClient } from '../../store-client/client';
import { useStoreQuery } from '../../store-client/use-store-query';
import '../../components/history/history.css';

type Row = ReviewEntry & { endedAt: number; shownNew: boolean };

/** Sized to fit the 900 px window without scrolling sideways: what changed reads left to right. */
const COLUMNS: Column<Row>[] = [
  {
    key: 'new',
    header: 'New',
    width: '4.5em',
    sortValue: (row) => Number(row.shownNew),
    cell: (row) => (row.shownNew ? <span className="badge badge-new">New</span> : ''),
  },
  { key: 'kind', header: 'What', width: 'minmax(8em, 1fr)', sortValue: (row) => REVIEW_KIND_LABELS[row.kind], cell: (row) => REVIEW_KIND_LABELS[row.kind] },
  {
    key: 'network',
    header: 'Network',
    width: 'minmax(11em, 2fr)',
    sortValue: (row) => row.netName || formatAsn(row.asn),
    cell: (row) =>
      row.netId !== null && row.kind !== 'net-deleted' ? (
        <PageLink to={{ kind: 'net', id: row.netId }}>{networkLabel(row.netName, row.asn)}</PageLink>
      ) : (
        networkLabel(row.netName, row.asn)
      ),
  },
  {
    key: 'place',
    header: 'Where',
    width: 'minmax(10em, 2fr)',
    sortValue: (row) => row.place?.name ?? '',
    cell: (row) =>
      row.place ? (
        <PageLink to={{ kind: row.place.kind, id: row.place.id }}>{row.place.name || `${row.place.kind === 'ix' ? 'IXP' : 'Facility'} ${row.place.id}`}</PageLink>
      ) : (
        <span className="muted">the network</span>
      ),
  },
  {
    key: 'change',
    header: 'Change',
    width: 'minmax(10em, 2fr)',
    cell: (row) => [describeChange(row), row.note].filter(Boolean).join(' — '),
  },
  { key: 'when', header: 'Sync', width: '7.5em', sortValue: (row) => row.endedAt, cell: (row) => <HumanDate at={row.endedAt} /> },
];

const CSV_COLUMNS: CsvColumn<Row>[] = [
  { header: 'Sync ended', value: (row) => new Date(row.endedAt).toISOString() },
  { header: 'What', value: (row) => REVIEW_KIND_LABELS[row.kind] },
  { header: 'ASN', value: (row) => row.asn },
  { header: 'Network', value: (row) => row.netName },
  { header: 'Place type', value: (row) => (row.place ? (row.place.kind === 'ix' ? 'IXP' : 'Facility') : '') },
  { header: 'Place', value: (row) => row.place?.name ?? '' },
  { header: 'Country', value: (row) => row.place?.country ?? '' },
  { header: 'Before', value: (row) => row.before },
  { header: 'After', value: (row) => row.after },
  { header: 'Change', value: (row) => describeChange(row) },
  { header: 'Note', value: (row) => row.note },
  { header: 'New', value: (row) => row.shownNew },
];

/** What one sync or import did, after its time and source. */
function batchText(batch: ReviewBatch, filtered: boolean): string {
  switch (batch.note) {
    case 'first':
      return 'history starts here, nothing to compare with.';
    case 'too-far':
      return `the moment before was ${batch.comparedWith ? formatDay(batch.comparedWith) : 'long ago'}; too far back to list each change (Statistics and the record pages show them).`;
    case 'past':
      return 'a dump of a date before the latest in history; it went into history only.';
    default:
      break;
  }
  if (batch.total === 0) return 'nothing changed.';
  const here = !filtered ? '' : batch.shown === 0 ? 'nothing here; ' : `${formatCount(batch.shown)} here, `;
  const dropped = batch.dropped ? ` (the first ${formatCount(batch.total - batch.dropped)} are kept)` : '';
  return `${here}${plural(batch.total, 'change')} everywhere${dropped}.`;
}

/** Remembers which entries were new when this visit first showed them, so they stay marked while looked at. */
function useNewThisVisit(data: ReviewQueueResult | undefined): ReadonlySet<number> {
  const [lastData, setLastData] = useState<ReviewQueueResult | undefined>(undefined);
  const [newIds, setNewIds] = useState<ReadonlySet<number>>(new Set());
  if (data !== lastData) {
    setLastData(data);
    const fresh = data?.entries.filter((entry) => entry.isNew && !newIds.has(entry.id)) ?? [];
    if (fresh.length > 0) setNewIds(new Set([...newIds, ...fresh.map((entry) => entry.id)]));
  }
  useEffect(() => {
    const ids = data?.entries.filter((entry) => entry.isNew).map((entry) => entry.id) ?? [];
    if (ids.length > 0) void getStoreClient().command('markReviewSeen', { ids });
  }, [data]);
  return newIds;
}

export function ChangesScreen(): React.JSX.Element {
  const filters = useAppState((s) => s.changesFilters);
  const setFilters = useAppState((s) => s.setChangesFilters);
  const { data, error } = useStoreQuery('reviewQueue', filters);
  const newThisVisit = useNewThisVisit(data);
  const copy = useCopyState();
  // After a flush the syncs before it can still be reviewed; before any copy there is nothing.
  const nothingYet = copy === 'empty' && (data?.batches.length ?? 0) === 0;
  const filtered = filters.scope === 'mine' || filters.myAsn !== null || filters.placeKey !== null || filters.kind !== null;

  const endedAt = new Map((data?.batches ?? []).map((batch) => [batch.id, batch.endedAt]));
  const rows: Row[] = (data?.entries ?? []).map((entry) => ({
    ...entry,
    endedAt: endedAt.get(entry.batchId) ?? 0,
    shownNew: entry.isNew || newThisVisit.has(entry.id),
  }));

  return (
    <section className="view" aria-labelledby="changes-title">
      <div className="view-header">
        <h1 id="changes-title">Changes</h1>
        {!nothingYet && <ExportTableButton columns={CSV_COLUMNS} rows={rows} fileLabel="changes" />}
      </div>
      {copy === 'empty' && (
        <NoCopyYet
          explanation={
            <>
              This screen lists what each sync finds changed since the one before where your networks are: networks that
              join or leave your exchanges and facilities, port upgrades, route servers, policies. The list starts with a copy
              of PeeringDB on this computer, and there is none yet.
            </>
          }
        />
      )}
      {!nothingYet && (
        <>
          {error && (
            <p role="alert" className="panel panel-error">
              {error}
            </p>
          )}
          {data?.problems.map((problem) => (
            <p key={problem} role="alert" className="panel panel-error">
              {problem}
            </p>
          ))}
          <form className="review-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
            <label>
              Where
              <select
                value={filters.scope}
                onChange={(event) => setFilters({ scope: event.target.value === 'everywhere' ? 'everywhere' : 'mine' })}
              >
                <option value="mine">Where my networks are</option>
                <option value="everywhere">Everywhere</option>
              </select>
            </label>
            <label>
              My network
              <select
                value={filters.myAsn ?? ''}
                onChange={(event) => setFilters({ myAsn: event.target.value ? Number(event.target.value) : null })}
              >
                <option value="">All my networks</option>
                {(data?.myNetworks ?? []).map((net) => (
                  <option key={net.asn} value={net.asn}>
                    {networkLabel(net.name, net.asn)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Place
              <select value={filters.placeKey ?? ''} onChange={(event) => setFilters({ placeKey: event.target.value || null })}>
                <option value="">All places</option>
                {(data?.places ?? []).map((place) => (
                  <option key={place.key} value={place.key}>
                    {place.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Kind
              <select
                value={filters.kind ?? ''}
                onChange={(event) => setFilters({ kind: (event.target.value || null) as ReviewKind | null })}
              >
                <option value="">All kinds</option>
                {REVIEW_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {REVIEW_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => setFilters(DEFAULT_CHANGES_FILTERS)}>
              Clear filters
            </button>
          </form>
          {data?.noNetworks && filters.scope === 'mine' && (
            <p className="panel">
              You have no networks yet: add them on My networks to see what changes where they are, or choose Everywhere.
            </p>
          )}
          {data && (
            <section className="panel" aria-labelledby="changes-syncs-title">
              <h2 id="changes-syncs-title">Syncs</h2>
              {data.batches.length === 0 ? (
                <p className="muted">Nothing to review yet: after the next sync, what changed shows here.</p>
              ) : (
                <ul className="batch-list" aria-label="Syncs and what they changed">
                  {data.batches.map((batch) => (
                    <li key={batch.id}>
                      <HumanDate at={batch.endedAt} /> · {SOURCE_LABELS[batch.source]}: {batchText(batch, filtered)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <p className="muted" data-testid="change-count">
            {data ? `${plural(rows.length, 'change')}, ${formatCount(rows.filter((row) => row.shownNew).length)} new` : 'Loading…'}
          </p>
          <DataTable
            label="Changes"
            rows={rows}
            columns={COLUMNS}
            rowKey={(row) => row.id}
            emptyText={filtered ? 'No change matches these filters.' : 'No changes yet.'}
          />
        </>
      )}
    </section>
  );
}

/**
 * What history covers, and the import of dump files of past dates: many files at once, with
 * progress and what became of each. Past dumps feed history only; the copy stays as it is.
 */
import { getApi, ipcErrorMessage } from '../../bridge/window-api';
import { appActionDeps } from '../../commands/app-actions';
import { importHistory, startSync } from '../../commands/actions';
import { formatBytes, formatCount, plural } from '../../components/format';
import { formatDay } from '../../components/history/history-text';
import { isHistoryImportRunning } from '../../state/history-slice';
import { useAppState } from '../../state/app-state';
import { useStoreQuery } from '../../store-client/use-store-query';

const PHASE_TEXT = { reading: 'Reading', storing: 'Adding to history' } as const;

export function ImportProgress(): React.JSX.Element | null {
  const progress = useAppState((s) => s.historyImport);
  if (!progress) return null;
  const running = isHistoryImportRunning(progress);
  const failed = progress.files.filter((file) => file.outcome === 'failed');
  return (
    <div aria-label="Import of dumps for history">
      {running ? (
        <>
          <p role="status">
            {progress.phase in PHASE_TEXT ? PHASE_TEXT[progress.phase as keyof typeof PHASE_TEXT] : ''} {progress.current}: file{' '}
            {formatCount(Math.min(progress.finished + 1, progress.total))} of {formatCount(progress.total)}
          </p>
          <progress max={progress.total} value={progress.finished} aria-label="Files imported" />
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                void getApi()
                  .cancelHistoryImport()
                  .catch((error: unknown) => useAppState.getState().showNotice('error', ipcErrorMessage(error)))
              }
            >
              Cancel import
            </button>
          </div>
        </>
      ) : (
        <p role="status">{progress.message}</p>
      )}
      {failed.length > 0 && (
        <ul className="history-list" aria-label="Files not imported">
          {failed.map((file) => (
            <li key={file.file}>
              <strong>{file.file}</strong>: {file.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function HistoryPanel(): React.JSX.Element {
  const { data: coverage } = useStoreQuery('historyCoverage', {});
  const running = useAppState((s) => isHistoryImportRunning(s.historyImport));
  const syncing = useAppState((s) => s.syncRunning);
  const span =
    coverage && coverage.moments > 0 && coverage.firstAt !== null && coverage.latestAt !== null
      ? { first: coverage.firstAt, latest: coverage.latestAt, moments: coverage.moments, fromDumps: coverage.fromDumps, bytes: coverage.storedBytes }
      : null;
  const hasHistory = span !== null;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{hasHistory || coverage === undefined ? 'History' : 'No history yet'}</h2>
      {span ? (
        <p>
          From {formatDay(span.first)} to {formatDay(span.latest)}: {plural(span.moments, 'moment')} ({formatCount(span.fromDumps)} from
          dump files), {formatBytes(span.bytes)}.
        </p>
      ) : (
        <p className={coverage === undefined ? 'muted' : undefined}>
          Statistics come from history, which starts with your next sync: each sync adds the day it fetched. To look further
          back, import PeeringDB dumps of past dates (CAIDA’s daily peeringdb_2_dump_YYYY_MM_DD.json files) with File → Import
          dumps for history…: they go into history only and never replace your copy.
        </p>
      )}
      <div className="actions">
        {coverage !== undefined && !hasHistory && (
          <button type="button" className="primary" disabled={syncing} onClick={() => void startSync(appActionDeps(), 'user')}>
            Sync now
          </button>
        )}
        <button type="button" disabled={running} onClick={() => void importHistory(appActionDeps())}>
          Import dumps for history…
        </button>
      </div>
      <ImportProgress />
    </section>
  );
}

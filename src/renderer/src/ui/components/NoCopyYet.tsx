/**
 * What every screen says before there is any PeeringDB data: no answer can come from an empty
 * copy, so instead of empty tables or "Nothing matches" it says why and offers the two ways
 * to get one.
 */
import { importDump, importHistory, startSync } from '../commands/actions';
import { appActionDeps } from '../commands/app-actions';
import { useAppState } from '../state/app-state';
import { isCopyEmpty } from '../state/copy-slice';
import { isHistoryImportRunning } from '../state/history-slice';

export type CopyState = 'opening' | 'empty' | 'ready';

/** Whether the local copy is still opening, empty, or holds data. */
export function useCopyState(): CopyState {
  return useAppState((s) => (s.copyStatus === null ? 'opening' : isCopyEmpty(s.copyStatus) ? 'empty' : 'ready'));
}

/**
 * A screen's content that needs the copy: while the copy opens it says so, before there is one
 * it offers to get one (NoCopyYet), and only then shows `children`.
 */
export function CopyGate({ what, children }: { what: string; children: React.ReactNode }): React.JSX.Element {
  const copy = useCopyState();
  if (copy === 'opening') return <p className="muted">Opening the local copy…</p>;
  if (copy === 'empty') return <NoCopyYet what={what} />;
  return <>{children}</>;
}

/**
 * `what` names what the screen would show: "Potential peers come from a copy…". A screen
 * whose answers come from elsewhere as well says so in `explanation` instead; one built on
 * history also offers the import of past dumps.
 */
export function NoCopyYet({
  what,
  explanation,
  offerHistoryImport = false,
}: {
  what?: string;
  explanation?: React.ReactNode;
  offerHistoryImport?: boolean;
}): React.JSX.Element {
  const running = useAppState((s) => s.syncRunning);
  const importingHistory = useAppState((s) => isHistoryImportRunning(s.historyImport));
  return (
    <section className="panel empty-state first-run" aria-labelledby="no-copy-title">
      <h2 id="no-copy-title">No local copy yet</h2>
      <p>
        {explanation ?? (
          <>
            {what} come from a copy of PeeringDB kept on this computer, and there is none yet. Download it once from
            PeeringDB (later syncs fetch only what changed), or import a PeeringDB dump file if this computer cannot reach
            PeeringDB.
          </>
        )}
      </p>
      {running && <p className="muted">A sync is running: this screen fills in when it is done.</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={() => void startSync(appActionDeps(), 'user')}>
          Sync now
        </button>
        <button type="button" disabled={running} onClick={() => void importDump(appActionDeps())}>
          Import a dump…
        </button>
        {offerHistoryImport && (
          <button type="button" disabled={importingHistory} onClick={() => void importHistory(appActionDeps())}>
            Import dumps for history…
          </button>
        )}
      </div>
    </section>
  );
}

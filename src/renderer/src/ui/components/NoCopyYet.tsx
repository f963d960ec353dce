/**
 * What every screen says before there is any PeeringDB data: no answer can come from an empty
 * copy, so instead of empty tables or "Nothing matches" it says why and offers the two ways
 * to get one.
 */
import { importDump, startSync } from '../commands/actions';
import { appActionDeps } from '../commands/app-actions';
import { useAppState } from '../state/app-state';
import { isCopyEmpty } from '../state/copy-slice';

export type CopyState = 'opening' | 'empty' | 'ready';

/** Whether the local copy is still opening, empty, or holds data. */
export function useCopyState(): CopyState {
  return useAppState((s) => (s.copyStatus === null ? 'opening' : isCopyEmpty(s.copyStatus) ? 'empty' : 'ready'));
}

/** `what` names what the screen would show: "Potential peers come from a copy…". */
export function NoCopyYet({ what }: { what: string }): React.JSX.Element {
  const running = useAppState((s) => s.syncRunning);
  return (
    <section className="panel empty-state first-run" aria-labelledby="no-copy-title">
      <h2 id="no-copy-title">No local copy yet</h2>
      <p>
        {what} come from a copy of PeeringDB kept on this computer, and there is none yet. Download it once from PeeringDB
        (later syncs fetch only what changed), or import a PeeringDB dump file if this computer cannot reach PeeringDB.
      </p>
      {running && <p className="muted">A sync is running: this screen fills in when it is done.</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={() => void startSync(appActionDeps(), 'user')}>
          Sync now
        </button>
        <button type="button" disabled={running} onClick={() => void importDump(appActionDeps())}>
          Import a dump…
        </button>
      </div>
    </section>
  );
}

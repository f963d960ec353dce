import { appActionDeps } from '../../commands/app-actions';
import { importDump } from '../../commands/actions';
import { isCopyEmpty } from '../../state/copy-slice';
import { useAppState } from '../../state/app-state';
import { DailySyncToggle } from '../../components/DailySyncToggle';
import { NoCopyYet } from '../../components/NoCopyYet';
import { CopyContents } from './CopyContents';
import { RecentChanges } from './RecentChanges';
import { SyncErrorPanel } from './SyncErrorPanel';
import { SyncProgressPanel } from './SyncProgressPanel';

export function SyncScreen(): React.JSX.Element {
  const status = useAppState((s) => s.copyStatus);
  const copyError = useAppState((s) => s.copyError);
  const progress = useAppState((s) => s.syncProgress);
  const running = useAppState((s) => s.syncRunning);
  const syncError = useAppState((s) => s.syncError);
  const empty = status !== null && isCopyEmpty(status);

  return (
    <section className="view" aria-labelledby="sync-title">
      <div className="view-header">
        <h1 id="sync-title">Sync</h1>
        {!empty && (
          <button type="button" disabled={running} onClick={() => void importDump(appActionDeps())}>
            Import dump file…
          </button>
        )}
      </div>
      {copyError && (
        <div className="panel panel-error" role="alert">
          <h2>The local database is not available</h2>
          <p>{copyError}</p>
        </div>
      )}
      {syncError && <SyncErrorPanel error={syncError} status={status} />}
      {status === null && !copyError && <p className="muted">Opening the local copy…</p>}
      {empty && <NoCopyYet what="The answers of this app (common IXPs, potential peers, contacts)" />}
      {progress && progress.phase !== 'idle' && <SyncProgressPanel progress={progress} running={running} />}
      {status && (!empty || status.recentChanges.length > 0) && (
        <div className="panel-columns">
          {!empty && <CopyContents status={status} />}
          {status.recentChanges.length > 0 && <RecentChanges changes={status.recentChanges} />}
        </div>
      )}
      <section className="panel" aria-labelledby="schedule-title">
        <h2 id="schedule-title">Schedule</h2>
        <DailySyncToggle />
      </section>
    </section>
  );
}

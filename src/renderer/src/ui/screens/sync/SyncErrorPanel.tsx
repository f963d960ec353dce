import type { SyncError } from '../../state/sync-slice';
import { syncErrorDetail, syncErrorHeadline } from '../../components/sync-text';
import { appActionDeps } from '../../commands/app-actions';
import { importDump, startSync } from '../../commands/actions';
import { useAppState } from '../../state/app-state';

/**
 * A sync that did not complete: what it means, main's detail, and the two ways on: try again
 * (the same kind of sync: a dump import asks for the file again) or fix the cause in Settings.
 */
export function SyncErrorPanel({ error }: { error: SyncError }): React.JSX.Element {
  const detail = syncErrorDetail(error);
  const running = useAppState((s) => s.syncRunning);
  const fromDump = useAppState((s) => s.syncProgress?.source === 'dump');
  const navigate = useAppState((s) => s.navigate);
  const cancelled = error.code === 'cancelled';
  return (
    <div className="panel panel-error" role="alert">
      <h2>{cancelled ? 'Sync cancelled' : 'The sync did not complete'}</h2>
      <p>{syncErrorHeadline(error)}</p>
      {detail && <p className="muted">Details: {detail}</p>}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void (fromDump ? importDump(appActionDeps()) : startSync(appActionDeps(), 'user'))}
        >
          {cancelled ? 'Sync again' : 'Retry'}
        </button>
        {!fromDump && (
          <button type="button" onClick={() => navigate('settings')}>
            Settings
          </button>
        )}
      </div>
    </div>
  );
}

import type { StoreStatus } from '../../../protocol/messages';
import type { SyncError } from '../../state/sync-slice';
import { copyStateAfter, jobNoun, syncErrorDetail, syncErrorHeadline } from '../../components/sync-text';
import { appActionDeps } from '../../commands/app-actions';
import { importDump, startSync } from '../../commands/actions';
import { useAppState } from '../../state/app-state';

/**
 * A sync or an import that did not complete: what it means, what it left of the copy, main's
 * detail, and the two ways on: try again (the same kind of job: an import asks for the file
 * again) or fix the cause in Settings.
 */
export function SyncErrorPanel({ error, status }: { error: SyncError; status: StoreStatus | null }): React.JSX.Element {
  const detail = syncErrorDetail(error);
  const job = jobNoun(error.source);
  const copyState = copyStateAfter(error, status);
  const running = useAppState((s) => s.syncRunning);
  const navigate = useAppState((s) => s.navigate);
  const cancelled = error.code === 'cancelled';
  const fromDump = job === 'import';
  return (
    <div className="panel panel-error" role="alert">
      <h2>{cancelled ? `${fromDump ? 'Import' : 'Sync'} cancelled` : `The ${job} did not complete`}</h2>
      <p>{syncErrorHeadline(error)}</p>
      {copyState && <p>{copyState}</p>}
      {detail && <p className="muted">Details: {detail}</p>}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void (fromDump ? importDump(appActionDeps()) : startSync(appActionDeps(), 'user'))}
        >
          {cancelled ? (fromDump ? 'Import again' : 'Sync again') : 'Retry'}
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

import { describeSync, timeLeftText, type CopyHeadline } from '../components/sync-text';
import { useAppState } from '../state/app-state';
import { isCopyEmpty } from '../state/copy-slice';
import { formatAgo, formatCount } from '../components/format';
import { useNow } from '../components/HumanDate';
import { appActionDeps } from '../commands/app-actions';
import { cancelSync, startSync } from '../commands/actions';

export function Header(): React.JSX.Element {
  const progress = useAppState((s) => s.syncProgress);
  const running = useAppState((s) => s.syncRunning);
  const error = useAppState((s) => s.syncError);
  const status = useAppState((s) => s.copyStatus);
  const now = useNow();
  const active = running && progress !== null && progress.phase !== 'starting';
  const empty = status !== null && isCopyEmpty(status);
  const copy: CopyHeadline =
    status === null
      ? { state: 'opening' }
      : empty
        ? { state: 'empty' }
        : { state: 'ready', lastSyncAgo: status.lastSyncAt === null ? null : formatAgo(status.lastSyncAt, now) };
  const phase = running ? 'running' : error ? 'error' : (progress?.phase ?? (empty ? 'empty' : 'idle'));

  return (
    <header className="app-header" aria-label="Sync status">
      <div className="header-status">
        <p className="sync-line" role="status" aria-live="polite" data-phase={phase}>
          {describeSync(progress, running, error, copy)}
        </p>
        {active && timeLeftText(progress.etaMs) && <span className="muted">{timeLeftText(progress.etaMs)} left</span>}
        {active && <span className="muted">{formatCount(progress.fetchedRows)} fetched</span>}
      </div>
      <div className="header-actions">
        <button type="button" className="primary" disabled={running} onClick={() => void startSync(appActionDeps(), 'user')}>
          Sync now
        </button>
        {running && (
          <button type="button" onClick={() => void cancelSync(appActionDeps())}>
            Cancel
          </button>
        )}
      </div>
    </header>
  );
}

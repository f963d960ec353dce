import { describeSync } from '../components/sync-text';
import { useAppState } from '../state/app-state';
import { formatCount, formatDuration } from '../components/format';
import { appActionDeps } from '../commands/app-actions';
import { cancelSync, startSync } from '../commands/actions';

export function Header(): React.JSX.Element {
  const progress = useAppState((s) => s.syncProgress);
  const running = useAppState((s) => s.syncRunning);
  const error = useAppState((s) => s.syncError);
  const notice = useAppState((s) => s.notice);
  const dismissNotice = useAppState((s) => s.dismissNotice);
  const active = running && progress !== null && progress.phase !== 'starting';

  return (
    <header className="app-header" aria-label="Sync status">
      <div className="header-status">
        <p className="sync-line" role="status" aria-live="polite" data-phase={running ? 'running' : (progress?.phase ?? 'idle')}>
          {describeSync(progress, running, error)}
        </p>
        {active && progress.etaMs !== undefined && (
          <span className="muted">about {formatDuration(progress.etaMs)} left</span>
        )}
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
      <div className="notice-area" aria-live="polite">
        {notice && (
          <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
            <span>{notice.text}</span>
            <button type="button" className="link" aria-label="Dismiss message" onClick={dismissNotice}>
              ×
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

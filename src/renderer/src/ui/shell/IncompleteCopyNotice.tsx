import { appActionDeps } from '../commands/app-actions';
import { startSync } from '../commands/actions';
import { describeUnloaded, incompleteCopy } from '../components/copy-completeness';
import { useAppState } from '../state/app-state';

/**
 * Shown above every discovery screen while the copy is incomplete (a first load that stopped
 * part way): which types are missing and how far they got, and a button that resumes. An
 * answer given meanwhile may lack what those types hold; this says so before anyone acts on it.
 */
export function IncompleteCopyNotice(): React.JSX.Element | null {
  const status = useAppState((s) => s.copyStatus);
  const running = useAppState((s) => s.syncRunning);
  const incomplete = incompleteCopy(status);
  if (!incomplete) return null;
  return (
    <section className="panel incomplete-copy" role="region" aria-labelledby="incomplete-copy-title">
      <h2 id="incomplete-copy-title">The local copy is incomplete</h2>
      <p>
        {incomplete.loaded} of {incomplete.total} types are fully loaded. Not yet complete: {describeUnloaded(incomplete.unloaded)}.
        Answers on this screen may miss what those hold.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={() => void startSync(appActionDeps(), 'user')}>
          {running ? 'Loading…' : 'Resume loading'}
        </button>
      </div>
    </section>
  );
}

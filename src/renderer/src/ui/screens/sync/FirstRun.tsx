import { appActionDeps } from '../../commands/app-actions';
import { importDump, startSync } from '../../commands/actions';

/** What the app says before it has any PeeringDB data. */
export function FirstRun({ running }: { running: boolean }): React.JSX.Element {
  return (
    <section className="panel first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">No local PeeringDB copy yet</h2>
      <p>
        The app answers from a copy of PeeringDB kept on this computer. Download it once from PeeringDB (later syncs only
        fetch what changed), or import a PeeringDB dump file if this computer cannot reach PeeringDB.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={() => void startSync(appActionDeps(), 'user')}>
          Sync now
        </button>
        <button type="button" disabled={running} onClick={() => void importDump(appActionDeps())}>
          Import dump file…
        </button>
      </div>
    </section>
  );
}

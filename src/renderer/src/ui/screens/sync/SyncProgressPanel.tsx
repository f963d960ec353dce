import { PDB_TYPES } from '../../../../../shared/peeringdb';
import type { SyncProgress } from '../../../../../shared/sync';
import { formatBytes, formatCount, formatDuration } from '../../components/format';
import { PDB_TYPE_LABELS } from '../../components/pdb-type-labels';
import { SOURCE_LABELS } from '../../components/sync-text';

const PHASE_LABELS: Record<SyncProgress['phase'], string> = {
  idle: 'Idle',
  starting: 'Starting',
  fetching: 'Fetching',
  storing: 'Storing',
  done: 'Done',
  cancelled: 'Cancelled',
  error: 'Failed',
};

export function SyncProgressPanel({ progress, running }: { progress: SyncProgress; running: boolean }): React.JSX.Element {
  const types = PDB_TYPES.filter((type) => progress.types[type]);
  return (
    <section className="panel" aria-labelledby="sync-progress-title">
      <h2 id="sync-progress-title">{running ? 'Sync in progress' : 'Last sync this session'}</h2>
      <dl className="facts">
        <dt>Phase</dt>
        <dd>{PHASE_LABELS[progress.phase]}</dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABELS[progress.source]}</dd>
        <dt>Rows</dt>
        <dd>
          {formatCount(progress.storedRows)} stored of {formatCount(progress.fetchedRows)} fetched
        </dd>
        {progress.bytes > 0 && (
          <>
            <dt>Downloaded</dt>
            <dd>{formatBytes(progress.bytes)}</dd>
          </>
        )}
        {running && progress.etaMs !== undefined && (
          <>
            <dt>Time left</dt>
            <dd>about {formatDuration(progress.etaMs)}</dd>
          </>
        )}
        {progress.endedAt !== undefined && (
          <>
            <dt>Took</dt>
            <dd>{formatDuration(progress.endedAt - progress.startedAt)}</dd>
          </>
        )}
      </dl>
      {types.length > 0 && (
        // While it runs every type's bar is in view; afterwards they fold away behind a summary.
        <details className="type-progress-details" open={running}>
          <summary>{running ? 'Per type' : `Per type (${types.length})`}</summary>
          <ul className="type-progress" aria-label="Progress per type">
            {types.map((type) => {
              const typeProgress = progress.types[type]!;
              const current = type === progress.type && running;
              return (
                <li key={type} className={current ? 'current' : undefined}>
                  <span className="type-name">{PDB_TYPE_LABELS[type]}</span>
                  <TypeBar label={PDB_TYPE_LABELS[type]} fetched={typeProgress.fetched} stored={typeProgress.stored} done={typeProgress.done} />
                  <span className="type-numbers">
                    {formatCount(typeProgress.stored)} / {formatCount(typeProgress.fetched)}
                    {typeProgress.done ? ' ✓' : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Stored out of fetched: the gap is what still waits for the database. */
function TypeBar({ label, fetched, stored, done }: { label: string; fetched: number; stored: number; done: boolean }) {
  if (done) return <progress aria-label={`${label}: done`} max={1} value={1} />;
  if (fetched === 0) return <progress aria-label={`${label}: waiting`} />;
  return <progress aria-label={label} max={fetched} value={Math.min(stored, fetched)} />;
}

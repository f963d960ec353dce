import { PDB_TYPES } from '../../../../../shared/peeringdb';
import type { SyncProgress } from '../../../../../shared/sync';
import { formatBytes, formatCount, formatDuration } from '../../components/format';
import { PDB_TYPE_LABELS } from '../../components/pdb-type-labels';
import { SOURCE_LABELS, timeLeftText } from '../../components/sync-text';
import { describeSyncWait } from './wait-text';

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
  const skipped = types.reduce((sum, type) => sum + (progress.types[type]!.skipped ?? 0), 0);
  return (
    <section className="panel" aria-labelledby="sync-progress-title">
      <h2 id="sync-progress-title">
        {progress.source === 'dump' ? (running ? 'Import in progress' : 'Last import this session') : running ? 'Sync in progress' : 'Last sync this session'}
      </h2>
      <dl className="facts">
        <dt>Phase</dt>
        <dd>{progress.source === 'dump' && progress.phase === 'fetching' ? 'Reading the file' : PHASE_LABELS[progress.phase]}</dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABELS[progress.source]}</dd>
        <dt>Rows</dt>
        <dd>
          {formatCount(progress.storedRows)} stored of {formatCount(progress.fetchedRows)} {progress.source === 'dump' ? 'read' : 'fetched'}
          {skipped > 0 && <> · {formatCount(skipped)} left out as not valid</>}
        </dd>
        {progress.bytes > 0 && (
          <>
            <dt>Downloaded</dt>
            <dd>{formatBytes(progress.bytes)}</dd>
          </>
        )}
        {running && progress.waiting && (
          <>
            <dt>Waiting</dt>
            <dd>{describeSyncWait(progress.waiting)}</dd>
          </>
        )}
        {running && timeLeftText(progress.etaMs) && (
          <>
            <dt>Time left</dt>
            <dd>{timeLeftText(progress.etaMs)}</dd>
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
                  <TypeBar
                    label={PDB_TYPE_LABELS[type]}
                    fetched={typeProgress.fetched}
                    stored={typeProgress.stored}
                    done={typeProgress.done}
                    stopped={!running}
                  />
                  <span className="type-numbers">
                    {formatCount(typeProgress.stored)} / {formatCount(typeProgress.fetched)}
                    {typeProgress.deleted > 0 && ` · ${formatCount(typeProgress.deleted)} deleted`}
                    {typeProgress.skipped > 0 && ` · ${formatCount(typeProgress.skipped)} left out`}
                    {typeProgress.done ? ' ✓' : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {progress.phase === 'done' && progress.message && <p className="note">{progress.message}</p>}
    </section>
  );
}

/**
 * Stored out of fetched: the gap is what still waits for the database. A bar without a value
 * is animated ("working"), so a job that stopped never shows one: it shows where it stopped.
 */
function TypeBar(props: { label: string; fetched: number; stored: number; done: boolean; stopped: boolean }) {
  const { label, fetched, stored, done, stopped } = props;
  if (done) return <progress aria-label={`${label}: done`} max={1} value={1} />;
  if (stopped) return <progress aria-label={`${label}: stopped`} max={Math.max(fetched, 1)} value={Math.min(stored, fetched)} />;
  if (fetched === 0) return <progress aria-label={`${label}: waiting`} />;
  return <progress aria-label={label} max={fetched} value={Math.min(stored, fetched)} />;
}

import { PDB_TYPES } from '../../../../../shared/peeringdb';
import type { SyncChangeSummary } from '../../../../../shared/sync';
import { formatCount, formatDateTime } from '../../components/format';
import { PDB_TYPE_LABELS } from '../../components/pdb-type-labels';
import { SOURCE_LABELS } from '../../components/sync-text';

const SHOWN_SYNCS = 5;
const SHOWN_ASNS = 15;

const OUTCOME_LABELS: Record<SyncChangeSummary['outcome'], string> = {
  done: 'completed',
  cancelled: 'cancelled',
  error: 'failed',
};

export function RecentChanges({ changes }: { changes: SyncChangeSummary[] }): React.JSX.Element {
  return (
    <section className="panel" aria-labelledby="recent-changes-title">
      <h2 id="recent-changes-title">What recent syncs changed</h2>
      {changes.length === 0 ? (
        <p className="muted">No sync has changed anything yet.</p>
      ) : (
        changes.slice(0, SHOWN_SYNCS).map((change) => <ChangeSummary key={change.jobId} change={change} />)
      )}
    </section>
  );
}

function ChangeSummary({ change }: { change: SyncChangeSummary }) {
  const types = PDB_TYPES.filter((type) => {
    const counts = change.perType[type];
    return counts && counts.added + counts.updated + counts.deleted > 0;
  });
  return (
    <article className="change" aria-label={`Sync of ${formatDateTime(change.endedAt)}`}>
      <h3>
        {formatDateTime(change.endedAt)} · {SOURCE_LABELS[change.source]} · {OUTCOME_LABELS[change.outcome]}
      </h3>
      {types.length === 0 ? (
        <p className="muted">No rows changed.</p>
      ) : (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="num">Added</th>
              <th scope="col" className="num">Updated</th>
              <th scope="col" className="num">Deleted</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => {
              const counts = change.perType[type]!;
              return (
                <tr key={type}>
                  <th scope="row">{PDB_TYPE_LABELS[type]}</th>
                  <td className="num">{formatCount(counts.added)}</td>
                  <td className="num">{formatCount(counts.updated)}</td>
                  <td className="num">{formatCount(counts.deleted)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {change.ixMoves.length > 0 && (
        <ul className="ix-moves" aria-label="Networks that joined or left IXPs">
          {change.ixMoves.map((move) => (
            <li key={move.ixId}>
              <strong>{move.ixName || `IXP ${move.ixId}`}</strong>
              {move.joined.length > 0 && <> · joined: {asnList(move.joined)}</>}
              {move.left.length > 0 && <> · left: {asnList(move.left)}</>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function asnList(asns: number[]): string {
  const shown = asns.slice(0, SHOWN_ASNS).map((asn) => `AS${asn}`).join(', ');
  const rest = asns.length - SHOWN_ASNS;
  return rest > 0 ? `${shown} and ${formatCount(rest)} more` : shown;
}

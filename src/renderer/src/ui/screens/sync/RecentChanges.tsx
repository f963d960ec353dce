/**
 * What recent syncs changed: per sync, when and from where, the totals in one line, the
 * numbers per type, and the networks that joined or left each IXP, grouped by IXP and easy to
 * scan. (Names and links for those networks come with the change history.)
 */
import { PDB_TYPES } from '../../../../../shared/peeringdb';
import type { SyncChangeSummary } from '../../../../../shared/sync';
import { formatCount, plural } from '../../components/format';
import { HumanDate } from '../../components/HumanDate';
import { PDB_TYPE_LABELS } from '../../components/pdb-type-labels';
import { SOURCE_LABELS } from '../../components/sync-text';

const SHOWN_SYNCS = 5;
const SHOWN_ASNS = 15;
/** Up to this many IXPs the moves show at once; more fold behind a summary. */
const OPEN_MOVES = 4;

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

function totalsOf(change: SyncChangeSummary) {
  let added = 0;
  let updated = 0;
  let deleted = 0;
  for (const counts of Object.values(change.perType)) {
    added += counts.added;
    updated += counts.updated;
    deleted += counts.deleted;
  }
  return { added, updated, deleted };
}

function ChangeSummary({ change }: { change: SyncChangeSummary }) {
  const types = PDB_TYPES.filter((type) => {
    const counts = change.perType[type];
    return counts && counts.added + counts.updated + counts.deleted > 0;
  });
  const totals = totalsOf(change);
  const joined = change.ixMoves.reduce((sum, move) => sum + move.joined.length, 0);
  const left = change.ixMoves.reduce((sum, move) => sum + move.left.length, 0);
  return (
    <article className="change" aria-label={`Sync from the ${SOURCE_LABELS[change.source]}`}>
      <h3 className="change-head">
        <HumanDate at={change.endedAt} />
        <span className="muted"> · {SOURCE_LABELS[change.source]}</span>
        <span className={`badge outcome outcome-${change.outcome}`}>{OUTCOME_LABELS[change.outcome]}</span>
      </h3>
      {types.length === 0 ? (
        <p className="muted">No rows changed.</p>
      ) : (
        <>
          <p className="change-totals">
            {formatCount(totals.added)} added · {formatCount(totals.updated)} updated · {formatCount(totals.deleted)} deleted
          </p>
          <details className="change-types">
            <summary>By type ({plural(types.length, 'type')})</summary>
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col" className="num">
                    Added
                  </th>
                  <th scope="col" className="num">
                    Updated
                  </th>
                  <th scope="col" className="num">
                    Deleted
                  </th>
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
          </details>
        </>
      )}
      {change.ixMoves.length > 0 && (
        <details className="ix-moves" open={change.ixMoves.length <= OPEN_MOVES}>
          <summary>
            At {plural(change.ixMoves.length, 'IXP')}: {plural(joined, 'network')} joined, {formatCount(left)} left
          </summary>
          <ul aria-label="Networks that joined or left IXPs">
            {change.ixMoves.map((move) => (
              <li key={move.ixId}>
                <strong>{move.ixName || `IXP ${move.ixId}`}</strong>
                {move.joined.length > 0 && <AsnLine label="Joined" asns={move.joined} />}
                {move.left.length > 0 && <AsnLine label="Left" asns={move.left} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

function AsnLine({ label, asns }: { label: string; asns: number[] }) {
  return (
    <p className="asn-line">
      <span className="asn-line-label">
        {label} ({formatCount(asns.length)})
      </span>{' '}
      <span className="mono">{asnList(asns)}</span>
    </p>
  );
}

function asnList(asns: number[]): string {
  const shown = asns.slice(0, SHOWN_ASNS).map((asn) => `AS${asn}`).join(', ');
  const rest = asns.length - SHOWN_ASNS;
  return rest > 0 ? `${shown} and ${formatCount(rest)} more` : shown;
}

import { PDB_TYPES } from '../../../../../shared/peeringdb';
import type { StoreStatus } from '../../../protocol/messages';
import { formatCount } from '../../components/format';
import { HumanDate } from '../../components/HumanDate';
import { PDB_TYPE_LABELS } from '../../components/pdb-type-labels';

export function CopyContents({ status }: { status: StoreStatus }): React.JSX.Element {
  const total = PDB_TYPES.reduce((sum, type) => sum + status.counts[type], 0);
  const loaded = new Set(status.loadedTypes);
  return (
    <section className="panel" aria-labelledby="copy-title">
      <h2 id="copy-title">Local copy</h2>
      <p>
        Last complete sync:{' '}
        {status.lastSyncAt === null ? <strong>never</strong> : <HumanDate at={status.lastSyncAt} />}
      </p>
      <table className="data compact counts">
        <caption className="visually-hidden">Rows in the local copy per type</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="num">Rows</th>
          </tr>
        </thead>
        <tbody>
          {PDB_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">
                {PDB_TYPE_LABELS[type]}
                {!loaded.has(type) && <span className="muted"> (not fully loaded)</span>}
              </th>
              <td className="num">{formatCount(status.counts[type])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatCount(total)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

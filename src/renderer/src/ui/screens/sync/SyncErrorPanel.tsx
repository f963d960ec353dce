import type { StoreStatus } from '../../../protocol/messages';
import type { SyncError } from '../../state/sync-slice';
import { copyStateAfter, jobNoun, syncErrorDetail, syncErrorHeadline } from '../../components/sync-text';

export function SyncErrorPanel({ error, status }: { error: SyncError; status: StoreStatus | null }): React.JSX.Element {
  const detail = syncErrorDetail(error);
  const job = jobNoun(error.source);
  const copyState = copyStateAfter(error, status);
  return (
    <div className="panel panel-error" role="alert">
      <h2>{error.code === 'cancelled' ? `${job === 'import' ? 'Import' : 'Sync'} cancelled` : `The ${job} did not complete`}</h2>
      <p>{syncErrorHeadline(error)}</p>
      {copyState && <p>{copyState}</p>}
      {detail && <p className="muted">Details: {detail}</p>}
    </div>
  );
}

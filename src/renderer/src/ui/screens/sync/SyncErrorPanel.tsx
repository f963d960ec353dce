import type { SyncError } from '../../state/sync-slice';
import { syncErrorDetail, syncErrorHeadline } from '../../components/sync-text';

export function SyncErrorPanel({ error }: { error: SyncError }): React.JSX.Element {
  const detail = syncErrorDetail(error);
  return (
    <div className="panel panel-error" role="alert">
      <h2>{error.code === 'cancelled' ? 'Sync cancelled' : 'The sync did not complete'}</h2>
      <p>{syncErrorHeadline(error)}</p>
      {detail && <p className="muted">Details: {detail}</p>}
    </div>
  );
}

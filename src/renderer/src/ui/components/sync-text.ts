/** The words the app uses about a sync: status lines and what each failure means. */
import type { SyncErrorCode, SyncProgress, SyncSource } from '../../../../shared/sync';
import type { SyncError } from '../state/sync-slice';
import { formatCount } from './format';
import { PDB_TYPE_LABELS } from './pdb-type-labels';

export const SYNC_ERROR_TEXT: Record<SyncErrorCode, string> = {
  auth: 'PeeringDB refused the API key. Check it in Settings, or remove it to sync without one.',
  'rate-limited': 'PeeringDB is limiting requests from this address. Wait a few minutes, then sync again.',
  server: 'PeeringDB answered with a server error. The copy you have is intact; try again later.',
  timeout: 'PeeringDB did not answer in time. Check your connection and try again.',
  network: 'PeeringDB could not be reached. Check your connection and the PeeringDB URL in Settings.',
  malformed: 'PeeringDB sent data the app could not read. The copy you have is intact.',
  'dump-format':
    'That file is not a PeeringDB dump. Choose a JSON dump with one object per type (such as peeringdb_2_dump_YYYY_MM_DD.json).',
  store: 'The local database could not save the data. Free some disk space, then sync again.',
  cancelled: 'The sync was cancelled. What was saved so far is kept; the next sync continues from there.',
};

export const SOURCE_LABELS: Record<SyncSource, string> = {
  api: 'PeeringDB API',
  cache: 'PeeringDB bulk cache',
  dump: 'dump file',
};

/** The headline of a failure: the meaning of its code when known, else main's own words. */
export function syncErrorHeadline(error: SyncError): string {
  return error.code ? SYNC_ERROR_TEXT[error.code] : error.message;
}

/** Main's detail, when it adds something the headline does not already say. */
export function syncErrorDetail(error: SyncError): string | null {
  return error.code && error.message && error.message !== SYNC_ERROR_TEXT[error.code] ? error.message : null;
}

/** What the header says about the copy when no sync is running or just ended. */
export type CopyHeadline = { state: 'opening' } | { state: 'empty' } | { state: 'ready'; lastSyncAgo: string | null };

/** One short line for the header's live region. */
export function describeSync(
  progress: SyncProgress | null,
  running: boolean,
  error: SyncError | null,
  copy: CopyHeadline = { state: 'ready', lastSyncAgo: null },
): string {
  if (error && !running) return `Sync failed: ${syncErrorHeadline(error)}`;
  if (!progress || !running) {
    if (running) return 'Starting sync…';
    switch (progress?.phase) {
      case 'done':
        return `Sync complete: ${formatCount(progress.storedRows)} rows stored.`;
      case 'cancelled':
        return 'Sync cancelled.';
      default:
        return describeCopy(copy);
    }
  }
  const what = progress.type ? inSentence(PDB_TYPE_LABELS[progress.type]) : 'data';
  switch (progress.phase) {
    case 'starting':
      return `Starting sync from the ${SOURCE_LABELS[progress.source]}…`;
    case 'fetching':
      return `Fetching ${what}… ${formatCount(progress.storedRows)} rows stored`;
    default:
      return `Storing ${what}… ${formatCount(progress.storedRows)} rows stored`;
  }
}

/** "Networks" reads "networks" mid-sentence; "IXP connections" keeps its acronym. */
function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}

function describeCopy(copy: CopyHeadline): string {
  switch (copy.state) {
    case 'opening':
      return 'Opening the local copy…';
    case 'empty':
      return 'No local copy yet: sync now, or import a dump file.';
    case 'ready':
      return copy.lastSyncAgo ? `Local copy, last synced ${copy.lastSyncAgo}.` : 'Local copy ready.';
  }
}

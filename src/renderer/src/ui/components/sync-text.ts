/**
 * The words the app uses about a sync or an import: status lines, what each failure means,
 * and what state it left the copy in. Each says only what is true: the copy is called intact
 * only when it is complete, the key is blamed only when one was sent, disk space only when
 * the database said it was full, and an import is never called a sync.
 */
import type { SyncErrorCode, SyncProgress, SyncSource } from '../../../../shared/sync';
import type { StoreStatus } from '../../protocol/messages';
import type { SyncError } from '../state/sync-slice';
import { incompleteCopy } from './copy-completeness';
import { formatDuration, plural } from './format';
import { PDB_TYPE_LABELS } from './pdb-type-labels';

export const SYNC_ERROR_TEXT: Record<SyncErrorCode, string> = {
  auth: 'PeeringDB refused the API key. Check it in Settings, or remove it to sync without one.',
  'access-denied':
    "PeeringDB refused access. If this server needs an API key, add one in Settings; if PeeringDB's firewall blocked this address, try from another network.",
  'rate-limited': 'PeeringDB is limiting requests from this address. Wait a few minutes, then sync again.',
  server: 'PeeringDB answered with a server error. Try again later.',
  timeout: 'PeeringDB did not answer in time. Check your connection and try again.',
  network: 'PeeringDB could not be reached. Check your connection and the PeeringDB URL in Settings.',
  malformed: 'PeeringDB sent data the app could not read.',
  'dump-format':
    'That file is not a complete PeeringDB dump. Choose a JSON dump with one object per type (such as peeringdb_2_dump_YYYY_MM_DD.json).',
  store: 'The local database could not save the data.',
  'disk-full': 'The local database is out of room. Free some disk space, then try again.',
  cancelled: 'Cancelled before it was complete.',
};

/** The name of a job from its source: a dump file is imported, PeeringDB is synced. */
export function jobNoun(source: SyncSource | undefined): 'import' | 'sync' {
  return source === 'dump' ? 'import' : 'sync';
}

/** What a job that did not complete left of the copy, from the copy's status. */
export function copyStateAfter(error: SyncError, status: StoreStatus | null): string | null {
  if (error.source === 'dump') return 'The local copy is as it was before the import.';
  // An empty copy has nothing to keep: the first-run panel says what to do.
  if (!status || (status.loadedTypes.length === 0 && Object.values(status.counts).every((count) => count === 0))) return null;
  const incomplete = incompleteCopy(status);
  if (incomplete) {
    return `The local copy is still incomplete (${incomplete.loaded} of ${incomplete.total} types loaded). What was stored is kept; syncing again resumes where this stopped.`;
  }
  return 'The copy you have is intact: what was stored before is kept.';
}

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

/**
 * "about 3 min 10 s", or null when there is no estimate or under a second is left: "about 0 s"
 * says nothing useful, and is what a stalled answer reads as.
 */
export function timeLeftText(etaMs: number | undefined): string | null {
  return etaMs === undefined || etaMs < 1000 ? null : `about ${formatDuration(etaMs)}`;
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
  if (error && !running) return `${capitalised(jobNoun(error.source))} failed: ${syncErrorHeadline(error)}`;
  const job = capitalised(jobNoun(progress?.source));
  if (!progress || !running) {
    if (running) return 'Starting sync…';
    switch (progress?.phase) {
      case 'done':
        return `${job} complete: ${plural(progress.storedRows, 'row')} stored.`;
      case 'cancelled':
        return `${job} cancelled.`;
      default:
        return describeCopy(copy);
    }
  }
  const what = progress.type ? inSentence(PDB_TYPE_LABELS[progress.type]) : 'data';
  switch (progress.phase) {
    case 'starting':
      return progress.source === 'dump' ? 'Starting the import of the dump file…' : `Starting sync from the ${SOURCE_LABELS[progress.source]}…`;
    case 'fetching':
      return `${progress.source === 'dump' ? 'Reading' : 'Fetching'} ${what}… ${plural(progress.storedRows, 'row')} stored`;
    default:
      return `Storing ${what}… ${plural(progress.storedRows, 'row')} stored`;
  }
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
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

/** The sync panel's words for a pause before the next request. */
import type { SyncWait } from '../../../../../shared/sync';
import { formatDuration } from '../../components/format';

/** Whole seconds, rounded up: a wait of 0.4 s still reads "1 s", never "0 s". */
function waitLength(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))} s` : formatDuration(ms);
}

export function describeSyncWait(wait: SyncWait): string {
  const length = waitLength(wait.ms);
  switch (wait.reason) {
    case 'pacing':
      return `${length} before the next request: PeeringDB asks for 2 s between requests and at most 20 a minute (40 with an API key).`;
    case 'rate-limited':
      return `${length}: PeeringDB asked this app to slow down.`;
    case 'retrying':
      return `${length}, then the request is tried again.`;
  }
}

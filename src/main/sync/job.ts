import type { Pacer, SyncClock } from './clock';
import type { ProgressReporter } from './progress-reporter';
import type { StoreSession } from './store-session';
import type { SyncControllerDeps, SyncTuning } from './sync-types';

/** What a running sync job works with. */
export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  deps: SyncControllerDeps;
  tuning: SyncTuning;
  progress: ProgressReporter;
  userAgent: string;
  random: () => number;
  clock: SyncClock;
  /** Shared by every job, so back-to-back syncs keep PeeringDB's limits between them too. */
  pacer: Pacer;
  /** Opens the channel to the store; its closing ends the job. */
  openSession(): StoreSession;
}

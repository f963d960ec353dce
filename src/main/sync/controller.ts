/**
 * Runs one sync job at a time (an API sync or a dump import), reports its progress, and ends
 * it cleanly however it stops: done, cancelled, failed, or its window gone.
 */
import type { SyncSource } from '../../shared/sync';
import { runApiSync } from './api-sync';
import { Pacer, WALL_CLOCK } from './clock';
import { runDumpImport } from './dump-import';
import { SyncError } from './errors';
import type { JobContext } from './job';
import { ProgressReporter } from './progress-reporter';
import { StoreSession, storeGoneMessage } from './store-session';
import { resolveTuning } from './tuning';
import type { StartResult, StoreLink, SyncController, SyncControllerDeps } from './sync-types';

const CANCELLED = 'cancelled-by-user';

interface RunningJob {
  abort: AbortController;
  finished: Promise<void>;
}

function userAgentFor(appVersion: string | undefined): string {
  // Never the "PeeringDB/x.y backend/x.y" form: PeeringDB checks that one for client compatibility.
  return `PeeringAssistant/${appVersion ?? '0.0.0'} (desktop app for peering engineers)`;
}

export function createSyncController(deps: SyncControllerDeps): SyncController {
  const tuning = resolveTuning(deps.tuning);
  const clock = deps.clock ?? WALL_CLOCK;
  const pacer = new Pacer(clock);
  let running: RunningJob | null = null;

  const launch = (source: SyncSource, body: (ctx: JobContext) => Promise<string | undefined | void>): StartResult => {
    if (running) return { started: false, reason: 'A sync is already running.' };
    const abort = new AbortController();
    const jobId = globalThis.crypto.randomUUID();
    const progress = new ProgressReporter(jobId, source, deps.emitProgress, tuning.progressIntervalMs, () => clock.now());
    let session: StoreSession | null = null;
    const ctx: JobContext = {
      jobId,
      signal: abort.signal,
      deps,
      tuning,
      progress,
      userAgent: userAgentFor(deps.appVersion),
      random: deps.random ?? Math.random,
      clock,
      pacer,
      openSession: () => {
        let link: StoreLink;
        try {
          link = deps.openStoreLink(jobId);
        } catch (error) {
          throw new SyncError('store', `The local database is not reachable: ${(error as Error).message}`);
        }
        session = new StoreSession(link, abort.signal, tuning.storeTimeoutMs, source, () =>
          abort.abort(new SyncError('store', storeGoneMessage(source))),
        );
        return session;
      },
    };

    const job: RunningJob = { abort, finished: Promise.resolve() };
    running = job;
    progress.phase('starting');
    job.finished = (async () => {
      let outcome: { phase: 'done' | 'cancelled' | 'error'; message?: string; code?: SyncError['code'] };
      try {
        const note = await body(ctx);
        outcome = { phase: 'done', ...(note ? { message: note } : {}) };
      } catch (error) {
        outcome = describeFailure(error, abort.signal, source);
      }
      (session as StoreSession | null)?.end(outcome.phase, outcome.message, outcome.code);
      running = null;
      progress.finish(outcome.phase, outcome.message, outcome.code);
    })();
    return { started: true };
  };

  return {
    start: () => launch('api', runApiSync),
    importDump: (path: string) => launch('dump', (ctx) => runDumpImport(ctx, path)),
    cancel() {
      if (!running || running.abort.signal.aborted) return false;
      running.abort.abort(CANCELLED);
      return true;
    },
    get running() {
      return running !== null;
    },
    idle: () => running?.finished ?? Promise.resolve(),
  };
}

/** How a job that stopped is told: in its own words (an import is not a sync), and truly. */
function describeFailure(
  error: unknown,
  signal: AbortSignal,
  source: SyncSource,
): { phase: 'cancelled' | 'error'; message?: string; code?: SyncError['code'] } {
  const job = source === 'dump' ? 'import' : 'sync';
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason === CANCELLED) {
      return {
        phase: 'cancelled',
        message:
          source === 'dump'
            ? 'The import was cancelled. The local copy is as it was before it.'
            : 'The sync was cancelled. What was stored is kept; the next sync resumes from there.',
      };
    }
    if (reason instanceof SyncError) return { phase: 'cancelled', message: reason.message, code: reason.code };
  }
  if (error instanceof SyncError) return { phase: 'error', message: error.message, code: error.code };
  return { phase: 'error', message: `The ${job} failed: ${error instanceof Error ? error.message : String(error)}` };
}

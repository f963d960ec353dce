/**
 * A sync from PeeringDB: for each type in dependency order, either the bulk cache (first
 * anonymous load) or `since` pages from the API, each page stored before the next is asked for.
 */
import type { PdbType } from '../../shared/peeringdb';
import type { PacingRule } from './clock';
import { newestChange, parseEnvelopeText, type PdbPage } from './envelope';
import { SyncError } from './errors';
import { HttpClient } from './http';
import type { JobContext } from './job';
import { pageThroughList } from './page-loop';
import { expectedRequests, planSync, type TypePlan } from './plan';
import { estimateEta } from './progress-reporter';
import { sendSnapshot } from './snapshot';
import { apiListUrl, cacheFileUrl, canonicalApiBase, isOnDomain } from './urls';
import type { SyncTuning } from './types';

/** PeeringDB's published limits pace requests to PeeringDB; other servers (mirrors, loopback) set their own. */
export function pacingRule(base: string, withKey: boolean, tuning: SyncTuning): PacingRule | null {
  if (tuning.pacedDomain !== null && !isOnDomain(base, tuning.pacedDomain)) return null;
  return {
    minIntervalMs: tuning.minRequestIntervalMs,
    perMinute: withKey ? tuning.keyRequestsPerMinute : tuning.anonymousRequestsPerMinute,
  };
}

/** Lists PeeringDB thins after slicing a page (contacts the caller may not see): only an empty page ends them. */
export const THINNED_LISTS: ReadonlySet<PdbType> = new Set(['poc']);

interface FetchedPage extends PdbPage {
  bytes: number;
  /** The text the store gets: PeeringDB's answer as it came, checked (see MainToStore). */
  rowsJson: string;
}

export async function runApiSync(ctx: JobContext): Promise<void> {
  const { deps, tuning, progress, signal } = ctx;
  const config = deps.getConfig();
  const apiKey = config.apiKey?.trim() ? config.apiKey.trim() : null;
  const base = readableBase(config.baseUrl);
  const http = new HttpClient({
    fetch: deps.fetch,
    apiKey,
    userAgent: ctx.userAgent,
    tuning,
    pacer: ctx.pacer,
    pacing: pacingRule(base, apiKey !== null, tuning),
    random: ctx.random,
    clock: ctx.clock,
  });

  const session = ctx.openSession();
  const state = await session.state();
  const plans = planSync({ state, hasApiKey: apiKey !== null, cacheUrl: config.cacheUrl });
  const source = plans.some((plan) => plan.mode === 'cache') ? 'cache' : 'api';
  progress.setSource(source);
  session.hello(ctx.jobId, source, apiKey !== null);
  const eta = new RequestEta(plans, tuning.pageSize - tuning.pageOverlap, () => ctx.clock.now());

  const get = async (type: PdbType, url: string, viaCache: boolean): Promise<{ text: string; bytes: number } | null> => {
    progress.phase('fetching', type);
    const response = await http.getText(url, {
      signal,
      withKey: !viaCache,
      notFoundIsNull: viaCache,
      onBytes: (bytes) => progress.bytes(type, bytes),
      onWait: (wait) => progress.waiting(wait),
    });
    eta.requestDone(type);
    progress.eta(eta.estimate());
    return response;
  };
  const parse = (type: PdbType, response: { text: string; bytes: number }, where: string): PdbPage & { bytes: number } => {
    const page = parseEnvelopeText(response.text, where);
    progress.fetched(type, page.rows.length);
    return { ...page, bytes: response.bytes };
  };
  const store = async (type: PdbType, page: FetchedPage, complete: boolean, replace: boolean): Promise<void> => {
    progress.phase('storing', type);
    const stored = await session.page({
      type,
      rowsJson: page.rowsJson,
      fetchedRows: page.rows.length,
      bytes: page.bytes,
      complete,
      ...(replace ? { replace } : {}),
    });
    progress.stored(type, stored);
  };

  for (const plan of plans) {
    const { type } = plan;
    progress.phase('fetching', type);
    if (plan.mode === 'cache' && config.cacheUrl) {
      const response = await get(type, cacheFileUrl(config.cacheUrl, type), true);
      if (response) {
        const snapshot = parse(type, response, `the bulk cache's ${type} list`);
        const snapshotAt = snapshot.generated ?? newestChange(snapshot.rows);
        await sendSnapshot(session, progress, type, snapshot.rows, snapshotAt, tuning.pageSize);
        eta.typeDone(type);
        progress.typeDone(type);
        continue;
      }
      // The cache has no file for this type: the API lists it instead.
    }
    // A list standing in for a snapshot replaces what is stored; a first load has nothing to replace
    // and stays resumable page by page.
    const replace = plan.mode === 'api' ? plan.replace === true : state.watermarks[type] !== undefined;
    await pageThroughList({
      since: plan.mode === 'api' ? plan.since : 1,
      pageSize: tuning.pageSize,
      overlap: tuning.pageOverlap,
      shortPageEnds: !THINNED_LISTS.has(type),
      fetchPage: async (query) => {
        const response = await get(type, apiListUrl(base, type, query), false);
        const page = parse(type, response!, `${type} (since ${query.since}, skip ${query.skip})`);
        return { ...page, rowsJson: response!.text };
      },
      onPage: (page) => store(type, page as FetchedPage, false, replace),
    });
    // The empty page that ended the list tells the store the type is complete.
    await store(type, { rows: [], bytes: 0, rowsJson: '[]' }, true, replace);
    eta.typeDone(type);
    progress.typeDone(type);
  }
}

function readableBase(baseUrl: string): string {
  try {
    return canonicalApiBase(baseUrl);
  } catch {
    throw new SyncError('server', `The PeeringDB URL "${baseUrl}" is not a valid address. Check it in Settings.`);
  }
}

/** ETA from the time requests took so far and the requests the plan still expects. */
class RequestEta {
  private readonly startedAt: number;
  private readonly expected = new Map<PdbType, number>();
  private readonly done = new Map<PdbType, number>();
  private readonly finished = new Set<PdbType>();
  private completed = 0;

  constructor(
    plans: TypePlan[],
    rowsPerRequest: number,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
    for (const plan of plans) this.expected.set(plan.type, expectedRequests(plan, rowsPerRequest));
  }

  requestDone(type: PdbType): void {
    this.completed++;
    this.done.set(type, (this.done.get(type) ?? 0) + 1);
  }

  typeDone(type: PdbType): void {
    this.finished.add(type);
  }

  estimate(): number | undefined {
    let remaining = 0;
    for (const [type, expected] of this.expected) {
      if (this.finished.has(type)) continue;
      // An unfinished type needs at least one more request: the empty page that ends it.
      remaining += Math.max(1, expected - (this.done.get(type) ?? 0));
    }
    return estimateEta(this.now() - this.startedAt, this.completed, this.completed + remaining);
  }
}

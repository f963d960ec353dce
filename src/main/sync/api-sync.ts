/**
 * A sync from PeeringDB: for each type in dependency order, either the bulk cache (first
 * anonymous load) or `since` pages from the API, each page stored before the next is asked for.
 */
import type { PdbType } from '../../shared/peeringdb';
import { checkPeeringDbUrl } from '../../shared/peeringdb-address';
import { describeSkipped } from '../../shared/row-schema';
import { watermarkCeiling } from '../../shared/sync';
import type { PacingRule } from './clock';
import { checkPageText, newestChange, type CheckedPage, type PdbPage } from './envelope';
import { SyncError } from './errors';
import { HttpClient, type TextResponse } from './http';
import type { JobContext } from './job';
import { pageThroughList } from './page-loop';
import { expectedRequests, planSync, type TypePlan } from './plan';
import { estimateEta } from './progress-reporter';
import { countRows, RowTally, type NewRows } from './row-tally';
import { replaceWithList, sum } from './snapshot';
import { apiListUrl, cacheFileUrl, canonicalApiBase, isOnDomain, keyOriginFor } from './urls';
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

/** One answer of a list, checked: `rows` are as PeeringDB sent them (the loop ends on none). */
interface FetchedPage extends PdbPage {
  checked: CheckedPage;
  fresh: NewRows;
  bytes: number;
}

/** Returns a note for the user when rows were left out as not valid. */
export async function runApiSync(ctx: JobContext): Promise<string | undefined> {
  const { deps, tuning, progress, signal } = ctx;
  const config = deps.getConfig();
  const apiKey = config.apiKey?.trim() ? config.apiKey.trim() : null;
  const base = readableBase(config.baseUrl);
  const keyOrigin = apiKey === null ? null : keyOriginFor(base);
  if (apiKey !== null && keyOrigin === null) {
    throw new SyncError('auth', `The API key is sent only over HTTPS, and the PeeringDB URL is ${base}. Set an https:// address in Settings.`);
  }
  const http = new HttpClient({
    fetch: deps.fetch,
    apiKey,
    keyOrigin,
    userAgent: ctx.userAgent,
    tuning,
    pacer: ctx.pacer,
    pacing: pacingRule(base, apiKey !== null, tuning),
    random: ctx.random,
    clock: ctx.clock,
  });

  const session = ctx.openSession();
  const state = await session.state();
  const plans = planSync({ state, hasApiKey: apiKey !== null, cacheUrl: config.cacheUrl, now: Date.now() / 1000 });
  const source = plans.some((plan) => plan.mode === 'cache') ? 'cache' : 'api';
  progress.setSource(source);
  session.hello(ctx.jobId, source, apiKey !== null);
  const eta = new RequestEta(plans, tuning.pageSize - tuning.pageOverlap, () => ctx.clock.now());
  const tally = new RowTally();
  /** The server's clock at its last answer: no watermark may pass it (nor the local clock). */
  let serverTime: number | undefined;
  const notAfter = (): number => watermarkCeiling(serverTime, Date.now() / 1000);

  const get = async (type: PdbType, url: string, viaCache: boolean): Promise<TextResponse | null> => {
    progress.phase('fetching', type);
    const response = await http.getText(url, {
      signal,
      withKey: !viaCache,
      notFoundIsNull: viaCache,
      onBytes: (bytes) => progress.bytes(type, bytes),
      onWait: (wait) => progress.waiting(wait),
    });
    if (response?.serverTime !== undefined) serverTime = response.serverTime;
    eta.requestDone(type);
    progress.eta(eta.estimate());
    return response;
  };
  const counted = (type: PdbType, checked: CheckedPage, fresh: NewRows): void => {
    progress.fetched(type, fresh.live);
    progress.deleted(type, fresh.deleted);
    progress.skipped(type, checked.skipped);
  };
  /** Rows of a replacing list the store holds for its swap, by type: stored once swapped. */
  const held = new Map<PdbType, number>();
  const store = async (type: PdbType, page: FetchedPage, complete: boolean, replace: boolean): Promise<void> => {
    progress.phase('storing', type);
    const ack = await session.page({
      type,
      rowsJson: page.checked.rowsJson,
      fetchedRows: page.rows.length,
      bytes: page.bytes,
      complete,
      notAfter: notAfter(),
      ...(replace ? { replace } : {}),
    });
    progress.skipped(type, ack.skipped);
    const kept = Math.max(0, page.fresh.live - sum(ack.skipped));
    if (replace) held.set(type, (held.get(type) ?? 0) + kept);
    else progress.stored(type, kept);
  };

  for (const plan of plans) {
    const { type } = plan;
    progress.phase('fetching', type);
    if (plan.mode === 'cache' && config.cacheUrl) {
      const response = await get(type, cacheFileUrl(config.cacheUrl, type), true);
      if (response) {
        const checked = checkPageText(type, response.text, `the bulk cache's ${type} list`);
        counted(type, checked, countRows(checked.rows));
        const snapshotAt = checked.generated ?? newestChange(checked.rows);
        await replaceWithList(session, progress, { type, rows: checked.rows, snapshotAt }, tuning.pageSize, notAfter());
        eta.typeDone(type);
        progress.typeDone(type);
        continue;
      }
      // The cache has no file for this type: the API lists it instead.
    }
    // A list standing in for a snapshot replaces what is stored, swapped in once complete; a
    // first load has nothing to replace and stays resumable page by page.
    const replace = plan.mode === 'api' ? plan.replace === true : state.watermarks[type] !== undefined;
    await pageThroughList({
      since: plan.mode === 'api' ? plan.since : 1,
      pageSize: tuning.pageSize,
      overlap: tuning.pageOverlap,
      shortPageEnds: !THINNED_LISTS.has(type),
      fetchPage: async (query): Promise<FetchedPage> => {
        const response = (await get(type, apiListUrl(base, type, query), false))!;
        const where = `${type} (since ${query.since}, skip ${query.skip})`;
        const checked = checkPageText(type, response.text, where);
        const fresh = tally.count(type, checked.rows);
        counted(type, checked, fresh);
        // The loop ends on an answer with no rows at all, not on one whose rows were all left out.
        return { rows: checked.listed, checked, fresh, bytes: response.bytes };
      },
      onPage: (page) => store(type, page as FetchedPage, false, replace),
    });
    if (replace) {
      progress.phase('storing', type);
      await session.swap([type], {}, notAfter());
      progress.stored(type, held.get(type) ?? 0);
    } else {
      // The empty page that ended the list tells the store the type is complete.
      const none: FetchedPage = { rows: [], checked: { listed: [], rows: [], skipped: {}, rowsJson: '[]' }, fresh: { live: 0, deleted: 0 }, bytes: 0 };
      await store(type, none, true, false);
    }
    eta.typeDone(type);
    progress.typeDone(type);
  }
  return describeSkipped(progress.snapshot().skippedRows ?? {}) ?? undefined;
}

function readableBase(baseUrl: string): string {
  const check = checkPeeringDbUrl(baseUrl);
  if (!check.ok) throw new SyncError('server', `${check.problem} (it is "${baseUrl}"). Check it in Settings.`);
  return canonicalApiBase(baseUrl);
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

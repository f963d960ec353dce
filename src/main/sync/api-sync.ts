/**
 * A sync from PeeringDB: for each type in dependency order, the bulk cache (a first anonymous
 * load), its changes since the watermark in one answer, or a full `since` list page by page
 * (a first load with a key or from a mirror, or a list that replaces the type). A paged list's
 * page is stored before the next is sent; bulk cache lists and small answers of changes go on
 * without waiting for their acks (see snapshot.ts and `awaitLater`). The next answer is fetched
 * while the last one is stored.
 */
import type { PdbType } from '../../shared/peeringdb';
import { checkPeeringDbUrl } from '../../shared/peeringdb-address';
import { describeSkipped } from '../../shared/row-schema';
import { watermarkCeiling } from '../../shared/sync';
import type { PacingRule } from './clock';
import { checkPageText, type CheckedPage, type PdbPage } from './envelope';
import { SyncError } from './errors';
import { HttpClient, type TextResponse } from './http';
import type { JobContext } from './job';
import { pageThroughList } from './page-loop';
import { expectedRequests, planSync, type TypePlan } from './plan';
import { estimateEta } from './progress-reporter';
import { countRows, RowTally, type NewRows } from './row-tally';
import { PagesInFlight, replaceWithListText, sum } from './snapshot';
import { StreamedText } from './streamed-text';
import { apiChangesUrl, apiListUrl, cacheFileUrl, canonicalApiBase, isOnDomain, keyOriginFor } from './urls';
import type { SyncTuning } from './sync-types';
import { settled, unwrap, type Settled } from './settled';

/** PeeringDB's published limits pace requests to PeeringDB; other servers (mirrors, loopback) set their own. */
export function pacingRule(base: string, withKey: boolean, tuning: SyncTuning): PacingRule | null {
  if (tuning.pacedDomain !== null && !isOnDomain(base, tuning.pacedDomain)) return null;
  return {
    minIntervalMs: tuning.minRequestIntervalMs,
    perMinute: withKey ? tuning.keyRequestsPerMinute : tuning.anonymousRequestsPerMinute,
  };
}

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
  const pacing = pacingRule(base, apiKey !== null, tuning);
  const http = new HttpClient({
    fetch: deps.fetch,
    apiKey,
    keyOrigin,
    userAgent: ctx.userAgent,
    tuning,
    pacer: ctx.pacer,
    pacing,
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

  /**
   * `aheadSignal`: a request that can be called off on its own: one fetched while the type
   * before is still being stored (so the phase stays that type's; the loop says "fetching"
   * when its turn comes), called off when the sync ends before it is used, or a bulk cache
   * file whose list was given up. `stream`: the text goes there as it arrives.
   */
  const get = async (type: PdbType, url: string, viaCache: boolean, aheadSignal?: AbortSignal, stream?: StreamedText): Promise<TextResponse | null> => {
    if (!aheadSignal) progress.phase('fetching', type);
    const response = await http.getText(url, {
      signal: aheadSignal ?? signal,
      withKey: !viaCache,
      notFoundIsNull: viaCache,
      onBytes: (bytes) => progress.bytes(type, bytes),
      onWait: (wait) => progress.waiting(wait),
      ...(stream ? { onText: (text: string) => stream.push(text), onRestart: () => stream.restart() } : {}),
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
  const store = async (type: PdbType, page: PageOut, complete: boolean, replace: boolean): Promise<void> => {
    progress.phase('storing', type);
    const ack = await session.page({
      type,
      rowsJson: page.rowsJson,
      fetchedRows: page.fetchedRows,
      bytes: page.bytes,
      complete,
      notAfter: notAfter(),
      ...(replace ? { replace } : {}),
    });
    progress.skipped(type, ack.skipped);
    const kept = Math.max(0, page.live - sum(ack.skipped));
    if (replace) held.set(type, (held.get(type) ?? 0) + kept);
    else progress.stored(type, kept);
  };

  /**
   * Pages of changes, and bulk cache lists being swapped in, sent without waiting for their
   * acks. A resync's answers are small, and waiting for each type's commit before sending the
   * next type's page would add a round trip to the store per type; the store applies them in
   * the order sent all the same, each with its watermark. At most UNACKED_CHANGE_CHARS of
   * changes wait unacknowledged, and a paged list and the sync's end wait for them all first.
   */
  const unacked: { chars: number; ack: Promise<Settled<void>> }[] = [];
  /** Pages of bulk cache lists waiting for their acks, across lists (see snapshot.ts). */
  const listPagesInFlight = new PagesInFlight();
  let unackedChars = 0;
  /** The first refusal among them, as soon as the store said it. */
  let refusal: { error: unknown } | null = null;
  const awaitLater = (chars: number, ack: Promise<void>): void => {
    const result = settled(ack).then((answer) => {
      if (!answer.ok) refusal ??= { error: answer.error };
      return answer;
    });
    unacked.push({ chars, ack: result });
    unackedChars += chars;
  };
  /** Waits for the oldest unacknowledged pages until no more than `mostChars` wait (nothing at all for 0); throws the first refusal. */
  const settleUnacked = async (mostChars: number): Promise<void> => {
    while (unacked.length > 0 && (mostChars === 0 || unackedChars > mostChars)) {
      const oldest = unacked.shift()!;
      unackedChars -= oldest.chars;
      unwrap(await oldest.ack);
    }
  };
  const storeUnacked = async (type: PdbType, page: PageOut): Promise<void> => {
    progress.phase('storing', type);
    const ack = session
      .page({ type, rowsJson: page.rowsJson, fetchedRows: page.fetchedRows, bytes: page.bytes, complete: true, notAfter: notAfter() })
      .then((answer) => {
        progress.skipped(type, answer.skipped);
        progress.stored(type, Math.max(0, page.live - sum(answer.skipped)));
        eta.typeDone(type);
        progress.typeDone(type);
      });
    awaitLater(page.rowsJson.length, ack);
    await settleUnacked(UNACKED_CHANGE_CHARS);
  };

  /**
   * A type's changes, in one answer. PeeringDB lists them oldest change first, so an answer
   * too large for one page goes to the store in several, each moving the watermark on.
   */
  const storeChanges = async (plan: ChangesPlan, response: TextResponse): Promise<void> => {
    const { type } = plan;
    const checked = checkPageText(type, response.text, `${type} (changes since ${plan.since})`);
    const fresh = tally.count(type, checked.rows);
    counted(type, checked, fresh);
    const whole = { rowsJson: checked.rowsJson, fetchedRows: checked.listed.length, bytes: response.bytes, live: fresh.live };
    const parts = storeParts(checked.rows, whole, tuning);
    if (parts.length === 1) {
      await storeUnacked(type, whole);
      return;
    }
    await settleUnacked(0);
    await Promise.all(parts.map((part, index) => store(type, part, index === parts.length - 1, false)));
    eta.typeDone(type);
    progress.typeDone(type);
  };

  /** A plan that one request answers: a bulk cache file, or the type's changes. */
  const oneRequest = (plan: TypePlan): { url: string; viaCache: boolean } | null => {
    if (plan.mode === 'cache') return config.cacheUrl ? { url: cacheFileUrl(config.cacheUrl, plan.type), viaCache: true } : null;
    return plan.why === 'changes' ? { url: apiChangesUrl(base, plan.type, plan.since), viaCache: false } : null;
  };
  /**
   * The next types' one requests, sent while this type is stored, in plan order. Against
   * PeeringDB the pacing spaces them anyway, so one goes ahead; a server that is not paced (a
   * mirror, loopback) gets several change requests at once, so a resync waits for about one
   * round trip instead of one per type. Bulk cache files are asked for one after the other
   * (each once the one before has come), a few ahead, so that small types stored in a moment
   * do not leave the store waiting for a large file asked for only then.
   */
  const ahead: Ahead[] = [];
  /** Plans before this index were sent ahead or are being synced. */
  let aheadFrom = 0;
  /** The last bulk cache file asked for: the next is asked for once it has all come. */
  let lastDownload: Promise<unknown> = Promise.resolve();
  /**
   * A bulk cache file, its text read as it arrives (the store is sent its first pages while
   * the rest downloads), once the file before it has all come.
   */
  const download = (plan: TypePlan, url: string): CacheFile => {
    const abort = new AbortController();
    const stream = new StreamedText();
    const answer = settled(
      lastDownload.then(() => get(plan.type, url, true, AbortSignal.any([signal, abort.signal]), stream)).then(
        (response) => {
          stream.end();
          return response;
        },
        (error: unknown) => {
          stream.fail(error);
          throw error;
        },
      ),
    );
    lastDownload = answer;
    return { plan, abort, answer, stream };
  };
  const fetchAhead = (after: number): void => {
    aheadFrom = Math.max(aheadFrom, after + 1);
    while (aheadFrom < plans.length) {
      const plan = plans[aheadFrom]!;
      const request = oneRequest(plan);
      // A paged list comes next: nothing after it is sent before it.
      if (!request) return;
      const most = plan.mode === 'cache' ? CACHE_FILES_AHEAD : pacing === null ? UNPACED_CHANGES_AHEAD : 1;
      if (ahead.length >= most) return;
      if (plan.mode === 'cache') ahead.push(download(plan, request.url));
      else {
        const abort = new AbortController();
        ahead.push({ plan, abort, answer: settled(get(plan.type, request.url, request.viaCache, AbortSignal.any([signal, abort.signal]))) });
      }
      aheadFrom++;
    }
  };

  try {
    await syncEachType();
  } finally {
    // A sync that stopped early leaves no request of its own behind.
    const unused = ahead.splice(0);
    for (const request of unused) request.abort.abort();
    for (const request of unused) await request.answer;
  }
  return describeSkipped(progress.snapshot().skippedRows ?? {}) ?? undefined;

  async function syncEachType(): Promise<void> {
    await eachType();
    await settleUnacked(0);
  }

  async function eachType(): Promise<void> {
    for (const [index, plan] of plans.entries()) {
      const { type } = plan;
      progress.phase('fetching', type);
      const request = oneRequest(plan);
      if (request && plan.mode === 'api') {
        const fetched = ahead[0]?.plan === plan ? ahead.shift()!.answer : null;
        const answer = fetched ? unwrap(await fetched) : await get(type, request.url, request.viaCache);
        fetchAhead(index);
        await storeChanges(plan, answer!);
        continue;
      }
      if (request) {
        const fetched = ahead[0]?.plan === plan ? ahead.shift()! : null;
        const file: CacheFile = fetched?.stream ? { ...fetched, stream: fetched.stream } : download(plan, request.url);
        fetchAhead(index);
        // The file exists once its text begins; without any, its answer says whether it does.
        const exists = (await file.stream.begun()) || unwrap(await file.answer) !== null;
        if (exists) {
          // The lists sent before this one are not waited for, unless the store refused one (see snapshot.ts).
          if (refusal) throw refusal.error;
          const list = { type, stream: file.stream, where: `the bulk cache's ${type} list` };
          const size = { rows: tuning.pageSize, chars: tuning.storePageChars };
          // A list given up half way (its text is not JSON, the store refused a page) leaves no
          // download behind: the rest of the file would be read for nothing, however long it is.
          const { swapped } = await replaceWithListText(session, progress, list, size, notAfter(), listPagesInFlight).catch((error: unknown) => {
            file.abort.abort(error);
            throw error;
          });
          const done = swapped.then(() => {
            eta.typeDone(type);
            progress.typeDone(type);
          });
          awaitLater(0, done);
          continue;
        }
        await settleUnacked(0);
        // The cache has no file for this type: the API lists it instead.
      }
      await settleUnacked(0);
      // A list standing in for a snapshot replaces what is stored, swapped in once complete; a
      // first load has nothing to replace and stays resumable page by page.
      const replace = plan.mode === 'api' ? plan.replace === true : state.watermarks[type] !== undefined;
      await pageThroughList({
        since: plan.mode === 'api' ? plan.since : 1,
        pageSize: tuning.pageSize,
        overlap: tuning.pageOverlap,
        fetchPage: async (query): Promise<FetchedPage> => {
          const response = (await get(type, apiListUrl(base, type, query), false))!;
          const where = `${type} (since ${query.since}, skip ${query.skip})`;
          const checked = checkPageText(type, response.text, where);
          const fresh = tally.count(type, checked.rows);
          counted(type, checked, fresh);
          // The loop ends on an answer with no rows at all, not on one whose rows were all left out.
          return { rows: checked.listed, checked, fresh, bytes: response.bytes };
        },
        onPage: async (fetched) => {
          const page = fetched as FetchedPage;
          const whole = { rowsJson: page.checked.rowsJson, fetchedRows: page.rows.length, bytes: page.bytes, live: page.fresh.live };
          // The parts go at once, in order (the store applies them so); the next page waits for all their acks.
          await Promise.all(storeParts(page.checked.rows, whole, tuning).map((part) => store(type, part, false, replace)));
        },
      });
      if (replace) {
        progress.phase('storing', type);
        await session.swap([type], {}, notAfter());
        progress.stored(type, held.get(type) ?? 0);
      } else {
        // The empty page that ended the list tells the store the type is complete.
        await store(type, { rowsJson: '[]', fetchedRows: 0, bytes: 0, live: 0 }, true, false);
      }
      eta.typeDone(type);
      progress.typeDone(type);
    }
  }
}

type ChangesPlan = Extract<TypePlan, { mode: 'api' }>;

/**
 * Characters of changes sent to the store and not yet acknowledged, at most: about what 2,000
 * changed rows come to, so a resync of that many waits for the store only at its end. Each
 * answer still goes in pages of at most `storePageChars`.
 */
const UNACKED_CHANGE_CHARS = 2_000_000;

/** Change requests sent at once to a server that is not paced: enough to hide the round trips, few enough to hold. */
const UNPACED_CHANGES_AHEAD = 4;
/** Bulk cache files fetched ahead of the one being stored (the largest is tens of megabytes). */
const CACHE_FILES_AHEAD = 3;

/** A type's one request, sent ahead while the type before it is stored. */
interface Ahead {
  plan: TypePlan;
  answer: Promise<Settled<TextResponse | null>>;
  abort: AbortController;
  /** A bulk cache file's text as it arrives (the answer's own text is then empty). */
  stream?: StreamedText;
}

type CacheFile = Ahead & { stream: StreamedText };

/** A page as it goes to the store, with what it counts for in the progress. */
interface PageOut {
  rowsJson: string;
  fetchedRows: number;
  bytes: number;
  /** Live rows of it not counted before (API pages overlap). */
  live: number;
}

/**
 * A checked answer as the store is sent it: whole, or, past `pageSize` rows or `storePageChars`
 * of text, in parts of at most that many rows and characters, in order. The store reads a page
 * in one task, and a page of 5,000 networks is some 5 MB of text: in parts, no one task holds
 * the worker for long. Rows come oldest change first, so each part moves the watermark as a
 * page does. Progress counts the parts as it counted the whole: an answer's rows that earlier
 * pages held (they overlap at the start) are taken off its first part.
 */
export function storeParts(rows: readonly { status?: unknown }[], whole: PageOut, tuning: Pick<SyncTuning, 'pageSize' | 'storePageChars'>): PageOut[] {
  const count = Math.max(Math.ceil(rows.length / tuning.pageSize), Math.ceil(whole.rowsJson.length / tuning.storePageChars));
  if (count <= 1 || rows.length <= 1) return [whole];
  const parts: PageOut[] = [];
  // Rows differ in length: a part that came out too long is halved (a single row stays whole).
  const add = (slice: readonly { status?: unknown }[]): void => {
    const rowsJson = JSON.stringify(slice);
    if (rowsJson.length > tuning.storePageChars && slice.length > 1) {
      const half = Math.ceil(slice.length / 2);
      add(slice.slice(0, half));
      add(slice.slice(half));
      return;
    }
    parts.push({ rowsJson, fetchedRows: slice.length, bytes: rowsJson.length, live: countRows(slice).live });
  };
  for (let index = 0; index < count; index++) {
    add(rows.slice(Math.floor((rows.length * index) / count), Math.floor((rows.length * (index + 1)) / count)));
  }
  const laterLive = parts.slice(1).reduce((total, part) => total + part.live, 0);
  parts[0]!.live = Math.max(0, whole.live - laterLive);
  return parts;
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

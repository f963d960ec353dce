/**
 * One GET to PeeringDB with everything a polite, robust client needs: the key on the right
 * host only, pacing, timeouts (headers and a stalled body), and bounded retries that honour
 * Retry-After. Callers get the body text or a SyncError that says what to do.
 */
import type { SyncWait } from '../../shared/sync';
import type { Pacer, PacingRule, SyncClock } from './clock';
import { SyncError } from './errors';
import { backoffDelay, describeWait, isRetryableStatus, parseRetryAfter } from './retry-policy';
import type { SyncTuning } from './sync-types';

export interface HttpClientOptions {
  fetch: typeof fetch;
  apiKey: string | null;
  /** The one origin the key may go to (https only); requests anywhere else go without it. */
  keyOrigin: string | null;
  userAgent: string;
  tuning: SyncTuning;
  pacer: Pacer;
  /** PeeringDB's limits for this host and caller; null for hosts that set their own. */
  pacing: PacingRule | null;
  random: () => number;
  clock: SyncClock;
}

export interface GetOptions {
  signal: AbortSignal;
  /** False for hosts that must never see the key (the public bulk cache). */
  withKey: boolean;
  /** Bytes as they arrive, for progress. */
  onBytes?: (bytes: number) => void;
  /** Answer a 404 as `null` instead of failing (a cache file that does not exist). */
  notFoundIsNull?: boolean;
  /** A pause before the next attempt begins, and null once it is over. */
  onWait?: (wait: SyncWait | null) => void;
  /**
   * The text of a successful answer as it arrives, instead of all of it at the end (the
   * response's `text` is then empty). An attempt that fails half way is followed by
   * `onRestart` before a later attempt's text comes: what came before it is void.
   */
  onText?: (text: string) => void;
  onRestart?: () => void;
}

export interface TextResponse {
  text: string;
  bytes: number;
  /** The server's clock when it answered (its `Date` header), epoch seconds. */
  serverTime?: number;
}

const MAX_REDIRECTS = 5;

/** A failed attempt that another attempt may fix. */
class TransientFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'cut-off' | 'network' | 'server',
    message: string,
  ) {
    super(message);
  }
}

class StatusResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly body: string,
  ) {}
}

export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async getText(url: string, options: GetOptions): Promise<TextResponse | null> {
    const { tuning, random, clock } = this.options;
    const pause = async (wait: SyncWait): Promise<void> => {
      options.onWait?.(wait);
      await clock.sleep(wait.ms, options.signal);
    };
    let failures = 0;
    let rateLimited = 0;
    /** Whether text of an earlier attempt went to `onText`. */
    let textGiven = false;
    const onText = options.onText;
    const streaming: GetOptions = onText
      ? {
          ...options,
          onText: (text) => {
            textGiven = true;
            onText(text);
          },
        }
      : options;
    for (;;) {
      if (textGiven) {
        textGiven = false;
        options.onRestart?.();
      }
      const answered = await this.options.pacer.turn(this.options.pacing, options.signal, (ms) =>
        options.onWait?.({ reason: 'pacing', ms }),
      );
      options.onWait?.(null);
      let outcome: TextResponse | StatusResponse | TransientFailure;
      try {
        outcome = await this.attempt(url, streaming);
      } catch (error) {
        if (options.signal.aborted) throw error;
        if (!(error instanceof TransientFailure)) throw error;
        outcome = error;
      } finally {
        answered();
      }
      if (outcome instanceof TransientFailure) {
        failures++;
        if (failures >= tuning.maxAttempts) throw giveUp(outcome, failures);
        await pause({ reason: 'retrying', ms: backoffDelay(failures, tuning.backoffBaseMs, tuning.backoffMaxMs, random) });
        continue;
      }
      if (!(outcome instanceof StatusResponse)) return outcome;

      const { status } = outcome;
      if (status === 401 || status === 403) throw authError(outcome, this.options.apiKey !== null && options.withKey);
      if (status === 429) {
        rateLimited++;
        const asked = parseRetryAfter(outcome.headers.get('retry-after'), clock.now());
        const wait = asked ?? backoffDelay(rateLimited, tuning.backoffBaseMs, tuning.backoffMaxMs, random);
        if (wait > tuning.maxRetryAfterMs) {
          throw new SyncError('rate-limited', `PeeringDB is limiting requests from this computer. Try again in ${describeWait(wait)}.`);
        }
        if (rateLimited >= tuning.maxRateLimitedAttempts) {
          throw new SyncError(
            'rate-limited',
            `PeeringDB kept limiting requests (${rateLimited} times in a row). Try again in ${describeWait(Math.max(wait, 60_000))}.`,
          );
        }
        await pause({ reason: 'rate-limited', ms: wait });
        continue;
      }
      if (isRetryableStatus(status)) {
        failures++;
        const failure = new TransientFailure('server', `PeeringDB answered ${describeStatus(outcome)}`);
        if (failures >= tuning.maxAttempts) throw giveUp(failure, failures);
        await pause({ reason: 'retrying', ms: backoffDelay(failures, tuning.backoffBaseMs, tuning.backoffMaxMs, random) });
        continue;
      }
      if (status === 404 && options.notFoundIsNull) return null;
      throw new SyncError('server', `PeeringDB answered ${describeStatus(outcome)}${errorDetail(outcome.body)} for ${url}`);
    }
  }

  /** One request, following same-origin redirects by hand so the key never leaves its host. */
  private async attempt(url: string, options: GetOptions): Promise<TextResponse | StatusResponse> {
    const sendKey = options.withKey && this.options.apiKey !== null && isKeyOrigin(url, this.options.keyOrigin);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
    };
    if (sendKey) headers.Authorization = `Api-Key ${this.options.apiKey}`;

    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await this.fetchWithTimeouts(current, headers, sendKey ? 'manual' : 'follow', options);
      if (!('redirectTo' in response)) return response;
      if (hop >= MAX_REDIRECTS) throw new SyncError('server', `PeeringDB redirected too many times (from ${url})`);
      if (response.redirectTo === null || new URL(response.redirectTo).origin !== new URL(current).origin) {
        const target = response.redirectTo === null ? 'another address' : new URL(response.redirectTo).origin;
        throw new SyncError(
          'server',
          `PeeringDB redirected ${new URL(current).origin} to ${target}. The API key is sent only to the address in Settings: set the PeeringDB URL to the address it redirects to.`,
        );
      }
      current = response.redirectTo;
    }
  }

  private async fetchWithTimeouts(
    url: string,
    headers: Record<string, string>,
    redirect: RequestRedirect,
    options: GetOptions,
  ): Promise<TextResponse | StatusResponse | { redirectTo: string | null }> {
    const { tuning } = this.options;
    const attempt = new AbortController();
    const onJobAbort = (): void => attempt.abort(options.signal.reason);
    options.signal.addEventListener('abort', onJobAbort, { once: true });
    // A request begun after its job was called off (one queued behind another) is not sent.
    if (options.signal.aborted) onJobAbort();
    let timedOut: string | null = null;
    const timeout = (what: string, ms: number): ReturnType<typeof setTimeout> =>
      setTimeout(() => {
        timedOut = what;
        attempt.abort(new TransientFailure('timeout', what));
      }, ms);

    let timer = timeout(`no answer within ${Math.round(tuning.requestTimeoutMs / 1000)} s`, tuning.requestTimeoutMs);
    try {
      let response: Response;
      try {
        response = await this.options.fetch(url, { headers, redirect, signal: attempt.signal });
      } catch (error) {
        if (options.signal.aborted) throw error;
        if (timedOut) throw new TransientFailure('timeout', timedOut);
        throw new TransientFailure('network', describeNetworkError(error));
      }
      clearTimeout(timer);

      if (response.type === 'opaqueredirect') {
        await response.body?.cancel().catch(() => undefined);
        return { redirectTo: null };
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        return { redirectTo: location === null ? null : new URL(location, url).toString() };
      }

      const stallMs = tuning.stallTimeoutMs;
      timer = timeout(`the answer stalled for ${Math.round(stallMs / 1000)} s`, stallMs);
      const body = await readBody(response, attempt.signal, options.onBytes, response.ok ? options.onText : undefined, () => {
        clearTimeout(timer);
        timer = timeout(`the answer stalled for ${Math.round(stallMs / 1000)} s`, stallMs);
      }).catch((error: unknown) => {
        if (options.signal.aborted) throw error;
        if (timedOut) throw new TransientFailure('timeout', timedOut);
        if (error instanceof TransientFailure) throw error;
        throw new TransientFailure('cut-off', `the answer was cut off (${describeNetworkError(error)})`);
      });
      if (response.ok) {
        const serverTime = Date.parse(response.headers.get('date') ?? '') / 1000;
        return Number.isFinite(serverTime) ? { ...body, serverTime } : body;
      }
      return new StatusResponse(response.status, response.statusText, response.headers, body.text);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onJobAbort);
    }
  }
}

async function readBody(
  response: Response,
  signal: AbortSignal,
  onBytes: ((bytes: number) => void) | undefined,
  onText: ((text: string) => void) | undefined,
  onChunk: () => void,
): Promise<TextResponse> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    const cancelOnAbort = (): void => {
      reader.cancel(signal.reason).catch(() => undefined);
    };
    signal.addEventListener('abort', cancelOnAbort, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (signal.aborted) throw signal.reason;
        if (done) break;
        onChunk();
        bytes += value.byteLength;
        onBytes?.(value.byteLength);
        const text = decoder.decode(value, { stream: true });
        if (!onText) parts.push(text);
        else if (text) onText(text);
      }
    } finally {
      signal.removeEventListener('abort', cancelOnAbort);
    }
  }
  const rest = decoder.decode();
  if (!onText) parts.push(rest);
  // A body shorter than its declared length was cut, even if the stream closed quietly.
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.get('content-encoding') && Number.isFinite(declared) && declared > 0 && bytes < declared) {
    throw new TransientFailure('cut-off', `the answer was cut off after ${bytes} of ${declared} bytes`);
  }
  // Given only once the whole answer came: a cut-off answer's last bytes may be half a character.
  if (onText && rest) onText(rest);
  return { text: parts.join(''), bytes };
}

/** Whether `url` is on the key's origin over HTTPS (the origin was checked to be https). */
function isKeyOrigin(url: string, keyOrigin: string | null): boolean {
  if (keyOrigin === null) return false;
  const target = new URL(url);
  return target.protocol === 'https:' && target.origin === keyOrigin;
}

function giveUp(failure: TransientFailure, attempts: number): SyncError {
  const tries = `${attempts} ${attempts === 1 ? 'try' : 'tries'}`;
  switch (failure.kind) {
    case 'timeout':
      return new SyncError('timeout', `PeeringDB did not answer in time (${failure.message}; ${tries}). The local copy still works; try again later.`);
    case 'cut-off':
      return new SyncError('malformed', `PeeringDB's answer was incomplete (${failure.message}; ${tries}). Nothing of it was stored; try again later.`);
    case 'network':
      return new SyncError('network', `Cannot reach PeeringDB (${failure.message}). Offline? The local copy still works.`);
    case 'server':
      return new SyncError('server', `${failure.message} (${tries}). PeeringDB may be busy or down; the local copy still works, try again later.`);
  }
}

/** 'auth' only when the key that was sent is what PeeringDB refused; 'access-denied' otherwise. */
function authError(response: StatusResponse, keySent: boolean): SyncError {
  const detail = errorDetail(response.body);
  if (looksLikeHtml(response.headers, response.body)) {
    return new SyncError(
      'access-denied',
      `PeeringDB refused access (${response.status}) with a web page instead of an API answer: this network address may be blocked by PeeringDB's firewall. Try from another network, or ask PeeringDB support.`,
    );
  }
  if (response.status === 401) {
    return keySent
      ? new SyncError('auth', `PeeringDB rejected the API key (401${detail}). Check the key in Settings, or remove it to sync without one.`)
      : new SyncError(
          'access-denied',
          `PeeringDB asked for authentication (401${detail}), and no API key was sent. If this server needs one, add an API key in Settings.`,
        );
  }
  return keySent
    ? new SyncError('auth', `The API key lacks permission for this (403${detail}). Check the key's permissions on PeeringDB, or remove it in Settings.`)
    : new SyncError('access-denied', `PeeringDB refused access (403${detail}) to a request sent without an API key.`);
}

function looksLikeHtml(headers: Headers, body: string): boolean {
  const type = headers.get('content-type') ?? '';
  return type.includes('text/html') || /^\s*<(!doctype|html)/i.test(body);
}

/** PeeringDB's own words, from `{"meta": {"error": "..."}}`, as ": …" or nothing. */
function errorDetail(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const meta = (parsed as { meta?: { error?: unknown } } | null)?.meta;
    if (typeof meta?.error === 'string' && meta.error.trim() !== '') return `: ${meta.error.trim().slice(0, 200)}`;
  } catch {
    // Not JSON: no detail to add.
  }
  return '';
}

function describeStatus(response: StatusResponse): string {
  return response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}

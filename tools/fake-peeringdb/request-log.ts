/**
 * Every request the fake server received, so tests can assert what a client fetched, with
 * which credentials, and what it got back.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultKind } from './faults';

export type AuthScheme = 'none' | 'api-key' | 'basic' | 'other';

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  pathname: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  auth: AuthScheme;
  /** The key sent with `Api-Key`, valid or not. */
  apiKey?: string;
  /** The virtual clock when the request arrived. */
  at: number;
  /** Set once the response is decided; absent while a request hangs. */
  status?: number;
  fault?: FaultKind;
  /** Answered 429 by the query limits (see rate-limit.ts), not by a scripted fault, with this Retry-After. */
  throttled?: { retryAfterSeconds: number };
}

export function authOf(headers: IncomingHttpHeaders): { auth: AuthScheme; apiKey?: string } {
  const header = headers.authorization;
  if (!header) return { auth: 'none' };
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  const scheme = match?.[1]?.toLowerCase();
  if (scheme === 'api-key') return { auth: 'api-key', apiKey: match![2]!.trim() };
  if (scheme === 'basic') return { auth: 'basic' };
  return { auth: 'other' };
}

type Waiter = { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void };

export class RequestLog {
  private readonly entries: RecordedRequest[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;

  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    const ready = this.waiters.filter((w) => w.predicate(entry));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** The first logged request that matches, waiting for one if none arrived yet. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const existing = this.entries.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.waiters.push(waiter);
    });
  }
}

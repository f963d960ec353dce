/**
 * Scripted faults: a test says which requests fail, how, and how many times; the server
 * consults the rules in the order they were added and the first matching rule with
 * attempts left decides the response.
 */
import type { RecordedRequest } from './request-log';

export type Fault =
  /** An HTTP error. 429 gets PeeringDB's throttle body, 5xx an HTML gateway page, unless `body` is given. */
  | { status: number; retryAfter?: number; body?: string | object; headers?: Record<string, string> }
  /** The real response, late: before the headers and/or between the two halves of the body. */
  | { kind: 'slow'; headersDelayMs?: number; bodyDelayMs?: number }
  /** Headers promise the full length, part of the body is sent, then the socket is destroyed. */
  | { kind: 'cut'; fraction?: number }
  /** A complete 200 response whose body is not valid JSON (by default the real body, truncated). */
  | { kind: 'malformed'; body?: string }
  /** The request is read and never answered, until the client gives up or the server stops. */
  | { kind: 'hang' }
  /** The connection is closed without any response. */
  | { kind: 'reset' };

export type FaultKind = 'status' | 'slow' | 'cut' | 'malformed' | 'hang' | 'reset';

export function faultKind(fault: Fault): FaultKind {
  return 'status' in fault ? 'status' : fault.kind;
}

export interface FaultRule {
  /** RegExp: tested against the request's path and query. String: the exact pathname. */
  path?: RegExp | string;
  when?: (request: RecordedRequest) => boolean;
  /** How many matching requests fail; default 1. `Infinity` fails until cancelled. */
  times?: number;
  with: Fault;
}

export interface FaultHandle {
  /** Requests this rule has failed so far. */
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  hits: number;
}

export class FaultScript {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): FaultHandle {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError(`a fault needs times > 0, got ${times}`);
    const active: ActiveRule = { rule, remaining: times, hits: 0 };
    this.rules.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      cancel: () => {
        active.remaining = 0;
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  /** The fault for this request, consuming one attempt of the rule that matched. */
  take(request: RecordedRequest): Fault | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, request)) continue;
      active.remaining -= 1;
      active.hits += 1;
      if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
      return active.rule.with;
    }
    return undefined;
  }

  clear(): void {
    this.rules = [];
  }
}

function matches(rule: FaultRule, request: RecordedRequest): boolean {
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    if (!rule.path.test(request.url)) return false;
  } else if (typeof rule.path === 'string' && rule.path !== request.pathname) {
    return false;
  }
  return rule.when ? rule.when(request) : true;
}

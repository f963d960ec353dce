/** Waiting for the app's own events (src/renderer/src/ui/bridge/app-events.ts) from the benchmark. */
import type { Page } from '@playwright/test';
import type { AppEventName } from '../../src/renderer/src/ui/bridge/app-events';

/** The number of the last event the app announced: later waits look only past this mark. */
export function appEventMark(page: Page): Promise<number> {
  return page.evaluate(() => window.__appEvents?.at(-1)?.seq ?? 0);
}

export interface SeenEvent {
  name: AppEventName;
  /** The event's time on the page's performance clock, in ms. */
  pageTime: number;
  detail: unknown;
}

/**
 * Resolves with the first `name` event announced after `mark`; rejects when one of `failOn`
 * comes first, with its detail, so a failed sync ends the benchmark with the app's message.
 */
export async function waitForAppEvent(
  page: Page,
  name: AppEventName,
  mark: number,
  failOn: AppEventName[] = [],
  timeoutMs = 15 * 60_000,
): Promise<SeenEvent> {
  const handle = await page.waitForFunction(
    ({ name, mark, failOn }) => {
      for (const event of window.__appEvents ?? []) {
        if (event.seq <= mark) continue;
        if (event.name === name || failOn.includes(event.name)) {
          return { name: event.name, pageTime: event.at - performance.timeOrigin, detail: event.detail ?? null };
        }
      }
      return null;
    },
    { name, mark, failOn },
    { timeout: timeoutMs, polling: 50 },
  );
  const seen = (await handle.jsonValue()) as SeenEvent;
  if (seen.name !== name) {
    throw new Error(`The app announced ${seen.name} while waiting for ${name}: ${JSON.stringify(seen.detail)}`);
  }
  return seen;
}

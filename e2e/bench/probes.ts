/** What the benchmark observes in the app's page: main-thread tasks and the JS heap. */
import type { CDPSession, Page } from '@playwright/test';

declare global {
  interface Window {
    __benchProbe?: { longest: number; stop: () => number };
  }
}

/** Period of the probe's timer: the most it can under-read a task, and what is added back. */
const PROBE_PERIOD_MS = 4;

/**
 * Watches the page's main thread without loading it: the longest task the browser reports
 * (Long Tasks API, which sees tasks over 50 ms), and how late a timer due every 4 ms runs. A
 * task of L ms delays the timer by between L - 4 and L ms, so the largest delay plus 4 ms
 * bounds every shorter task from above. (A zero-delay message loop would bound them exactly,
 * but it keeps the main thread busy and takes a core from the load being measured.)
 */
export async function startMainThreadProbe(page: Page): Promise<{ stop(): Promise<number> }> {
  await page.evaluate((period) => {
    let longest = 0;
    let running = true;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    // A member, not a named function: the bench's TypeScript loader would wrap a named one in
    // a helper that does not exist in the page.
    const timer: { due: number; tick?: () => void } = { due: performance.now() + period };
    timer.tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - timer.due + period);
      timer.due = now + period;
      if (running) setTimeout(() => timer.tick?.(), period);
    };
    setTimeout(() => timer.tick?.(), period);
    window.__benchProbe = {
      get longest() {
        return longest;
      },
      stop() {
        running = false;
        observer.disconnect();
        return longest;
      },
    };
  }, PROBE_PERIOD_MS);
  return {
    async stop() {
      const longest = await page.evaluate(() => window.__benchProbe?.stop() ?? Number.NaN);
      return Math.round(longest);
    },
  };
}

interface AttachedTarget {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/**
 * The renderer's JS heap after a garbage collection: the page's own heap plus its workers'
 * (the store worker holds the local copy). Workers are reached through CDP target sessions.
 */
export async function heapUsageMB(page: Page): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const attached: AttachedTarget[] = [];
    const replies = new Map<number, (result: unknown) => void>();
    cdp.on('Target.attachedToTarget', (event) => attached.push(event as AttachedTarget));
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse((event as { message: string }).message) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.(message.result);
    });
    // setAutoAttach reports the workers that already exist before it returns.
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    let nextId = 1;
    const inTarget = (sessionId: string, method: string): Promise<unknown> => {
      const id = nextId++;
      const reply = new Promise<unknown>((resolve) => replies.set(id, resolve));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      return reply;
    };

    await cdp.send('HeapProfiler.collectGarbage');
    const pageHeap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    let total = pageHeap.usedSize;
    for (const target of attached.filter((t) => t.targetInfo.type === 'worker')) {
      await inTarget(target.sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await inTarget(target.sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
      total += usage.usedSize;
    }
    return Math.round(total / (1024 * 1024));
  } finally {
    await cdp.detach();
  }
}

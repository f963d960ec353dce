/** What the benchmark observes in the app's page: main-thread tasks and the JS heap. */
import type { CDPSession, Page } from '@playwright/test';

declare global {
  interface Window {
    __benchProbe?: { longest: number; stop: () => number };
  }
}

/**
 * Watches the page's main thread: the longest task the browser reports (Long Tasks API, which
 * sees tasks over 50 ms), and the longest gap between two turns of a zero-delay message loop,
 * which bounds any shorter task too. The larger of the two is the longest task.
 */
export async function startMainThreadProbe(page: Page): Promise<{ stop(): Promise<number> }> {
  await page.evaluate(() => {
    let longest = 0;
    let running = true;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
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
  });
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

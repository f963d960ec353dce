/**
 * Long work in the store worker, cut into short tasks. Building the index over a full copy
 * takes a few hundred milliseconds; done in one task it would hold every query, every page of
 * a sync and every command behind it. Work is written as generators that yield often; a
 * driver runs them a slice at a time and lets the worker's other messages in between.
 */

/** A piece of work that yields now and then; it returns its result when it is done. */
export type Work<T = void> = Generator<void, T, void>;

/** How long one slice may run before the worker takes its other messages. */
export const SLICE_MS = 8;

/** Runs work to its end at once: for callers that must answer now (and for tests). */
export function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs work for about `budgetMs`, then says whether it finished. A step is small (a few hundred
 * rows), so a slice overshoots its budget by little.
 */
export function runFor<T>(work: Work<T>, budgetMs: number): { done: true; value: T } | { done: false } {
  const until = performance.now() + budgetMs;
  for (;;) {
    const step = work.next();
    if (step.done) return { done: true, value: step.value };
    if (performance.now() >= until) return { done: false };
  }
}

/** How many rows a step handles: enough for a step to cost little, few enough for short slices. */
export const ROWS_PER_STEP = 512;

/**
 * Runs `step(from, to)` over 0..count in batches, yielding between them. The loop over rows
 * belongs in `step`, a plain function: V8 optimises a hot loop inside an ordinary function,
 * while one written inside a generator keeps running in the interpreter.
 */
export function* inSteps(count: number, step: (from: number, to: number) => void, size = ROWS_PER_STEP): Work {
  for (let from = 0; from < count; from += size) {
    step(from, Math.min(count, from + size));
    yield;
  }
}

type Callback = () => void;

/**
 * 'user-blocking': the index a question waits for once the copy is still, ahead of the worker's
 * other work (history recording the sync that ended): the wait is what the user sees.
 * 'user-visible': work in turn with the worker's messages and timers (history).
 * 'background': after whatever else is queued: a sync's pages, and the index warming up or built
 * for a question during a sync, in turn with those pages.
 */
export type SlicePriority = 'user-blocking' | 'user-visible' | 'background';

/** The Prioritized Task Scheduling API where the runtime has it (Chromium, also in workers). */
interface TaskScheduler {
  postTask(callback: Callback, options?: { priority?: SlicePriority }): Promise<unknown>;
}

/**
 * Calls `callback` in a task of its own, after what is already queued for the worker: a query
 * that arrived meanwhile goes first. Not setTimeout(0) where anything better exists: nested
 * timers are held back 4 ms each, which over a hundred slices adds up to more than the work.
 */
export function inNextTask(callback: Callback, priority: SlicePriority = 'user-visible'): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) void scheduler.postTask(callback, { priority });
  // Node (the tests): once per turn of the event loop, after timers and I/O.
  else if (typeof setImmediate === 'function') setImmediate(callback);
  else setTimeout(callback, 0);
}

/**
 * Ends the current task and goes on in a later one at 'background', as a sync's pages do.
 * Pages sent ahead queue up in the worker and each is a task of several milliseconds: at the
 * lowest priority, a question, a timer or a message that comes meanwhile goes before every page
 * still waiting, not behind the page posted just before it.
 */
export function nextBackgroundTask(): Promise<void> {
  return new Promise((resolve) => inNextTask(resolve, 'background'));
}

/**
 * Runs `work` to its end in slices of about SLICE_MS, the first in a task of its own: long work
 * that is not the index's (history after a sync), so queries and a sync's pages get in between.
 */
export function runInSlices<T>(work: Work<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = (): void => {
      try {
        const step = runFor(work, SLICE_MS);
        if (step.done) resolve(step.value);
        else inNextTask(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    inNextTask(slice);
  });
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInSlices, SLICE_MS, type Work } from './cooperative';

/** Work of `steps` steps, each a slice's worth on the stubbed clock. */
function* steps(count: number): Work<number> {
  for (let i = 0; i < count; i++) yield;
  return count;
}

describe('work run in slices', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  function stubScheduler(): string[] {
    const priorities: string[] = [];
    vi.stubGlobal('scheduler', {
      postTask(callback: () => void, options?: { priority?: string }) {
        priorities.push(options?.priority ?? 'user-visible');
        return new Promise((resolve) => setImmediate(() => resolve(callback())));
      },
    });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += SLICE_MS));
    return priorities;
  }

  it('runs every slice of work nobody waits for behind the other tasks', async () => {
    const priorities = stubScheduler();
    expect(await runInSlices(steps(5), 'background')).toBe(5);
    expect(priorities.length).toBeGreaterThan(2);
    expect(new Set(priorities)).toEqual(new Set(['background']));
  });

  it('runs work a question waits for in turn with the other tasks', async () => {
    const priorities = stubScheduler();
    expect(await runInSlices(steps(5))).toBe(5);
    expect(priorities.length).toBeGreaterThan(2);
    expect(new Set(priorities)).toEqual(new Set(['user-visible']));
  });
});

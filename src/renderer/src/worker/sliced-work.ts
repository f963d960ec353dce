/**
 * Long work of the store worker that is not the index's (history after a sync), run as the
 * index is built: a slice at a time, each a task of its own, so queries and the pages of a
 * sync get in between.
 */
import { inNextTask, runFor, SLICE_MS, type Work } from './index/cooperative';

/** Runs `work` to its end in slices of about SLICE_MS, the first in a task of its own. */
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

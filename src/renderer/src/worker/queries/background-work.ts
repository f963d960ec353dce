/**
 * Whether the worker has finished what it does on its own after a load or a sync: the index
 * rebuilt in the background, and history recording the sync (its moment and review queue).
 * Questions asked meanwhile share the worker with that work; automation and the bench wait
 * for it before measuring how fast answers are once the app is at rest.
 */
import type { QueryHandlers, StoreContext } from '../context';
import { discoveryIndexOf } from '../index/discovery-index';
import { historyRecorderFor } from '../history/recorder';

export const backgroundWorkQueries = {
  backgroundWorkDone: async (ctx: StoreContext, _args: Record<string, never>) => {
    // History never changes the copy, so once it is written the index has nothing new to build.
    await historyRecorderFor(ctx).settled();
    await discoveryIndexOf(ctx.copy).whenIdle();
  },
} satisfies Partial<QueryHandlers>;

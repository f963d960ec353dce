/**
 * Marking review entries as looked at: the one write the review queue takes from the page.
 * The entries themselves are written by history (see ../history/recorder.ts).
 */
import { z } from '../../../../shared/zod-without-eval';
import { bumpDataVersion } from '../db/meta';
import { checkedArgs } from '../checked-args';
import type { CommandHandlers, StoreContext } from '../context';

const markArgs = z.object({ ids: z.array(z.number().int().positive()).max(100_000) });

export const reviewCommands = {
  /** Answers how many entries were new until now. */
  markReviewSeen: async (ctx: StoreContext, args: { ids: number[] }) => {
    const { ids } = checkedArgs(markArgs, args);
    const { db } = ctx;
    const marked = await db.transaction('rw', [db.reviewItems, db.meta], async () => {
      const count = await db.reviewItems.where('id').anyOf(ids).and((item) => item.seen === 0).modify({ seen: 1 });
      if (count > 0) await bumpDataVersion(db);
      return count;
    });
    if (marked > 0) ctx.notifyChanged();
    return { marked };
  },
} satisfies Partial<CommandHandlers>;

/**
 * Reads of the user's own tables: my networks, peer marks, templates, and the backup file.
 */
import type { PeeringDatabase } from '../db/schema';
import { z } from 'zod';
import type { TemplateRecord } from '../../../../shared/user-data';
import { checkedArgs } from '../checked-args';
import type { QueryHandlers, StoreContext } from '../context';
import { USER_DATA_FORMAT, USER_DATA_VERSION, type UserData } from '../../../../shared/user-data';

export async function myAsnsInOrder(db: PeeringDatabase): Promise<number[]> {
  const records = await db.myNetworks.toArray();
  return records.sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn).map((record) => record.asn);
}

export const userDataQueries = {
  /** My ASNs in the order I added them. */
  listMyNetworks: (ctx: StoreContext, _args: Record<string, never>) => myAsnsInOrder(ctx.db),

  listPeerStates: (ctx: StoreContext, _args: Record<string, never>) => ctx.db.peerStates.toArray(),

  getTemplate: async (ctx: StoreContext, args: { key: string }): Promise<TemplateRecord | null> =>
    (await ctx.db.templates.get(checkedArgs(z.object({ key: z.string().min(1) }), args).key)) ?? null,

  /** The user's tables as backup file text. */
  exportUserData: async (ctx: StoreContext, _args: Record<string, never>): Promise<string> => {
    const { db } = ctx;
    const data = await db.transaction('r', [db.myNetworks, db.peerStates, db.templates], async () => {
      const [myNetworks, peerStates, templates] = await Promise.all([
        db.myNetworks.toArray(),
        db.peerStates.toArray(),
        db.templates.toArray(),
      ]);
      const backup: UserData = {
        format: USER_DATA_FORMAT,
        version: USER_DATA_VERSION,
        exportedAt: new Date().toISOString(),
        myNetworks,
        peerStates,
        templates,
      };
      return backup;
    });
    return JSON.stringify(data, null, 2);
  },
} satisfies Partial<QueryHandlers>;

/**
 * Writes of the user's own tables: my networks, peer states, templates, and the restore of
 * their backup. Only the store worker runs these, so every write to the database has one
 * writer; each write bumps the data version in its own transaction and tells the UI.
 */
import { z } from 'zod';
import { bumpDataVersion } from '../db/meta';
import type { MyNetworkRecord, PeerStateRecord, TemplateRecord } from '../../../../shared/user-data';
import type { CommandHandlers, StoreContext } from '../context';
import { checkedArgs } from '../checked-args';
import { myAsnsInOrder } from '../queries/user-data-queries';
import {
  UserDataError,
  asnSchema,
  parseUserData,
  peerStateKindSchema,
} from '../../../../shared/user-data';

type UserTable = 'myNetworks' | 'peerStates' | 'templates';

async function writeUserTables<R>(ctx: StoreContext, tables: UserTable[], write: () => Promise<R>): Promise<R> {
  const { db } = ctx;
  const result = await db.transaction('rw', [...tables.map((name) => db[name]), db.meta], async () => {
    const value = await write();
    await bumpDataVersion(db);
    return value;
  });
  ctx.notifyChanged();
  return result;
}

const asnsArgs = z.object({ asns: z.array(asnSchema).max(1_000) });
const asnArgs = z.object({ asn: asnSchema });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD');
const peerStateArgs = z.object({
  asn: asnSchema,
  state: peerStateKindSchema.nullable(),
  hiddenUntil: isoDate.nullish(),
  requestedAt: isoDate.nullish(),
  note: z.string().max(10_000).optional(),
});
const templateArgs = z.object({
  key: z.string().min(1).max(200),
  subject: z.string().max(2_000),
  body: z.string().max(100_000),
});

export const userDataCommands = {
  /** Replaces the list of my ASNs, keeping the given order. */
  setMyNetworks: async (ctx: StoreContext, args: { asns: number[] }) => {
    const { asns } = checkedArgs(asnsArgs, args);
    const unique = [...new Set(asns)];
    const now = Date.now();
    await writeUserTables(ctx, ['myNetworks'], async () => {
      await ctx.db.myNetworks.clear();
      await ctx.db.myNetworks.bulkPut(unique.map((asn, index): MyNetworkRecord => ({ asn, addedAt: now + index })));
    });
    return unique;
  },

  addMyNetwork: async (ctx: StoreContext, args: { asn: number }) => {
    const { asn } = checkedArgs(asnArgs, args);
    await writeUserTables(ctx, ['myNetworks'], async () => {
      if (!(await ctx.db.myNetworks.get(asn))) await ctx.db.myNetworks.put({ asn, addedAt: Date.now() });
    });
    return myAsnsInOrder(ctx.db);
  },

  removeMyNetwork: async (ctx: StoreContext, args: { asn: number }) => {
    const { asn } = checkedArgs(asnArgs, args);
    await writeUserTables(ctx, ['myNetworks'], () => ctx.db.myNetworks.delete(asn));
    return myAsnsInOrder(ctx.db);
  },

  /**
   * Marks a peer (requested, peered, rejected, hidden until a date) with an optional note.
   * A mark with no state and no note is removed rather than kept empty.
   */
  setPeerState: async (
    ctx: StoreContext,
    args: {
      asn: number;
      state: PeerStateRecord['state'];
      hiddenUntil?: string | null;
      requestedAt?: string | null;
      note?: string;
    },
  ): Promise<PeerStateRecord | null> => {
    const input = checkedArgs(peerStateArgs, args);
    const note = input.note?.trim() ?? '';
    if (input.state === null && note === '') {
      await writeUserTables(ctx, ['peerStates'], () => ctx.db.peerStates.delete(input.asn));
      return null;
    }
    const record: PeerStateRecord = { asn: input.asn, state: input.state, note, updatedAt: Date.now() };
    if (input.state === 'hidden' && input.hiddenUntil) record.hiddenUntil = input.hiddenUntil;
    if (input.state === 'requested' && input.requestedAt) record.requestedAt = input.requestedAt;
    await writeUserTables(ctx, ['peerStates'], () => ctx.db.peerStates.put(record));
    return record;
  },

  saveTemplate: async (ctx: StoreContext, args: { key: string; subject: string; body: string }) => {
    const input = checkedArgs(templateArgs, args);
    const record: TemplateRecord = { ...input, updatedAt: Date.now() };
    await writeUserTables(ctx, ['templates'], () => ctx.db.templates.put(record));
    return record;
  },

  /**
   * Restores a backup: the user's tables become exactly what the file holds. The file is
   * checked whole first, and written in one transaction: a bad file changes nothing.
   */
  importUserData: async (ctx: StoreContext, args: { json: string }) => {
    if (typeof args?.json !== 'string') throw new UserDataError('No backup file content was given.');
    const data = parseUserData(args.json);
    await writeUserTables(ctx, ['myNetworks', 'peerStates', 'templates'], async () => {
      await Promise.all([ctx.db.myNetworks.clear(), ctx.db.peerStates.clear(), ctx.db.templates.clear()]);
      await ctx.db.myNetworks.bulkPut(data.myNetworks);
      await ctx.db.peerStates.bulkPut(data.peerStates);
      await ctx.db.templates.bulkPut(data.templates);
    });
    return { myNetworks: data.myNetworks.length, peerStates: data.peerStates.length, templates: data.templates.length };
  },
} satisfies Partial<CommandHandlers>;

/**
 * Writes (and plain reads) of the user's own tables: my networks, peer states, templates, and
 * their backup. Only the store worker runs these, so every write to the database has one
 * writer; each write bumps the data version in its own transaction and tells the UI.
 */
import { z } from 'zod';
import { bumpDataVersion } from '../db/meta';
import type { MyNetworkRecord, PeerStateRecord, PeeringDatabase, TemplateRecord } from '../db/schema';
import type { StoreContext, StoreOperation } from './context';
import {
  USER_DATA_FORMAT,
  USER_DATA_VERSION,
  UserDataError,
  asnSchema,
  parseUserData,
  peerStateKindSchema,
  type UserData,
} from './user-data';

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

/** Validates operation arguments; a bad call gets the first problem in words. */
function checked<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new Error(`${where}${issue.message}`);
}

async function myAsnsInOrder(db: PeeringDatabase): Promise<number[]> {
  const records = await db.myNetworks.toArray();
  return records.sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn).map((record) => record.asn);
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

export const userOperations = {
  /** My ASNs in the order I added them. */
  listMyNetworks: (ctx: StoreContext, _args: Record<string, never>) => myAsnsInOrder(ctx.db),

  /** Replaces the list of my ASNs, keeping the given order. */
  setMyNetworks: async (ctx: StoreContext, args: { asns: number[] }) => {
    const { asns } = checked(asnsArgs, args);
    const unique = [...new Set(asns)];
    const now = Date.now();
    await writeUserTables(ctx, ['myNetworks'], async () => {
      await ctx.db.myNetworks.clear();
      await ctx.db.myNetworks.bulkPut(unique.map((asn, index): MyNetworkRecord => ({ asn, addedAt: now + index })));
    });
    return unique;
  },

  addMyNetwork: async (ctx: StoreContext, args: { asn: number }) => {
    const { asn } = checked(asnArgs, args);
    await writeUserTables(ctx, ['myNetworks'], async () => {
      if (!(await ctx.db.myNetworks.get(asn))) await ctx.db.myNetworks.put({ asn, addedAt: Date.now() });
    });
    return myAsnsInOrder(ctx.db);
  },

  removeMyNetwork: async (ctx: StoreContext, args: { asn: number }) => {
    const { asn } = checked(asnArgs, args);
    await writeUserTables(ctx, ['myNetworks'], () => ctx.db.myNetworks.delete(asn));
    return myAsnsInOrder(ctx.db);
  },

  listPeerStates: (ctx: StoreContext, _args: Record<string, never>) => ctx.db.peerStates.toArray(),

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
    const input = checked(peerStateArgs, args);
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
    const input = checked(templateArgs, args);
    const record: TemplateRecord = { ...input, updatedAt: Date.now() };
    await writeUserTables(ctx, ['templates'], () => ctx.db.templates.put(record));
    return record;
  },

  getTemplate: async (ctx: StoreContext, args: { key: string }): Promise<TemplateRecord | null> =>
    (await ctx.db.templates.get(checked(z.object({ key: z.string().min(1) }), args).key)) ?? null,

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
} satisfies Record<string, StoreOperation<never, unknown>>;

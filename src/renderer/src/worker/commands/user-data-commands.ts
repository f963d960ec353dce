/**
 * Writes of the user's own tables: my networks, peer states, templates, the request log,
 * preferences, session templates, and the restore of their backup. Only the store worker runs these, so every write to the database has one
 * writer; each write bumps the data version in its own transaction and tells the UI.
 */
import { z } from '../../../../shared/zod-without-eval';
import { bumpDataVersion } from '../db/meta';
import type {
  MyNetworkRecord,
  PeerStateRecord,
  RequestLogRecord,
  SessionTemplateRecord,
  TemplateRecord,
} from '../../../../shared/user-data';
import type { RecordedRequests } from '../../protocol/operations';
import type { CommandHandlers, StoreContext } from '../context';
import { checkedArgs } from '../checked-args';
import { myAsnsInOrder } from '../queries/user-data-queries';
import {
  PREFERENCE_KEYS,
  UserDataError,
  asnSchema,
  followUpDaysSchema,
  parseUserData,
  peerStateKindSchema,
  peerStateRecordSchema,
  requestLogRecordSchema,
  sessionTemplateRecordSchema,
} from '../../../../shared/user-data';
import { USER_TABLES } from '../db/schema';
import { forgetUserTables } from '../user-context';

type UserTable = (typeof USER_TABLES)[number];

async function writeUserTables<R>(ctx: StoreContext, tables: UserTable[], write: () => Promise<R>): Promise<R> {
  const { db } = ctx;
  forgetUserTables(db);
  const result = await db.transaction('rw', [...tables.map((name) => db[name]), db.meta], async () => {
    const value = await write();
    await bumpDataVersion(db);
    return value;
  }).finally(() => forgetUserTables(db));
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

const requestsArgs = z.object({
  /** One entry per peer: each request is its own message. */
  requests: z.array(requestLogRecordSchema.omit({ id: true, at: true })).min(1).max(1_000),
  /** The local date (YYYY-MM-DD) the peers are marked requested on. */
  date: isoDate,
});
const withdrawArgs = z.object({
  ids: z.array(z.number().int().positive()).max(1_000),
  marksBefore: z
    .array(z.object({ asn: asnSchema, mark: peerStateRecordSchema.nullable() }))
    .max(1_000)
    .refine((marks) => marks.every(({ asn, mark }) => mark === null || mark.asn === asn), 'A mark to restore belongs to another ASN'),
});
const sessionTemplateArgs = z.object({
  key: sessionTemplateRecordSchema.shape.key.optional(),
  name: sessionTemplateRecordSchema.shape.name,
  body: sessionTemplateRecordSchema.shape.body,
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
   * Logs requests that went out (one per peer) and marks each peer requested on the date,
   * keeping the note already written for it. Answers what it wrote, for Undo.
   */
  recordRequests: async (ctx: StoreContext, args: { requests: Omit<RequestLogRecord, 'id' | 'at'>[]; date: string }) => {
    const { requests, date } = checkedArgs(requestsArgs, args);
    const at = Date.now();
    return writeUserTables(ctx, ['requestLog', 'peerStates'], async (): Promise<RecordedRequests> => {
      const ids = (await ctx.db.requestLog.bulkAdd(
        requests.map((request): RequestLogRecord => ({ ...request, at })),
        { allKeys: true },
      )) as number[];
      const marksBefore: RecordedRequests['marksBefore'] = [];
      for (const peerAsn of new Set(requests.map((r) => r.peerAsn))) {
        const before = (await ctx.db.peerStates.get(peerAsn)) ?? null;
        marksBefore.push({ asn: peerAsn, mark: before });
        await ctx.db.peerStates.put({ asn: peerAsn, state: 'requested', requestedAt: date, note: before?.note ?? '', updatedAt: at });
      }
      return { ids, marksBefore };
    });
  },

  /**
   * Undo of recordRequests: its log entries go and each peer gets back the mark it had (or
   * none). A request the user says did not go out must not count towards follow-ups or the
   * warning before asking again.
   */
  withdrawRequests: async (ctx: StoreContext, args: RecordedRequests) => {
    const { ids, marksBefore } = checkedArgs(withdrawArgs, args);
    await writeUserTables(ctx, ['requestLog', 'peerStates'], async () => {
      await ctx.db.requestLog.bulkDelete(ids);
      for (const { asn, mark } of marksBefore) {
        if (mark) await ctx.db.peerStates.put(mark);
        else await ctx.db.peerStates.delete(asn);
      }
    });
    return { withdrawn: ids.length };
  },

  setFollowUpDays: async (ctx: StoreContext, args: { days: number }) => {
    const { days } = checkedArgs(z.object({ days: followUpDaysSchema }), args);
    await writeUserTables(ctx, ['preferences'], () => ctx.db.preferences.put({ key: PREFERENCE_KEYS.followUpDays, value: days }));
    return days;
  },

  /** Saves a session template; without a key it is a new one. */
  saveSessionTemplate: async (ctx: StoreContext, args: { key?: string; name: string; body: string }) => {
    const input = checkedArgs(sessionTemplateArgs, args);
    const record: SessionTemplateRecord = {
      key: input.key ?? `user:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name: input.name,
      body: input.body,
      updatedAt: Date.now(),
    };
    await writeUserTables(ctx, ['sessionTemplates'], () => ctx.db.sessionTemplates.put(record));
    return record;
  },

  deleteSessionTemplate: async (ctx: StoreContext, args: { key: string }) => {
    const { key } = checkedArgs(z.object({ key: sessionTemplateRecordSchema.shape.key }), args);
    await writeUserTables(ctx, ['sessionTemplates'], () => ctx.db.sessionTemplates.delete(key));
    return key;
  },

  /**
   * Restores a backup: the user's tables become exactly what the file holds. The file is
   * checked whole first, and written in one transaction: a bad file changes nothing.
   */
  importUserData: async (ctx: StoreContext, args: { json: string }) => {
    if (typeof args?.json !== 'string') throw new UserDataError('No backup file content was given.');
    const data = parseUserData(args.json);
    await writeUserTables(ctx, [...USER_TABLES], async () => {
      await Promise.all(USER_TABLES.map((table) => ctx.db[table].clear()));
      await ctx.db.myNetworks.bulkPut(data.myNetworks);
      await ctx.db.peerStates.bulkPut(data.peerStates);
      await ctx.db.templates.bulkPut(data.templates);
      await ctx.db.requestLog.bulkPut(data.requestLog);
      await ctx.db.preferences.bulkPut(data.preferences);
      await ctx.db.sessionTemplates.bulkPut(data.sessionTemplates);
    });
    return {
      myNetworks: data.myNetworks.length,
      peerStates: data.peerStates.length,
      templates: data.templates.length,
      requests: data.requestLog.length,
      sessionTemplates: data.sessionTemplates.length,
    };
  },
} satisfies Partial<CommandHandlers>;

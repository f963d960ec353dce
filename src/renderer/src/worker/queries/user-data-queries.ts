/**
 * Reads of the user's own tables: my networks, peer marks, templates, the request log and its
 * follow-ups, preferences, session templates, and the backup file.
 */
import type { PeeringDatabase } from '../db/schema';
import { z } from '../../../../shared/zod-without-eval';
import type { SessionTemplateRecord, TemplateRecord } from '../../../../shared/user-data';
import { DEFAULT_FOLLOW_UP_DAYS, PREFERENCE_KEYS } from '../../../../shared/user-data';
import { requestStatuses } from '../../../../shared/follow-ups';
import type { RequestOverview } from '../../protocol/operations';
import { readyIndex } from '../index/discovery-index';
import { checkedArgs } from '../checked-args';
import type { QueryHandlers, StoreContext } from '../context';
import { USER_DATA_FORMAT, USER_DATA_VERSION, type UserData } from '../../../../shared/user-data';

export async function myAsnsInOrder(db: PeeringDatabase): Promise<number[]> {
  const records = await db.myNetworks.toArray();
  return records.sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn).map((record) => record.asn);
}

export async function followUpDays(db: PeeringDatabase): Promise<number> {
  const stored = (await db.preferences.get(PREFERENCE_KEYS.followUpDays))?.value;
  return typeof stored === 'number' ? stored : DEFAULT_FOLLOW_UP_DAYS;
}

const LOG_SHOWN = 500;

export const userDataQueries = {
  /** My ASNs in the order I added them. */
  listMyNetworks: (ctx: StoreContext, _args: Record<string, never>) => myAsnsInOrder(ctx.db),

  listPeerStates: (ctx: StoreContext, _args: Record<string, never>) => ctx.db.peerStates.toArray(),

  getTemplate: async (ctx: StoreContext, args: { key: string }): Promise<TemplateRecord | null> =>
    (await ctx.db.templates.get(checkedArgs(z.object({ key: z.string().min(1) }), args).key)) ?? null,

  requestOverview: async (ctx: StoreContext, _args: Record<string, never>): Promise<RequestOverview> => {
    const { db } = ctx;
    const [days, states, log] = await Promise.all([followUpDays(db), db.peerStates.toArray(), db.requestLog.toArray()]);
    const index = await readyIndex(ctx.copy, ['discovery']);
    const nameOf = (asn: number) => index.netByAsn(asn)?.name ?? `AS${asn} (not in the local copy)`;
    const peers = requestStatuses(states, log, days, Date.now()).map((status) => ({ ...status, name: nameOf(status.asn) }));
    const recent = log.sort((a, b) => b.at - a.at).slice(0, LOG_SHOWN);
    return {
      followUpDays: days,
      peers,
      dueCount: peers.filter((peer) => peer.due).length,
      log: recent.map((entry) => ({ ...entry, peerName: nameOf(entry.peerAsn) })),
    };
  },

  /** The follow-ups due now, for the count in the navigation. */
  followUpsDue: async (ctx: StoreContext, _args: Record<string, never>): Promise<number> => {
    const { db } = ctx;
    const [days, states, log] = await Promise.all([followUpDays(db), db.peerStates.where('state').equals('requested').toArray(), db.requestLog.toArray()]);
    return requestStatuses(states, log, days, Date.now()).filter((status) => status.due).length;
  },

  /** Earlier requests to these peers and the follow-up days, for the warning before asking again. */
  requestHistory: async (ctx: StoreContext, args: { asns: number[] }) => {
    const { asns } = checkedArgs(z.object({ asns: z.array(z.number().int().positive()).max(1_000) }), args);
    const entries = asns.length ? await ctx.db.requestLog.where('peerAsn').anyOf(asns).toArray() : [];
    return { followUpDays: await followUpDays(ctx.db), entries };
  },

  listSessionTemplates: async (ctx: StoreContext, _args: Record<string, never>): Promise<SessionTemplateRecord[]> =>
    (await ctx.db.sessionTemplates.toArray()).sort((a, b) => a.name.localeCompare(b.name)),

  /** The user's tables as backup file text. */
  exportUserData: async (ctx: StoreContext, _args: Record<string, never>): Promise<string> => {
    const { db } = ctx;
    const tables = [db.myNetworks, db.peerStates, db.templates, db.requestLog, db.preferences, db.sessionTemplates];
    const data = await db.transaction('r', tables, async () => {
      const [myNetworks, peerStates, templates, requestLog, preferences, sessionTemplates] = await Promise.all([
        db.myNetworks.toArray(),
        db.peerStates.toArray(),
        db.templates.toArray(),
        db.requestLog.toArray(),
        db.preferences.toArray(),
        db.sessionTemplates.toArray(),
      ]);
      const backup: UserData = {
        format: USER_DATA_FORMAT,
        version: USER_DATA_VERSION,
        exportedAt: new Date().toISOString(),
        myNetworks,
        peerStates,
        templates,
        requestLog,
        preferences,
        sessionTemplates,
      };
      return backup;
    });
    return JSON.stringify(data, null, 2);
  },
} satisfies Partial<QueryHandlers>;

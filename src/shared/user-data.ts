/**
 * The user's own data as a file: a versioned JSON backup of my networks, peer states,
 * templates, the request log, preferences and session templates, and the schema a file must
 * pass before anything of it is imported. Files of earlier versions are read and brought up
 * to the current one.
 */
import { z } from './zod-without-eval';

/** The user's tables: what no sync and no flush ever touches. */
export interface MyNetworkRecord {
  asn: number;
  addedAt: number;
}

export type PeerStateKind = 'requested' | 'peered' | 'rejected' | 'hidden';

export interface PeerStateRecord {
  /** The peer's ASN. */
  asn: number;
  state: PeerStateKind | null;
  /** ISO date (YYYY-MM-DD) until which a hidden peer stays hidden. */
  hiddenUntil?: string;
  /** ISO date the request was sent, for state "requested". */
  requestedAt?: string;
  note: string;
  updatedAt: number;
}

export interface TemplateRecord {
  key: string;
  subject: string;
  body: string;
  updatedAt: number;
}

/** How a request left the app. */
export type RequestChannel = 'eml' | 'mailto' | 'clipboard';

/** One peering request sent (opened in the mail program or copied): one per peer, never one for many. */
export interface RequestLogRecord {
  id?: number;
  peerAsn: number;
  myAsn: number;
  /** Epoch milliseconds. */
  at: number;
  to: string[];
  /** Names of the exchanges the request offered. */
  ixps: string[];
  via: RequestChannel;
}

/** The user's settings that travel with their data (not machine settings such as the API key). */
export interface PreferenceRecord {
  key: string;
  value: unknown;
}

export const PREFERENCE_KEYS = { followUpDays: 'followUpDays' } as const;
export const DEFAULT_FOLLOW_UP_DAYS = 14;

export interface SessionTemplateRecord {
  /** `user:<n>`; built-in templates are not stored. */
  key: string;
  name: string;
  body: string;
  updatedAt: number;
}

export const USER_DATA_FORMAT = 'peering-assistant/user-data';
export const USER_DATA_VERSION = 2;

export const asnSchema = z
  .number({ message: 'An ASN must be a number' })
  .int('An ASN must be a whole number')
  .min(1, 'An ASN is at least 1')
  .max(4_294_967_295, 'An ASN is at most 4294967295');

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD');

export const peerStateKindSchema = z.enum(['requested', 'peered', 'rejected', 'hidden']);

export const myNetworkRecordSchema = z.object({ asn: asnSchema, addedAt: z.number() });

export const peerStateRecordSchema = z.object({
  asn: asnSchema,
  state: peerStateKindSchema.nullable(),
  hiddenUntil: isoDateSchema.optional(),
  requestedAt: isoDateSchema.optional(),
  note: z.string().max(10_000),
  updatedAt: z.number(),
});

export const templateRecordSchema = z.object({
  key: z.string().min(1).max(200),
  subject: z.string().max(2_000),
  body: z.string().max(100_000),
  updatedAt: z.number(),
});

const plainAddress = z.string().max(320);

export const requestLogRecordSchema = z.object({
  id: z.number().int().positive().optional(),
  peerAsn: asnSchema,
  myAsn: asnSchema,
  at: z.number().int().nonnegative(),
  to: z.array(plainAddress).max(50),
  ixps: z.array(z.string().max(500)).max(2_000),
  via: z.enum(['eml', 'mailto', 'clipboard']),
});

export const followUpDaysSchema = z
  .number({ message: 'Follow-up days must be a number' })
  .int('Follow-up days must be a whole number')
  .min(1, 'Follow up after at least 1 day')
  .max(365, 'Follow up within 365 days');

export const preferenceRecordSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal(PREFERENCE_KEYS.followUpDays), value: followUpDaysSchema }),
]);

export const sessionTemplateRecordSchema = z.object({
  key: z.string().regex(/^user:[A-Za-z0-9-]{1,64}$/, 'A session template key is user:<id>'),
  name: z.string().trim().min(1, 'A session template needs a name').max(200),
  body: z.string().max(200_000),
  updatedAt: z.number(),
});

const backupHeader = {
  format: z.literal(USER_DATA_FORMAT, { message: 'This is not a Peering Assistant backup' }),
  exportedAt: z.string(),
  myNetworks: z.array(myNetworkRecordSchema),
  peerStates: z.array(peerStateRecordSchema),
  templates: z.array(templateRecordSchema),
};

/** Version 1: my networks, peer states and the request template. */
const userDataV1Schema = z.object({ ...backupHeader, version: z.literal(1) });

export const userDataSchema = z.object({
  ...backupHeader,
  version: z.literal(USER_DATA_VERSION),
  requestLog: z.array(requestLogRecordSchema),
  preferences: z.array(preferenceRecordSchema),
  sessionTemplates: z.array(sessionTemplateRecordSchema),
});

export interface UserData {
  format: typeof USER_DATA_FORMAT;
  version: typeof USER_DATA_VERSION;
  exportedAt: string;
  myNetworks: MyNetworkRecord[];
  peerStates: PeerStateRecord[];
  templates: TemplateRecord[];
  requestLog: RequestLogRecord[];
  preferences: PreferenceRecord[];
  sessionTemplates: SessionTemplateRecord[];
}

/** A version 1 file had no request log, preferences or session templates: it restores with none. */
function fromVersion1(data: z.infer<typeof userDataV1Schema>): UserData {
  return { ...data, version: USER_DATA_VERSION, requestLog: [], preferences: [], sessionTemplates: [] };
}

export class UserDataError extends Error {}

/** Parses and checks a backup file's text; the error names the first problem and where it is. */
export function parseUserData(text: string): UserData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserDataError('The backup file is not valid JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserDataError('This is not a Peering Assistant backup.');
  }
  // Check what the file is before how it is filled in, so a wrong file gets the plain answer.
  const header = z.object({ format: userDataSchema.shape.format }).safeParse(raw);
  if (!header.success) throw new UserDataError('This is not a Peering Assistant backup.');
  const { version } = raw as { version?: unknown };
  if (version !== 1 && version !== USER_DATA_VERSION) {
    throw new UserDataError(
      typeof version === 'number' && version > USER_DATA_VERSION
        ? `This backup was written by a newer Peering Assistant (version ${version}); update the app to import it.`
        : `The backup cannot be imported: its version (${String(version)}) is not one this app knows.`,
    );
  }
  const result = version === 1 ? userDataV1Schema.safeParse(raw) : userDataSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new UserDataError(`The backup cannot be imported: ${issue.message}${where}.`);
  }
  const data: UserData = result.data.version === 1 ? fromVersion1(result.data) : (result.data as UserData);
  for (const [list, key] of [
    [data.myNetworks.map((r) => r.asn), 'myNetworks'],
    [data.peerStates.map((r) => r.asn), 'peerStates'],
    [data.templates.map((r) => r.key), 'templates'],
    [data.requestLog.filter((r) => r.id !== undefined).map((r) => r.id), 'requestLog'],
    [data.preferences.map((r) => r.key), 'preferences'],
    [data.sessionTemplates.map((r) => r.key), 'sessionTemplates'],
  ] as const) {
    if (new Set<unknown>(list).size !== list.length) {
      throw new UserDataError(`The backup cannot be imported: ${key} lists the same entry twice.`);
    }
  }
  return data;
}

/**
 * The user's own data as a file: a versioned JSON backup of my networks, peer states and
 * templates, and the schema a file must pass before anything of it is imported.
 */
import { z } from 'zod';

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

export const USER_DATA_FORMAT = 'peering-assistant/user-data';
export const USER_DATA_VERSION = 1;

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

export const userDataSchema = z.object({
  format: z.literal(USER_DATA_FORMAT, { message: 'This is not a Peering Assistant backup' }),
  version: z.literal(USER_DATA_VERSION, { message: `Only backups of version ${USER_DATA_VERSION} can be imported` }),
  exportedAt: z.string(),
  myNetworks: z.array(myNetworkRecordSchema),
  peerStates: z.array(peerStateRecordSchema),
  templates: z.array(templateRecordSchema),
});

export interface UserData {
  format: typeof USER_DATA_FORMAT;
  version: typeof USER_DATA_VERSION;
  exportedAt: string;
  myNetworks: MyNetworkRecord[];
  peerStates: PeerStateRecord[];
  templates: TemplateRecord[];
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
  const result = userDataSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new UserDataError(`The backup cannot be imported: ${issue.message}${where}.`);
  }
  const data = result.data;
  for (const [list, key] of [
    [data.myNetworks.map((r) => r.asn), 'myNetworks'],
    [data.peerStates.map((r) => r.asn), 'peerStates'],
    [data.templates.map((r) => r.key), 'templates'],
  ] as const) {
    if (new Set<unknown>(list).size !== list.length) {
      throw new UserDataError(`The backup cannot be imported: ${key} lists the same entry twice.`);
    }
  }
  return data as UserData;
}

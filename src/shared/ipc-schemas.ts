/**
 * What main accepts on each invoke channel: one schema per channel, so no channel can be
 * served unchecked. Kept apart from the contract (ipc.ts) because the sandboxed preload
 * bundles the contract, and the validation library has no business there.
 */
import { z } from './zod-without-eval';
import type { InvokeChannel } from './ipc';
import { checkPeeringDbUrl } from './peeringdb-address';

export const settingsPatchSchema = z
  .object({
    baseUrl: z
      .string()
      .trim()
      .max(2048)
      .superRefine((value, context) => {
        const check = checkPeeringDbUrl(value);
        if (!check.ok) context.addIssue({ code: 'custom', message: check.problem });
      })
      .optional(),
    /** A new API key; null removes the stored key. */
    apiKey: z
      .string()
      .trim()
      .max(256)
      // It travels in an HTTP header: a line break or a non-ASCII character would break out of
      // it or make every request fail. An empty key removes the stored one.
      .refine((value) => /^[\x21-\x7E]*$/.test(value), 'An API key is made of letters, digits and punctuation, without spaces')
      .nullable()
      .optional(),
    dailySync: z.boolean().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const syncStartSchema = z
  .object({
    reason: z.enum(['user', 'menu', 'schedule', 'api-key']).default('user'),
  })
  .strict();
export type SyncStartRequest = z.input<typeof syncStartSchema>;

const exportSaveSchema = z
  .object({
    format: z.enum(['csv', 'vcf', 'json', 'txt']),
    // A name only: main picks the folder, and makes the name safe again before the dialog.
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'The export name must be a file name, not a path'),
    content: z.string().max(200 * 1024 * 1024),
  })
  .strict();
export type ExportSaveRequest = z.infer<typeof exportSaveSchema>;

const openExternalSchema = z.object({ url: z.string().max(8192) }).strict();
export type OpenExternalRequest = z.infer<typeof openExternalSchema>;

/** A peering request to open in the mail program as an .eml file; main writes the file. */
export const draftOpenSchema = z
  .object({
    peerAsn: z.number().int().min(1).max(4_294_967_295),
    to: z.array(z.string().max(320)).max(50),
    subject: z.string().max(2_000),
    body: z.string().max(1024 * 1024),
  })
  .strict();
export type DraftOpenRequest = z.infer<typeof draftOpenSchema>;

/** A channel that takes nothing; null counts as nothing, as undefined does. */
const noPayload = z
  .unknown()
  .refine((payload) => payload === undefined || payload === null, 'it takes no arguments')
  .transform(() => undefined);

export const INVOKE_PAYLOAD_SCHEMAS = {
  'app:info': noPayload,
  'settings:get': noPayload,
  'settings:set': settingsPatchSchema,
  // A bare start is the user's: the whole request may be left out, not only its reason.
  'sync:start': syncStartSchema.prefault({}),
  'sync:cancel': noPayload,
  'dump:import': noPayload,
  'history:import': noPayload,
  'history:cancel': noPayload,
  'flush:confirm': noPayload,
  'export:save': exportSaveSchema,
  'backup:open': noPayload,
  'legacy-data:take': noPayload,
  'legacy-data:imported': noPayload,
  'external:open': openExternalSchema,
  'draft:open': draftOpenSchema,
} satisfies Record<InvokeChannel, z.ZodType>;

/** The request a handler receives on `C`, once its schema accepted it (defaults filled in). */
export type ValidRequest<C extends InvokeChannel> = z.output<(typeof INVOKE_PAYLOAD_SCHEMAS)[C]>;

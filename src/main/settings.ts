/**
 * The app's settings, kept as JSON in the user data folder. The API key is stored only
 * encrypted by the OS (Electron's safeStorage, injected as a SecretBox) and never leaves main:
 * `view()` is what the renderer may see. The key is stored with the origin it was saved for
 * (PeeringDB's own by default) and goes to no other: moving the sync to another host leaves
 * the key behind unless the user says otherwise in main's own dialog.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../shared/zod-without-eval';
import { DEFAULT_BASE_URL, type SettingsPatch, type SettingsView } from '../shared/ipc';
import { settingsPatchSchema } from '../shared/ipc-schemas';
import { checkPeeringDbUrl } from '../shared/peeringdb-address';
import { keyOriginFor } from './sync/urls';
import type { SyncConfig } from './sync/sync-types';

/** PeeringDB's public bulk cache, used for a first anonymous load from the official API. */
export const PUBLIC_CACHE_URL = 'https://public.peeringdb.com';
export const SETTINGS_FILE_NAME = 'settings.json';

/** The OS secret storage, as Electron's safeStorage offers it. */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SettingsLog {
  warn(message: string): void;
}

export interface SettingsOptions {
  /** The folder that holds settings.json (the app's user data folder). */
  dir: string;
  secrets: SecretBox;
  env?: Record<string, string | undefined>;
  log?: SettingsLog;
  now?: () => number;
}

/** Hosts shown to the user when an address change would take the key along. */
export interface KeyMove {
  /** The host the key is saved for, e.g. www.peeringdb.com. */
  keyHost: string;
  /** The host of the new address. */
  newHost: string;
}

export interface UpdateOptions {
  /** The user agreed (in main's dialog) that the stored key goes to the new address's host. */
  moveKeyToNewHost?: boolean;
}

/** Not called a store: in this app that word means the store worker, which holds the copy. */
export interface Settings {
  view(): SettingsView;
  /** For main only: the stored key, whatever host it is for. */
  apiKey(): string | null;
  /**
   * When `patch` sets an address on another host than the stored key's (and sets no key of
   * its own), the two hosts: main asks the user before the key may follow. Null otherwise.
   */
  keyMoveFor(patch: SettingsPatch): KeyMove | null;
  /** Applies a patch; throws with a message for the user, changing nothing, if it cannot be. */
  update(patch: SettingsPatch, options?: UpdateOptions): SettingsView;
  baseUrl(): string;
  syncConfig(): SyncConfig;
  dailySync(): boolean;
  /** Epoch ms of the last sync that ended done, or null. */
  lastSyncAt(): number | null;
  recordSyncDone(at: number): void;
  /** Whether the user data of version 0.1.0 (see legacy-user-data.ts) was brought over already. */
  legacyUserDataImported(): boolean;
  recordLegacyUserDataImported(): void;
}

const storedSettingsSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string().optional(),
  dailySync: z.boolean(),
  lastSyncAt: z.number().nullable(),
  /** base64 of safeStorage's ciphertext */
  apiKeyEncrypted: z.string().optional(),
  /** The origin the key is sent to; a key saved before origins were kept is PeeringDB's. */
  apiKeyOrigin: z.string().optional(),
  /** The page imported the user data of version 0.1.0: it is not offered again. */
  legacyUserDataImported: z.boolean().optional(),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

const DEFAULTS: StoredSettings = { version: 1, dailySync: false, lastSyncAt: null };

function normaliseBaseUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** Where a key saved with no origin of record goes: PeeringDB itself. */
const DEFAULT_KEY_ORIGIN = keyOriginFor(DEFAULT_BASE_URL)!;

function hostOf(origin: string): string {
  return new URL(origin).host;
}

/** The bulk cache mirrors only the official API; a mirror or test server serves lists itself. */
function cacheUrlFor(baseUrl: string): string | null {
  return normaliseBaseUrl(baseUrl) === DEFAULT_BASE_URL ? PUBLIC_CACHE_URL : null;
}

export function loadSettings(options: SettingsOptions): Settings {
  const { dir, secrets } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? { warn: (message: string) => console.warn(message) };
  const now = options.now ?? Date.now;
  const file = join(dir, SETTINGS_FILE_NAME);

  const envBaseUrl = readEnvBaseUrl();
  let stored = load();
  // Where the OS has no secret storage a new key lives in memory for this run only.
  let apiKey = decryptStoredKey();

  function readEnvBaseUrl(): string | null {
    const raw = env.PEERINGDB_URL?.trim();
    if (!raw) return null;
    const check = checkPeeringDbUrl(raw);
    if (!check.ok) {
      log.warn(`Ignoring PEERINGDB_URL=${raw}: ${check.problem}`);
      return null;
    }
    return normaliseBaseUrl(raw);
  }

  function load(): StoredSettings {
    if (!existsSync(file)) return { ...DEFAULTS };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      log.warn(`Could not read ${file} (${(error as Error).message}); using default settings.`);
      return { ...DEFAULTS };
    }
    let problem: string;
    try {
      const parsed = storedSettingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    } catch (error) {
      problem = (error as Error).message;
    }
    const kept = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(file, kept);
      log.warn(`The settings file was unreadable (${problem}). It was kept as ${kept}; starting from default settings.`);
    } catch (error) {
      log.warn(`The settings file was unreadable (${problem}) and could not be set aside (${(error as Error).message}); starting from default settings.`);
    }
    return { ...DEFAULTS };
  }

  function decryptStoredKey(): string | null {
    if (!stored.apiKeyEncrypted) return null;
    if (!secrets.isEncryptionAvailable()) {
      log.warn('The OS secret storage is unavailable: the saved PeeringDB API key cannot be read this run.');
      return null;
    }
    try {
      return secrets.decryptString(Buffer.from(stored.apiKeyEncrypted, 'base64'));
    } catch (error) {
      log.warn(`The saved PeeringDB API key could not be decrypted (${(error as Error).message}); enter it again in Settings.`);
      return null;
    }
  }

  function save(): void {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a crash mid-write leaves the previous file, never half of one.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    renameSync(temp, file);
  }

  // Kept apart from `stored` for a key that lives in memory only (no secret storage).
  let apiKeyOrigin: string | null = apiKey === null ? null : storedKeyOrigin();

  function storedKeyOrigin(): string {
    const saved = stored.apiKeyOrigin;
    if (saved === undefined) return DEFAULT_KEY_ORIGIN;
    if (keyOriginFor(saved) === saved) return saved;
    log.warn(`The API key's saved address (${saved}) is not an https:// origin; the key is used with PeeringDB only.`);
    return DEFAULT_KEY_ORIGIN;
  }

  function setApiKey(key: string | null, origin: string): void {
    const next = key && key.length > 0 ? key : null;
    const { apiKeyEncrypted: _droppedKey, apiKeyOrigin: _droppedOrigin, ...rest } = stored;
    stored = rest;
    apiKey = next;
    apiKeyOrigin = next === null ? null : origin;
    if (next === null) return;
    if (secrets.isEncryptionAvailable()) {
      stored.apiKeyEncrypted = secrets.encryptString(next).toString('base64');
      stored.apiKeyOrigin = origin;
    } else {
      log.warn('The OS offers no secret storage: the PeeringDB API key is used for this run only and not saved.');
    }
  }

  function moveApiKey(origin: string): void {
    apiKeyOrigin = origin;
    if (stored.apiKeyEncrypted !== undefined) stored.apiKeyOrigin = origin;
  }

  function savedBaseUrl(): string {
    return normaliseBaseUrl(stored.baseUrl ?? DEFAULT_BASE_URL);
  }

  function baseUrl(): string {
    return envBaseUrl ?? savedBaseUrl();
  }

  /** The key when the sync's address is the host it was saved for, over HTTPS; else null. */
  function keyForSync(): string | null {
    if (apiKey === null || apiKeyOrigin === null) return null;
    return keyOriginFor(baseUrl()) === apiKeyOrigin ? apiKey : null;
  }

  function view(): SettingsView {
    return {
      baseUrl: baseUrl(),
      baseUrlFromEnv: envBaseUrl !== null,
      hasApiKey: apiKey !== null,
      apiKeyHost: apiKeyOrigin === null ? null : hostOf(apiKeyOrigin),
      apiKeyInUse: keyForSync() !== null,
      keyStorageAvailable: secrets.isEncryptionAvailable(),
      dailySync: stored.dailySync,
    };
  }

  function keyMoveFor(patch: SettingsPatch): KeyMove | null {
    if (patch.baseUrl === undefined || patch.apiKey !== undefined || apiKey === null || apiKeyOrigin === null) return null;
    const target = keyOriginFor(normaliseBaseUrl(patch.baseUrl));
    if (target === null || target === apiKeyOrigin) return null;
    return { keyHost: hostOf(apiKeyOrigin), newHost: hostOf(target) };
  }

  return {
    view,
    apiKey: () => apiKey,
    baseUrl,
    keyMoveFor,
    syncConfig: () => {
      const base = baseUrl();
      return { baseUrl: base, apiKey: keyForSync(), cacheUrl: cacheUrlFor(base) };
    },
    dailySync: () => stored.dailySync,
    lastSyncAt: () => stored.lastSyncAt,
    update(patch, options = {}) {
      const valid = settingsPatchSchema.parse(patch);
      const nextSavedBase = valid.baseUrl !== undefined ? normaliseBaseUrl(valid.baseUrl) : savedBaseUrl();
      // A new key is for the address it is entered with (the one in force after this patch).
      const newKey = valid.apiKey ? valid.apiKey : null;
      const newKeyOrigin = keyOriginFor(envBaseUrl ?? nextSavedBase);
      if (newKey !== null && newKeyOrigin === null) {
        throw new Error(
          `The API key is sent only over HTTPS, and the PeeringDB URL is ${envBaseUrl ?? nextSavedBase}. ` +
            'Set an https:// address first, then save the key.',
        );
      }
      const move = options.moveKeyToNewHost ? keyMoveFor(valid) : null;
      if (valid.baseUrl !== undefined) stored.baseUrl = nextSavedBase;
      if (valid.dailySync !== undefined) stored.dailySync = valid.dailySync;
      if (valid.apiKey !== undefined) setApiKey(newKey, newKeyOrigin ?? DEFAULT_KEY_ORIGIN);
      else if (move) moveApiKey(keyOriginFor(nextSavedBase)!);
      save();
      return view();
    },
    recordSyncDone(at) {
      stored.lastSyncAt = at;
      save();
    },
    legacyUserDataImported: () => stored.legacyUserDataImported === true,
    recordLegacyUserDataImported() {
      stored.legacyUserDataImported = true;
      save();
    },
  };
}

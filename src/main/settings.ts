/**
 * The app's settings, kept as JSON in the user data folder. The API key is stored only
 * encrypted by the OS (Electron's safeStorage, injected as a SecretBox) and never leaves main:
 * `view()` is what the renderer may see.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_BASE_URL, type SettingsPatch, type SettingsView } from '../shared/ipc';
import { settingsPatchSchema } from '../shared/ipc-schemas';
import type { SyncConfig } from './sync/types';

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

/** Not called a store: in this app that word means the store worker, which holds the copy. */
export interface Settings {
  view(): SettingsView;
  /** For main only: the key the sync sends to PeeringDB. */
  apiKey(): string | null;
  update(patch: SettingsPatch): SettingsView;
  baseUrl(): string;
  syncConfig(): SyncConfig;
  dailySync(): boolean;
  /** Epoch ms of the last sync that ended done, or null. */
  lastSyncAt(): number | null;
  recordSyncDone(at: number): void;
}

const storedSettingsSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string().optional(),
  dailySync: z.boolean(),
  lastSyncAt: z.number().nullable(),
  /** base64 of safeStorage's ciphertext */
  apiKeyEncrypted: z.string().optional(),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

const DEFAULTS: StoredSettings = { version: 1, dailySync: false, lastSyncAt: null };

function normaliseBaseUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
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
    if (!isHttpUrl(raw)) {
      log.warn(`Ignoring PEERINGDB_URL=${raw}: it is not an http(s) address.`);
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

  function setApiKey(key: string | null): void {
    const next = key && key.length > 0 ? key : null;
    const { apiKeyEncrypted: _dropped, ...rest } = stored;
    stored = rest;
    apiKey = next;
    if (next === null) return;
    if (secrets.isEncryptionAvailable()) {
      stored.apiKeyEncrypted = secrets.encryptString(next).toString('base64');
    } else {
      log.warn('The OS offers no secret storage: the PeeringDB API key is used for this run only and not saved.');
    }
  }

  function baseUrl(): string {
    return envBaseUrl ?? normaliseBaseUrl(stored.baseUrl ?? DEFAULT_BASE_URL);
  }

  function view(): SettingsView {
    return {
      baseUrl: baseUrl(),
      baseUrlFromEnv: envBaseUrl !== null,
      hasApiKey: apiKey !== null,
      keyStorageAvailable: secrets.isEncryptionAvailable(),
      dailySync: stored.dailySync,
    };
  }

  return {
    view,
    apiKey: () => apiKey,
    baseUrl,
    syncConfig: () => {
      const base = baseUrl();
      return { baseUrl: base, apiKey, cacheUrl: cacheUrlFor(base) };
    },
    dailySync: () => stored.dailySync,
    lastSyncAt: () => stored.lastSyncAt,
    update(patch) {
      const valid = settingsPatchSchema.parse(patch);
      if (valid.baseUrl !== undefined) stored.baseUrl = normaliseBaseUrl(valid.baseUrl);
      if (valid.dailySync !== undefined) stored.dailySync = valid.dailySync;
      if (valid.apiKey !== undefined) setApiKey(valid.apiKey);
      save();
      return view();
    },
    recordSyncDone(at) {
      stored.lastSyncAt = at;
      save();
    },
  };
}

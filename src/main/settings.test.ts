import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL } from '../shared/ipc';
import {
  loadSettings,
  PUBLIC_CACHE_URL,
  SETTINGS_FILE_NAME,
  type SecretBox,
  type SettingsOptions,
} from './settings';

const API_KEY = 'abcDEF.0123456789-key';

function secretBox(available = true): SecretBox {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      if (!available) throw new Error('no secret storage');
      return Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a));
    },
    decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
}

let dir: string;
let warnings: string[];

function open(overrides: Partial<SettingsOptions> = {}) {
  return loadSettings({
    dir,
    secrets: secretBox(),
    env: {},
    log: { warn: (message) => warnings.push(message) },
    ...overrides,
  });
}

const settingsFile = () => join(dir, SETTINGS_FILE_NAME);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('starts from defaults', () => {
  const settings = open();
  expect(settings.view()).toEqual({
    baseUrl: DEFAULT_BASE_URL,
    baseUrlFromEnv: false,
    hasApiKey: false,
    apiKeyHost: null,
    apiKeyInUse: false,
    keyStorageAvailable: true,
    dailySync: false,
  });
  expect(settings.lastSyncAt()).toBeNull();
  expect(settings.syncConfig()).toEqual({ baseUrl: DEFAULT_BASE_URL, apiKey: null, cacheUrl: PUBLIC_CACHE_URL });
  expect(existsSync(settingsFile())).toBe(false);
});

it('persists every setting across instances, the key encrypted', () => {
  const first = open();
  first.update({ baseUrl: 'https://mirror.example.net/api/', dailySync: true, apiKey: API_KEY });
  first.recordSyncDone(1_776_000_000_000);

  const onDisk = readFileSync(settingsFile(), 'utf8');
  expect(onDisk).not.toContain(API_KEY);
  expect(onDisk).not.toContain(Buffer.from(API_KEY).toString('base64'));

  const second = open();
  expect(second.view()).toMatchObject({ baseUrl: 'https://mirror.example.net/api', dailySync: true, hasApiKey: true });
  expect(second.apiKey()).toBe(API_KEY);
  expect(second.lastSyncAt()).toBe(1_776_000_000_000);
  // A mirror has no bulk cache of its own.
  expect(second.syncConfig()).toEqual({ baseUrl: 'https://mirror.example.net/api', apiKey: API_KEY, cacheUrl: null });
});

it('removes the key from disk when it is cleared', () => {
  open().update({ apiKey: API_KEY });
  open().update({ apiKey: null });
  expect(readFileSync(settingsFile(), 'utf8')).not.toContain('apiKey');
  expect(open().apiKey()).toBeNull();
});

it('never puts the key in the view', () => {
  const settings = open();
  settings.update({ apiKey: API_KEY });
  expect(JSON.stringify(settings.view())).not.toContain(API_KEY);
});

it('writes atomically, leaving no temporary file', () => {
  const settings = open();
  settings.update({ dailySync: true });
  settings.update({ dailySync: false });
  expect(readdirSync(dir)).toEqual([SETTINGS_FILE_NAME]);
});

describe('PEERINGDB_URL', () => {
  it('overrides the saved base URL for the run, and the view says so', () => {
    open().update({ baseUrl: 'https://mirror.example.net/api' });
    const settings = open({ env: { PEERINGDB_URL: 'http://127.0.0.1:8123/api/' } });
    expect(settings.view()).toMatchObject({ baseUrl: 'http://127.0.0.1:8123/api', baseUrlFromEnv: true });
    expect(settings.syncConfig()).toMatchObject({ baseUrl: 'http://127.0.0.1:8123/api', cacheUrl: null });
    // The saved choice is kept for runs without the variable.
    expect(open().view()).toMatchObject({ baseUrl: 'https://mirror.example.net/api', baseUrlFromEnv: false });
  });

  it.each([
    ['not an http(s) URL', 'file:///tmp/dump', /http\(s\)/],
    ['plain http to another computer', 'http://mirror.example.net/api', /only for a server on this computer/],
    ['credentials', 'https://user:secret@mirror.example.net/api', /user name or password/],
  ])('is ignored, with a warning, when it is %s', (_label, value, why) => {
    const settings = open({ env: { PEERINGDB_URL: value } });
    expect(settings.view()).toMatchObject({ baseUrl: DEFAULT_BASE_URL, baseUrlFromEnv: false });
    expect(warnings.join('\n')).toMatch(/PEERINGDB_URL/);
    expect(warnings.join('\n')).toMatch(why);
  });

  it('never takes the saved key to its host', () => {
    open().update({ apiKey: API_KEY });
    const settings = open({ env: { PEERINGDB_URL: 'https://mirror.example.net/api' } });
    expect(settings.view()).toMatchObject({ hasApiKey: true, apiKeyHost: 'www.peeringdb.com', apiKeyInUse: false });
    expect(settings.syncConfig().apiKey).toBeNull();
    // Nor to a local server over http.
    expect(open({ env: { PEERINGDB_URL: 'http://127.0.0.1:8123/api' } }).syncConfig().apiKey).toBeNull();
  });
});

describe('the host the API key is saved for', () => {
  it('is stored with the key and survives a restart', () => {
    open().update({ baseUrl: 'https://mirror.example.net/api', apiKey: API_KEY });
    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    expect(onDisk.apiKeyOrigin).toBe('https://mirror.example.net');
    expect(open().view()).toMatchObject({ apiKeyHost: 'mirror.example.net', apiKeyInUse: true });
  });

  it('is PeeringDB itself for a key saved before hosts were kept, wherever the sync pointed', () => {
    const encrypted = secretBox().encryptString(API_KEY).toString('base64');
    writeFileSync(
      settingsFile(),
      JSON.stringify({ version: 1, baseUrl: 'https://mirror.example.net/api', dailySync: false, lastSyncAt: null, apiKeyEncrypted: encrypted }),
    );
    const settings = open();
    expect(settings.view()).toMatchObject({ hasApiKey: true, apiKeyHost: 'www.peeringdb.com', apiKeyInUse: false });
    expect(settings.syncConfig().apiKey).toBeNull();
    settings.update({ baseUrl: DEFAULT_BASE_URL });
    expect(settings.syncConfig().apiKey).toBe(API_KEY);
  });

  it.each([
    ['plain http', 'http://evil.example'],
    ['a path, not an origin', 'https://evil.example/api'],
    ['not a URL', 'evil'],
  ])('is PeeringDB itself when the file holds %s, with a warning', (_label, origin) => {
    const encrypted = secretBox().encryptString(API_KEY).toString('base64');
    writeFileSync(
      settingsFile(),
      JSON.stringify({ version: 1, baseUrl: origin, dailySync: false, lastSyncAt: null, apiKeyEncrypted: encrypted, apiKeyOrigin: origin }),
    );
    const settings = open();
    expect(settings.view().apiKeyHost).toBe('www.peeringdb.com');
    expect(settings.syncConfig().apiKey).toBeNull();
    expect(warnings.join('\n')).toMatch(/not an https:\/\/ origin/);
  });

  it('goes with a key kept in memory only, where the OS has no secret storage', () => {
    const settings = open({ secrets: secretBox(false) });
    settings.update({ baseUrl: 'https://mirror.example.net/api', apiKey: API_KEY });
    expect(settings.view()).toMatchObject({ apiKeyHost: 'mirror.example.net', apiKeyInUse: true });
    settings.update({ baseUrl: DEFAULT_BASE_URL });
    expect(settings.syncConfig().apiKey).toBeNull();
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain('apiKeyOrigin');
  });

  it('is forgotten with the key', () => {
    const settings = open();
    settings.update({ apiKey: API_KEY });
    settings.update({ apiKey: null });
    expect(settings.view()).toMatchObject({ hasApiKey: false, apiKeyHost: null, apiKeyInUse: false });
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain('apiKeyOrigin');
  });
});

describe('a corrupt settings file', () => {
  it.each([
    ['truncated JSON', '{"version":1,"dailySync":tr'],
    ['a wrong shape', '{"version":1,"dailySync":"often","lastSyncAt":null}'],
    ['not an object', '[]'],
  ])('with %s is kept aside and the app starts from defaults', (_label, content) => {
    writeFileSync(settingsFile(), content);
    const settings = open({ now: () => Date.UTC(2026, 3, 16, 9, 30) });
    expect(settings.view()).toMatchObject({ baseUrl: DEFAULT_BASE_URL, dailySync: false, hasApiKey: false });

    const kept = readdirSync(dir).filter((name) => name.startsWith(`${SETTINGS_FILE_NAME}.corrupt-`));
    expect(kept).toEqual([`${SETTINGS_FILE_NAME}.corrupt-2026-04-16T09-30-00-000Z`]);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe(content);
    expect(warnings.join('\n')).toMatch(/settings file was unreadable.*kept as .*corrupt-.*default settings/);

    settings.update({ dailySync: true });
    expect(open().view().dailySync).toBe(true);
  });
});

describe('without OS secret storage', () => {
  it('uses the key for this run only and never writes it', () => {
    const settings = open({ secrets: secretBox(false) });
    const view = settings.update({ apiKey: API_KEY, dailySync: true });
    expect(view).toMatchObject({ hasApiKey: true, keyStorageAvailable: false });
    expect(settings.apiKey()).toBe(API_KEY);

    const onDisk = readFileSync(settingsFile(), 'utf8');
    expect(onDisk).not.toContain(API_KEY);
    expect(onDisk).not.toContain('apiKey');

    const next = open({ secrets: secretBox(false) });
    expect(next.apiKey()).toBeNull();
    expect(next.view()).toMatchObject({ hasApiKey: false, keyStorageAvailable: false, dailySync: true });
  });

  it('starts without the key, and says why, when a saved key cannot be decrypted', () => {
    open().update({ apiKey: API_KEY });
    const broken: SecretBox = {
      ...secretBox(),
      decryptString: () => {
        throw new Error('keychain changed');
      },
    };
    const settings = open({ secrets: broken });
    expect(settings.apiKey()).toBeNull();
    expect(warnings.join('\n')).toMatch(/could not be decrypted.*keychain changed/);
  });
});

it('rejects an invalid patch and keeps what was saved', () => {
  const settings = open();
  settings.update({ dailySync: true });
  expect(() => settings.update({ baseUrl: 'not a url' })).toThrow(/http\(s\)/);
  expect(open().view()).toMatchObject({ baseUrl: DEFAULT_BASE_URL, dailySync: true });
});

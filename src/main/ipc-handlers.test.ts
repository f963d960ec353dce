import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostileText } from '../shared/export/hostile-text.test-support';
import { IPC_METHODS, type EventChannel, type EventMap, type InvokeChannel } from '../shared/ipc';
import { createFileAccess } from './files';
import { createHandlers, MAX_BACKUP_BYTES, type Dialogs, type Handlers, type MainDeps } from './ipc-handlers';
import { safeExternalUrl } from './security-policy';
import { loadSettings, type KeyMove, type SecretBox, type Settings } from './settings';
import type { StartResult, SyncController } from './sync/sync-types';
import type { HistoryImporter } from './history/import';

const API_KEY = 'sekrit-Api-Key-0123456789';
const EXPORT_FOLDER = '/home/user/Documents';

/** Reversible but not plain text, so a leak of the stored form would also be caught. */
const secretBox: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
  decryptString: (data) => [...data.toString().slice(4)].reverse().join(''),
};

class RecordingSync implements SyncController {
  running = false;
  starts: string[] = [];
  dumps: string[] = [];
  cancels = 0;
  start(reason: Parameters<SyncController['start']>[0]): StartResult {
    if (this.running) return { started: false, reason: 'A sync is already running.' };
    this.starts.push(reason);
    this.running = true;
    return { started: true };
  }
  importDump(path: string): StartResult {
    this.dumps.push(path);
    this.running = true;
    return { started: true };
  }
  cancel(): boolean {
    this.cancels += 1;
    const was = this.running;
    this.running = false;
    return was;
  }
  async idle(): Promise<void> {}
}

class RecordingHistory implements HistoryImporter {
  running = false;
  imports: string[][] = [];
  start(paths: readonly string[]): StartResult {
    this.imports.push([...paths]);
    this.running = true;
    return { started: true };
  }
  cancel(): boolean {
    const was = this.running;
    this.running = false;
    return was;
  }
  async idle(): Promise<void> {}
}

/** One fixed answer per dialog, set by each test (the harness's ScriptedDialogs queues answers instead). */
class StubDialogs implements Dialogs {
  savePath: string | null = null;
  openPath: string | null = null;
  openPaths: string[] | null = null;
  confirm = false;
  /** The answer to "send the key to the new host?"; an Error stands for a dialog that failed. */
  keyMoveAnswer: boolean | Error = false;
  keyMoves: KeyMove[] = [];
  saveRequests: { defaultPath: string; format: string }[] = [];
  async saveFile(defaultPath: string, format: 'csv' | 'vcf' | 'json') {
    this.saveRequests.push({ defaultPath, format });
    return this.savePath;
  }
  async confirmKeyMove(move: KeyMove) {
    this.keyMoves.push(move);
    if (this.keyMoveAnswer instanceof Error) throw this.keyMoveAnswer;
    return this.keyMoveAnswer;
  }
  async openDump() {
    return this.openPath;
  }
  async openDumps() {
    return this.openPaths;
  }
  async openBackup() {
    return this.openPath;
  }
  async confirmFlush() {
    return this.confirm;
  }
}

let dir: string;
let settings: Settings;
let sync: RecordingSync;
let history: RecordingHistory;
let dialogs: StubDialogs;
let broadcasts: { channel: EventChannel; payload: unknown }[];
let opened: string[];
let openedFiles: string[];
let openPathAnswer: string;
let legacyUserData: () => Promise<string | null>;
let handlers: Handlers;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handlers-'));
  settings = loadSettings({ dir, secrets: secretBox, env: {}, log: { warn: () => {} } });
  sync = new RecordingSync();
  history = new RecordingHistory();
  dialogs = new StubDialogs();
  broadcasts = [];
  opened = [];
  openedFiles = [];
  openPathAnswer = '';
  legacyUserData = async () => null;
  const deps: MainDeps = {
    settings,
    sync,
    history,
    dialogs,
    files: createFileAccess({ exportFolder: () => EXPORT_FOLDER }),
    openExternal: (url) => {
      opened.push(url);
      return true;
    },
    openPath: async (path) => {
      openedFiles.push(path);
      return openPathAnswer;
    },
    readLegacyUserData: () => legacyUserData(),
    appInfo: { name: 'Peering Assistant', version: '1.2.3', shell: 'harness' },
    broadcast: <E extends EventChannel>(channel: E, payload: EventMap[E]) => broadcasts.push({ channel, payload }),
  };
  handlers = createHandlers(deps);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('payload validation', () => {
  const badPayloads: [InvokeChannel, unknown, RegExp][] = [
    ['settings:set', { baseUrl: 'javascript:alert(1)' }, /settings:set.*baseUrl.*http\(s\)/],
    ['settings:set', { baseUrl: 'file:///etc/passwd' }, /baseUrl/],
    ['settings:set', { apiKey: 42 }, /apiKey/],
    ['settings:set', { apiKey: 'key\r\nX-Injected: 1' }, /apiKey.*without spaces/],
    ['settings:set', { apiKey: 'two words' }, /apiKey.*without spaces/],
    ['settings:set', { apiKey: 'ключ' }, /apiKey.*letters, digits and punctuation/],
    ['settings:set', { apiKey: 'key\u0000' }, /apiKey/],
    ['settings:set', { apiKey: 'key\uD800' }, /apiKey/],
    ['settings:set', { apiKey: 'k'.repeat(257) }, /apiKey/],
    ['settings:set', { baseUrl: 'http://mirror.example.net/api' }, /only for a server on this computer/],
    ['settings:set', { baseUrl: 'https://u:p@mirror.example.net/api' }, /user name or password/],
    ['settings:set', { baseUrl: `https://${'a'.repeat(2050)}.example/api` }, /baseUrl/],
    ['export:save', { format: 'csv', suggestedName: '../x.csv', content: '' }, /file name, not a path/],
    ['export:save', { format: 'csv', suggestedName: 'x'.repeat(256), content: '' }, /suggestedName/],
    ['external:open', { url: 'https://example.com', extra: 1 }, /external:open/],
    ['settings:set', { dailySync: 'yes' }, /dailySync/],
    ['settings:set', { isAdmin: true }, /settings:set/],
    ['settings:set', 'baseUrl=x', /settings:set/],
    ['sync:start', { reason: 'because' }, /sync:start.*reason/],
    ['export:save', { format: 'exe', suggestedName: 'a.exe', content: '' }, /export:save.*format/],
    ['export:save', { format: 'csv', suggestedName: '', content: 'a' }, /suggestedName/],
    ['export:save', { format: 'csv', suggestedName: 'a.csv' }, /content/],
    ['external:open', { url: 7 }, /external:open.*url/],
    ['external:open', 'https://example.com', /external:open/],
    ['app:info', { anything: 1 }, /app:info.*no arguments/],
    ['dump:import', { path: '/etc/passwd' }, /dump:import.*no arguments/],
    ['backup:open', { path: '/etc/shadow' }, /backup:open.*no arguments/],
    ['draft:open', { peerAsn: 0, to: [], subject: '', body: '' }, /draft:open.*peerAsn/],
    ['draft:open', { peerAsn: 64501, to: 'a@example.net', subject: '', body: '' }, /draft:open.*to/],
    ['draft:open', { peerAsn: 64501, to: [], subject: '', body: '', path: '/etc/passwd' }, /draft:open/],
  ];

  it.each(badPayloads)('%s rejects %j with a clear error', async (channel, payload, message) => {
    await expect(handlers[channel](payload)).rejects.toThrow(message);
  });

  it('leaves settings untouched and starts nothing after a rejected request', async () => {
    const before = settings.view();
    await expect(handlers['settings:set']({ apiKey: API_KEY, baseUrl: 'ftp://x' })).rejects.toThrow();
    expect(settings.view()).toEqual(before);
    expect(settings.apiKey()).toBeNull();
    expect(sync.starts).toEqual([]);
    expect(broadcasts).toEqual([]);
  });

  it('accepts a sync start without a payload, as the user reason', async () => {
    await expect(handlers['sync:start'](undefined)).resolves.toEqual({ started: true });
    expect(sync.starts).toEqual(['user']);
  });
});

describe('settings and the API key', () => {
  it('never returns or broadcasts the key, in any response', async () => {
    const responses: unknown[] = [];
    responses.push(await handlers['settings:set']({ apiKey: API_KEY }));
    responses.push(await handlers['settings:get'](undefined));
    responses.push(await handlers['app:info'](undefined));
    responses.push(await handlers['settings:set']({ dailySync: true }));
    const everything = JSON.stringify([responses, broadcasts]);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain([...API_KEY].reverse().join(''));
    expect(settings.apiKey()).toBe(API_KEY);
    expect(responses[0]).toMatchObject({ hasApiKey: true });
  });

  it('broadcasts the new view on every change', async () => {
    const view = await handlers['settings:set']({ dailySync: true });
    expect(broadcasts).toEqual([{ channel: 'settings:changed', payload: view }]);
    expect(view.dailySync).toBe(true);
  });

  it('starts an api-key sync when a key is added for the first time', async () => {
    await handlers['settings:set']({ apiKey: API_KEY });
    expect(sync.starts).toEqual(['api-key']);
  });

  it('does not start another sync when the key is replaced, or while one runs', async () => {
    await handlers['settings:set']({ apiKey: API_KEY });
    sync.running = false;
    await handlers['settings:set']({ apiKey: `${API_KEY}-2` });
    expect(sync.starts).toEqual(['api-key']);

    await handlers['settings:set']({ apiKey: null });
    sync.running = true;
    await handlers['settings:set']({ apiKey: API_KEY });
    expect(sync.starts).toEqual(['api-key']);
  });

  it('removes the key on null and on an empty string', async () => {
    await handlers['settings:set']({ apiKey: API_KEY });
    expect((await handlers['settings:set']({ apiKey: null })).hasApiKey).toBe(false);
    await handlers['settings:set']({ apiKey: API_KEY });
    expect((await handlers['settings:set']({ apiKey: '   ' })).hasApiKey).toBe(false);
    expect(settings.apiKey()).toBeNull();
  });
});

describe('the API key and the address it goes to', () => {
  const MIRROR = 'https://mirror.example.net/api';

  beforeEach(async () => {
    await handlers['settings:set']({ apiKey: API_KEY });
    sync.starts = [];
    sync.running = false;
    broadcasts = [];
  });

  it('is saved for PeeringDB itself by default, and sent there', () => {
    expect(settings.view()).toMatchObject({ hasApiKey: true, apiKeyHost: 'www.peeringdb.com', apiKeyInUse: true });
    expect(settings.syncConfig()).toMatchObject({ baseUrl: 'https://www.peeringdb.com/api', apiKey: API_KEY });
  });

  it('stays behind when the page moves the sync to another host and the user keeps it', async () => {
    dialogs.keyMoveAnswer = false;
    const view = await handlers['settings:set']({ baseUrl: MIRROR });
    expect(dialogs.keyMoves).toEqual([{ keyHost: 'www.peeringdb.com', newHost: 'mirror.example.net' }]);
    expect(view).toMatchObject({ baseUrl: MIRROR, hasApiKey: true, apiKeyHost: 'www.peeringdb.com', apiKeyInUse: false });
    expect(settings.syncConfig()).toEqual({ baseUrl: MIRROR, apiKey: null, cacheUrl: null });
    expect(sync.starts).toEqual([]);
  });

  it('follows the address when the user says so in main\'s dialog', async () => {
    dialogs.keyMoveAnswer = true;
    const view = await handlers['settings:set']({ baseUrl: MIRROR });
    expect(view).toMatchObject({ apiKeyHost: 'mirror.example.net', apiKeyInUse: true });
    expect(settings.syncConfig().apiKey).toBe(API_KEY);
    // Back to PeeringDB: the key is now the mirror's, so the user is asked again.
    dialogs.keyMoveAnswer = false;
    await handlers['settings:set']({ baseUrl: 'https://www.peeringdb.com/api' });
    expect(dialogs.keyMoves.at(-1)).toEqual({ keyHost: 'mirror.example.net', newHost: 'www.peeringdb.com' });
    expect(settings.syncConfig().apiKey).toBeNull();
  });

  it('changes nothing when the dialog cannot be shown', async () => {
    dialogs.keyMoveAnswer = new Error('no window');
    const before = settings.view();
    await expect(handlers['settings:set']({ baseUrl: MIRROR })).rejects.toThrow('no window');
    expect(settings.view()).toEqual(before);
    expect(broadcasts).toEqual([]);
  });

  it('is used again, without asking, when the address comes back to its host', async () => {
    await handlers['settings:set']({ baseUrl: MIRROR });
    dialogs.keyMoves = [];
    const view = await handlers['settings:set']({ baseUrl: 'https://peeringdb.com/api/' });
    expect(dialogs.keyMoves).toEqual([]);
    expect(view.apiKeyInUse).toBe(true);
    expect(settings.syncConfig().apiKey).toBe(API_KEY);
  });

  it('is not asked about for another path on the same host, nor for a change of schedule', async () => {
    await handlers['settings:set']({ baseUrl: 'https://www.peeringdb.com/api/' });
    await handlers['settings:set']({ dailySync: true });
    expect(dialogs.keyMoves).toEqual([]);
    expect(settings.syncConfig().apiKey).toBe(API_KEY);
  });

  it.each([
    ['another port on the same host', 'https://www.peeringdb.com:8443/api', 'www.peeringdb.com:8443'],
    ['a look-alike host', 'https://www.peeringdb.com.evil.example/api', 'www.peeringdb.com.evil.example'],
    ['an IP address', 'https://192.0.2.1/api', '192.0.2.1'],
    ['a host in capitals', 'https://MIRROR.example.NET/api', 'mirror.example.net'],
  ])('asks before sending it to %s', async (_label, baseUrl, newHost) => {
    await handlers['settings:set']({ baseUrl });
    expect(dialogs.keyMoves).toEqual([{ keyHost: 'www.peeringdb.com', newHost }]);
    expect(settings.syncConfig().apiKey).toBeNull();
  });

  it('never goes to a plain http:// server on this computer, and nobody is asked', async () => {
    const view = await handlers['settings:set']({ baseUrl: 'http://127.0.0.1:8000/api' });
    expect(dialogs.keyMoves).toEqual([]);
    expect(view).toMatchObject({ hasApiKey: true, apiKeyInUse: false });
    expect(settings.syncConfig().apiKey).toBeNull();
  });

  it('cannot be saved while the address is http://, with a clear message', async () => {
    await handlers['settings:set']({ baseUrl: 'http://localhost:8000/api' });
    await expect(handlers['settings:set']({ apiKey: 'another-key' })).rejects.toThrow(/only over HTTPS.*Set an https:\/\/ address first/);
    expect(settings.apiKey()).toBe(API_KEY);
  });

  it('is saved for the address it is entered with', async () => {
    const view = await handlers['settings:set']({ baseUrl: MIRROR, apiKey: 'mirror-key' });
    expect(dialogs.keyMoves).toEqual([]);
    expect(view).toMatchObject({ apiKeyHost: 'mirror.example.net', apiKeyInUse: true });
    expect(settings.syncConfig().apiKey).toBe('mirror-key');
  });

  it.each([
    ['plain http to another computer', 'http://mirror.example.net/api', /only for a server on this computer/],
    ['a user name and password', 'https://user:pass@mirror.example.net/api', /user name or password/],
    ['a user name that looks like the host', 'https://www.peeringdb.com@evil.example/api', /user name or password/],
    ['a query', 'https://mirror.example.net/api?redirect=https://evil.example', /query/],
    ['a fragment', 'https://mirror.example.net/api#x', /fragment/],
    ['http to a name that starts like loopback', 'http://127.0.0.1.evil.example/api', /only for a server on this computer/],
    ['http to localhost as a subdomain', 'http://localhost.evil.example/api', /only for a server on this computer/],
  ])('refuses an address with %s, and the key stays', async (_label, baseUrl, message) => {
    await expect(handlers['settings:set']({ baseUrl })).rejects.toThrow(message);
    expect(dialogs.keyMoves).toEqual([]);
    expect(settings.syncConfig()).toMatchObject({ baseUrl: 'https://www.peeringdb.com/api', apiKey: API_KEY });
  });
});

describe('export:save', () => {
  it('writes the content where the user chose', async () => {
    dialogs.savePath = join(dir, 'contacts.csv');
    const content = 'name,email\n"Example, Inc",noc@example.net\n';
    const result = await handlers['export:save']({ format: 'csv', suggestedName: 'contacts.csv', content });
    expect(result).toEqual({ saved: true, path: dialogs.savePath });
    expect(readFileSync(dialogs.savePath, 'utf8')).toBe(content);
    expect(dialogs.saveRequests).toEqual([{ defaultPath: join(EXPORT_FOLDER, 'contacts.csv'), format: 'csv' }]);
  });

  it.each([
    ['a path up and out', '../../.bashrc'],
    ['an absolute path', '/etc/cron.d/job'],
    ['a Windows path', 'C:\\Users\\me\\Startup\\run.bat'],
    ['a parent folder alone', '..'],
  ])('refuses %s as the suggested name: main picks the folder', async (_label, suggestedName) => {
    await expect(handlers['export:save']({ format: 'csv', suggestedName, content: 'x' })).rejects.toThrow(
      /must be a file name, not a path/,
    );
    expect(dialogs.saveRequests).toEqual([]);
  });

  it.each([
    ['an extension hidden behind a right-to-left override', 'Contacts - AS1 \u202Egpj.exe', 'csv', 'Contacts - AS1 gpj.exe.csv'],
    ['another extension', 'payload.exe', 'vcf', 'payload.exe.vcf'],
    ['the format extension in capitals', 'contacts.CSV', 'csv', 'contacts.csv'],
    ['control characters', 'a\u0000b\u0007c\nd.csv', 'csv', 'abc d.csv'],
    ['a device name', 'CON.csv', 'csv', '_CON.csv'],
    ['a hidden file', '.profile', 'json', 'profile.json'],
    ['dots and spaces at the end', 'report.exe . . .', 'csv', 'report.exe.csv'],
    ['a lone surrogate', 'AS64500 \uD800 peers', 'csv', 'AS64500 peers.csv'],
  ])('makes a suggested name with %s safe again', async (_label, suggestedName, format, expected) => {
    await handlers['export:save']({ format, suggestedName, content: 'x' });
    expect(dialogs.saveRequests).toEqual([{ defaultPath: join(EXPORT_FOLDER, expected), format }]);
  });

  it('writes nothing when the user cancels', async () => {
    const result = await handlers['export:save']({ format: 'vcf', suggestedName: 'c.vcf', content: 'BEGIN:VCARD' });
    expect(result).toEqual({ saved: false });
  });
});

describe('dump:import', () => {
  it('starts the import of the chosen file', async () => {
    dialogs.openPath = '/data/peeringdb_2_dump_2026_04_16.json';
    await expect(handlers['dump:import'](undefined)).resolves.toEqual({ started: true });
    expect(sync.dumps).toEqual(['/data/peeringdb_2_dump_2026_04_16.json']);
  });

  it('starts nothing when no file is chosen', async () => {
    const result = await handlers['dump:import'](undefined);
    expect(result.started).toBe(false);
    expect(result.reason).toMatch(/no file/i);
    expect(sync.dumps).toEqual([]);
  });

  it('says a sync is running instead of opening the dialog', async () => {
    sync.running = true;
    dialogs.openPath = '/data/dump.json';
    const result = await handlers['dump:import'](undefined);
    expect(result).toEqual({ started: false, reason: expect.stringMatching(/already running/) });
    expect(sync.dumps).toEqual([]);
  });
});

describe('history:import', () => {
  it('imports every file chosen at once, into history only', async () => {
    dialogs.openPaths = ['/data/peeringdb_2_dump_2026_03_02.json', '/data/peeringdb_2_dump_2026_03_01.json'];
    await expect(handlers['history:import'](undefined)).resolves.toEqual({ started: true });
    expect(history.imports).toEqual([['/data/peeringdb_2_dump_2026_03_02.json', '/data/peeringdb_2_dump_2026_03_01.json']]);
    expect(sync.dumps).toEqual([]);
  });

  it('starts nothing when the dialog is closed, and says so when an import runs', async () => {
    await expect(handlers['history:import'](undefined)).resolves.toEqual({ started: false });
    history.running = true;
    dialogs.openPaths = ['/data/a.json'];
    const result = await handlers['history:import'](undefined);
    expect(result).toEqual({ started: false, reason: expect.stringMatching(/already being imported/) });
    expect(history.imports).toEqual([]);
  });

  it('cancels a running import', async () => {
    await expect(handlers['history:cancel'](undefined)).resolves.toEqual({ cancelled: false });
    history.running = true;
    await expect(handlers['history:cancel'](undefined)).resolves.toEqual({ cancelled: true });
  });
});

describe('the user data of version 0.1.0', () => {
  const backup = '{"format":"peering-assistant/user-data","version":1}';

  it('is offered until the page says it imported it, then never again', async () => {
    legacyUserData = async () => backup;
    await expect(handlers['legacy-data:take'](undefined)).resolves.toEqual({ backup });
    await expect(handlers['legacy-data:take'](undefined)).resolves.toEqual({ backup });
    await expect(handlers['legacy-data:imported'](undefined)).resolves.toEqual({ recorded: true });
    await expect(handlers['legacy-data:take'](undefined)).resolves.toEqual({ backup: null });
    // It is the settings' to remember, across restarts.
    expect(loadSettings({ dir, secrets: secretBox, env: {}, log: { warn: () => {} } }).legacyUserDataImported()).toBe(true);
  });

  it('is not offered when it cannot be read, and stays for the next start', async () => {
    legacyUserData = async () => {
      throw new Error('the old database is locked');
    };
    await expect(handlers['legacy-data:take'](undefined)).resolves.toEqual({ backup: null });
    expect(settings.legacyUserDataImported()).toBe(false);
  });
});

describe('backup:open', () => {
  it('returns the chosen file', async () => {
    dialogs.openPath = join(dir, 'backup.json');
    writeFileSync(dialogs.openPath, '{"myNetworks":[]}');
    await expect(handlers['backup:open'](undefined)).resolves.toEqual({
      opened: true,
      path: dialogs.openPath,
      content: '{"myNetworks":[]}',
    });
  });

  it('refuses a file over the size cap with a clear error', async () => {
    dialogs.openPath = join(dir, 'huge.json');
    writeFileSync(dialogs.openPath, Buffer.alloc(MAX_BACKUP_BYTES + 1, 0x20));
    await expect(handlers['backup:open'](undefined)).rejects.toThrow(/too large.*limit is 20\.0 MB/);
  });

  it('reports a cancelled dialog', async () => {
    await expect(handlers['backup:open'](undefined)).resolves.toEqual({ opened: false });
  });
});

describe('flush and cancel', () => {
  it('cancels a running sync once the flush is confirmed', async () => {
    sync.running = true;
    dialogs.confirm = true;
    await expect(handlers['flush:confirm'](undefined)).resolves.toEqual({ confirmed: true });
    expect(sync.running).toBe(false);
  });

  it('leaves the sync alone when the flush is declined', async () => {
    sync.running = true;
    await expect(handlers['flush:confirm'](undefined)).resolves.toEqual({ confirmed: false });
    expect(sync.cancels).toBe(0);
  });

  it('reports whether there was a sync to cancel', async () => {
    await expect(handlers['sync:cancel'](undefined)).resolves.toEqual({ cancelled: false });
    sync.running = true;
    await expect(handlers['sync:cancel'](undefined)).resolves.toEqual({ cancelled: true });
  });
});

describe('external:open', () => {
  it('opens web and mail links', async () => {
    await expect(handlers['external:open']({ url: 'https://www.peeringdb.com/net/1' })).resolves.toEqual({ opened: true });
    await expect(handlers['external:open']({ url: 'mailto:peering@example.net' })).resolves.toEqual({ opened: true });
    expect(opened).toEqual(['https://www.peeringdb.com/net/1', 'mailto:peering@example.net']);
  });

  it('hands the OS the link as checked, never the page\'s own text (found by the property test)', async () => {
    await handlers['external:open']({ url: 'https://@SUM(1)' });
    await handlers['external:open']({ url: 'mailto:a@example.net?BODY=a%0Ab' });
    expect(opened).toEqual(['https://sum(1)/', 'mailto:a@example.net?body=a%0D%0Ab']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/'])(
    'refuses %s before it reaches the OS',
    async (url) => {
      await expect(handlers['external:open']({ url })).resolves.toEqual({ opened: false });
      expect(opened).toEqual([]);
    },
  );
});

describe('draft:open', () => {
  const draft = { peerAsn: 64501, to: ['peering@example.net'], subject: 'Peering request: Café', body: 'Hello\n'.repeat(800) };

  it('writes the draft as an .eml file in a folder of its own and opens it with the OS, however long it is', async () => {
    const result = await handlers['draft:open'](draft);
    if (!result.opened) throw new Error(result.reason);
    expect(openedFiles).toEqual([result.path]);
    expect(result.path.startsWith(tmpdir())).toBe(true);
    expect(result.path).toMatch(/peering-request-AS64501-\d{4}-\d{2}-\d{2}\.eml$/);
    const eml = readFileSync(result.path, 'utf8');
    expect(eml).toMatch(/^To: peering@example\.net\r\n/m);
    expect(eml).toMatch(/^X-Unsent: 1\r\n/m);
    expect(eml.length).toBeGreaterThan(4000);
    rmSync(join(result.path, '..'), { recursive: true, force: true });
  });

  it('says where the file is when the OS cannot open it', async () => {
    openPathAnswer = 'No application is associated with the specified file';
    const result = await handlers['draft:open'](draft);
    expect(result).toMatchObject({ opened: false, reason: expect.stringMatching(/No application is associated.*It is saved at .*\.eml\./) });
  });
});

it('answers app info', async () => {
  await expect(handlers['app:info'](undefined)).resolves.toEqual({ name: 'Peering Assistant', version: '1.2.3', shell: 'harness' });
});

describe('any payload on any channel', () => {
  const channels = Object.values(IPC_METHODS).flatMap((method) => (method.kind === 'invoke' ? [method.channel] : []));
  const urlText = fc.oneof(
    hostileText(60),
    fc.tuple(fc.constantFrom('https://', 'http://', 'mailto:', 'file://', 'javascript:', 'http://127.0.0.1:', 'https://user:pw@'), hostileText(60)).map(([a, b]) => a + b),
  );
  const payload = fc.oneof(
    fc.anything(),
    fc.record(
      { baseUrl: urlText, apiKey: fc.oneof(hostileText(40), fc.constant(null)), dailySync: fc.oneof(fc.boolean(), fc.anything()) },
      { requiredKeys: [] },
    ),
    fc.record({ url: urlText }),
    fc.record({ format: fc.constantFrom('csv', 'vcf', 'json', 'exe', ''), suggestedName: hostileText(80), content: hostileText(80) }),
    fc.record({ reason: fc.oneof(fc.constantFrom('user', 'menu', 'schedule', 'api-key'), hostileText(10)) }),
  );

  it('is answered, or refused with a message that says why; nothing unsafe leaves main', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), payload, async (channel, sent) => {
        const before = JSON.stringify(settings.view());
        const result = await handlers[channel](sent).then(
          (answer) => ({ answer }),
          (error: unknown) => ({ error }),
        );
        if ('error' in result) {
          expect(result.error).toBeInstanceOf(Error);
          expect((result.error as Error).message).toMatch(/^Invalid request on '[a-z:-]+': .+|sent only over HTTPS/);
          expect(JSON.stringify(settings.view())).toBe(before);
        }
        for (const url of opened) expect(safeExternalUrl(url)).toBe(url);
        for (const { defaultPath } of dialogs.saveRequests) {
          expect(dirname(defaultPath)).toBe(EXPORT_FOLDER);
          expect(basename(defaultPath)).toMatch(/^[^/\\]+\.(csv|vcf|json)$/);
        }
        expect(JSON.stringify(broadcasts)).not.toContain(API_KEY);
      }),
      { numRuns: 400 },
    );
  });
});

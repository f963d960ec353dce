import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventMap, InvokeChannel } from '../shared/ipc';
import { createFileAccess } from './files';
import { createHandlers, MAX_BACKUP_BYTES, type Dialogs, type Handlers, type MainDeps } from './handlers';
import { createSettingsStore, type SecretBox, type SettingsStore } from './settings';
import type { StartResult, SyncController } from './sync/types';
import type { HistoryImporter } from './history/import';

const API_KEY = 'sekrit-Api-Key-0123456789';

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

class ScriptedDialogs implements Dialogs {
  savePath: string | null = null;
  openPath: string | null = null;
  openPaths: string[] | null = null;
  confirm = false;
  saveRequests: { suggestedName: string; format: string }[] = [];
  async saveFile(suggestedName: string, format: 'csv' | 'vcf' | 'json') {
    this.saveRequests.push({ suggestedName, format });
    return this.savePath;
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
let settings: SettingsStore;
let sync: RecordingSync;
let history: RecordingHistory;
let dialogs: ScriptedDialogs;
let broadcasts: { channel: EventChannel; payload: unknown }[];
let opened: string[];
let handlers: Handlers;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handlers-'));
  settings = createSettingsStore({ dir, secrets: secretBox, env: {}, log: { warn: () => {} } });
  sync = new RecordingSync();
  history = new RecordingHistory();
  dialogs = new ScriptedDialogs();
  broadcasts = [];
  opened = [];
  const deps: MainDeps = {
    settings,
    sync,
    history,
    dialogs,
    files: createFileAccess(),
    openExternal: (url) => {
      opened.push(url);
      return true;
    },
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
    ['history:import', { paths: ['/etc/passwd'] }, /history:import.*no arguments/],
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

describe('export:save', () => {
  it('writes the content where the user chose', async () => {
    dialogs.savePath = join(dir, 'contacts.csv');
    const content = 'name,email\n"Example, Inc",noc@example.net\n';
    const result = await handlers['export:save']({ format: 'csv', suggestedName: 'contacts.csv', content });
    expect(result).toEqual({ saved: true, path: dialogs.savePath });
    expect(readFileSync(dialogs.savePath, 'utf8')).toBe(content);
    expect(dialogs.saveRequests).toEqual([{ suggestedName: 'contacts.csv', format: 'csv' }]);
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

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/'])(
    'refuses %s before it reaches the OS',
    async (url) => {
      await expect(handlers['external:open']({ url })).resolves.toEqual({ opened: false });
      expect(opened).toEqual([]);
    },
  );
});

it('answers app info', async () => {
  await expect(handlers['app:info'](undefined)).resolves.toEqual({ name: 'Peering Assistant', version: '1.2.3', shell: 'harness' });
});

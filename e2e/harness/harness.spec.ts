/**
 * The harness's own parts, checked without the app: what the specs and the benchmark stand on
 * has to be right on its own (the CSP it serves, the secret box, the page bridge and its ports).
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security-policy';
import { IPC_METHODS } from '../../src/shared/ipc';
import type { MainToStore, StoreToMain } from '../../src/shared/sync';
import { chromiumPath, launchChromium } from './chromium';
import { ScriptedDialogs } from './scripted-dialogs';
import { installPageBridge, type PageBridge } from './page-bridge';
import { PORT_RELAY_PATH, startRendererServer, type RendererServer, type SocketDoor } from './renderer-server';
import { createAesSecretBox } from './secret-box';

/** A page that behaves like the renderer toward the bridge: it echoes every sync page back as an ack. */
const TEST_PAGE = `<!doctype html><html><head><title>bridge</title><script src="/page.js"></script></head>
<body><iframe src="/frame.html"></iframe></body></html>`;
const TEST_SCRIPT = `
window.received = [];
window.menuCommands = [];
window.unsubscribeMenu = window.api.onMenuCommand((command) => window.menuCommands.push(command));
window.addEventListener('message', (event) => {
  if (event.source !== window || event.data?.kind !== 'peering-assistant:sync-port') return;
  const port = event.ports[0];
  window.syncPort = port;
  port.onmessage = (message) => {
    window.received.push(message.data);
    if (message.data.t === 'page') {
      port.postMessage({ t: 'ack', seq: message.data.seq, stored: JSON.parse(message.data.rowsJson).length });
    }
  };
});`;

function rawGet(origin: string, path: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    // node:http sends the path as written, so "../" reaches the server un-normalised.
    const req = request(`${origin}${path}`, { method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('renderer server', () => {
  let root: string;
  let server: RendererServer;

  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(root, 'index.html'), TEST_PAGE);
    writeFileSync(join(root, 'page.js'), TEST_SCRIPT);
    server = await startRendererServer({ rootDir: root });
  });

  test.afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('serves the build with the app CSP on every response', async () => {
    const page = await rawGet(server.origin, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const script = await rawGet(server.origin, '/page.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const missing = await rawGet(server.origin, '/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('never serves a file outside the build folder, by the app scheme\'s rules', async () => {
    const secret = join(root, '..', `outside-secret-${process.pid}.txt`);
    writeFileSync(secret, 'secret');
    symlinkSync(secret, join(root, 'linked-secret.txt'));
    try {
      const name = basename(secret);
      for (const path of [
        `/../${name}`,
        `/%2e%2e/${name}`,
        `/..%2f${name}`,
        `/..%5c${name}`,
        `/%252e%252e/${name}`,
        `//${secret}`,
        `/${encodeURIComponent(secret)}`,
        '/linked-secret.txt',
        '/index.html%00.txt',
      ]) {
        expect((await rawGet(server.origin, path)).status, path).toBe(404);
      }
    } finally {
      rmSync(secret, { force: true });
      rmSync(join(root, 'linked-secret.txt'), { force: true });
    }
  });

  test("lets the relay's socket in only at its door's path and from the app's own origin", async () => {
    const taken: string[] = [];
    const door = server.acceptSockets((socket) => {
      taken.push('connected');
      socket.close();
    });
    const connect = (path: string, origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { origin });
        socket.on('open', () => resolve('open'));
        socket.on('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
        socket.on('error', (error) => resolve(`error ${error.message}`));
      });
    expect(await connect(door.path, 'http://evil.example')).toBe('refused 403');
    expect(await connect(`${door.path}x`, server.origin)).toBe('refused 403');
    expect(await connect('/__harness/socket/', server.origin)).toBe('refused 403');
    expect(taken).toEqual([]);
    expect(await connect(door.path, server.origin)).toBe('open');
    expect(taken).toEqual(['connected']);
  });

  test('serves the port relay from the harness, never a harness file from anywhere else', async () => {
    const relay = await rawGet(server.origin, PORT_RELAY_PATH);
    expect(relay.status).toBe(200);
    expect(relay.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(relay.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const path of ['/__harness/page-api.js', '/__harness/page-bridge.ts', '/port-relay.js', `${PORT_RELAY_PATH}/x`]) {
      expect((await rawGet(server.origin, path)).status, path).toBe(404);
    }
  });

  test('keeps its origin when started again on the saved port', async () => {
    const port = server.port;
    await server.close();
    server = await startRendererServer({ rootDir: root, port });
    expect(server.port).toBe(port);
  });
});

test('the secret box encrypts for real and refuses tampered or foreign ciphertext', () => {
  const box = createAesSecretBox();
  const secret = 'my-peeringdb-api-key';
  const sealed = box.encryptString(secret);
  expect(sealed.toString('utf8')).not.toContain(secret);
  expect(sealed.toString('base64')).not.toBe(box.encryptString(secret).toString('base64'));
  expect(box.decryptString(sealed)).toBe(secret);

  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1]! ^= 1;
  expect(() => box.decryptString(tampered)).toThrow();
  expect(() => createAesSecretBox(Buffer.alloc(32, 7)).decryptString(sealed)).toThrow();
});

test('scripted dialogs answer in order and fail loudly when nothing was queued', async () => {
  const dialogs = new ScriptedDialogs();
  await dialogs.answerOpen('/tmp/a.json');
  await dialogs.answerOpen(null);
  await dialogs.answerConfirm(true);
  expect(dialogs.openPath({ purpose: 'dump' })).toBe('/tmp/a.json');
  expect(dialogs.openPath({ purpose: 'backup' })).toBeNull();
  expect(dialogs.confirm({ purpose: 'flush' })).toBe(true);
  expect(() => dialogs.savePath({ suggestedName: 'x.csv' })).toThrow('no answer was queued');
  expect(dialogs.asked.map((asked) => asked.kind)).toEqual(['open', 'open', 'confirm', 'save']);
});

test.describe('page bridge', () => {
  // On a machine that runs the specs in Electron, the harness may have no browser: say so.
  test.skip(!existsSync(chromiumPath()), `the Chromium harness is not in use here: no Chromium at ${chromiumPath()}`);

  let root: string;
  let server: RendererServer;
  let context: BrowserContext;
  let page: Page;
  let bridge: PageBridge;
  const invoked: { channel: string; payload: unknown }[] = [];
  /** The door of the relay's socket, to take it away as a crashed relay would. */
  let door: SocketDoor | null = null;
  /** Calls the bridge made into the page, the round trips its batching saves. */
  let pageCalls = 0;

  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bridge-'));
    writeFileSync(join(root, 'index.html'), TEST_PAGE);
    writeFileSync(join(root, 'frame.html'), '<!doctype html><title>frame</title>');
    writeFileSync(join(root, 'page.js'), TEST_SCRIPT);
    server = await startRendererServer({ rootDir: root });
    context = await launchChromium(join(root, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    const countedPage = new Proxy(page, {
      get(target, key) {
        if (key === 'evaluate') pageCalls++;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    bridge = await installPageBridge(countedPage, {
      appUrl: `${server.origin}/`,
      acceptSockets: (onSocket) => (door = server.acceptSockets(onSocket)),
      invoke: async (channel, payload) => {
        invoked.push({ channel, payload });
        if (channel === 'settings:set') throw new Error('The PeeringDB URL must be an http(s) address');
        return { channel };
      },
    });
    await page.goto(`${server.origin}/`);
  });

  test.afterAll(async () => {
    await context.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('window.api has exactly the methods of the contract table', async () => {
    const methods = await page.evaluate(() => Object.keys(window.api));
    expect(methods.sort()).toEqual(Object.keys(IPC_METHODS).sort());
  });

  test('window.api calls main with the contract payloads, and errors keep their message', async () => {
    await page.evaluate(() => window.api.startSync({ reason: 'menu' }));
    await page.evaluate(() => window.api.openExternal({ url: 'https://www.peeringdb.com/' }));
    await page.evaluate(() => window.api.openDraft({ peerAsn: 64501, to: ['p@example.net'], subject: 's', body: 'b' }));
    expect(invoked.slice(-3)).toEqual([
      { channel: 'sync:start', payload: { reason: 'menu' } },
      { channel: 'external:open', payload: { url: 'https://www.peeringdb.com/' } },
      { channel: 'draft:open', payload: { peerAsn: 64501, to: ['p@example.net'], subject: 's', body: 'b' } },
    ]);
    const failure = await page.evaluate(() =>
      window.api.setSettings({ baseUrl: 'ftp://x' }).then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(failure).toContain('The PeeringDB URL must be an http(s) address');
    expect(await page.evaluate(() => Object.isFrozen(window.api))).toBe(true);
  });

  test('a frame inside the page cannot call main', async () => {
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    const before = invoked.length;
    const outcome = await frame!.evaluate(() =>
      window.api.appInfo().then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    expect(outcome).toContain('Refused');
    expect(invoked.length).toBe(before);
  });

  test('events sent together reach the page in order, in one call', async () => {
    await bridge.settled();
    await page.evaluate(() => ((window as unknown as { menuCommands: string[] }).menuCommands = []));
    const callsBefore = pageCalls;
    const commands = ['navigate-search', 'settings', 'flush'] as const;
    for (let i = 0; i < 60; i++) bridge.broadcast('menu:command', commands[i % 3]!);
    await bridge.settled();
    expect(pageCalls - callsBefore).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { menuCommands: string[] }).menuCommands)).toEqual(
      Array.from({ length: 60 }, (_, i) => commands[i % 3]),
    );
    await page.evaluate(() => ((window as unknown as { menuCommands: string[] }).menuCommands = []));
  });

  test('events reach listeners in order until they unsubscribe', async () => {
    bridge.broadcast('menu:command', 'navigate-search');
    bridge.broadcast('menu:command', 'settings');
    await bridge.settled();
    expect(await page.evaluate(() => (window as unknown as { menuCommands: string[] }).menuCommands)).toEqual([
      'navigate-search',
      'settings',
    ]);
    await page.evaluate(() => (window as unknown as { unsubscribeMenu: () => void }).unsubscribeMenu());
    bridge.broadcast('menu:command', 'flush');
    await bridge.settled();
    expect(await page.evaluate(() => (window as unknown as { menuCommands: string[] }).menuCommands)).toHaveLength(2);
  });

  test('a store link delivers pages in order, carries the acks back, and reports its end', async () => {
    const link = bridge.openStoreLink('job-1');
    const acks: StoreToMain[] = [];
    const allAcked = new Promise<void>((resolve) =>
      link.onMessage((message) => {
        acks.push(message);
        if (acks.length === 50) resolve();
      }),
    );
    let closes = 0;
    link.onClose(() => closes++);
    const callsBefore = pageCalls;
    const rowCount = (seq: number) => (seq % 3 === 0 ? 5_000 : 1 + (seq % 5));
    for (let seq = 0; seq < 50; seq++) {
      const rows = Array.from({ length: rowCount(seq) }, (_, id) => ({ id, name: `row ${seq}/${id}` }));
      const rowsJson = JSON.stringify(rows);
      const message: MainToStore = {
        t: 'page',
        type: 'net',
        seq,
        rowsJson,
        complete: seq === 49,
        fetchedRows: rows.length,
        bytes: rowsJson.length,
      };
      link.send(message);
    }
    await allAcked;
    expect(acks).toEqual([...Array(50).keys()].map((seq) => ({ t: 'ack', seq, stored: rowCount(seq) })));
    // Opening the port was the one call into the page: the pages and their acks went between
    // main's side and the relay worker, past the page's thread.
    expect(pageCalls - callsBefore).toBe(1);
    link.close();
    expect(closes).toBe(1);

    const second = bridge.openStoreLink('job-2');
    const lost = new Promise<void>((resolve) => second.onClose(resolve));
    await bridge.settled();
    await page.reload();
    await lost;
  });

  test('a port the store closes, or a relay that went away, ends the link', async () => {
    const closedByStore = bridge.openStoreLink('job-closed');
    const storeClosed = new Promise<void>((resolve) => closedByStore.onClose(resolve));
    closedByStore.send({ t: 'state?' });
    await bridge.settled();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { received: MainToStore[] }).received.at(-1)))
      .toEqual({ t: 'state?' });
    await page.evaluate(() => (window as unknown as { syncPort: MessagePort }).syncPort.close());
    await storeClosed;

    const cutOff = bridge.openStoreLink('job-cut-off');
    const lost = new Promise<void>((resolve) => cutOff.onClose(resolve));
    cutOff.send({ t: 'state?' });
    await bridge.settled();
    door!.closeAll();
    await lost;
    let answered = false;
    cutOff.onMessage(() => (answered = true));
    cutOff.send({ t: 'state?' });
    await bridge.settled();
    expect(answered).toBe(false);
  });
});

import { LOOPBACK_TLS } from '../tools/fake-peeringdb/loopback-tls';
import { startFakePeeringDb, type FakePeeringDb } from '../tools/fake-peeringdb/server';
import { expect, test as appTest } from './fixtures/app';

declare global {
  interface Window {
    __injectedScriptRan?: boolean;
  }
}

const test = appTest.extend<{ peeringDb: FakePeeringDb }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  peeringDb: async ({}, use) => {
    // HTTPS, as PeeringDB: the key goes over nothing else.
    const server = await startFakePeeringDb({ tls: LOOPBACK_TLS });
    await use(server);
    await server.stop();
  },
  appEnv: async ({ peeringDb }, use) => {
    await use({ PEERINGDB_URL: peeringDb.apiUrl });
  },
});

test('the renderer has no Node', async ({ app }) => {
  const globals = await app.page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
    };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('the window starts and opens its copy without a single CSP violation', async ({ app }) => {
  // The browser keeps the reports made before anyone listened; a buffered observer gets them.
  const reports = await app.page.evaluate(() => {
    const observer = new ReportingObserver(() => undefined, { types: ['csp-violation'], buffered: true });
    observer.observe();
    const taken = observer.takeRecords().map((report) => JSON.stringify(report.body));
    observer.disconnect();
    return taken;
  });
  expect(reports).toEqual([]);
});

test('a content security policy blocks injected inline script and eval', async ({ app }) => {
  const outcome = await app.page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean; evalBlocked: boolean }>((resolve) => {
        window.addEventListener(
          'securitypolicyviolation',
          (event) => {
            let evalBlocked = false;
            try {
              eval('1');
            } catch {
              evalBlocked = true;
            }
            resolve({ directive: event.effectiveDirective, ran: window.__injectedScriptRan === true, evalBlocked });
          },
          { once: true },
        );
        const script = document.createElement('script');
        script.textContent = 'window.__injectedScriptRan = true;';
        document.head.append(script);
      }),
  );
  expect(outcome.directive).toMatch(/^script-src/);
  expect(outcome.ran).toBe(false);
  expect(outcome.evalBlocked).toBe(true);
  expect(await app.page.evaluate(() => window.__injectedScriptRan)).toBeUndefined();
});

test('the API key reaches PeeringDB from main and is never readable from the page', async ({ app, peeringDb }) => {
  const apiKey = `pa-test-key-${Date.now().toString(36)}`;
  const { page } = app;
  await app.menu('settings');
  const settings = page.getByRole('main', { name: 'Settings' });
  await expect(settings.getByText('No API key is stored.')).toBeVisible();

  const mark = await app.appEventMark();
  await settings.getByLabel('PeeringDB API key').fill(apiKey);
  await settings.getByRole('button', { name: 'Save key' }).click();
  await app.waitForAppEvent('settings-saved', { after: mark });
  await expect(settings.getByText(`An API key is stored for ${new URL(peeringDb.url).host}.`)).toBeVisible();
  await expect(settings.getByLabel('PeeringDB API key')).toHaveValue('');

  // Adding a key starts a sync for the contacts it unlocks: main sends the key to PeeringDB.
  const withKey = await peeringDb.waitForRequest((request) => request.apiKey === apiKey);
  expect(withKey.auth).toBe('api-key');

  const readable = await page.evaluate(async () => ({
    settings: JSON.stringify(await window.api.getSettings()),
    dom: document.documentElement.outerHTML,
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    appEvents: JSON.stringify(window.__appEvents ?? []),
  }));
  expect(JSON.parse(readable.settings)).toMatchObject({ hasApiKey: true });
  for (const [where, text] of Object.entries(readable)) {
    expect(text, `the key must not be readable from ${where}`).not.toContain(apiKey);
  }
});

test('links leave the app only as plain web or mail addresses', async ({ app }) => {
  const results = await app.page.evaluate(async () => {
    const urls = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'java\tscript:alert(1)',
      'https://user:pass@www.peeringdb.com/',
      'mailto:peer@x.example?bcc=attacker@y.example&body=Send%20your%20config',
      'mailto:peer@x.example?attach=/etc/passwd',
      'https://www.peeringdb.com/net/1',
      'mailto:peering@example.net',
    ];
    const answers: boolean[] = [];
    for (const url of urls) answers.push((await window.api.openExternal({ url })).opened);
    return answers;
  });
  expect(results).toEqual([false, false, false, false, false, false, true, true]);
  expect(await app.openedExternally()).toEqual(['https://www.peeringdb.com/net/1', 'mailto:peering@example.net']);
});

test.describe('the API key and the address it goes to', () => {
  // The address is the user's to choose here, not the environment's.
  test.use({ appEnv: {} });

  test('the page alone cannot move the key to another host', async ({ app }) => {
    const apiKey = `pa-moving-key-${Date.now().toString(36)}`;
    const keyHost = await startFakePeeringDb({ tls: LOOPBACK_TLS, apiKeys: [apiKey] });
    const otherHost = await startFakePeeringDb({ tls: LOOPBACK_TLS, apiKeys: [apiKey] });
    try {
      const { page } = app;
      // The user points the app at the first server and saves a key for it; the key reaches it.
      let mark = await app.appEventMark();
      await page.evaluate(async (baseUrl) => window.api.setSettings({ baseUrl }), keyHost.apiUrl);
      await page.evaluate(async (key) => window.api.setSettings({ apiKey: key }), apiKey);
      await keyHost.waitForRequest((request) => request.apiKey === apiKey);
      await app.waitForAppEvent('sync-done', { after: mark, timeout: 30_000 });

      // A page acting on its own (no user to ask): main's question goes unanswered, nothing moves.
      const unanswered = await page.evaluate(async (baseUrl) => {
        try {
          await window.api.setSettings({ baseUrl });
          return 'changed';
        } catch (error) {
          return String(error);
        }
      }, otherHost.apiUrl);
      expect(unanswered).toMatch(/dialog/);
      expect(await page.evaluate(() => window.api.getSettings())).toMatchObject({ baseUrl: keyHost.apiUrl, apiKeyInUse: true });

      // The user keeps the key where it was: the page's new address syncs without it.
      await app.dialogs.answerConfirm(false);
      mark = await app.appEventMark();
      const view = await page.evaluate(async (baseUrl) => {
        const settings = await window.api.setSettings({ baseUrl });
        await window.api.startSync({ reason: 'user' });
        return settings;
      }, otherHost.apiUrl);
      expect(view).toMatchObject({ baseUrl: otherHost.apiUrl, hasApiKey: true, apiKeyHost: new URL(keyHost.url).host, apiKeyInUse: false });
      await app.waitForAppEvent('sync-done', { after: mark, timeout: 30_000 });
      expect(otherHost.requests.length).toBeGreaterThan(0);
      expect(otherHost.requests.filter((request) => request.auth !== 'none')).toEqual([]);

      await app.menu('settings');
      await expect(page.getByRole('main', { name: 'Settings' }).getByText(/Syncs from 127\.0\.0\.1:\d+ run without it/)).toBeVisible();

      // Only when the user says so in main's own dialog does the key go there.
      otherHost.clearRequests();
      await app.dialogs.answerConfirm(true);
      mark = await app.appEventMark();
      await page.evaluate(async (baseUrl) => {
        await window.api.setSettings({ baseUrl });
        await window.api.startSync({ reason: 'user' });
      }, otherHost.apiUrl);
      await app.waitForAppEvent('sync-done', { after: mark, timeout: 30_000 });
      expect(otherHost.requests.length).toBeGreaterThan(0);
      expect(otherHost.requests.every((request) => request.apiKey === apiKey)).toBe(true);
    } finally {
      await Promise.all([keyHost.stop(), otherHost.stop()]);
    }
  });

  test('a key is never sent over plain http, and the page is told why', async ({ app }) => {
    const mirror = await startFakePeeringDb();
    try {
      const outcome = await app.page.evaluate(async (baseUrl) => {
        await window.api.setSettings({ baseUrl });
        try {
          await window.api.setSettings({ apiKey: 'pa-plain-http-key' });
          return 'saved';
        } catch (error) {
          return String(error);
        }
      }, mirror.apiUrl);
      expect(outcome).toMatch(/sent only over HTTPS/);
      expect(await app.page.evaluate(() => window.api.getSettings())).toMatchObject({ hasApiKey: false });
      expect(mirror.requests.filter((request) => request.auth !== 'none')).toEqual([]);
    } finally {
      await mirror.stop();
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/app';

// Without PEERINGDB_URL the saved address is the one in force, as on a user's machine.
test.use({ appEnv: {} });

test('settings survive a restart, and the API key is stored only encrypted', async ({ app }) => {
  // A closed loopback port: the daily sync that starts after the restart fails fast, offline.
  // HTTPS, since a key is saved for it.
  const mirror = 'https://127.0.0.1:9/mirror/api';
  const apiKey = `pa-restart-key-${Date.now().toString(36)}`;

  await app.menu('settings');
  let settings = app.page.getByRole('main', { name: 'Settings' });
  const baseUrl = settings.getByLabel('PeeringDB base URL');
  await expect(baseUrl).toHaveValue('https://www.peeringdb.com/api');

  let mark = await app.appEventMark();
  await baseUrl.fill(mirror);
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await app.waitForAppEvent('settings-saved', { after: mark });

  const dailySync = settings.getByRole('checkbox', { name: 'Sync once a day while the app is open' });
  await expect(dailySync).not.toBeChecked();
  mark = await app.appEventMark();
  await dailySync.check();
  await app.waitForAppEvent('settings-saved', { after: mark });

  mark = await app.appEventMark();
  await settings.getByLabel('PeeringDB API key').fill(apiKey);
  await settings.getByRole('button', { name: 'Save key' }).click();
  await app.waitForAppEvent('settings-saved', { after: mark });
  await expect(settings.getByText('An API key is stored for 127.0.0.1:9.')).toBeVisible();

  await app.restart();

  await app.menu('settings');
  settings = app.page.getByRole('main', { name: 'Settings' });
  await expect(settings.getByLabel('PeeringDB base URL')).toHaveValue(mirror);
  await expect(settings.getByRole('checkbox', { name: 'Sync once a day while the app is open' })).toBeChecked();
  await expect(settings.getByText('An API key is stored for 127.0.0.1:9.')).toBeVisible();
  expect(JSON.stringify(await app.page.evaluate(() => window.api.getSettings()))).not.toContain(apiKey);

  const onDisk = readFileSync(join(app.userDataDir, 'settings.json'), 'utf8');
  expect(onDisk).toContain(mirror);
  expect(onDisk).not.toContain(apiKey);
  expect(JSON.parse(onDisk)).toHaveProperty('apiKeyEncrypted');
});

test('an invalid base URL is refused with a clear message and nothing is lost', async ({ app }) => {
  await app.menu('settings');
  const settings = app.page.getByRole('main', { name: 'Settings' });
  const baseUrl = settings.getByLabel('PeeringDB base URL');

  await baseUrl.fill('ftp://mirror.example/api');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('alert')).toHaveText('The PeeringDB URL must be an http(s) address');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');

  // Plain http only on this computer, and never with a name and password in the address.
  await baseUrl.fill('http://mirror.example.net/api');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('alert')).toHaveText(/Plain http:\/\/ is accepted only for a server on this computer/);
  await baseUrl.fill('https://user:secret@mirror.example.net/api');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('alert')).toHaveText(/must not hold a user name or password/);

  await app.restart();
  await app.menu('settings');
  await expect(app.page.getByRole('main', { name: 'Settings' }).getByLabel('PeeringDB base URL')).toHaveValue(
    'https://www.peeringdb.com/api',
  );
});

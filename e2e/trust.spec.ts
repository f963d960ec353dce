/**
 * Answers that can be trusted: a copy whose first load stopped part way says so on every
 * discovery screen until it is resumed, and a replacement that fails leaves the copy whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { smallDataset, T0 } from '../tools/fake-peeringdb/datasets/small';
import { startFakePeeringDb, type FakePeeringDb } from '../tools/fake-peeringdb/server';
import { test as appTest, expect } from './fixtures/app';
import { test as seededTest } from './fixtures/seeded';

const test = appTest.extend<{ peeringDb: FakePeeringDb }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  peeringDb: async ({}, use) => {
    const server = await startFakePeeringDb({ data: smallDataset(), now: T0 });
    await use(server);
    await server.stop();
  },
  appEnv: async ({ peeringDb }, use) => {
    await use({ PEERINGDB_URL: peeringDb.apiUrl });
  },
});

test('a first load that stops part way is called incomplete on every discovery screen until it is resumed', async ({
  app,
  peeringDb,
}) => {
  const { page } = app;
  // PeeringDB's answer for the ports is cut short: the load stops after ten types.
  peeringDb.fail({ path: '/api/netixlan', with: { kind: 'malformed' } });
  let mark = await app.appEventMark();
  await page.locator('section.first-run').getByRole('button', { name: 'Sync now' }).click();
  const failed = await app.waitForAppEvent('sync-error', { after: mark });
  expect(failed.detail).toMatchObject({ code: 'malformed' });

  const sync = page.getByRole('main', { name: 'Sync' });
  const error = sync.getByRole('alert');
  await expect(error.getByRole('heading', { name: 'The sync did not complete' })).toBeVisible();
  await expect(error).toContainText('PeeringDB sent data the app could not read.');
  await expect(error).toContainText('The local copy is still incomplete (11 of 13 types loaded)');
  await expect(error).not.toContainText('intact');
  // The job stopped: no bar keeps animating as if it were still working.
  await expect(sync.locator('progress:not([value])')).toHaveCount(0);
  await sync.getByText(/^Per type/).click();
  await expect(sync.getByRole('progressbar', { name: 'IXP connections: stopped' })).toBeVisible();

  for (const [command, screen] of [
    ['navigate-compare', 'Compare'],
    ['navigate-peers', 'Peers'],
    ['navigate-search', 'Search'],
    ['navigate-networks', 'My networks'],
  ] as const) {
    await app.menu(command);
    const notice = page.getByRole('main', { name: screen }).getByRole('region', { name: 'The local copy is incomplete' });
    await expect(notice, screen).toContainText('11 of 13 types are fully loaded');
    await expect(notice, screen).toContainText('IXP connections (none yet), Contacts (none yet)');
  }

  peeringDb.clearRequests();
  mark = await app.appEventMark();
  await page.getByRole('button', { name: 'Resume loading' }).click();
  await app.waitForAppEvent('sync-done', { after: mark });
  await expect(page.getByRole('region', { name: 'The local copy is incomplete' })).toBeHidden();
  // Only the two types left were listed from the start; the rest asked for changes only.
  const fullLists = new Set(peeringDb.requests.filter((request) => request.query.since === '1').map((request) => request.pathname));
  expect([...fullLists].sort()).toEqual(['/api/netixlan', '/api/poc']);

  await app.menu('navigate-sync');
  const recent = page.getByRole('region', { name: 'What recent syncs changed' });
  await recent.getByText(/^By type/).first().click();
  await expect(recent.getByRole('row', { name: /IXP connections/ }).first()).toBeVisible();
  // A first load is no news: no network "joined" an IXP because its ports arrived now.
  await expect(recent.getByRole('list', { name: 'Networks that joined or left IXPs' })).toHaveCount(0);
});

seededTest('an import that fails part way leaves the copy as it was, and says it was an import', async ({ seeded: app, discoveryDumpPath }, testInfo) => {
  const { page } = app;
  await app.menu('navigate-sync');
  const localCopy = page.getByRole('region', { name: 'Local copy' });
  await expect(localCopy.getByRole('row', { name: /^Networks 4$/ })).toBeVisible();
  await expect(localCopy.getByRole('row', { name: /^Contacts 2$/ })).toBeVisible();

  // The same dump, cut off after most of its rows were read and handed to the store.
  const text = readFileSync(discoveryDumpPath, 'utf8');
  const cutPath = testInfo.outputPath('peeringdb_2_dump_2026_04_17.json');
  writeFileSync(cutPath, text.slice(0, Math.floor(text.length * 0.8)).replace('Alpha Transit', 'Alpha Renamed'));
  await app.dialogs.answerOpen(cutPath);
  const mark = await app.appEventMark();
  await app.menu('import-dump');
  const failed = await app.waitForAppEvent('sync-error', { after: mark });
  expect(failed.detail).toMatchObject({ code: 'dump-format', source: 'dump' });

  const error = page.getByRole('main', { name: 'Sync' }).getByRole('alert');
  await expect(error.getByRole('heading', { name: 'The import did not complete' })).toBeVisible();
  await expect(error).toContainText('The local copy is as it was before the import.');
  await expect(error).toContainText('cut off');
  await expect(localCopy.getByRole('row', { name: /^Networks 4$/ })).toBeVisible();
  await expect(localCopy.getByRole('row', { name: /^Contacts 2$/ })).toBeVisible();

  await app.restart();
  await app.menu('navigate-search');
  const search = app.page.getByRole('main', { name: 'Search' });
  await search.getByRole('combobox', { name: /Search networks/ }).fill('Alpha');
  await expect(search.getByText('Alpha Transit').first()).toBeVisible();
  await expect(search.getByText('Alpha Renamed')).toHaveCount(0);
});

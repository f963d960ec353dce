import { writeFileSync } from 'node:fs';
import { completeRow } from '../tools/fake-peeringdb/rows';
import { expect, test } from './fixtures/app';

test('opens to the empty state and offers a first sync', async ({ app }) => {
  const { page } = app;
  await expect(page).toHaveTitle('Peering Assistant');
  await expect(page.getByRole('heading', { name: 'No local copy yet' })).toBeVisible();
  await expect(page.getByRole('banner', { name: 'Sync status' }).getByRole('status')).toHaveText(
    'No local copy yet: sync now, or import a dump file.',
  );
  const firstRun = page.getByRole('region', { name: 'No local copy yet' });
  await expect(firstRun.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(firstRun.getByRole('button', { name: 'Import a dump…' })).toBeEnabled();
});

test('menu commands reach the window and switch screens', async ({ app }) => {
  const { page } = app;

  let mark = await app.appEventMark();
  await app.menu('navigate-search');
  const searchCommand = await app.waitForAppEvent('menu-command', { after: mark });
  expect(searchCommand.detail).toBe('navigate-search');
  await expect(page.getByRole('main', { name: 'Search' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();

  mark = await app.appEventMark();
  await app.menu('settings');
  expect((await app.waitForAppEvent('menu-command', { after: mark })).detail).toBe('settings');
  await expect(page.getByRole('main', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('Ctrl+1 … Ctrl+9 open the screens in the order the navigation lists them, as each item says', async ({ app }) => {
  const { page } = app;
  const items = page.getByRole('navigation', { name: 'Main' }).getByRole('button');
  const labels = (await items.allTextContents()).map((text) => text.replace(/Ctrl\+.*$/, '').trim());
  for (let digit = 1; digit <= 9; digit++) {
    await expect(items.nth(digit - 1)).toHaveAttribute('aria-keyshortcuts', `Control+${digit}`);
    await page.keyboard.press(`Control+${digit}`);
    await expect(page.getByRole('main', { name: labels[digit - 1] })).toBeVisible();
  }
  // The tenth, Statistics, is in the Go menu; Ctrl+0 stays the zoom's.
  await expect(items.nth(9)).toHaveText('Statistics');
  await expect(items.nth(9)).not.toHaveAttribute('aria-keyshortcuts', /./);
  await app.menu('navigate-statistics');
  await expect(page.getByRole('main', { name: 'Statistics' })).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('main', { name: 'Settings' })).toBeVisible();
});

test('importing a dump from the empty state fills the local copy, which is still there after a restart', async ({ app }, testInfo) => {
  const at = Date.UTC(2026, 3, 16) / 1000;
  const dump = {
    org: { data: [completeRow('org', 1, at, { name: 'Example Org', country: 'NL' })], meta: {} },
    net: {
      data: [
        completeRow('net', 10, at, { org_id: 1, name: 'Example Transit', asn: 64500 }),
        completeRow('net', 11, at, { org_id: 1, name: 'Example Content', asn: 64501 }),
      ],
      meta: {},
    },
    ix: { data: [completeRow('ix', 5, at, { org_id: 1, name: 'Example IX', city: 'Amsterdam', country: 'NL' })], meta: {} },
  };
  const dumpPath = testInfo.outputPath('peeringdb-dump.json');
  writeFileSync(dumpPath, JSON.stringify(dump));

  const { page } = app;
  const firstRun = page.getByRole('region', { name: 'No local copy yet' });
  await app.dialogs.answerOpen(dumpPath);
  const mark = await app.appEventMark();
  await firstRun.getByRole('button', { name: 'Import a dump…' }).click();
  const done = await app.waitForAppEvent('sync-done', { after: mark });
  expect(done.detail).toMatchObject({ source: 'dump' });

  await expect(page.getByRole('heading', { name: 'No local copy yet' })).toBeHidden();
  const localCopy = page.getByRole('region', { name: 'Local copy' });
  await expect(localCopy.getByRole('row', { name: 'Networks 2', exact: true })).toBeVisible();
  await expect(localCopy.getByRole('row', { name: 'Exchanges (IXPs) 1', exact: true })).toBeVisible();

  await app.restart();
  await expect(app.page.getByRole('heading', { name: 'No local copy yet' })).toBeHidden();
  await expect(
    app.page.getByRole('region', { name: 'Local copy' }).getByRole('row', { name: 'Networks 2', exact: true }),
  ).toBeVisible();
});

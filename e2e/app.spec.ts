import { expect, test } from './fixtures/app';

test('opens to the empty state and offers a first sync', async ({ app }) => {
  const { page } = app;
  await expect(page).toHaveTitle('Peering Assistant');
  await expect(page.getByRole('heading', { name: 'No local PeeringDB copy yet' })).toBeVisible();
  const firstRun = page.locator('section.first-run');
  await expect(firstRun.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(firstRun.getByRole('button', { name: 'Import dump file…' })).toBeEnabled();
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

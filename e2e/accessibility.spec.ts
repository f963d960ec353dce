/**
 * Accessibility, checked by axe-core on every screen in the light and the dark theme: with
 * data (tables, a filter checklist, a rank popover and a Mark menu open, requests with a
 * follow-up due, a session configuration, the changes of a resync, statistics and charts over
 * imported history), before any copy, after a failed sync, and over a copy whose first load
 * stopped part way. No serious or critical violation of WCAG 2.1 A/AA may remain; contrast is
 * part of it, in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { smallDataset, T0 } from '../tools/fake-peeringdb/datasets/small';
import { startFakePeeringDb, type FakePeeringDb } from '../tools/fake-peeringdb/server';
import { expect, test as appTest, type AppDriver } from './fixtures/app';
import { editWhereIPeer, importHistoryDumps, loadShowcase, settled, showcaseTest } from './fixtures/showcase';
import { EVERY_SCREEN } from './fixtures/screens';

/** Enough history for every chart to draw its lines and bars; the tour imports a whole year. */
const HISTORY_MONTHS = 3;

const test = showcaseTest(HISTORY_MONTHS);

const THEMES = ['light', 'dark'] as const;

/**
 * Table rows and search results are one component repeated: the first few stand for the rest
 * (the contrast check measures every text node; all of them would take minutes per theme).
 */
const BEYOND_SAMPLE = ['.dt-body > [role="row"]:nth-child(n+7)', '.search-results > li:nth-child(n+7)'];

async function expectNoSeriousViolations(page: Page, where: string, only?: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await settled(page);
    let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude(BEYOND_SAMPLE);
    if (only) axe = axe.include(only);
    const results = await axe.analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
            .slice(0, 3)
            .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.split('\n')[1]?.trim()}]` : ''}`)
            .join('; ')}`,
      );
    expect.soft(serious, `${where}, ${theme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function visit(app: AppDriver, command: Parameters<AppDriver['menu']>[0], name: string) {
  await app.menu(command);
  await expect(app.page.getByRole('main', { name })).toBeVisible();
  await expect(app.page.getByRole('main', { name }).getByText('Loading…')).toHaveCount(0);
}

test.describe('with data', () => {
  test.use({ appEnv: async ({ peeringDb }, use) => use({ PEERINGDB_URL: peeringDb.apiUrl }) });

  test('every screen with data, its popovers and menus: no serious or critical violations', async ({ app, peeringDb, timeline }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    const showcase = await loadShowcase(app, testInfo.outputPath('showcase-dump.json'), timeline.dataset);

    await visit(app, 'navigate-sync', 'Sync');
    await expect(page.getByRole('region', { name: 'What recent syncs changed' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Sync');

    await visit(app, 'navigate-networks', 'My networks');
    await expect(page.getByRole('main').getByRole('grid').first().getByRole('row').nth(1)).toBeVisible();
    await expectNoSeriousViolations(page, 'My networks');

    await visit(app, 'navigate-compare', 'Compare');
    const picker = page.getByRole('combobox', { name: 'Add a network' });
    for (const asn of [showcase.myAsn, showcase.peerAsns[1]]) {
      await picker.fill(`AS${asn}`);
      await picker.press('Enter');
    }
    // Suggestions open, one highlighted: the highlight must keep every text readable.
    await picker.fill(showcase.peerName.slice(0, 4));
    await expect(page.getByRole('listbox', { name: 'Add a network: suggestions' })).toBeVisible();
    await picker.press('ArrowDown');
    await expect(page.getByRole('option', { selected: true })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Common IXPs' }).getByRole('row').nth(1)).toBeVisible();
    await expectNoSeriousViolations(page, 'Compare');
    await picker.fill('');

    await visit(app, 'navigate-peers', 'Peers');
    const peers = page.getByRole('grid', { name: 'Potential peers' });
    await expect(peers.getByRole('row').nth(3)).toBeVisible();
    await expectNoSeriousViolations(page, 'Peers');
    await page.getByRole('button', { name: 'Filter by type' }).click();
    await expect(page.getByRole('dialog', { name: 'Type' }).getByText(/^\d+$/).first()).toBeVisible();
    await expectNoSeriousViolations(page, 'Peers, type checklist open', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await peers.getByRole('row').nth(1).getByRole('button', { name: /^Rank/ }).click();
    await expect(page.getByRole('dialog', { name: /^Why/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'Peers, rank reasons open', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await peers.getByRole('row').nth(1).getByRole('button', { name: /^Mark / }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoSeriousViolations(page, 'Peers, Mark menu open', '[role="menu"]');
    await page.keyboard.press('Escape');

    await visit(app, 'navigate-search', 'Search');
    await page.getByRole('combobox', { name: /Search networks/ }).fill(showcase.ixName.split(' ')[0]!);
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'Search');

    await page.getByRole('combobox', { name: /Search networks/ }).fill(`AS${showcase.peerAsns[0]}`);
    await expect(page.getByRole('option').first()).toContainText(`AS${showcase.peerAsns[0]}`);
    await page.getByRole('combobox', { name: /Search networks/ }).press('Enter');
    await expect(page.getByRole('grid', { name: 'Contacts' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Network page');

    await page.getByRole('grid', { name: 'IXPs', exact: true }).getByRole('row').nth(1).getByRole('button').first().click();
    await expect(page.getByRole('grid', { name: /^Members of / }).getByRole('row').nth(1)).toBeVisible();
    await expectNoSeriousViolations(page, 'IXP page');

    await visit(app, 'navigate-contacts', 'Contacts');
    await page.getByRole('radio', { name: 'My networks' }).check();
    await expect(page.getByText(/contacts? \(/).first()).toBeVisible();
    await expectNoSeriousViolations(page, 'Contacts');

    await visit(app, 'settings', 'Settings');
    await expect(page.getByLabel('PeeringDB base URL')).toBeVisible();
    await expectNoSeriousViolations(page, 'Settings');

    // A toast with its Undo.
    await visit(app, 'navigate-peers', 'Peers');
    await peers.getByRole('row').nth(1).getByRole('button', { name: /^Mark / }).click();
    await page.getByRole('menuitemradio', { name: 'Peered' }).click();
    await expect(page.getByTestId('notice').getByRole('button', { name: 'Undo' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Peers, with an Undo toast', '.toast-viewport');

    // A follow-up due (asked 20 days ago), a note field and a Mark menu in each row, the log.
    await visit(app, 'navigate-requests', 'Requests');
    await expect(page.getByRole('grid', { name: 'Follow-ups due' }).getByRole('row').nth(1)).toContainText('20 days ago');
    await expect(page.getByRole('grid', { name: 'Request log' }).getByRole('row').nth(1)).toBeVisible();
    await expectNoSeriousViolations(page, 'Requests');

    await visit(app, 'navigate-sessions', 'Sessions');
    await page.getByLabel('Peer (ASN)').fill(String(showcase.peerAsns[0]));
    await expect(page.getByLabel('Session configuration', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'Sessions');

    editWhereIPeer(peeringDb, timeline.dataset, showcase.ixName);
    const synced = await app.appEventMark();
    await app.menu('sync-now');
    await app.waitForAppEvent('sync-done', { after: synced, timeout: 60_000 });
    await visit(app, 'navigate-changes', 'Changes');
    await expect(page.getByRole('grid', { name: 'Changes' }).getByText('New', { exact: true }).first()).toBeVisible();
    await expectNoSeriousViolations(page, 'Changes');

    await importHistoryDumps(app, timeline.pastDumpPaths);
    const exchanges = page.getByRole('grid', { name: 'Exchange statistics' });
    await exchanges.getByRole('row').nth(1).getByRole('button', { name: /^Charts of / }).click();
    await expect(page.getByRole('figure')).toHaveCount(3);
    await expectNoSeriousViolations(page, 'Statistics, with charts');
  });
});

test('every screen before the first sync, and after a failed one: no serious or critical violations', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  for (const [command, name] of EVERY_SCREEN) {
    await visit(app, command, name);
    await expectNoSeriousViolations(page, `${name} without a copy`);
  }
  await visit(app, 'navigate-sync', 'Sync');
  const mark = await app.appEventMark();
  await page.getByRole('banner', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
  await app.waitForAppEvent('sync-error', { after: mark });
  await expect(page.getByRole('main').getByRole('button', { name: 'Retry' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Sync after a failed sync');
});

test.describe('a first load that stopped part way', () => {
  const partial = appTest.extend<{ peeringDb: FakePeeringDb }>({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    peeringDb: async ({}, use) => {
      const server = await startFakePeeringDb({ data: smallDataset(), now: T0 });
      server.fail({ path: '/api/poc', times: Infinity, with: { kind: 'malformed' } });
      await use(server);
      await server.stop();
    },
    appEnv: async ({ peeringDb }, use) => use({ PEERINGDB_URL: peeringDb.apiUrl }),
  });

  partial('the incomplete-copy notice and the error that left it: no serious or critical violations', async ({ app }) => {
    const { page } = app;
    const mark = await app.appEventMark();
    await page.getByRole('banner', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
    await app.waitForAppEvent('sync-error', { after: mark });
    await expectNoSeriousViolations(page, 'Sync after a first load that stopped');
    for (const [command, name] of [
      ['navigate-peers', 'Peers'],
      ['navigate-sessions', 'Sessions'],
    ] as const) {
      await visit(app, command, name);
      await expect(page.getByRole('region', { name: 'The local copy is incomplete' })).toBeVisible();
      await expectNoSeriousViolations(page, `${name} over an incomplete copy`);
    }
  });
});

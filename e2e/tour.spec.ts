/**
 * The screenshot tour: every screen, with data, during a sync, before any copy, after a failed
 * sync and over a copy whose first load stopped part way, at 1280×800 and at the 900×600
 * minimum, in the light and the dark theme. At each stop the DOM is measured for what a
 * reviewer would look for on the picture (rows drawn over each other, pinned columns cut off,
 * a page wider than the window, a chart wider than its panel), and the picture is written to
 * test-results/…/tour/. With UPDATE_DOCS_PICTURES=1 the README's three are refreshed in docs/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { startFakePeeringDb, type FakePeeringDb } from '../tools/fake-peeringdb/server';
import { REPO_ROOT } from './harness/harness';
import { expect, test as appTest, type AppDriver } from './fixtures/app';
import { setMyNetworks } from './fixtures/seeded';
import { measureLayout, type LayoutReport } from './fixtures/layout-checks';
import {
  editWhereIPeer,
  importHistoryDumps,
  loadShowcase,
  settled,
  showcaseDataset,
  showcaseTest,
  watchCspViolations,
  wellConnectedAsn,
} from './fixtures/showcase';
import { EVERY_SCREEN } from './fixtures/screens';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '900x600', width: 900, height: 600 },
] as const;
const THEMES = ['light', 'dark'] as const;

type Size = (typeof SIZES)[number];

/** The README's pictures: tour stop → file in docs/. */
const DOCS_PICTURES: Record<string, string> = {
  'peers-900x600-light': 'peers.png',
  'compare-1280x800-dark': 'compare.png',
  'statistics-charts-1280x800-light': 'statistics.png',
};

async function stop(
  app: AppDriver,
  testInfo: TestInfo,
  name: string,
  check?: (report: LayoutReport, size: Size) => void,
): Promise<void> {
  const { page } = app;
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await settled(page);
      await settled(page);
      const report = await measureLayout(page);
      expect.soft(report.problems, `${name} at ${size.name}, ${theme}`).toEqual([]);
      check?.(report, size);
      const picture = `${name}-${size.name}-${theme}`;
      const path = testInfo.outputPath('tour', `${picture}.png`);
      await page.screenshot({ path });
      const docsName = DOCS_PICTURES[picture];
      if (docsName && process.env.UPDATE_DOCS_PICTURES) {
        mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
        copyFileSync(path, join(REPO_ROOT, 'docs', docsName));
      }
    }
  }
  await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
  await page.emulateMedia({ colorScheme: 'light' });
}

function main(page: Page, name: string) {
  return page.getByRole('main', { name });
}

/** Months of history before today that the tour imports: a year, as a user would look back. */
const HISTORY_MONTHS = 12;

const test = showcaseTest(HISTORY_MONTHS);

async function syncNow(app: AppDriver, done: 'sync-done' | 'sync-error' = 'sync-done'): Promise<void> {
  const mark = await app.appEventMark();
  await app.page.getByRole('banner', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
  await app.waitForAppEvent(done, { after: mark, timeout: 60_000 });
}

test.describe('with data and during a sync', () => {
  test.use({ appEnv: async ({ peeringDb }, use) => use({ PEERINGDB_URL: peeringDb.apiUrl }) });

  test('every screen, at both sizes, in both themes', async ({ app, peeringDb, timeline }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    const cspViolations = await watchCspViolations(page);
    const showcase = await loadShowcase(app, testInfo.outputPath('showcase-dump.json'), timeline.dataset);

    await app.menu('navigate-sync');
    await expect(main(page, 'Sync').getByRole('region', { name: 'What recent syncs changed' })).toBeVisible();
    // A human date tells its exact time on hover (a Radix tooltip, under the CSP).
    await main(page, 'Sync').getByRole('region', { name: 'Local copy' }).locator('time').hover();
    await expect(page.getByRole('tooltip')).toContainText(String(new Date().getFullYear()));
    await stop(app, testInfo, 'sync');
    await page.mouse.move(0, 0);

    await app.menu('navigate-networks');
    await expect(main(page, 'My networks').getByRole('grid').first().getByRole('row').nth(2)).toBeVisible();
    await stop(app, testInfo, 'my-networks');

    await app.menu('navigate-compare');
    const compare = main(page, 'Compare');
    const picker = compare.getByRole('combobox', { name: 'Add a network' });
    for (const asn of [showcase.myAsn, ...showcase.peerAsns]) {
      await picker.fill(`AS${asn}`);
      await picker.press('Enter');
    }
    await expect(compare.getByRole('grid', { name: 'Common IXPs' }).getByRole('row').nth(1)).toBeVisible();
    await stop(app, testInfo, 'compare');

    await app.menu('navigate-peers');
    const peers = main(page, 'Peers');
    const peerTable = peers.getByRole('grid', { name: 'Potential peers' });
    await expect(peerTable.getByRole('row').nth(20)).toBeVisible();
    await stop(app, testInfo, 'peers', (report, size) => {
      const table = report.grids.find((grid) => grid.label === 'Potential peers')!;
      if (size.width === 1280) expect.soft(table.fullyVisibleRows, 'peers visible at 1280×800').toBeGreaterThanOrEqual(15);
      // Network, ASN and Mark: what names the row and what acts on it, at any width.
      expect.soft(table.firstRowPinned.map((cell) => cell.visible), `pinned cells at ${size.name}`).toEqual([true, true, true]);
      expect.soft(table.firstRowPinned[1]?.text, 'the ASN column').toMatch(/^AS\d+$/);
      expect.soft(table.firstRowPinned[2]?.text, 'the Mark column').toMatch(/Mark|Requested|Peered/);
    });

    // A name cut off in a narrow window shows whole on hover, and in full in the focused row.
    await page.setViewportSize({ width: 900, height: 600 });
    const cutName = await peerTable.locator('.pinned-start button.link').evaluateAll((links) => {
      const cut = links.find((link) => link.scrollWidth > link.clientWidth + 1);
      if (cut) cut.setAttribute('data-cut', 'yes');
      return cut?.textContent ?? null;
    });
    expect(cutName, 'a long network name is truncated at 900 px').not.toBeNull();
    const cutLink = peerTable.locator('[data-cut="yes"]');
    await cutLink.hover();
    await expect(cutLink).toHaveAttribute('title', cutName!);
    await cutLink.locator('xpath=ancestor::*[@role="row"]').focus();
    await expect.poll(() => cutLink.evaluate((link) => link.scrollWidth <= link.clientWidth + 1)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    await peerTable.getByRole('row').nth(1).getByRole('button', { name: /^Rank \d+/ }).click();
    await expect(page.getByRole('dialog', { name: /^Why .* ranks/ })).toBeVisible();
    await stop(app, testInfo, 'peers-rank');
    await page.keyboard.press('Escape');

    await peers.getByRole('button', { name: 'Filter by policy' }).click();
    await expect(page.getByRole('dialog', { name: 'Policy' }).getByText(/^\d+$/).first()).toBeVisible();
    await stop(app, testInfo, 'peers-filter');
    await page.getByRole('dialog', { name: 'Policy' }).getByRole('checkbox').first().check();
    await page.keyboard.press('Escape');

    await peers.getByLabel('Where').selectOption({ label: showcase.ixName });
    await expect(peerTable.getByRole('row').nth(3)).toBeVisible();
    await stop(app, testInfo, 'peers-at-one-ixp');
    await peers.getByRole('button', { name: 'Clear all' }).click();

    await app.menu('focus-search');
    const search = main(page, 'Search');
    await search.getByRole('combobox', { name: /Search networks/ }).fill(showcase.ixName.split(' ')[0]!);
    await expect(search.getByRole('listbox', { name: 'Search results' }).getByRole('option').nth(1)).toBeVisible();
    await stop(app, testInfo, 'search');

    await search.getByRole('combobox', { name: /Search networks/ }).fill(`AS${showcase.peerAsns[0]}`);
    await expect(search.getByRole('option').first()).toContainText(`AS${showcase.peerAsns[0]}`);
    await search.getByRole('combobox', { name: /Search networks/ }).press('Enter');
    await expect(search.getByRole('grid', { name: 'IXPs', exact: true })).toBeVisible();
    await stop(app, testInfo, 'network-page');

    await search.getByRole('grid', { name: 'IXPs shared with my networks' }).getByRole('row').nth(1).getByRole('button').first().click();
    await expect(search.getByRole('grid', { name: /^Members of / }).getByRole('row').nth(2)).toBeVisible();
    await stop(app, testInfo, 'ixp-page');

    await app.menu('navigate-contacts');
    const contacts = main(page, 'Contacts');
    await contacts.getByRole('radio', { name: 'Members of an IXP' }).check();
    const ixOption = contacts.getByLabel('IXP', { exact: true }).locator('option', { hasText: showcase.ixName });
    await contacts.getByLabel('IXP', { exact: true }).selectOption((await ixOption.first().getAttribute('value'))!);
    await expect(contacts.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1)).toBeVisible();
    await stop(app, testInfo, 'contacts');

    // Two drafts at once, one message each; marking both requested says so with an Undo.
    const [first, second] = showcase.peerAsns;
    await contacts.getByLabel('To networks (ASNs)').fill(`AS${first}, AS${second}`);
    await expect(contacts.getByRole('article', { name: `Draft to AS${second}` }).getByLabel('Draft body')).toBeVisible();
    const logged = await app.appEventMark();
    await contacts.getByRole('button', { name: 'Open 2 drafts in the mail program' }).click();
    await app.waitForAppEvent('request-logged', { after: logged });
    const toast = page.getByTestId('notice');
    await expect(toast).toContainText('2 networks are marked as requested and the requests logged.');
    await contacts.getByRole('heading', { name: 'Peering request drafts' }).scrollIntoViewIfNeeded();
    // The pointer on the toast holds it for the pictures, as it holds for a reader.
    await toast.hover();
    await stop(app, testInfo, 'contacts-drafts');
    await toast.getByRole('button', { name: 'Dismiss message' }).click();

    // The two just asked wait for an answer; the one asked 20 days ago is due a follow-up.
    await app.menu('navigate-requests');
    const requests = main(page, 'Requests');
    await expect(requests.getByRole('grid', { name: 'Follow-ups due' }).getByRole('row').nth(1)).toContainText('20 days ago');
    await expect(requests.getByRole('grid', { name: 'Waiting for an answer' }).getByRole('row')).toHaveCount(3);
    await expect(requests.getByRole('grid', { name: 'Request log' }).getByRole('row')).toHaveCount(4);
    await stop(app, testInfo, 'requests', (report) => {
      for (const label of ['Follow-ups due', 'Waiting for an answer']) {
        const table = report.grids.find((grid) => grid.label === label)!;
        // The network and what to do about it, whatever the width.
        expect.soft(table.firstRowPinned.map((cell) => cell.visible), `${label}: pinned cells`).toEqual([true, true]);
        expect.soft(table.firstRowPinned[1]?.text, `${label}: the actions`).toMatch(/Draft follow-up\s*Requested/);
      }
    });

    await app.menu('navigate-sessions');
    const sessions = main(page, 'Sessions');
    await sessions.getByLabel('Peer (ASN)').fill(String(first));
    await expect(sessions.getByLabel('Session configuration', { exact: true })).toContainText(`${first}`);
    await stop(app, testInfo, 'sessions');

    await app.menu('settings');
    await expect(main(page, 'Settings').getByLabel('PeeringDB base URL')).toBeVisible();
    await stop(app, testInfo, 'settings');

    // A sync that changed something where I peer: networks left and joined one of my exchanges.
    editWhereIPeer(peeringDb, timeline.dataset, showcase.ixName);
    await syncNow(app);
    await app.menu('navigate-sync');
    const moves = main(page, 'Sync').getByRole('list', { name: 'Networks that joined or left IXPs' });
    await expect(moves).toContainText('Joined (4)');
    await expect(moves).toContainText('Left (3)');
    await stop(app, testInfo, 'sync-changes');

    await expect(page.getByRole('navigation', { name: 'Main' }).getByTestId('new-changes')).toBeVisible();
    await app.menu('navigate-changes');
    const changes = main(page, 'Changes');
    const changeRows = changes.getByRole('grid', { name: 'Changes' }).getByRole('row');
    await expect(changeRows.filter({ hasText: 'Joined' }).filter({ hasText: showcase.ixName })).toHaveCount(4);
    await expect(changeRows.filter({ hasText: 'Left' }).filter({ hasText: showcase.ixName })).toHaveCount(3);
    await expect(changeRows.filter({ hasText: 'Policy change' })).not.toHaveCount(0);
    await stop(app, testInfo, 'changes');

    // A year of monthly dumps: history, the statistics over it and an exchange's charts.
    await importHistoryDumps(app, timeline.pastDumpPaths);
    const statistics = main(page, 'Statistics');
    // The copy came from a dump too, and the resync is the latest moment.
    await expect(statistics.getByRole('region', { name: 'History' })).toContainText(
      `${HISTORY_MONTHS + 2} moments (${HISTORY_MONTHS + 1} from dump files)`,
    );
    const exchanges = statistics.getByRole('grid', { name: 'Exchange statistics' });
    await expect(exchanges.getByRole('row').nth(3)).toBeVisible();
    await stop(app, testInfo, 'statistics');
    await exchanges.getByRole('row').nth(1).getByRole('button', { name: /^Charts of / }).click();
    const charts = statistics.getByRole('figure');
    await expect(charts).toHaveCount(3);
    for (const chart of await charts.all()) await expect(chart.locator('canvas').first()).toBeVisible();
    expect(Number(await charts.first().locator('[data-points]').getAttribute('data-points'))).toBeGreaterThan(HISTORY_MONTHS);
    // The charts are brought into view, their heading focused.
    await expect(statistics.getByRole('heading', { name: / over time$/ })).toBeFocused();
    await stop(app, testInfo, 'statistics-charts');

    // The connections never come: the next sync stays in progress for as long as the tour looks.
    peeringDb.fail({ path: /\/api\/netixlan/, times: Infinity, with: { kind: 'hang' } });
    const started = await app.appEventMark();
    await page.getByRole('banner', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
    await app.waitForAppEvent('sync-started', { after: started });
    await app.menu('navigate-sync');
    await expect(main(page, 'Sync').getByRole('heading', { name: 'Sync in progress' })).toBeVisible();
    await expect(main(page, 'Sync').getByRole('list', { name: 'Progress per type' })).toContainText('IXP connections');
    await stop(app, testInfo, 'syncing');
    await app.menu('navigate-peers');
    await expect(peerTable.getByRole('row').nth(5)).toBeVisible();
    await stop(app, testInfo, 'peers-while-syncing');

    expect(await cspViolations()).toEqual([]);
  });
});

test.describe('before the first sync and after a failed one', () => {
  test('every screen says there is no copy yet and offers both ways to get one; a failed sync offers Retry and Settings', async ({
    app,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    const header = page.getByRole('banner', { name: 'Sync status' });
    await expect(header.getByRole('status')).toHaveText('No local copy yet: sync now, or import a dump file.');

    // Settings holds no answer from the copy, so it has no empty state.
    const screens = EVERY_SCREEN.filter(([command]) => command !== 'settings');
    for (const [command, name] of screens) {
      await app.menu(command);
      const screen = main(page, name);
      const empty = screen.getByRole('region', { name: 'No local copy yet' });
      await expect(empty).toBeVisible();
      await expect(empty.getByRole('button', { name: 'Sync now' })).toBeEnabled();
      await expect(empty.getByRole('button', { name: 'Import a dump…' })).toBeEnabled();
      if (name === 'Search') {
        await screen.getByRole('combobox', { name: /Search networks/ }).fill('cloudflare');
        await expect(empty).toBeVisible();
        await expect(screen.getByText(/Nothing matches/)).toHaveCount(0);
      }
      if (name === 'Requests') {
        // The user's own log is there without any copy; only drafting needs one.
        await expect(empty).toContainText('Your requests, follow-ups and notes are kept on this computer');
        await expect(screen.getByRole('heading', { name: 'Request log (0)' })).toBeVisible();
      }
      if (name === 'Statistics') {
        await expect(empty).toContainText('Statistics come from history');
        await expect(empty.getByRole('button', { name: 'Import dumps for history…' })).toBeEnabled();
      }
      await stop(app, testInfo, `empty-${name.toLowerCase().replace(' ', '-')}`);
    }

    await app.menu('navigate-sync');
    const failed = await app.appEventMark();
    await header.getByRole('button', { name: 'Sync now' }).click();
    await app.waitForAppEvent('sync-error', { after: failed });
    const panel = main(page, 'Sync').getByRole('alert');
    await expect(panel).toContainText('PeeringDB could not be reached');
    await expect(header.getByRole('status')).toHaveText(/^Sync failed: PeeringDB could not be reached/);
    await stop(app, testInfo, 'sync-error');

    // Retry runs the sync again (and fails again, offline); Settings is where the URL is fixed.
    const retried = await app.appEventMark();
    await panel.getByRole('button', { name: 'Retry' }).click();
    await app.waitForAppEvent('sync-error', { after: retried });
    await panel.getByRole('button', { name: 'Settings' }).click();
    await expect(main(page, 'Settings').getByLabel('PeeringDB base URL')).toBeVisible();
  });
});

test.describe('a first load that stopped part way', () => {
  const partial = appTest.extend<{ peeringDb: FakePeeringDb }>({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    peeringDb: async ({}, use) => {
      const server = await startFakePeeringDb({ data: showcaseDataset() });
      // The contacts, the last list of a first load, come back unreadable.
      server.fail({ path: '/api/poc', times: Infinity, with: { kind: 'malformed' } });
      await use(server);
      await server.stop();
    },
    appEnv: async ({ peeringDb }, use) => use({ PEERINGDB_URL: peeringDb.apiUrl }),
  });

  partial('the notice above the screens that answer from the copy, and the error that left it', async ({ app }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    await syncNow(app, 'sync-error');
    const error = main(page, 'Sync').getByRole('alert');
    await expect(error).toContainText('The local copy is still incomplete (12 of 13 types loaded)');
    await stop(app, testInfo, 'incomplete-sync');

    await setMyNetworks(app, [wellConnectedAsn(showcaseDataset())]);
    for (const [command, name] of [
      ['navigate-peers', 'Peers'],
      ['navigate-sessions', 'Sessions'],
    ] as const) {
      await app.menu(command);
      const notice = main(page, name).getByRole('region', { name: 'The local copy is incomplete' });
      await expect(notice).toContainText('12 of 13 types are fully loaded');
      await expect(notice).toContainText('Contacts (none yet)');
      await expect(notice.getByRole('button', { name: 'Resume loading' })).toBeEnabled();
      if (name === 'Peers') await expect(main(page, name).getByRole('grid', { name: 'Potential peers' }).getByRole('row').nth(3)).toBeVisible();
      await stop(app, testInfo, `incomplete-${name.toLowerCase()}`);
    }
    // The screens built on the user's own data or on history do not claim the copy answers them.
    await app.menu('navigate-requests');
    await expect(main(page, 'Requests').getByRole('heading', { name: 'Request log (0)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'The local copy is incomplete' })).toHaveCount(0);
  });
});

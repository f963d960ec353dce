/**
 * The discovery screens end to end: my networks, potential peers with filters and marks,
 * search with the keyboard, record pages, and compare, each over the shared small dump.
 */
import { readFileSync } from 'node:fs';
import type { AppDriver } from './fixtures/app';
import { expect, SCRIPT_NAME, test } from './fixtures/seeded';

/** Types "alpha" in the search box and opens the first hit, Alpha Transit's page, with Enter. */
async function openAlphaFromSearch(app: AppDriver) {
  await app.menu('focus-search');
  const page = app.page.getByRole('main', { name: 'Search' });
  const box = page.getByRole('combobox', { name: /Search networks/ });
  await box.fill('alpha');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Alpha Transit');
  await box.press('Enter');
  return { page, box };
}

test.describe('my networks', () => {
  test.use({ mine: [] });

  test('adding a network by its ASN shows its IXP connections and facilities', async ({ seeded: app }) => {
    await app.menu('navigate-networks');
    const networks = app.page.getByRole('main', { name: 'My networks' });
    const box = networks.getByRole('combobox', { name: 'Add a network' });
    await box.fill('AS64500');
    await box.press('Enter');
    const connections = networks.getByRole('grid', { name: 'IXP connections of Home Net (AS64500)' });
    await expect(connections.getByRole('row')).toHaveCount(3);
    await expect(connections.getByRole('row', { name: /Test IX Frankfurt/ })).toContainText('192.0.2.1');
    await expect(connections.getByRole('row', { name: /Test IX Frankfurt/ })).toContainText('2001:db8:1::1');
    await expect(networks.getByRole('grid', { name: 'Facilities of Home Net (AS64500)' })).toContainText('Equinix FR5');
    await expect(networks.getByRole('heading', { name: 'IXP connections (2 IXPs, 2 ports)' })).toBeVisible();
  });

  test('a removed network comes back with Undo, in its place', async ({ seeded: app }) => {
    await app.menu('navigate-networks');
    const { page } = app;
    const networks = page.getByRole('main', { name: 'My networks' });
    const box = networks.getByRole('combobox', { name: 'Add a network' });
    for (const asn of ['AS64520', 'AS64500']) {
      await box.fill(asn);
      await box.press('Enter');
      await expect(networks.getByRole('article', { name: new RegExp(asn) })).toBeVisible();
    }
    await networks.getByRole('button', { name: 'Remove Alpha Transit (AS64520)' }).click();
    await expect(networks.getByRole('article')).toHaveCount(1);
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect(networks.getByRole('article')).toHaveCount(2);
    await expect(networks.getByRole('article').first()).toHaveAccessibleName('Alpha Transit (AS64520)');
  });
});

test.describe('potential peers', () => {
  test('are ranked by what we share, never show deleted networks or mine, and keep hostile names as text', async ({
    seeded: app,
  }) => {
    await app.menu('navigate-peers');
    const peers = app.page.getByRole('main', { name: 'Peers' });
    const table = peers.getByRole('grid', { name: 'Potential peers' });
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
    // Ranked: Alpha shares two IXPs and a facility and is open.
    await expect(table.getByRole('row').nth(1)).toContainText('Alpha Transit');
    await expect(table.getByRole('row').nth(1)).toContainText('2 IXPs · 1 facility');
    // The rank is a number; its reasons open on demand.
    await table.getByRole('row').nth(1).getByRole('button', { name: /^Rank 44/ }).click();
    const reasons = app.page.getByRole('dialog', { name: 'Why Alpha Transit ranks 44' });
    await expect(reasons).toContainText('Meets you at 2 IXPs+20');
    await expect(reasons).toContainText('1 shared facility+4');
    await expect(reasons).toContainText('Shared IXPs: Test IX Amsterdam, Test IX Frankfurt');
    await app.page.keyboard.press('Escape');
    await expect(reasons).toBeHidden();
    await expect(table).not.toContainText('Gone Networks');
    await expect(table).not.toContainText('Home Net');
    await expect(table.getByRole('button', { name: SCRIPT_NAME, exact: true })).toBeVisible();
    await expect(peers.locator('img')).toHaveCount(0);
  });

  test('filter by policy, route server and exchange from checklists with counts, and clear', async ({ seeded: app }) => {
    await app.menu('navigate-peers');
    const { page } = app;
    const peers = page.getByRole('main', { name: 'Peers' });
    const table = peers.getByRole('grid', { name: 'Potential peers' });
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');

    await peers.getByRole('button', { name: 'Filter by policy' }).click();
    const policy = page.getByRole('dialog', { name: 'Policy' });
    // Each choice says how many peers it leaves.
    await expect(policy.getByText('Open').locator('..')).toContainText('2');
    await expect(policy.getByText('Selective').locator('..')).toContainText('1');
    await policy.getByRole('checkbox', { name: /Selective/ }).check();
    await page.keyboard.press('Escape');
    await expect(peers.getByTestId('member-count')).toHaveText('1 of 3 potential peers');
    await expect(table.getByRole('row').nth(1)).toContainText('Beta Cloud');
    await expect(peers.getByRole('list', { name: 'Chosen filters' })).toHaveText(/Policy: Selective/);

    await peers.getByRole('button', { name: 'Remove filter Policy: Selective' }).click();
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
    await peers.getByRole('button', { name: 'Filter by port' }).click();
    await page.getByRole('dialog', { name: 'Port' }).getByRole('radio', { name: /Not an RS peer/ }).check();
    await page.keyboard.press('Escape');
    await expect(peers.getByTestId('member-count')).toHaveText('0 of 3 potential peers');
    await peers.getByLabel('Where').selectOption({ label: 'Test IX Frankfurt' });
    await expect(table.getByRole('row').nth(1)).toContainText('Beta Cloud');
    await expect(table.getByRole('row').nth(1)).toContainText('192.0.2.3');

    // The filters are the view's: they are still there after a visit elsewhere.
    await app.menu('navigate-search');
    await app.menu('navigate-peers');
    await expect(peers.getByRole('list', { name: 'Chosen filters' })).toHaveText(/Not an RS peer/);
    await peers.getByRole('button', { name: 'Clear all' }).click();
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
  });

  test('export as CSV', async ({ seeded: app }, testInfo) => {
    await app.menu('navigate-peers');
    const peers = app.page.getByRole('main', { name: 'Peers' });
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
    const csvPath = testInfo.outputPath('peers.csv');
    await app.dialogs.answerSave(csvPath);
    const exportMark = await app.appEventMark();
    await peers.getByRole('button', { name: 'Export CSV…' }).click();
    await app.waitForAppEvent('export-saved', { after: exportMark });
    // Good news says itself, then leaves without a click.
    const toast = app.page.getByTestId('notice');
    await expect(toast).toContainText(`Saved the table to ${csvPath}.`);
    await expect(toast).toBeHidden({ timeout: 15_000 });
    const csvLines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(csvLines[0]).toContain('"ASN","Network","Policy"');
    expect(csvLines[1]).toContain('"64520","Alpha Transit","Open"');
  });

  test('a marked peer leaves the list, Undo brings it back, it shows again on request, and the mark survives a restart', async ({
    seeded: app,
  }) => {
    await app.menu('navigate-peers');
    const { page } = app;
    const peers = page.getByRole('main', { name: 'Peers' });
    const table = peers.getByRole('grid', { name: 'Potential peers' });
    await table.getByRole('button', { name: 'Mark Alpha Transit' }).click();
    await page.getByRole('menuitemradio', { name: 'Requested' }).click();
    await expect(table).not.toContainText('Alpha Transit');
    await expect(peers.getByTestId('member-count')).toHaveText('2 of 2 potential peers');

    const toast = page.getByTestId('notice');
    await expect(toast).toContainText('Alpha Transit marked as requested.');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
    await expect(table.getByRole('row', { name: /Alpha Transit/ })).toBeVisible();

    // By keyboard: arrows move between rows, Space opens the row's Mark menu.
    await table.getByRole('row').nth(1).focus();
    await page.keyboard.press('ArrowDown');
    await expect(table.getByRole('row').nth(2)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(table.getByRole('row', { name: /Alpha Transit/ })).toBeFocused();
    await page.keyboard.press(' ');
    await page.getByRole('menuitemradio', { name: 'Requested' }).click();
    await expect(table).not.toContainText('Alpha Transit');
    await expect(peers.getByTestId('member-count')).toHaveText('2 of 2 potential peers');
    await peers.getByLabel('Show networks I marked').check();
    await expect(table.getByRole('row', { name: /Alpha Transit/ })).toContainText('Requested');

    await app.restart();
    await app.menu('navigate-peers');
    await expect(app.page.getByRole('main', { name: 'Peers' }).getByTestId('member-count')).toHaveText(
      '2 of 2 potential peers',
    );
  });
});

test.describe('tables by keyboard', () => {
  test('Enter opens the focused row’s page, and Back returns to the list with its filters', async ({ seeded: app }) => {
    await app.menu('navigate-peers');
    const { page } = app;
    const peers = page.getByRole('main', { name: 'Peers' });
    const table = peers.getByRole('grid', { name: 'Potential peers' });
    await peers.getByRole('searchbox', { name: 'Name or ASN' }).fill('beta');
    await expect(peers.getByTestId('member-count')).toHaveText('1 of 3 potential peers');
    // The current row is the rows' one tab stop; End goes to the last row.
    await table.getByRole('row').nth(1).focus();
    await page.keyboard.press('End');
    await expect(table.getByRole('row', { name: /Beta Cloud/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(peers.getByRole('heading', { name: 'Beta Cloud (AS64530)' })).toBeVisible();
    await peers.getByRole('button', { name: '← Back' }).click();
    await expect(peers.getByRole('searchbox', { name: 'Name or ASN' })).toHaveValue('beta');
    await expect(peers.getByTestId('member-count')).toHaveText('1 of 3 potential peers');
  });
});

test.describe('search', () => {
  test('finds networks by peering IP, prefix and as-set, never deleted ones, and moves by keyboard', async ({
    seeded: app,
  }) => {
    await app.menu('focus-search');
    const search = app.page.getByRole('main', { name: 'Search' });
    const box = search.getByRole('combobox', { name: /Search networks/ });
    await expect(box).toBeFocused();

    await box.fill('192.0.2.3');
    const results = search.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option').first()).toContainText('Beta Cloud');
    await expect(results.getByRole('option').first()).toContainText('peering IP: 192.0.2.3 at Test IX Frankfurt');
    await expect(results.getByRole('option').filter({ hasText: 'IX prefix' })).toContainText('Test IX Frankfurt');
    await expect(results.getByRole('option').filter({ hasText: 'IX prefix' })).toContainText('192.0.2.0/24');

    await box.fill('gone');
    await expect(search.getByText('Nothing matches “gone”.')).toBeVisible();

    await box.fill('as-alpha');
    await expect(results.getByRole('option').first()).toContainText('Alpha Transit');
    await box.fill('test ix');
    await expect(results.getByRole('option')).toHaveCount(2);
    await expect(results.getByRole('option').nth(0)).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowDown');
    await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowDown');
    await expect(results.getByRole('option').nth(0)).toHaveAttribute('aria-selected', 'true');
  });

  test('Enter opens a network page with its details and contacts; its links leave only through main', async ({
    seeded: app,
  }) => {
    const { page } = await openAlphaFromSearch(app);

    await expect(page.getByRole('heading', { name: 'Alpha Transit (AS64520)' })).toBeVisible();
    await expect(page.getByText('Updated in PeeringDB')).toBeVisible();
    await expect(page.locator('time.human-date')).toHaveAttribute('datetime', '2026-04-16T00:00:00.000Z');
    await expect(page.getByText('RIPE::AS-ALPHA')).toBeVisible();
    await expect(page.getByText('1200')).toBeVisible();
    const contacts = page.getByRole('grid', { name: 'Contacts' });
    await expect(contacts.getByRole('row').nth(1)).toContainText('Policy');
    await expect(contacts.getByRole('row').nth(2)).toContainText('NOC');
    await expect(page.getByRole('grid', { name: 'IXPs shared with my networks' }).getByRole('row')).toHaveCount(3);

    await page.getByRole('button', { name: 'https://alpha.example/peering' }).click();
    await expect.poll(() => app.openedExternally()).toEqual(['https://alpha.example/peering']);
  });

  test('an IXP page lists its members, mine flagged, and Back returns through the pages to the search', async ({
    seeded: app,
  }) => {
    const { page, box } = await openAlphaFromSearch(app);
    await page.getByRole('grid', { name: 'IXPs', exact: true }).getByRole('button', { name: 'Test IX Amsterdam' }).click();
    await expect(page.getByRole('heading', { name: 'Test IX Amsterdam' })).toBeVisible();
    const members = page.getByRole('grid', { name: 'Members of Test IX Amsterdam' });
    await expect(members.getByRole('row', { name: /Home Net/ })).toContainText('Mine');
    await expect(members.getByRole('row', { name: /Alpha Transit/ })).toContainText('100G');
    await page.getByRole('button', { name: '← Back' }).click();
    await expect(page.getByRole('heading', { name: 'Alpha Transit (AS64520)' })).toBeVisible();
    await page.getByRole('button', { name: '← Back' }).click();
    await expect(box).toHaveValue('alpha');
  });
});

test.describe('compare', () => {
  test('common IXPs with both sides’ ports', async ({ seeded: app }) => {
    await app.menu('navigate-compare');
    const compare = app.page.getByRole('main', { name: 'Compare' });
    const picker = compare.getByRole('combobox', { name: 'Add a network' });
    for (const asn of ['AS64500', 'AS64520']) {
      await picker.fill(asn);
      await picker.press('Enter');
    }
    await picker.fill('beta');
    await expect(compare.getByRole('option', { name: /Beta Cloud/ })).toBeVisible();
    // Enter on a half-typed name adds nothing by itself: the user picks.
    await picker.press('Enter');
    await expect(compare.getByText('Choose a network: ↓ then Enter, or click it.')).toBeVisible();
    await expect(compare.getByRole('list', { name: 'Networks compared' }).getByRole('listitem')).toHaveCount(2);
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect(compare.getByRole('list', { name: 'Networks compared' })).toContainText('Beta Cloud (AS64530)');

    await expect(compare.getByRole('tab', { name: 'Common IXPs (2)' })).toBeVisible();
    const common = compare.getByRole('grid', { name: 'Common IXPs' });
    // Sorted by the smallest side's speed: both at 10G; each side's addresses shown.
    await expect(common.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText('192.0.3.2');
    await expect(common.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText('100G');
  });

  test('common facilities, exported, and the IXPs all but one share', async ({ seeded: app }, testInfo) => {
    await app.menu('navigate-compare');
    const compare = app.page.getByRole('main', { name: 'Compare' });
    const picker = compare.getByRole('combobox', { name: 'Add a network' });
    for (const asn of ['AS64500', 'AS64520']) {
      await picker.fill(asn);
      await picker.press('Enter');
    }
    await compare.getByRole('tab', { name: 'Common facilities (1)' }).click();
    await expect(compare.getByRole('grid', { name: 'Common facilities' })).toContainText('Equinix FR5');
    const csvPath = testInfo.outputPath('facilities.csv');
    await app.dialogs.answerSave(csvPath);
    const mark = await app.appEventMark();
    await compare.getByRole('button', { name: 'Export facilities as CSV…' }).click();
    await app.waitForAppEvent('export-saved', { after: mark });
    const csv = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(csv[0]).toContain('"Facility","City","Country","Region","Missing","AS64500 local ASN","AS64520 local ASN"');
    expect(csv[1]).toContain('"Equinix FR5","Frankfurt","DE","Europe","","64500","64520"');
    await picker.fill('AS64540');
    await picker.press('Enter');
    await compare.getByRole('tab', { name: /IXPs all but one share/ }).click();
    const butOne = compare.getByRole('grid', { name: 'IXPs all but one share' });
    await expect(butOne.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText(SCRIPT_NAME);
  });
});

/**
 * The discovery screens end to end: my networks, potential peers with filters and marks,
 * search with the keyboard, record pages, and compare, over a small imported dump.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PdbType } from '../src/shared/peeringdb';
import { completeRow } from '../tools/fake-peeringdb/rows';
import { expect, test, type AppDriver } from './fixtures/app';

const AT = Date.UTC(2026, 3, 16) / 1000;
const SCRIPT_NAME = '<img src=x onerror=alert(1)> Net';

/**
 * Two IXPs and four networks besides mine: Alpha (open) and Beta (selective) meet me at both,
 * the hostile-named one at one, and a deleted network that must never show.
 */
function writeDump(path: string): void {
  const row = <T extends PdbType>(type: T, id: number, values: Parameters<typeof completeRow<T>>[3]) =>
    completeRow(type, id, AT, values);
  const net = (id: number, name: string, asn: number, policy: 'Open' | 'Selective', extra = {}) =>
    row('net', id, { name, asn, org_id: 1, policy_general: policy, info_type: 'NSP', info_types: ['NSP'], ...extra });
  const port = (id: number, netId: number, asn: number, ixId: number, host: number, extra = {}) =>
    row('netixlan', id, {
      net_id: netId,
      ix_id: ixId,
      ixlan_id: ixId,
      asn,
      speed: 10_000,
      ipaddr4: `192.0.${ixId + 1}.${host}`,
      ipaddr6: `2001:db8:${ixId}::${host}`,
      is_rs_peer: true,
      operational: true,
      ...extra,
    });
  const dump = {
    org: { data: [row('org', 1, { name: 'Example Holdings', country: 'DE' })], meta: {} },
    fac: {
      data: [row('fac', 1, { name: 'Equinix FR5', city: 'Frankfurt', country: 'DE', region_continent: 'Europe', org_id: 1 })],
      meta: {},
    },
    ix: {
      data: [
        row('ix', 1, { name: 'Test IX Frankfurt', city: 'Frankfurt', country: 'DE', region_continent: 'Europe', org_id: 1 }),
        row('ix', 2, { name: 'Test IX Amsterdam', city: 'Amsterdam', country: 'NL', region_continent: 'Europe', org_id: 1 }),
      ],
      meta: {},
    },
    ixlan: { data: [row('ixlan', 1, { ix_id: 1, mtu: 1500 }), row('ixlan', 2, { ix_id: 2, mtu: 1500 })], meta: {} },
    ixpfx: {
      data: [
        row('ixpfx', 1, { ixlan_id: 1, protocol: 'IPv4', prefix: '192.0.2.0/24' }),
        row('ixpfx', 2, { ixlan_id: 2, protocol: 'IPv4', prefix: '192.0.3.0/24' }),
      ],
      meta: {},
    },
    net: {
      data: [
        net(10, 'Home Net', 64500, 'Open'),
        net(20, 'Alpha Transit', 64520, 'Open', {
          policy_url: 'https://alpha.example/peering',
          irr_as_set: 'RIPE::AS-ALPHA',
          info_prefixes4: 1200,
        }),
        net(30, 'Beta Cloud', 64530, 'Selective'),
        net(40, SCRIPT_NAME, 64540, 'Open'),
        net(50, 'Gone Networks', 64550, 'Open', { status: 'deleted' }),
      ],
      meta: {},
    },
    netixlan: {
      data: [
        port(100, 10, 64500, 1, 1),
        port(101, 10, 64500, 2, 1),
        port(102, 20, 64520, 1, 2),
        port(103, 20, 64520, 2, 2, { speed: 100_000 }),
        port(104, 30, 64530, 1, 3, { is_rs_peer: false }),
        port(105, 30, 64530, 2, 3),
        port(106, 40, 64540, 1, 4),
        port(107, 50, 64550, 1, 5),
      ],
      meta: {},
    },
    netfac: {
      data: [
        row('netfac', 1, { net_id: 10, fac_id: 1, local_asn: 64500 }),
        row('netfac', 2, { net_id: 20, fac_id: 1, local_asn: 64520 }),
      ],
      meta: {},
    },
    poc: {
      data: [
        row('poc', 1, { net_id: 20, role: 'NOC', visible: 'Public', name: 'Alpha NOC', email: 'noc@alpha.example' }),
        row('poc', 2, { net_id: 20, role: 'Policy', visible: 'Public', name: 'Alpha Peering', email: 'peering@alpha.example' }),
      ],
      meta: {},
    },
  };
  writeFileSync(path, JSON.stringify(dump));
}

async function addMyNetwork(app: AppDriver, asn: string): Promise<void> {
  await app.menu('navigate-networks');
  const view = app.page.getByRole('main', { name: 'My networks' });
  const box = view.getByRole('combobox', { name: 'Add a network' });
  await box.fill(asn);
  await box.press('Enter');
}

test('my networks, potential peers with filters and marks', async ({ app }, testInfo) => {
  const dumpPath = testInfo.outputPath('dump.json');
  writeDump(dumpPath);
  await app.importDump(dumpPath);

  await addMyNetwork(app, 'AS64500');
  const networks = app.page.getByRole('main', { name: 'My networks' });
  const connections = networks.getByRole('table', { name: 'IXP connections of Home Net (AS64500)' });
  await expect(connections.getByRole('row')).toHaveCount(3);
  await expect(connections.getByRole('row', { name: /Test IX Frankfurt/ })).toContainText('192.0.2.1');
  await expect(connections.getByRole('row', { name: /Test IX Frankfurt/ })).toContainText('2001:db8:1::1');
  await expect(networks.getByRole('table', { name: 'Facilities of Home Net (AS64500)' })).toContainText('Equinix FR5');

  await app.menu('navigate-peers');
  const peers = app.page.getByRole('main', { name: 'Peers' });
  const table = peers.getByRole('table', { name: 'Potential peers' });
  await expect(peers.getByTestId('member-count')).toHaveText('3 of 3 potential peers');
  // Ranked: Alpha shares two IXPs and a facility and is open.
  await expect(table.getByRole('row').nth(1)).toContainText('Alpha Transit');
  await expect(table.getByRole('row').nth(1)).toContainText('Meets you at 2 IXPs (+20)');
  await expect(table.getByRole('row').nth(1)).toContainText('1 shared facility (+4)');
  await expect(table).not.toContainText('Gone Networks');
  await expect(table).not.toContainText('Home Net');
  // Hostile names are text.
  await expect(table.getByRole('button', { name: SCRIPT_NAME })).toBeVisible();
  await expect(peers.locator('img')).toHaveCount(0);

  await peers.getByLabel('Policy').selectOption(['Selective']);
  await expect(peers.getByTestId('member-count')).toHaveText('1 of 3 potential peers');
  await expect(table.getByRole('row').nth(1)).toContainText('Beta Cloud');
  await peers.getByRole('button', { name: 'Clear filters' }).click();
  await peers.getByLabel('Route server').selectOption('no');
  await expect(peers.getByTestId('member-count')).toHaveText('0 of 3 potential peers');
  await peers.getByLabel('Where').selectOption({ label: 'Test IX Frankfurt' });
  await expect(table.getByRole('row').nth(1)).toContainText('Beta Cloud');
  await expect(table.getByRole('row').nth(1)).toContainText('192.0.2.3');
  await peers.getByRole('button', { name: 'Clear filters' }).click();

  const csvPath = testInfo.outputPath('peers.csv');
  await app.dialogs.answerSave(csvPath);
  const exportMark = await app.appEventMark();
  await peers.getByRole('button', { name: 'Export CSV…' }).click();
  await app.waitForAppEvent('export-saved', { after: exportMark });
  const csvLines = readFileSync(csvPath, 'utf8').split('\r\n');
  expect(csvLines[0]).toContain('"ASN","Network","Policy"');
  expect(csvLines[1]).toContain('"64520","Alpha Transit","Open"');

  await table.getByLabel('Mark Alpha Transit').selectOption('requested');
  await expect(table).not.toContainText('Alpha Transit');
  await expect(peers.getByTestId('member-count')).toHaveText('2 of 2 potential peers');
  await peers.getByLabel('Show networks I marked').check();
  await expect(table.getByRole('row', { name: /Alpha Transit/ })).toContainText('Requested');

  // Marks and my networks are the user's: a restart keeps them.
  await app.restart();
  await app.menu('navigate-peers');
  await expect(app.page.getByRole('main', { name: 'Peers' }).getByTestId('member-count')).toHaveText(
    '2 of 2 potential peers',
  );
});

test('search by name, IP and as-set, keyboard to a page, links out only through main', async ({ app }, testInfo) => {
  const dumpPath = testInfo.outputPath('dump.json');
  writeDump(dumpPath);
  await app.importDump(dumpPath);
  await addMyNetwork(app, '64500');

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
  await box.fill('alpha');
  await expect(results.getByRole('option').first()).toContainText('Alpha Transit');
  await box.press('Enter');

  const page = app.page.getByRole('main', { name: 'Search' });
  await expect(page.getByRole('heading', { name: 'Alpha Transit (AS64520)' })).toBeVisible();
  await expect(page.getByText('RIPE::AS-ALPHA')).toBeVisible();
  await expect(page.getByText('1200')).toBeVisible();
  const contacts = page.getByRole('table', { name: 'Contacts' });
  await expect(contacts.getByRole('row').nth(1)).toContainText('Policy');
  await expect(contacts.getByRole('row').nth(2)).toContainText('NOC');
  await expect(page.getByRole('table', { name: 'IXPs shared with my networks' }).getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'https://alpha.example/peering' }).click();
  await expect.poll(() => app.openedExternally()).toEqual(['https://alpha.example/peering']);

  await page.getByRole('table', { name: 'IXPs', exact: true }).getByRole('button', { name: 'Test IX Amsterdam' }).click();
  await expect(page.getByRole('heading', { name: 'Test IX Amsterdam' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members of Test IX Amsterdam' });
  await expect(members.getByRole('row', { name: /Home Net/ })).toContainText('Mine');
  await expect(members.getByRole('row', { name: /Alpha Transit/ })).toContainText('100G');
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { name: 'Alpha Transit (AS64520)' })).toBeVisible();
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(box).toHaveValue('alpha');
});

test('compare: common IXPs with both sides’ ports, and where all but one meet', async ({ app }, testInfo) => {
  const dumpPath = testInfo.outputPath('dump.json');
  writeDump(dumpPath);
  await app.importDump(dumpPath);

  await app.menu('navigate-compare');
  const compare = app.page.getByRole('main', { name: 'Compare' });
  const picker = compare.getByRole('combobox', { name: 'Add a network' });
  for (const asn of ['AS64500', 'AS64520']) {
    await picker.fill(asn);
    await picker.press('Enter');
  }
  await picker.fill('beta');
  await expect(compare.getByRole('option', { name: /Beta Cloud/ })).toBeVisible();
  await picker.press('Enter');

  await expect(compare.getByRole('tab', { name: 'Common IXPs (2)' })).toBeVisible();
  const common = compare.getByRole('table', { name: 'Common IXPs' });
  // Sorted by the smallest side's speed: both at 10G; each side's addresses shown.
  await expect(common.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText('192.0.3.2');
  await expect(common.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText('100G');

  await compare.getByRole('button', { name: 'Remove AS64530' }).click();
  await expect(compare.getByRole('tab', { name: 'Common facilities (1)' })).toBeVisible();
  await picker.fill('AS64540');
  await picker.press('Enter');
  await compare.getByRole('tab', { name: /IXPs all but one share/ }).click();
  const butOne = compare.getByRole('table', { name: 'IXPs all but one share' });
  await expect(butOne.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText(SCRIPT_NAME);
});

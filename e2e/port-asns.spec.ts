/**
 * Peering with the port's ASN, end to end, over a dump shaped like real data: one network
 * record whose ports carry two ASNs, a port whose network record the copy lacks, and a
 * network that states its traffic in the wording PeeringDB used until 2020.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PdbType } from '../src/shared/peeringdb';
import { completeRow } from '../tools/fake-peeringdb/rows';
import { DISCOVERY_AT, setMyNetworks } from './fixtures/seeded';
import { expect, test as appTest, type AppDriver } from './fixtures/app';

const HOME = 64500;
const MULTI = 64600;
const MULTI_OTHER = 64601;
const ORPHAN = 64999;

/**
 * Two IXPs. Home Net (mine) is at both. Multi Carrier's record is AS64600: its port at
 * Frankfurt carries AS64600, its port at Amsterdam AS64601. A port at Frankfurt carries
 * AS64999 for a network record the dump does not hold. Old Traffic Net says "1 Tbps+".
 */
function writePortAsnDump(path: string): void {
  const row = <T extends PdbType>(type: T, id: number, values: Parameters<typeof completeRow<T>>[3]) =>
    completeRow(type, id, DISCOVERY_AT, values);
  const port = (id: number, netId: number, asn: number, ixId: number, host: number) =>
    row('netixlan', id, {
      net_id: netId,
      ix_id: ixId,
      ixlan_id: ixId,
      asn,
      speed: 10_000,
      ipaddr4: `192.0.${ixId + 1}.${host}`,
      ipaddr6: null,
      is_rs_peer: true,
      operational: true,
    });
  const net = (id: number, name: string, asn: number, extra = {}) =>
    row('net', id, { name, asn, org_id: 1, policy_general: 'Open', info_type: 'NSP', info_types: ['NSP'], ...extra });
  const dump = {
    org: { data: [row('org', 1, { name: 'Example Holdings', country: 'DE' })], meta: {} },
    ix: {
      data: [
        row('ix', 1, { name: 'Test IX Frankfurt', city: 'Frankfurt', country: 'DE', region_continent: 'Europe', org_id: 1 }),
        row('ix', 2, { name: 'Test IX Amsterdam', city: 'Amsterdam', country: 'NL', region_continent: 'Europe', org_id: 1 }),
      ],
      meta: {},
    },
    ixlan: { data: [row('ixlan', 1, { ix_id: 1, mtu: 1500 }), row('ixlan', 2, { ix_id: 2, mtu: 1500 })], meta: {} },
    net: {
      data: [
        net(10, 'Home Net', HOME),
        net(20, 'Multi Carrier', MULTI),
        net(30, 'Old Traffic Net', 64700, { info_traffic: '1 Tbps+' }),
        net(40, 'Small Net', 64800, { info_traffic: '500-1000Gbps' }),
      ],
      meta: {},
    },
    netixlan: {
      data: [
        port(100, 10, HOME, 1, 1),
        port(101, 10, HOME, 2, 1),
        port(102, 20, MULTI, 1, 2),
        port(103, 20, MULTI_OTHER, 2, 2),
        port(104, 999, ORPHAN, 1, 3),
        port(105, 30, 64700, 1, 4),
        port(106, 40, 64800, 1, 5),
      ],
      meta: {},
    },
    poc: {
      data: [row('poc', 1, { net_id: 20, role: 'Policy', visible: 'Public', name: 'Multi Peering', email: 'peering@multi.example' })],
      meta: {},
    },
  };
  writeFileSync(path, JSON.stringify(dump));
}

const test = appTest.extend<{ seeded: AppDriver }, { dumpPath: string }>({
  dumpPath: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use, workerInfo) => {
      const path = `${workerInfo.project.outputDir}/port-asn-dump-${workerInfo.workerIndex}.json`;
      writePortAsnDump(path);
      await use(path);
    },
    { scope: 'worker' },
  ],
  seeded: async ({ app, dumpPath }, use) => {
    await app.importDump(dumpPath);
    await setMyNetworks(app, [HOME]);
    await use(app);
  },
});

test.describe('peering with the port’s ASN', () => {
  test('Peers lists each ASN of a record apart, says which record holds it, and keeps a port whose record is missing', async ({
    seeded: app,
  }) => {
    await app.menu('navigate-peers');
    const peers = app.page.getByRole('main', { name: 'Peers' });
    const table = peers.getByRole('grid', { name: 'Potential peers' });
    const rowOf = (asn: number) => table.getByRole('row').filter({ has: app.page.getByRole('gridcell', { name: `AS${asn}`, exact: true }) });
    await expect(peers.getByTestId('member-count')).toHaveText('5 of 5 potential peers');
    await expect(rowOf(MULTI_OTHER)).toContainText('Multi Carrier');
    await expect(rowOf(MULTI_OTHER)).toContainText(`Record AS${MULTI}`);
    await expect(rowOf(MULTI)).toContainText('Multi Carrier');
    await expect(rowOf(MULTI)).not.toContainText('Record');
    await expect(rowOf(ORPHAN)).toContainText('Not in the local copy');
    // No record, no page to open: the name is plain text.
    await expect(rowOf(ORPHAN).getByRole('button', { name: `AS${ORPHAN}`, exact: true })).toHaveCount(0);

    // A mark on the port's ASN hides that session, not the record's other one.
    await rowOf(MULTI_OTHER).getByRole('button', { name: 'Mark Multi Carrier' }).click();
    await app.page.getByRole('menuitemradio', { name: 'Requested' }).click();
    await expect(peers.getByTestId('member-count')).toHaveText('4 of 4 potential peers');
    await expect(rowOf(MULTI_OTHER)).toHaveCount(0);
    await expect(rowOf(MULTI)).toContainText('Multi Carrier');
  });

  test('the CSV of the peers carries the port’s ASN and says which rows lack their record', async ({ seeded: app }, testInfo) => {
    await app.menu('navigate-peers');
    const peers = app.page.getByRole('main', { name: 'Peers' });
    await expect(peers.getByTestId('member-count')).toHaveText('5 of 5 potential peers');
    const csvPath = testInfo.outputPath('peers.csv');
    await app.dialogs.answerSave(csvPath);
    const mark = await app.appEventMark();
    await peers.getByRole('button', { name: 'Export CSV…' }).click();
    await app.waitForAppEvent('export-saved', { after: mark });
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF?"ASN","Network",.*,"Network record"$/);
    const lineOf = (asn: number) => lines.find((line) => line.startsWith(`"${asn}",`)) ?? '';
    expect(lineOf(MULTI_OTHER)).toMatch(new RegExp(`^"${MULTI_OTHER}","Multi Carrier",.*,"ports of the record AS${MULTI}"$`));
    expect(lineOf(MULTI)).toMatch(new RegExp(`^"${MULTI}","Multi Carrier",.*,""$`));
    expect(lineOf(ORPHAN)).toMatch(new RegExp(`^"${ORPHAN}","AS${ORPHAN}",.*,"not in the local copy"$`));
  });

  test('the traffic filter counts a network that says "1 Tbps+" as at least 1-5 Tbps', async ({ seeded: app }) => {
    await app.menu('navigate-peers');
    const peers = app.page.getByRole('main', { name: 'Peers' });
    await peers.getByLabel('Where').selectOption({ label: 'Test IX Frankfurt' });
    await peers.getByRole('button', { name: 'Filter by traffic' }).click();
    await app.page.getByRole('dialog', { name: 'Traffic' }).getByRole('radio', { name: /^1-5Tbps/ }).check();
    await app.page.keyboard.press('Escape');
    await expect(peers.getByTestId('member-count')).toHaveText('1 of 4 potential peers');
    await expect(peers.getByRole('grid', { name: 'Potential peers' }).getByRole('row').nth(1)).toContainText('Old Traffic Net');
  });

  test('Compare meets an ASN where its ports are, and takes an ASN only ports carry from the picker', async ({ seeded: app }) => {
    await app.menu('navigate-compare');
    const compare = app.page.getByRole('main', { name: 'Compare' });
    const picker = compare.getByRole('combobox', { name: 'Add a network' });
    await picker.fill(`AS${HOME}`);
    await picker.press('Enter');
    await picker.fill(String(ORPHAN));
    await expect(compare.getByRole('option', { name: new RegExp(`AS${ORPHAN}.*Not in the local copy`) })).toBeVisible();
    await picker.press('Enter');
    await expect(compare.getByRole('list', { name: 'Networks compared' })).toContainText(`AS${ORPHAN}Not in the local copy`);
    await expect(compare.getByRole('tab', { name: 'Common IXPs (1)' })).toBeVisible();
    await expect(compare.getByRole('grid', { name: 'Common IXPs' })).toContainText('Test IX Frankfurt');

    await compare.getByRole('button', { name: `Remove AS${ORPHAN}` }).click();
    await picker.fill(`AS${MULTI_OTHER}`);
    await picker.press('Enter');
    await expect(compare.getByRole('tab', { name: 'Common IXPs (1)' })).toBeVisible();
    const common = compare.getByRole('grid', { name: 'Common IXPs' });
    await expect(common).toContainText('Test IX Amsterdam');
    await expect(common).not.toContainText('Test IX Frankfurt');
  });

  test('My networks lists the ports of an ASN that belong to another record, or to none in the copy, and says so', async ({ seeded: app }) => {
    await setMyNetworks(app, [MULTI_OTHER]);
    await app.menu('navigate-networks');
    const networks = app.page.getByRole('main', { name: 'My networks' });
    await expect(networks.getByText(`These ports carry AS${MULTI_OTHER} but belong to the PeeringDB record of Multi Carrier (AS${MULTI})`)).toBeVisible();
    const connections = networks.getByRole('grid', { name: `IXP connections of Multi Carrier (AS${MULTI_OTHER})` });
    await expect(connections.getByRole('row')).toHaveCount(2);
    await expect(connections).toContainText('Test IX Amsterdam');

    // An ASN only ports carry is offered by the picker and shows its ports, by ASN.
    const box = networks.getByRole('combobox', { name: 'Add a network' });
    await box.fill(String(ORPHAN));
    await expect(networks.getByRole('option', { name: new RegExp(`AS${ORPHAN}.*Not in the local copy`) })).toBeVisible();
    await box.press('Enter');
    await expect(networks.getByText(`The network record of AS${ORPHAN} is not in the local copy`)).toBeVisible();
    await expect(networks.getByRole('grid', { name: `IXP connections of AS${ORPHAN}` })).toContainText('Test IX Frankfurt');
  });

  test('Search finds a record by an ASN its ports carry, and its page lists both ASNs', async ({ seeded: app }) => {
    await app.menu('focus-search');
    const page = app.page.getByRole('main', { name: 'Search' });
    const box = page.getByRole('combobox', { name: /Search networks/ });
    await box.fill(`AS${MULTI_OTHER}`);
    const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await expect(first).toContainText('Multi Carrier');
    await expect(first).toContainText(`ports under AS${MULTI_OTHER}`);
    await box.press('Enter');
    await expect(page.getByRole('heading', { name: `Multi Carrier (AS${MULTI})` })).toBeVisible();
    await expect(page.getByTestId('port-asns')).toContainText(`Its ports carry several ASNs: AS${MULTI} (1 port), AS${MULTI_OTHER} (1 port).`);
    const ixps = page.getByRole('grid', { name: 'IXPs', exact: true });
    await expect(ixps.getByRole('row', { name: /Test IX Amsterdam/ })).toContainText(`AS${MULTI_OTHER}`);
  });
});

/**
 * What changed where I peer, end to end: the review queue after a resync against the fake
 * PeeringDB, and history from dump files of past dates, charted, without touching the copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_IX, HISTORY_NETS, historyDumps } from '../tools/fake-peeringdb/datasets/history-dumps';
import { startFakePeeringDb, type FakePeeringDb } from '../tools/fake-peeringdb/server';
import { expect, test as appTest, type AppDriver } from './fixtures/app';
import { setMyNetworks } from './fixtures/seeded';

const test = appTest.extend<{ peeringDb: FakePeeringDb }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  peeringDb: async ({}, use) => {
    // PeeringDB as the first history day shows it, served live.
    const server = await startFakePeeringDb({ data: historyDumps()[0]!.dump });
    await use(server);
    await server.stop();
  },
  appEnv: async ({ peeringDb }, use) => {
    await use({ PEERINGDB_URL: peeringDb.apiUrl });
  },
});

async function syncNow(app: AppDriver): Promise<void> {
  const mark = await app.appEventMark();
  await app.menu('sync-now');
  await app.waitForAppEvent('sync-done', { after: mark, timeout: 30_000 });
}

const { alpha, beta, epsilon, zeta, home } = HISTORY_NETS;

test('after a resync, the Changes screen lists what changed where my networks are, new until looked at', async ({
  app,
  peeringDb,
}, testInfo) => {
  await syncNow(app);
  await setMyNetworks(app, [home.asn]);

  // A day of PeeringDB edits.
  peeringDb.tick(3600);
  peeringDb.update('netixlan', 102, { speed: 100_000 });
  peeringDb.remove('netixlan', 104);
  peeringDb.update('net', beta.id, { policy_general: 'Restrictive' });
  peeringDb.update('poc', 1, { email: 'peering@alpha.example' });
  peeringDb.add('netixlan', {
    net_id: epsilon.id,
    ix_id: HISTORY_IX.frankfurt,
    ixlan_id: HISTORY_IX.frankfurt,
    asn: epsilon.asn,
    speed: 10_000,
    ipaddr4: '192.0.2.60',
    is_rs_peer: false,
  });
  peeringDb.cascadeDelete('net', zeta.id);
  await syncNow(app);

  const nav = app.page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByTestId('new-changes')).toHaveText('8 new');

  await app.menu('navigate-changes');
  const screen = app.page.getByRole('main', { name: 'Changes' });
  const table = screen.getByRole('grid', { name: 'Changes' });
  await expect(screen.getByTestId('change-count')).toHaveText('8 changes, 8 new');
  await expect(screen.getByRole('list', { name: 'Syncs and what they changed' })).toContainText('8 here, 8 changes everywhere');
  await expect(screen.getByRole('list', { name: 'Syncs and what they changed' })).toContainText('history starts here');
  const row = (...texts: (string | RegExp)[]) => texts.reduce((rows, text) => rows.filter({ hasText: text }), table.getByRole('row'));
  // (A string matches in any case: the kind is told from the note by what follows it.)
  await expect(row(/Deleted from PeeringDB\s*Zeta Hosting \(AS64570\)/)).toHaveCount(1);
  await expect(row(/^.*Left.*Zeta Hosting.*Hist IX Frankfurt.*deleted from PeeringDB/)).toHaveCount(1);
  await expect(row('Left', 'Zeta Hosting', 'Hist DC Frankfurt')).toHaveCount(1);
  await expect(row('Policy change', 'Beta Cloud (AS64530)', 'Selective → Restrictive')).toHaveCount(1);
  await expect(row('Policy contact change', 'Alpha Transit', 'noc@alpha.example', 'peering@alpha.example')).toHaveCount(1);
  await expect(row('Port upgrade', 'Alpha Transit (AS64520)', 'Hist IX Frankfurt', '10G → 100G')).toHaveCount(1);
  await expect(row('Left', 'Gamma Access (AS64540)', 'Hist IX Frankfurt')).toHaveCount(1);
  // A name that is markup stays text.
  await expect(row('Joined', `${epsilon.name} (AS64560)`, 'Hist IX Frankfurt', 'with 10G')).toHaveCount(1);
  await expect(screen.locator('img')).toHaveCount(0);
  // Looked at: the navigation no longer counts them, the screen still marks them for this visit.
  await expect(nav.getByTestId('new-changes')).toHaveCount(0);
  await expect(table.getByText('New', { exact: true })).not.toHaveCount(0);

  // The export carries every filtered entry, values and words; a formula-like name is neutralised.
  const exported = async (kind: string, name: string): Promise<string[]> => {
    await screen.getByLabel('Kind').selectOption({ label: kind });
    await expect(screen.getByTestId('change-count')).toHaveText(/^1 change,/);
    const csvPath = testInfo.outputPath(name);
    await app.dialogs.answerSave(csvPath);
    const mark = await app.appEventMark();
    await screen.getByRole('button', { name: 'Export CSV…' }).click();
    await app.waitForAppEvent('export-saved', { after: mark });
    return readFileSync(csvPath, 'utf8').split('\r\n').filter(Boolean);
  };
  const upgrades = await exported('Port upgrade', 'upgrades.csv');
  expect(upgrades[0]).toContain('"What","ASN","Network","Place type","Place","Country","Before","After","Change"');
  expect(upgrades[1]).toContain(`"Port upgrade","${alpha.asn}","Alpha Transit","IXP","Hist IX Frankfurt","DE","10000","100000","10G → 100G"`);
  expect(upgrades).toHaveLength(2);
  const joins = await exported('Joined', 'joins.csv');
  expect(joins[1]).toContain(`"Joined","${epsilon.asn}","'${epsilon.name}","IXP","Hist IX Frankfurt"`);
  await screen.getByLabel('Kind').selectOption({ label: 'Port upgrade' });

  // Entries link to the record pages.
  await table.getByRole('button', { name: /Alpha Transit/ }).click();
  await expect(app.page.getByRole('heading', { name: 'Alpha Transit (AS64520)' })).toBeVisible();
  const history = app.page.getByRole('region', { name: /^History/ });
  await expect(history.getByRole('list', { name: "Changes of the network's record" })).toContainText(
    'Policy contact: Alpha Peering <peering@alpha.example> since',
  );
});

test('dumps of past dates imported at once feed history and its charts, and never the copy', async ({ app }, testInfo) => {
  const paths = historyDumps()
    .reverse()
    .map(({ fileName, dump }) => {
      const path = join(testInfo.outputPath(), fileName);
      writeFileSync(path, JSON.stringify(dump));
      return path;
    });
  await app.dialogs.answerOpen(paths);
  const mark = await app.appEventMark();
  await app.menu('import-history');
  const done = await app.waitForAppEvent('history-import-done', { after: mark, timeout: 30_000 });
  expect(done.detail).toMatchObject({ phase: 'done', finished: 5, message: '5 dumps added to history.' });

  const screen = app.page.getByRole('main', { name: 'Statistics' });
  await expect(screen.getByRole('region', { name: 'History' })).toContainText('5 moments (5 from dump files)');
  await screen.getByLabel('Only my exchanges').uncheck();
  const table = screen.getByRole('grid', { name: 'Exchange statistics' });
  const frankfurt = table.getByRole('row', { name: /Hist IX Frankfurt/ });
  // Members by port ASN; Epsilon joined, Zeta left (deleted), Gamma's return is no join.
  await expect(frankfurt).toContainText(/Hist IX Frankfurt\s*DE\s*6\s*1\s*1\s*50%\s*133G\s*10G\s*Open 67%/);

  // The charts draw under the app's CSP: no inline style element, no eval.
  await app.page.evaluate(() => {
    const seen: string[] = ((window as { __cspViolations?: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
  });
  await frankfurt.getByRole('button', { name: 'Charts of Hist IX Frankfurt' }).click();
  const chart = screen.getByRole('figure', { name: 'Members and capacity of Hist IX Frankfurt over time' });
  await expect(chart).toContainText(/Members: 6 on .*2026, 6 on .*2026; capacity 43G → 133G \(5 days\)/);
  await expect(chart.locator('canvas')).toBeVisible();
  expect(await chart.locator('[data-points]').getAttribute('data-points')).toBe('5');
  const box = await chart.locator('canvas').boundingBox();
  expect(box?.width).toBeGreaterThan(100);
  await expect(screen.getByRole('figure', { name: 'Joins and leaves per month at Hist IX Frankfurt' })).toContainText(
    '1 joined and 2 left since',
  );
  await expect(screen.getByRole('figure', { name: 'Peering policies of the members of Hist IX Frankfurt' })).toContainText(
    'Open 4, Restrictive 1, No 1',
  );

  expect(await app.page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);

  // The copy is as it was: empty, so the Sync screen still offers the first sync.
  const counts = await app.page.evaluate(async () => (await window.__storeClient!.status()).counts);
  expect(Object.values(counts).every((count) => count === 0)).toBe(true);
});

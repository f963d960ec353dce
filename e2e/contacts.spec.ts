import { readFileSync, writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import type { PdbType } from '../src/shared/peeringdb';
import { completeRow } from '../tools/fake-peeringdb/rows';
import { expect, test, type AppDriver } from './fixtures/app';

const AT = Date.UTC(2026, 3, 16) / 1000;
const HOSTILE_NAME = '=HYPERLINK("http://evil")';
const SCRIPT_NAME = '<img src=x onerror=alert(1)>';

/** A small dump: one IXP, three members with contacts (hostile names included), one deleted contact. */
function writeDump(path: string): void {
  const row = <T extends PdbType>(type: T, id: number, values: Parameters<typeof completeRow<T>>[3]) =>
    completeRow(type, id, AT, values);
  const dump = {
    ix: { data: [row('ix', 1, { name: 'Test IX Frankfurt', city: 'Frankfurt', country: 'DE', org_id: 1 })], meta: {} },
    net: {
      data: [
        row('net', 10, { name: 'Alpha Net', asn: 64510, org_id: 1 }),
        row('net', 20, { name: HOSTILE_NAME, asn: 64520, org_id: 1 }),
        row('net', 30, { name: 'Gamma 🚀 مرحبا', asn: 64530, org_id: 1 }),
      ],
      meta: {},
    },
    netixlan: {
      data: [10, 20, 30].map((netId, i) =>
        row('netixlan', 100 + i, { net_id: netId, ix_id: 1, ixlan_id: 1, asn: 64500 + netId, speed: 10000, ipaddr4: `192.0.2.${i + 1}` }),
      ),
      meta: {},
    },
    poc: {
      data: [
        row('poc', 1, { net_id: 10, role: 'Policy', visible: 'Public', name: 'Alpha Peering', email: 'peering@alpha.example' }),
        row('poc', 2, { net_id: 10, role: 'NOC', visible: 'Public', name: '', email: 'peering@alpha.example', phone: '+49 69 1' }),
        row('poc', 3, { net_id: 20, role: 'Policy', visible: 'Public', name: SCRIPT_NAME, email: 'p@evil.example' }),
        row('poc', 4, { net_id: 30, role: 'Sales', visible: 'Public', name: 'Gamma Sales', email: 'sales@gamma.example' }),
        row('poc', 5, { net_id: 30, role: 'Policy', visible: 'Public', name: '', email: '', status: 'deleted' }),
      ],
      meta: {},
    },
  };
  writeFileSync(path, JSON.stringify(dump));
}

async function exportTo(app: AppDriver, button: string, path: string): Promise<string> {
  await app.dialogs.answerSave(path);
  const mark = await app.appEventMark();
  await app.page.getByRole('button', { name: button }).click();
  const event = await app.waitForAppEvent('export-saved', { after: mark });
  expect((event.detail as { path: string }).path).toBe(path);
  return readFileSync(path, 'utf8');
}

test('exports the contacts of an IXP as CSV and vCard, with hostile names inert', async ({ app }, testInfo) => {
  const dumpPath = testInfo.outputPath('dump.json');
  writeDump(dumpPath);
  await app.importDump(dumpPath);

  await app.menu('export-contacts');
  const view = app.page.getByRole('main', { name: 'Contacts' });
  await view.getByRole('radio', { name: 'Members of an IXP' }).check();
  await view.getByLabel('IXP', { exact: true }).selectOption({ label: 'Test IX Frankfurt (Frankfurt, DE; 3 networks)' });

  await expect(view.getByText('2 contacts (2 distinct addresses) for 3 networks.')).toBeVisible();
  await expect(view.getByText('1 of 3 networks has no public contact of the chosen roles.')).toBeVisible();
  await expect(view.getByText(/fetched without an API key/)).toBeVisible();
  // Shown as text, never as markup.
  await expect(view.getByRole('gridcell', { name: SCRIPT_NAME })).toBeVisible();
  await expect(view.locator('img')).toHaveCount(0);

  const csv = await exportTo(app, 'Export CSV…', testInfo.outputPath('contacts.csv'));
  expect(csv.startsWith('\uFEFF"ASN","Network","Roles"')).toBe(true);
  expect(csv).toContain('\r\n');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data.map((r) => [r.ASN, r.Network, r.Roles, r.Name, r.Email])).toEqual([
    // Members are listed by name, as the spreadsheet would sort them.
    ['64520', `'${HOSTILE_NAME}`, 'Policy', SCRIPT_NAME, 'p@evil.example'],
    ['64510', 'Alpha Net', 'Policy; NOC', 'Alpha Peering', 'peering@alpha.example'],
  ]);

  const vcf = await exportTo(app, 'Export vCard…', testInfo.outputPath('contacts.vcf'));
  const cards = ICAL.parse(vcf) as unknown as [string, [string, object, string, string][]][];
  const cardValues = cards.map(([, props]) => Object.fromEntries(props.map((p) => [p[0], p[3]])));
  expect(cardValues.map((c) => [c.version, c.fn, c.org, c.email])).toEqual([
    ['4.0', SCRIPT_NAME, HOSTILE_NAME, 'p@evil.example'],
    ['4.0', 'Alpha Peering', 'Alpha Net', 'peering@alpha.example'],
  ]);
  for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
});

test('backs up the user data and refuses a bad backup file with a clear message', async ({ app }, testInfo) => {
  await app.menu('navigate-contacts');
  const view = app.page.getByRole('main', { name: 'Contacts' });

  const backup = await exportTo(app, 'Export backup…', testInfo.outputPath('backup.json'));
  expect(JSON.parse(backup)).toMatchObject({
    format: 'peering-assistant/user-data',
    version: 2,
    myNetworks: [],
    requestLog: [],
    sessionTemplates: [],
  });

  const badPath = testInfo.outputPath('not-a-backup.json');
  writeFileSync(badPath, JSON.stringify({ hello: 'world' }));
  await app.dialogs.answerOpen(badPath);
  await view.getByRole('button', { name: 'Import backup…' }).click();
  await expect(view.getByRole('alert')).toHaveText('This is not a Peering Assistant backup. Your data was not changed.');

  await app.dialogs.answerOpen(testInfo.outputPath('backup.json'));
  await view.getByRole('button', { name: 'Import backup…' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Restored 0 networks' })).toBeVisible();
});

test('drafts a peering request with the shared IXP and both sides’ addresses, and marks the peer requested', async ({
  app,
}, testInfo) => {
  const dumpPath = testInfo.outputPath('dump.json');
  writeDump(dumpPath);
  await app.importDump(dumpPath);

  await app.menu('navigate-contacts');
  const view = app.page.getByRole('main', { name: 'Contacts' });
  // My network comes from a backup, as a user moving to a new laptop would bring it.
  const mine = testInfo.outputPath('mine.json');
  writeFileSync(
    mine,
    JSON.stringify({
      format: 'peering-assistant/user-data',
      version: 1,
      exportedAt: '2026-04-16T00:00:00Z',
      myNetworks: [{ asn: 64510, addedAt: 1 }],
      peerStates: [{ asn: 64520, state: null, note: 'Met at the RIPE meeting', updatedAt: 1 }],
      templates: [],
    }),
  );
  await app.dialogs.answerOpen(mine);
  await view.getByRole('button', { name: 'Import backup…' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Restored 1 network, 1 peer state and 0 templates' })).toBeVisible();

  await view.getByLabel('To networks (ASNs)').fill('AS64520');
  const body = view.getByLabel('Draft body');
  await expect(body).toContainText('Test IX Frankfurt');
  await expect(body).toContainText('AS64510: 192.0.2.1 (10G)');
  await expect(body).toContainText('AS64520: 192.0.2.2 (10G)');
  await expect(view.getByText('p@evil.example', { exact: true })).toBeVisible();

  await view.getByRole('button', { name: 'Open in mail program' }).click();
  await expect(
    view.getByRole('status').filter({ hasText: 'Draft to AS64520 opened in your mail program. Logged as requested today.' }),
  ).toBeVisible();

  const backup = JSON.parse(await exportTo(app, 'Export backup…', testInfo.outputPath('after.json'))) as {
    peerStates: { asn: number; state: string; requestedAt?: string; note: string }[];
  };
  const state = backup.peerStates.find((s) => s.asn === 64520);
  expect(state).toMatchObject({ state: 'requested', note: 'Met at the RIPE meeting' });
  expect(state?.requestedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

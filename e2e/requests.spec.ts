/**
 * From candidate to session: a request to a peer that shares nine exchanges (too long for a
 * mail link) goes out as an .eml file and is logged; asking again too soon is warned about;
 * follow-ups due are counted in the navigation; the peer's sessions render from a template.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { buildMailto, MAILTO_MAX_LENGTH } from '../src/shared/export/mailto';
import type { PdbType } from '../src/shared/peeringdb';
import { completeRow } from '../tools/fake-peeringdb/rows';
import type {} from '../src/renderer/src/ui/bridge/automation';
import { expect, test, type AppDriver } from './fixtures/app';

const AT = Date.UTC(2026, 3, 16) / 1000;
const EXCHANGES = 9;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * My network and Wide Net (AS64520) meet at nine exchanges, and at a tenth where Wide Net's
 * port carries ASN 64521 rather than its network's: that port is a session with AS64521, not
 * with AS64520. One of Wide Net's ports lists no address. Wide Net has no Policy contact, only
 * a NOC. Narrow Net meets me at one exchange.
 */
function writeDump(path: string): void {
  const row = <T extends PdbType>(type: T, id: number, values: Parameters<typeof completeRow<T>>[3]) => completeRow(type, id, AT, values);
  const ixIds = Array.from({ length: EXCHANGES }, (_, i) => i + 1);
  const otherAsnIx = EXCHANGES + 1;
  const port = (id: number, netId: number, asn: number, ixId: number, host: number, extra = {}) =>
    row('netixlan', id, {
      net_id: netId,
      ix_id: ixId,
      ixlan_id: ixId,
      asn,
      speed: 10_000,
      ipaddr4: `198.51.${ixId}.${host}`,
      ipaddr6: `2001:db8:${ixId}::${host}`,
      is_rs_peer: true,
      operational: true,
      ...extra,
    });
  const dump = {
    org: { data: [row('org', 1, { name: 'Example Holdings', country: 'DE' })], meta: {} },
    ix: {
      data: [...ixIds, otherAsnIx].map((id) =>
        row('ix', id, { name: `Exchange Point Number ${id} Metro`, city: 'Frankfurt', country: 'DE', org_id: 1 }),
      ),
      meta: {},
    },
    ixlan: { data: [...ixIds, otherAsnIx].map((id) => row('ixlan', id, { ix_id: id, mtu: 1500 })), meta: {} },
    net: {
      data: [
        row('net', 10, { name: 'Home Net', asn: 64500, org_id: 1, irr_as_set: 'RIPE::AS-HOME', info_prefixes4: 50, info_prefixes6: 10 }),
        row('net', 20, {
          name: 'Wide Net',
          asn: 64520,
          org_id: 1,
          irr_as_set: 'AS-WIDE@RADB',
          info_prefixes4: 1200,
          info_prefixes6: 300,
          policy_url: 'https://wide.example/peering',
        }),
        row('net', 30, { name: 'Narrow Net', asn: 64530, org_id: 1 }),
      ],
      meta: {},
    },
    netixlan: {
      data: [
        ...[...ixIds, otherAsnIx].map((ixId) => port(100 + ixId, 10, 64500, ixId, 1)),
        ...ixIds.map((ixId) => port(200 + ixId, 20, 64520, ixId, 2)),
        port(200 + otherAsnIx, 20, 64521, otherAsnIx, 2),
        port(300, 20, 64520, 2, 9, { ipaddr4: null, ipaddr6: null }),
        port(301, 30, 64530, 1, 3),
      ],
      meta: {},
    },
    poc: {
      data: [
        row('poc', 1, { net_id: 20, role: 'NOC', visible: 'Public', name: 'Wide NOC', email: 'noc@wide.example' }),
        row('poc', 2, { net_id: 30, role: 'Policy', visible: 'Public', name: 'Narrow Peering', email: 'peering@narrow.example' }),
      ],
      meta: {},
    },
  };
  writeFileSync(path, JSON.stringify(dump));
}

/** Restores the user's data as a backup file would, without the file dialog. */
async function restoreUserData(app: AppDriver, data: Record<string, unknown>): Promise<void> {
  const json = JSON.stringify({
    format: 'peering-assistant/user-data',
    version: 2,
    exportedAt: new Date().toISOString(),
    myNetworks: [{ asn: 64500, addedAt: 1 }],
    peerStates: [],
    templates: [],
    requestLog: [],
    preferences: [],
    sessionTemplates: [],
    ...data,
  });
  await app.page.evaluate(async (text) => {
    const store = window.__storeClient;
    if (!store) throw new Error('The page did not offer its store client to the test');
    await store.command('importUserData', { json: text });
  }, json);
}

async function setUp(app: AppDriver, dumpPath: string, data: Record<string, unknown> = {}): Promise<void> {
  writeDump(dumpPath);
  await app.importDump(dumpPath);
  await restoreUserData(app, data);
}

test('a request to a peer sharing nine exchanges opens as an .eml, is logged, and asking again too soon is warned about', async ({
  app,
}, testInfo) => {
  await setUp(app, testInfo.outputPath('dump.json'));
  await app.menu('navigate-contacts');
  const view = app.page.getByRole('main', { name: 'Contacts' });
  await view.getByLabel('To networks (ASNs)').fill('AS64520');

  const card = view.getByRole('article', { name: 'Draft to AS64520' });
  const body = card.getByLabel('Draft body');
  for (let ix = 1; ix <= EXCHANGES; ix++) await expect(body).toContainText(`Exchange Point Number ${ix} Metro`);
  await expect(card.getByText('AS64520 lists no Policy contact with an e-mail address: this draft goes to its NOC contact.')).toBeVisible();
  await expect(body).toContainText('so this goes to your NOC contact');
  // Far longer than a mail link can carry: that way is not offered, and the .eml has no limit.
  await expect(card.getByRole('button', { name: 'Open as mail link' })).toHaveCount(0);

  const mark = await app.appEventMark();
  await card.getByRole('button', { name: 'Open in mail program' }).click();
  const opened = await app.waitForAppEvent('draft-opened', { after: mark });
  const path = (opened.detail as { path: string }).path;
  expect(await app.openedFiles()).toEqual([path]);
  expect(path).toMatch(/peering-request-AS64520-\d{4}-\d{2}-\d{2}\.eml$/);
  const message = await PostalMime.parse(readFileSync(path, 'utf8'));
  expect(message.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['noc@wide.example']);
  expect(message.subject).toBe('Peering request: AS64500 Home Net / AS64520 Wide Net');
  for (let ix = 1; ix <= EXCHANGES; ix++) expect(message.text).toContain(`Exchange Point Number ${ix} Metro`);
  expect(message.text).toContain('We have read your peering policy at https://wide.example/peering.');
  const asLink = buildMailto({ to: ['noc@wide.example'], subject: message.subject ?? '', body: message.text ?? '' });
  expect(asLink.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
  await expect(card.getByRole('status')).toHaveText('Draft to AS64520 opened in your mail program. Logged as requested today.');

  // Asked a moment ago: the next draft to the same peer warns first.
  await view.getByLabel('To networks (ASNs)').fill('AS64520 AS64530');
  await expect(card.getByRole('alert')).toContainText('You asked AS64520 today');
  await expect(card.getByRole('button', { name: 'Open in mail program' })).toHaveCount(0);

  // Several peers: one message each, and the one asked too recently is left out.
  const bulk = view.getByRole('button', { name: 'Open 1 draft in the mail program' });
  await expect(bulk).toBeEnabled();
  await bulk.click();
  await expect(view.getByRole('status').filter({ hasText: '1 draft opened, one message per network, and logged.' })).toBeVisible();
  const files = await app.openedFiles();
  expect(files).toHaveLength(2);
  const second = await PostalMime.parse(readFileSync(files[1]!, 'utf8'));
  expect(second.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['peering@narrow.example']);

  await card.getByRole('button', { name: 'Ask AS64520 again anyway' }).click();
  await expect(card.getByRole('button', { name: 'Open in mail program' })).toBeVisible();

  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Requests/ }).click();
  const requests = app.page.getByRole('main', { name: 'Requests' });
  const log = requests.getByRole('grid', { name: 'Request log' });
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log.getByRole('row', { name: /Wide Net \(AS64520\)/ })).toContainText('noc@wide.example');
  await expect(requests.getByRole('grid', { name: 'Waiting for an answer' }).getByRole('row')).toHaveCount(3);
});

test('a draft that marked a peer requested can be undone: the request leaves the log and the peer has its mark as before', async ({
  app,
}, testInfo) => {
  await setUp(app, testInfo.outputPath('dump.json'), {
    peerStates: [{ asn: 64530, state: null, note: 'Met at the RIPE meeting', updatedAt: 1 }],
  });
  await app.menu('navigate-contacts');
  const view = app.page.getByRole('main', { name: 'Contacts' });
  await view.getByLabel('To networks (ASNs)').fill('AS64530');
  const card = view.getByRole('article', { name: 'Draft to AS64530' });
  const logged = await app.appEventMark();
  await card.getByRole('button', { name: 'Open in mail program' }).click();
  await app.waitForAppEvent('request-logged', { after: logged });

  const toast = app.page.getByTestId('notice');
  await expect(toast).toContainText('Narrow Net (AS64530) is marked as requested and the request logged.');
  await expect(card.getByRole('alert')).toContainText('You asked AS64530 today');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText('Request to Narrow Net (AS64530) taken back: out of the log, mark as it was.');
  // Nothing left to warn about: the draft can go out again.
  await expect(card.getByRole('button', { name: 'Open in mail program' })).toBeVisible();

  await app.menu('navigate-requests');
  const requests = app.page.getByRole('main', { name: 'Requests' });
  await expect(requests.getByRole('heading', { name: 'Request log (0)' })).toBeVisible();
  await expect(requests.getByRole('heading', { name: 'Waiting for an answer (0)' })).toBeVisible();
  const marks = await app.page.evaluate(() => window.__storeClient!.query('listPeerStates', {}));
  expect(marks.map(({ asn, state, note }) => ({ asn, state, note }))).toEqual([{ asn: 64530, state: null, note: 'Met at the RIPE meeting' }]);
});

test('follow-ups due are counted in the navigation and listed with their notes', async ({ app }, testInfo) => {
  const now = Date.now();
  await setUp(app, testInfo.outputPath('dump.json'), {
    peerStates: [
      { asn: 64520, state: 'requested', requestedAt: '2026-01-01', note: 'Met at the RIPE meeting', updatedAt: 1 },
      { asn: 64530, state: 'requested', note: '', updatedAt: 1 },
    ],
    requestLog: [
      { peerAsn: 64520, myAsn: 64500, at: now - 20 * DAY_MS, to: ['noc@wide.example'], ixps: ['Exchange Point Number 1 Metro'], via: 'eml' },
      { peerAsn: 64530, myAsn: 64500, at: now - 2 * DAY_MS, to: ['peering@narrow.example'], ixps: [], via: 'clipboard' },
    ],
  });

  const nav = app.page.getByRole('navigation', { name: 'Main' });
  const requestsItem = nav.getByRole('button', { name: 'Requests 1 follow-up due' });
  await expect(requestsItem).toBeVisible();
  await requestsItem.click();

  const view = app.page.getByRole('main', { name: 'Requests' });
  await expect(view.getByRole('heading', { name: 'Follow-ups due (1)' })).toBeVisible();
  const due = view.getByRole('grid', { name: 'Follow-ups due' });
  const row = due.getByRole('row', { name: /Wide Net \(AS64520\)/ });
  await expect(row).toContainText('20 days ago');
  await expect(row.getByLabel('Note on AS64520')).toHaveValue('Met at the RIPE meeting');
  await expect(view.getByRole('grid', { name: 'Waiting for an answer' }).getByRole('row', { name: /Narrow Net \(AS64530\)/ })).toContainText(
    '2 days ago',
  );

  // The peer's own page says the same.
  await app.menu('focus-search');
  const search = app.page.getByRole('main', { name: 'Search' });
  await search.getByRole('combobox', { name: /Search networks/ }).fill('wide');
  await expect(search.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Wide Net');
  await search.getByRole('combobox', { name: /Search networks/ }).press('Enter');
  await expect(search.getByRole('heading', { name: 'Wide Net (AS64520)' })).toBeVisible();
  await expect(search.getByText(/^Requested 20 days ago; follow-up due 6 days ago\.$/)).toBeVisible();
  await requestsItem.click();

  await view.getByLabel('Follow up after (days)').fill('30');
  await view.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.getByRole('heading', { name: 'Follow-ups due (0)' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Requests', exact: true })).toBeVisible();

  // The note stays through a flush of the copy.
  await app.dialogs.answerConfirm(true);
  const mark = await app.appEventMark();
  await app.menu('flush');
  await app.waitForAppEvent('flushed', { after: mark });
  await expect(view.getByRole('grid', { name: 'Waiting for an answer' }).getByLabel('Note on AS64520')).toHaveValue(
    'Met at the RIPE meeting',
  );
});

test('renders the sessions with a peer from a built-in template, saves them, and shows a template error’s line', async ({
  app,
}, testInfo) => {
  await setUp(app, testInfo.outputPath('dump.json'));
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
  const view = app.page.getByRole('main', { name: 'Sessions' });
  await view.getByLabel('Peer (ASN)').fill('64520');
  await view.getByLabel('Template', { exact: true }).selectOption({ label: 'Junos' });

  const config = view.getByLabel('Session configuration', { exact: true });
  await expect(config).toContainText('# IRR as-set: RADB::AS-WIDE (AS-WIDE@RADB)');
  await expect(config).toContainText('set protocols bgp group PEERING-V4 neighbor 198.51.1.2 peer-as 64520');
  // The port that carries AS64521 is a session with AS64521, not with Wide Net's own ASN.
  await expect(config).not.toContainText('198.51.10.2');
  await expect(config).toContainText('set protocols bgp group PEERING-V6 neighbor 2001:db8:9::2 peer-as 64520');
  await expect(config).toContainText('neighbor 198.51.9.2 local-address 198.51.9.1');
  await expect(config).toContainText('neighbor 2001:db8:9::2 family inet6 unicast prefix-limit maximum 300');
  const text = (await config.textContent()) ?? '';
  expect(text.match(/ peer-as /g)).toHaveLength(2 * EXCHANGES);

  const savePath = testInfo.outputPath('wide.txt');
  await app.dialogs.answerSave(savePath);
  const mark = await app.appEventMark();
  await view.getByRole('button', { name: 'Save as file…' }).click();
  await app.waitForAppEvent('export-saved', { after: mark });
  expect(readFileSync(savePath, 'utf8')).toBe(text);

  await view.getByRole('button', { name: 'Copy and edit…' }).click();
  const editor = view.getByLabel('Template (Jinja2)');
  await editor.fill('! {{ autonomous_system.name }}\n{% for s in sessions %}\nneighbor {{ s.ip_address }\n{% endfor %}');
  await expect(view.getByRole('alert')).toContainText('Line 3:');
  await editor.fill('{% for s in ipv4_sessions %}\nneighbor {{ s.ip_address }} remote-as {{ s.remote_asn }}\n{% endfor %}');
  await view.getByLabel('Template name').fill('My short one');
  await view.getByRole('button', { name: 'Save as my template' }).click();
  await expect(view.getByLabel('Template', { exact: true })).toHaveValue(/^user:/);
  await expect(config).toContainText('neighbor 198.51.1.2 remote-as 64520');
  await expect(config).not.toContainText('2001:db8');

  // AS64521 is offered as a peer of its own, named by the record its port belongs to.
  await view.getByLabel('Peer (ASN)').fill('64521');
  await expect(config).toContainText('neighbor 198.51.10.2 remote-as 64521');
  await expect(config).not.toContainText('198.51.1.2');
});

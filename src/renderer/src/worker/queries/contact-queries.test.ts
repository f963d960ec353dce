import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMailto } from '../../../../shared/export/mailto';
import {
  DEFAULT_PEERING_TEMPLATE,
  fillTemplate,
  PEERING_TEMPLATE_KEY,
  type DraftContext,
  type DraftTemplate,
} from '../../../../shared/export/template';
import { META, openDatabase, type PeeringDatabase } from '../db/schema';
import type { StoreContext } from '../context';
import { contactQueries } from './contact-queries';
import { buildDraftContext } from './draft';
import { ix, net, poc, port } from '../../../../../tools/fake-peeringdb/datasets/contact-rows';
import { copyOf } from '../copy/local-copy.test-support';

const decix = ix(1, 'DE-CIX Frankfurt');
const linx = ix(2, 'LINX LON1');
const solo = ix(3, 'Only Mine IX');
const me = net(10, 64500, 'My Net', { irr_as_set: 'AS-MYNET', info_prefixes4: 1500, info_prefixes6: 400 });
const them = net(20, 64501, 'Their Net', { policy_url: 'https://their.example/peering' });

const copy = copyOf({
  ix: [decix, linx, solo],
  net: [me, them],
  netixlan: [
    port(1, me, decix, '80.81.192.1', '2001:7f8::fbf4:0:1', 100000),
    port(2, them, decix, '80.81.192.2', '2001:7f8::fbf5:0:1', 10000),
    port(3, me, linx, '195.66.224.1', null),
    port(4, them, linx, null, '2001:7f8:4::fbf5:1'),
    port(5, them, linx, '195.66.224.99', null),
    port(6, me, solo, '10.0.0.1', null),
  ],
  poc: [
    poc(1, 20, 'Policy', 'peering@their.example'),
    poc(2, 20, 'Policy', 'PEERING@their.example'),
    poc(3, 20, 'NOC', 'noc@their.example'),
    poc(4, 20, 'Policy', 'old@their.example', { status: 'deleted' }),
  ],
});

function filled(template: DraftTemplate, context: DraftContext) {
  const result = fillTemplate(template, context);
  if (!result.ok) throw new Error(result.error.message);
  return result.draft;
}

let db: PeeringDatabase;
let ctx: StoreContext;
let dbCount = 0;

beforeEach(async () => {
  db = openDatabase(`contacts-ops-${++dbCount}`);
  await db.open();
  ctx = { db, copy, notifyChanged: () => {} };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('contactList', () => {
  it('tells whether contacts were fetched with an API key', async () => {
    const args = { selection: { kind: 'networks' as const, asns: [64501] }, roles: ['Policy' as const] };
    expect((await contactQueries.contactList(ctx, args)).contactsFetchedWithKey).toBe(false);
    await db.meta.put({ key: META.pocWithKey, value: true });
    const withKey = await contactQueries.contactList(ctx, args);
    expect(withKey.contactsFetchedWithKey).toBe(true);
    expect(withKey.contacts.map((c) => c.email)).toEqual(['peering@their.example']);
  });
});

describe('contactSources', () => {
  it('offers my networks and the IXPs with their member counts', async () => {
    await db.myNetworks.bulkPut([{ asn: 64500, addedAt: 1 }, { asn: 65999, addedAt: 2 }]);
    const sources = await contactQueries.contactSources(ctx, {});
    expect(sources.myNetworks).toEqual([
      { netId: 10, asn: 64500, name: 'My Net' },
      { netId: null, asn: 65999, name: 'AS65999 (not in the local copy)' },
    ]);
    expect(sources.ixps.map((i) => [i.name, i.memberCount])).toEqual([
      ['DE-CIX Frankfurt', 2],
      ['LINX LON1', 2],
      ['Only Mine IX', 1],
    ]);
  });
});

describe('peeringDraft', () => {
  it('gathers both networks, the shared IXPs with both sides’ ports, and the Policy addresses', async () => {
    const result = await contactQueries.peeringDraft(ctx, { myAsn: 64500, peerAsn: 64501 });
    if (!result.ok) throw new Error(result.error);
    expect(result.templateIsDefault).toBe(true);
    expect(result.context.to).toEqual(['peering@their.example']);
    expect(result.context.recipientRole).toBe('Policy');
    expect(result.context.sharedIxps.map((s) => s.name)).toEqual(['DE-CIX Frankfurt', 'LINX LON1']);

    const draft = filled(result.template, result.context);
    expect(draft.subject).toBe('Peering request: AS64500 My Net / AS64501 Their Net');
    expect(draft.body).toContain(
      [
        '  - DE-CIX Frankfurt',
        '    AS64500: 80.81.192.1, 2001:7f8::fbf4:0:1 (100G)',
        '    AS64501: 80.81.192.2, 2001:7f8::fbf5:0:1 (10G)',
        '  - LINX LON1',
        '    AS64500: 195.66.224.1 (10G)',
        '    AS64501: 2001:7f8:4::fbf5:1 (10G)',
        '    AS64501: 195.66.224.99 (10G)',
      ].join('\n'),
    );
    expect(draft.body).not.toContain('Only Mine IX');
    expect(draft.body).toContain('IRR as-set: AS-MYNET');
    expect(draft.body).toContain('Max prefixes: 1500 IPv4, 400 IPv6');
    expect(draft.body).toContain('https://their.example/peering');

    const mailto = buildMailto(draft);
    if (!mailto.ok) throw new Error(mailto.reason);
    expect(mailto.url.startsWith('mailto:peering@their.example?subject=Peering%20request%3A%20AS64500')).toBe(true);
    expect(decodeURIComponent(mailto.url.split('&body=')[1]!)).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('uses the template the user saved', async () => {
    await db.templates.put({ key: PEERING_TEMPLATE_KEY, subject: 'Hi {{peer_name}}', body: 'From AS{{my_asn}}', updatedAt: 1 });
    const result = await contactQueries.peeringDraft(ctx, { myAsn: 64500, peerAsn: 64501 });
    if (!result.ok) throw new Error(result.error);
    expect(result.templateIsDefault).toBe(false);
    expect(filled(result.template, result.context)).toMatchObject({ subject: 'Hi Their Net', body: 'From AS64500' });
    expect(result.template).not.toEqual(DEFAULT_PEERING_TEMPLATE);
  });

  it('writes to the NOC, then to Technical, when the peer has no Policy address, and says when there is none', async () => {
    const quiet = net(30, 64530, 'Quiet Net');
    const ports = [port(1, me, decix, '80.81.192.1', null), port(7, quiet, decix, '80.81.192.3', null)];
    const draftWith = async (pocs: ReturnType<typeof poc>[]) => {
      const result = await contactQueries.peeringDraft(
        { ...ctx, copy: copyOf({ ix: [decix], net: [me, quiet], netixlan: ports, poc: pocs }) },
        { myAsn: 64500, peerAsn: 64530 },
      );
      if (!result.ok) throw new Error(result.error);
      return result.context;
    };
    expect(
      await draftWith([poc(1, 30, 'Technical', 'tech@quiet.example'), poc(2, 30, 'NOC', 'noc@quiet.example'), poc(3, 30, 'Policy', '')]),
    ).toMatchObject({ to: ['noc@quiet.example'], recipientRole: 'NOC' });
    expect(await draftWith([poc(1, 30, 'Technical', 'tech@quiet.example'), poc(2, 30, 'Sales', 'sales@quiet.example')])).toMatchObject({
      to: ['tech@quiet.example'],
      recipientRole: 'Technical',
    });
    expect(await draftWith([poc(2, 30, 'Sales', 'sales@quiet.example')])).toMatchObject({ to: [], recipientRole: null });
  });

  it('drafts to the ASN a port carries, which can differ from its network’s, named by that network', async () => {
    const other = { ...port(2, them, decix, '80.81.192.2', null), asn: 64999 };
    const result = await contactQueries.peeringDraft(
      { ...ctx, copy: copyOf({ ix: [decix], net: [me, them], netixlan: [port(1, me, decix, '80.81.192.1', null), other] }) },
      { myAsn: 64500, peerAsn: 64999 },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.context.peer).toMatchObject({ asn: 64999, name: 'Their Net' });
    expect(result.context.sharedIxps[0]?.theirs.map((p) => p.asn)).toEqual([64999]);
  });

  it('explains why a draft cannot be built', async () => {
    expect(await contactQueries.peeringDraft(ctx, { myAsn: 65999, peerAsn: 64501 })).toEqual({
      ok: false,
      error: 'AS65999 is not in the local copy. Sync, or check your networks.',
    });
    expect(await contactQueries.peeringDraft(ctx, { myAsn: 64500, peerAsn: 64500 })).toMatchObject({ ok: false });
  });
});

describe('peeringDraft by the ASN of the ports', () => {
  // Their Net's ports at LINX carry AS64509; a port at DE-CIX carries AS64599, whose record
  // the copy lacks.
  const portCopy = copyOf({
    ix: [decix, linx],
    net: [me, them],
    netixlan: [
      port(1, me, decix, '80.81.192.1', null),
      port(2, me, linx, '195.66.224.1', null),
      port(3, them, decix, '80.81.192.2', null),
      { ...port(4, them, linx, '195.66.224.9', null), asn: 64509 },
      { ...port(5, them, decix, '80.81.192.99', null), net_id: 99, asn: 64599 },
    ],
    poc: [poc(1, 20, 'Policy', 'peering@their.example')],
  });

  it('shares only the IXPs where ports carry the peer’s ASN, and names the record behind it', () => {
    const result = buildDraftContext(portCopy, 64500, 64509);
    if (!result.ok) throw new Error(result.error);
    expect(result.context.peer).toMatchObject({ asn: 64509, name: 'Their Net' });
    expect(result.context.sharedIxps.map((s) => [s.name, s.theirs.map((p) => p.ipv4)])).toEqual([['LINX LON1', ['195.66.224.9']]]);
    expect(result.context.to).toEqual(['peering@their.example']);
    const own = buildDraftContext(portCopy, 64500, 64501);
    if (!own.ok) throw new Error(own.error);
    expect(own.context.sharedIxps.map((s) => s.name)).toEqual(['DE-CIX Frankfurt']);
  });

  it('drafts to an ASN seen only on ports, by its ASN, with nobody to write to yet', () => {
    const result = buildDraftContext(portCopy, 64500, 64599);
    if (!result.ok) throw new Error(result.error);
    expect(result.context.peer).toEqual({
      asn: 64599,
      name: 'AS64599',
      irrAsSet: '',
      maxPrefixes4: null,
      maxPrefixes6: null,
      policyUrl: '',
      policyGeneral: '',
    });
    expect(result.context.recipientRole).toBeNull();
    expect(result.context.sharedIxps.map((s) => s.name)).toEqual(['DE-CIX Frankfurt']);
    expect(result.context.to).toEqual([]);
  });
});

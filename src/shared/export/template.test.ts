import { describe, expect, it } from 'vitest';
import { DEFAULT_PEERING_TEMPLATE, fillTemplate, PLACEHOLDER_NAMES, recipientNote, type DraftContext, type FilledDraft } from './template';

const context: DraftContext = {
  me: { asn: 64500, name: 'Example Net', irrAsSet: 'AS-EXAMPLE', maxPrefixes4: 1200, maxPrefixes6: 300, policyUrl: '', policyGeneral: 'Open' },
  peer: {
    asn: 64501,
    name: 'Other <b>Net</b> {{my_asn}}',
    irrAsSet: '',
    maxPrefixes4: null,
    maxPrefixes6: 10,
    policyUrl: 'https://other.example/policy',
    policyGeneral: 'Selective',
  },
  sharedIxps: [
    {
      ixId: 1,
      name: 'DE-CIX Frankfurt',
      mine: [{ asn: 64500, ipv4: '80.81.192.1', ipv6: '2001:7f8::fbf4:0:1', speed: 100000, isRsPeer: true }],
      theirs: [
        { asn: 64501, ipv4: '80.81.192.2', ipv6: null, speed: 10000, isRsPeer: true },
        { asn: 64502, ipv4: null, ipv6: '2001:7f8::fbf5:0:2', speed: 2500, isRsPeer: false },
      ],
    },
    {
      ixId: 2,
      name: 'AMS-IX',
      mine: [{ asn: 64500, ipv4: '80.249.208.1', ipv6: '2001:7f8:1::a506:4500:1', speed: 400, isRsPeer: false }],
      theirs: [],
    },
  ],
  to: ['peering@other.example'],
  recipientRole: 'Policy',
};

function filled(template = DEFAULT_PEERING_TEMPLATE, ctx: DraftContext = context): FilledDraft {
  const result = fillTemplate(template, ctx);
  if (!result.ok) throw new Error(`${result.part} line ${result.error.line}: ${result.error.message}`);
  return result.draft;
}

describe('fillTemplate', () => {
  it('fills the default template with both networks and the shared IXPs with both sides’ addresses', () => {
    const draft = filled();
    expect(draft.subject).toBe('Peering request: AS64500 Example Net / AS64501 Other <b>Net</b> {{my_asn}}');
    expect(draft.to).toEqual(['peering@other.example']);
    expect(draft.unknownPlaceholders).toEqual([]);
    expect(draft.body).toContain(
      [
        '  - DE-CIX Frankfurt',
        '    AS64500: 80.81.192.1, 2001:7f8::fbf4:0:1 (100G)',
        '    AS64501: 80.81.192.2 (10G)',
        // This port carries another ASN than its network's: the request says which.
        '    AS64502: 2001:7f8::fbf5:0:2 (2.5G)',
        '  - AMS-IX',
        '    AS64500: 80.249.208.1, 2001:7f8:1::a506:4500:1 (400M)',
        '    AS64501: not listed',
      ].join('\n'),
    );
    expect(draft.body).toContain('IRR as-set: AS-EXAMPLE');
    expect(draft.body).toContain('Max prefixes: 1200 IPv4, 300 IPv6');
    expect(draft.body).toContain('We have read your peering policy at https://other.example/policy.');
    expect(draft.body).not.toContain('pass it on');
  });

  it('does not claim to have read a policy that PeeringDB does not list', () => {
    const draft = filled(DEFAULT_PEERING_TEMPLATE, { ...context, peer: { ...context.peer, policyUrl: '' } });
    expect(draft.body).not.toMatch(/read your peering policy/);
    expect(draft.body).toContain('We found no published peering policy for AS64501');
  });

  it('says in the message when it goes to the NOC or Technical contact', () => {
    const draft = filled(DEFAULT_PEERING_TEMPLATE, { ...context, recipientRole: 'NOC', to: ['noc@other.example'] });
    expect(draft.body).toContain('PeeringDB lists no peering policy contact for AS64501, so this goes to your NOC contact: please pass it on.');
  });

  it('inserts PeeringDB text as written, never expanding placeholders inside it', () => {
    expect(filled({ subject: '{{peer_name}}', body: '{{ peer_name }}|{{peer_asn}}' }).body).toBe('Other <b>Net</b> {{my_asn}}|64501');
  });

  it('names simple placeholders it does not know; they come out empty', () => {
    const draft = filled({ subject: 'Hi {{nickname}}', body: '{{my_asn}} {{unknown_thing}}' });
    expect(draft.subject).toBe('Hi');
    expect(draft.body).toBe('64500 ');
    expect(draft.unknownPlaceholders).toEqual(['nickname', 'unknown_thing']);
  });

  it('says "not listed" for missing values and notes when no IXP is shared', () => {
    const draft = filled(
      { subject: '', body: '{{peer_as_set}} / {{peer_max_prefixes_v4}} / {{shared_ixp_names}}\n{{shared_ixps}}' },
      { ...context, sharedIxps: [] },
    );
    expect(draft.body).toBe('not listed / not listed / none\n  (no shared exchange in the local copy)');
  });

  it('gives Jinja templates the structured data, with the peer’s port ASN and both as-set forms', () => {
    const draft = filled(
      {
        subject: '',
        body: '{% for ixp in ixps %}{{ ixp.name }}:{% for s in ixp.sessions %} {{ s.ip_address }}/AS{{ s.remote_asn }}{% endfor %};{% endfor %} {{ local_as.irr_as_set_at }}',
      },
      { ...context, sharedIxps: [{ ...context.sharedIxps[0]!, theirs: [{ ...context.sharedIxps[0]!.theirs[0]!, asn: 64999 }] }] },
    );
    expect(draft.body).toBe('DE-CIX Frankfurt: 80.81.192.2/AS64999; AS-EXAMPLE');
  });

  it('reports a template error with its part and line', () => {
    const result = fillTemplate({ subject: 'ok', body: 'line 1\n{% for x in %}' }, context);
    expect(result).toMatchObject({ ok: false, part: 'body', error: { line: 2 } });
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const draft = filled({ subject: 'Peering {{peer_name}}', body: '' }, { ...context, peer: { ...context.peer, name: 'Evil\r\nBcc: x@example.com' } });
    expect(draft.subject).toBe('Peering Evil Bcc: x@example.com');
  });

  it('lists every placeholder it knows', () => {
    expect(PLACEHOLDER_NAMES).toEqual(expect.arrayContaining(['my_asn', 'peer_policy_url', 'shared_ixps', 'my_as_set']));
  });
});

describe('recipientNote', () => {
  it('is silent for Policy contacts and says which role or that there is no address at all', () => {
    expect(recipientNote(context)).toBeNull();
    expect(recipientNote({ ...context, recipientRole: 'Technical' })).toBe(
      'AS64501 lists no Policy contact with an e-mail address: this draft goes to its Technical contact.',
    );
    expect(recipientNote({ ...context, recipientRole: null })).toMatch(/^AS64501 lists no e-mail address for its Policy, NOC or Technical contacts/);
  });
});

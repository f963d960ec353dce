import { describe, expect, it } from 'vitest';
import { DEFAULT_PEERING_TEMPLATE, fillTemplate, PLACEHOLDER_NAMES, type DraftContext } from './template';

const context: DraftContext = {
  me: { asn: 64500, name: 'Example Net', irrAsSet: 'AS-EXAMPLE', maxPrefixes4: 1200, maxPrefixes6: 300, policyUrl: '' },
  peer: {
    asn: 64501,
    name: 'Other <b>Net</b> {{my_asn}}',
    irrAsSet: '',
    maxPrefixes4: null,
    maxPrefixes6: 10,
    policyUrl: 'https://other.example/policy',
  },
  sharedIxps: [
    {
      ixId: 1,
      name: 'DE-CIX Frankfurt',
      mine: [{ ipv4: '80.81.192.1', ipv6: '2001:7f8::fbf4:0:1', speed: 100000 }],
      theirs: [
        { ipv4: '80.81.192.2', ipv6: null, speed: 10000 },
        { ipv4: null, ipv6: '2001:7f8::fbf5:0:2', speed: 2500 },
      ],
    },
    { ixId: 2, name: 'AMS-IX', mine: [{ ipv4: '80.249.208.1', ipv6: '2001:7f8:1::a506:4500:1', speed: 400 }], theirs: [] },
  ],
  to: ['peering@other.example'],
};

describe('fillTemplate', () => {
  it('fills the default template with both networks and the shared IXPs with both sides’ addresses', () => {
    const draft = fillTemplate(DEFAULT_PEERING_TEMPLATE, context);
    expect(draft.subject).toBe('Peering request: AS64500 Example Net / AS64501 Other <b>Net</b> {{my_asn}}');
    expect(draft.to).toEqual(['peering@other.example']);
    expect(draft.unknownPlaceholders).toEqual([]);
    expect(draft.body).toContain(
      [
        '  - DE-CIX Frankfurt',
        '    AS64500: 80.81.192.1, 2001:7f8::fbf4:0:1 (100G)',
        '    AS64501: 80.81.192.2 (10G)',
        '    AS64501: 2001:7f8::fbf5:0:2 (2.5G)',
        '  - AMS-IX',
        '    AS64500: 80.249.208.1, 2001:7f8:1::a506:4500:1 (400M)',
        '    AS64501: not listed',
      ].join('\n'),
    );
    expect(draft.body).toContain('IRR as-set: AS-EXAMPLE');
    expect(draft.body).toContain('Max prefixes: 1200 IPv4, 300 IPv6');
    expect(draft.body).toContain('https://other.example/policy');
    expect(draft.body).not.toMatch(/\{\{(?!my_asn\}\})/);
  });

  it('inserts PeeringDB text as written, never expanding placeholders inside it', () => {
    const draft = fillTemplate({ subject: '{{peer_name}}', body: '{{ peer_name }}|{{PEER_ASN}}' }, context);
    expect(draft.body).toBe('Other <b>Net</b> {{my_asn}}|64501');
  });

  it('leaves unknown placeholders in place and names them', () => {
    const draft = fillTemplate({ subject: 'Hi {{nickname}}', body: '{{my_asn}} {{unknown_thing}}' }, context);
    expect(draft.subject).toBe('Hi {{nickname}}');
    expect(draft.body).toBe('64500 {{unknown_thing}}');
    expect(draft.unknownPlaceholders).toEqual(['nickname', 'unknown_thing']);
  });

  it('says "not listed" for missing values and notes when no IXP is shared', () => {
    const draft = fillTemplate(
      { subject: '', body: '{{peer_as_set}} / {{peer_max_prefixes_v4}} / {{shared_ixp_names}}\n{{shared_ixps}}' },
      { ...context, sharedIxps: [] },
    );
    expect(draft.body).toBe('not listed / not listed / none\n  (no shared exchange in the local copy)');
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const draft = fillTemplate(
      { subject: 'Peering {{peer_name}}', body: '' },
      { ...context, peer: { ...context.peer, name: 'Evil\r\nBcc: x@example.com' } },
    );
    expect(draft.subject).toBe('Peering Evil Bcc: x@example.com');
  });

  it('lists every placeholder it knows', () => {
    expect(PLACEHOLDER_NAMES).toEqual(expect.arrayContaining(['my_asn', 'peer_policy_url', 'shared_ixps', 'my_as_set']));
  });
});

import { describe, expect, it } from 'vitest';
import { BUILTIN_SESSION_TEMPLATES } from './builtin-templates';
import { renderSessionConfig } from './render';
import { KNOWN_PEER_CONTEXT } from './session.test-support';

/**
 * The known peer: at Frankfurt its port has ASN 64521 (not the network's 64520) and both
 * families; at Amsterdam I have no IPv6, and one of its ports lists no address at all. Its
 * name tries to close a quoted description and open a block.
 */
const EXPECTED: [string, string[]][] = [
  [
    'builtin:bird2',
    [
      '# AS64520 Alpha Transit protocol evil',
      '# IRR as-set: RIPE::AS-ALPHA (AS-ALPHA@RIPE)',
      '',
      'protocol bgp as64521_ix1_v4 {',
      '  description "AS64521 Alpha Transit protocol evil at Test IX Frankfurt";',
      '  local 192.0.2.1 as 64500;',
      '  neighbor 192.0.2.2 as 64521;',
      '  ipv4 {',
      '    import limit 1200 action restart;',
      '    import filter peer_import_v4;',
      '    export filter peer_export_v4;',
      '  };',
      '}',
      '',
      'protocol bgp as64521_ix1_v6 {',
      '  description "AS64521 Alpha Transit protocol evil at Test IX Frankfurt";',
      '  local 2001:db8:1::1 as 64500;',
      '  neighbor 2001:db8:1::2 as 64521;',
      '  ipv6 {',
      '    import filter peer_import_v6;',
      '    export filter peer_export_v6;',
      '  };',
      '}',
      '',
      'protocol bgp as64520_ix2_v4 {',
      '  description "AS64520 Alpha Transit protocol evil at Test IX Amsterdam";',
      '  local 192.0.3.1 as 64500;',
      '  neighbor 192.0.3.2 as 64520;',
      '  ipv4 {',
      '    import limit 1200 action restart;',
      '    import filter peer_import_v4;',
      '    export filter peer_export_v4;',
      '  };',
      '}',
    ],
  ],
  [
    'builtin:frr',
    [
      '! AS64520 Alpha Transit protocol evil',
      '! IRR as-set: RIPE::AS-ALPHA (AS-ALPHA@RIPE)',
      'router bgp 64500',
      ' neighbor 192.0.2.2 remote-as 64521',
      ' neighbor 192.0.2.2 description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      ' neighbor 2001:db8:1::2 remote-as 64521',
      ' neighbor 2001:db8:1::2 description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      ' neighbor 192.0.3.2 remote-as 64520',
      ' neighbor 192.0.3.2 description AS64520 Alpha Transit protocol evil (Test IX Amsterdam)',
      ' address-family ipv4 unicast',
      '  neighbor 192.0.2.2 activate',
      '  neighbor 192.0.2.2 maximum-prefix 1200',
      '  neighbor 192.0.2.2 route-map PEER-IN-V4 in',
      '  neighbor 192.0.2.2 route-map PEER-OUT-V4 out',
      '  neighbor 192.0.3.2 activate',
      '  neighbor 192.0.3.2 maximum-prefix 1200',
      '  neighbor 192.0.3.2 route-map PEER-IN-V4 in',
      '  neighbor 192.0.3.2 route-map PEER-OUT-V4 out',
      ' exit-address-family',
      ' address-family ipv6 unicast',
      '  neighbor 2001:db8:1::2 activate',
      '  neighbor 2001:db8:1::2 route-map PEER-IN-V6 in',
      '  neighbor 2001:db8:1::2 route-map PEER-OUT-V6 out',
      ' exit-address-family',
    ],
  ],
  [
    'builtin:junos',
    [
      '# AS64520 Alpha Transit protocol evil',
      '# IRR as-set: RIPE::AS-ALPHA (AS-ALPHA@RIPE)',
      'set protocols bgp group PEERING-V4 neighbor 192.0.2.2 description "AS64521 Alpha Transit protocol evil at Test IX Frankfurt"',
      'set protocols bgp group PEERING-V4 neighbor 192.0.2.2 peer-as 64521',
      'set protocols bgp group PEERING-V4 neighbor 192.0.2.2 local-address 192.0.2.1',
      'set protocols bgp group PEERING-V4 neighbor 192.0.2.2 family inet unicast prefix-limit maximum 1200',
      'set protocols bgp group PEERING-V6 neighbor 2001:db8:1::2 description "AS64521 Alpha Transit protocol evil at Test IX Frankfurt"',
      'set protocols bgp group PEERING-V6 neighbor 2001:db8:1::2 peer-as 64521',
      'set protocols bgp group PEERING-V6 neighbor 2001:db8:1::2 local-address 2001:db8:1::1',
      'set protocols bgp group PEERING-V4 neighbor 192.0.3.2 description "AS64520 Alpha Transit protocol evil at Test IX Amsterdam"',
      'set protocols bgp group PEERING-V4 neighbor 192.0.3.2 peer-as 64520',
      'set protocols bgp group PEERING-V4 neighbor 192.0.3.2 local-address 192.0.3.1',
      'set protocols bgp group PEERING-V4 neighbor 192.0.3.2 family inet unicast prefix-limit maximum 1200',
    ],
  ],
  [
    'builtin:iosxr',
    [
      '! AS64520 Alpha Transit protocol evil',
      '! IRR as-set: RIPE::AS-ALPHA (AS-ALPHA@RIPE)',
      'router bgp 64500',
      ' neighbor 192.0.2.2',
      '  remote-as 64521',
      '  description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      '  address-family ipv4 unicast',
      '   maximum-prefix 1200 90',
      '   route-policy PEER-IN-V4 in',
      '   route-policy PEER-OUT-V4 out',
      '  !',
      ' !',
      ' neighbor 2001:db8:1::2',
      '  remote-as 64521',
      '  description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      '  address-family ipv6 unicast',
      '   route-policy PEER-IN-V6 in',
      '   route-policy PEER-OUT-V6 out',
      '  !',
      ' !',
      ' neighbor 192.0.3.2',
      '  remote-as 64520',
      '  description AS64520 Alpha Transit protocol evil (Test IX Amsterdam)',
      '  address-family ipv4 unicast',
      '   maximum-prefix 1200 90',
      '   route-policy PEER-IN-V4 in',
      '   route-policy PEER-OUT-V4 out',
      '  !',
      ' !',
      '!',
    ],
  ],
  [
    'builtin:eos',
    [
      '! AS64520 Alpha Transit protocol evil',
      '! IRR as-set: RIPE::AS-ALPHA (AS-ALPHA@RIPE)',
      'router bgp 64500',
      '   neighbor 192.0.2.2 remote-as 64521',
      '   neighbor 192.0.2.2 description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      '   neighbor 192.0.2.2 maximum-routes 1200',
      '   neighbor 192.0.2.2 route-map PEER-IN-V4 in',
      '   neighbor 192.0.2.2 route-map PEER-OUT-V4 out',
      '   neighbor 2001:db8:1::2 remote-as 64521',
      '   neighbor 2001:db8:1::2 description AS64521 Alpha Transit protocol evil (Test IX Frankfurt)',
      '   neighbor 2001:db8:1::2 route-map PEER-IN-V6 in',
      '   neighbor 2001:db8:1::2 route-map PEER-OUT-V6 out',
      '   neighbor 192.0.3.2 remote-as 64520',
      '   neighbor 192.0.3.2 description AS64520 Alpha Transit protocol evil (Test IX Amsterdam)',
      '   neighbor 192.0.3.2 maximum-routes 1200',
      '   neighbor 192.0.3.2 route-map PEER-IN-V4 in',
      '   neighbor 192.0.3.2 route-map PEER-OUT-V4 out',
      '   address-family ipv4',
      '      neighbor 192.0.2.2 activate',
      '      neighbor 192.0.3.2 activate',
      '   address-family ipv6',
      '      neighbor 2001:db8:1::2 activate',
    ],
  ],
];

function rendered(key: string, context = KNOWN_PEER_CONTEXT): string {
  const template = BUILTIN_SESSION_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`no template ${key}`);
  const result = renderSessionConfig(template.body, context);
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result.text;
}

describe('built-in session templates', () => {
  it('ship one template per router family', () => {
    expect(BUILTIN_SESSION_TEMPLATES.map((t) => t.name)).toEqual(['BIRD 2', 'FRRouting', 'Junos', 'Cisco IOS XR', 'Arista EOS']);
  });

  it.each(EXPECTED)('%s renders the known peer as expected', (key, lines) => {
    expect(rendered(key)).toBe(`${lines.join('\n')}\n`);
  });

  it.each(EXPECTED.map(([key]) => key))('%s says so when no session can be configured', (key) => {
    const text = rendered(key, { ...KNOWN_PEER_CONTEXT, sharedIxps: [] });
    expect(text).toMatch(/No session: no shared exchange/);
    expect(text).not.toMatch(/neighbor \d/);
  });
});

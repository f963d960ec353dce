/**
 * Session templates that ship with the app, one per router family. They configure one BGP
 * session per peer address at each shared exchange, with the peer's port ASN and max-prefix
 * limits, and leave routing policy to named policies the user already has (a missing policy
 * fails the commit instead of leaking routes). Names pass through safe_string: PeeringDB text
 * is anyone's, and a quote or a newline in a description would end it.
 */

export interface SessionTemplate {
  /** Stable id: `builtin:<platform>` for these, `user:<n>` for the user's. */
  key: string;
  name: string;
  body: string;
  builtin: boolean;
}

const HEADER_LINES = (comment: string) => [
  `${comment} AS{{ autonomous_system.asn }} {{ autonomous_system.name | safe_string }}`,
  '{%- if autonomous_system.irr_as_set_colon %}',
  `${comment} IRR as-set: {{ autonomous_system.irr_as_set_colon }} ({{ autonomous_system.irr_as_set_at }})`,
  '{%- endif %}',
  '{%- if not sessions %}',
  `${comment} No session: no shared exchange where both sides list an address of the same family.`,
  '{%- endif %}',
];

const BIRD2 = [
  ...HEADER_LINES('#'),
  '{%- for ixp in ixps %}',
  '{%- for session in ixp.sessions %}',
  '',
  'protocol bgp {{ session.slug }} {',
  '  description "AS{{ session.remote_asn }} {{ autonomous_system.name | safe_string }} at {{ ixp.name | safe_string }}";',
  '  local {{ session.local_ip_address }} as {{ session.local_asn }};',
  '  neighbor {{ session.ip_address }} as {{ session.remote_asn }};',
  '  ipv{{ session.ip_version }} {',
  '{%- if session.max_prefix %}',
  '    import limit {{ session.max_prefix }} action restart;',
  '{%- endif %}',
  '    import filter peer_import_v{{ session.ip_version }};',
  '    export filter peer_export_v{{ session.ip_version }};',
  '  };',
  '}',
  '{%- endfor %}',
  '{%- endfor %}',
].join('\n');

const FRR = [
  ...HEADER_LINES('!'),
  'router bgp {{ local_as.asn }}',
  '{%- for session in sessions %}',
  ' neighbor {{ session.ip_address }} remote-as {{ session.remote_asn }}',
  ' neighbor {{ session.ip_address }} description AS{{ session.remote_asn }} {{ autonomous_system.name | safe_string }} ({{ session.ixp_name | safe_string }})',
  '{%- endfor %}',
  '{%- for family_sessions in [ipv4_sessions, ipv6_sessions] %}',
  '{%- if family_sessions %}',
  '{%- set family = family_sessions[0].ip_version %}',
  ' address-family ipv{{ family }} unicast',
  '{%- for session in family_sessions %}',
  '  neighbor {{ session.ip_address }} activate',
  '{%- if session.max_prefix %}',
  '  neighbor {{ session.ip_address }} maximum-prefix {{ session.max_prefix }}',
  '{%- endif %}',
  '  neighbor {{ session.ip_address }} route-map PEER-IN-V{{ family }} in',
  '  neighbor {{ session.ip_address }} route-map PEER-OUT-V{{ family }} out',
  '{%- endfor %}',
  ' exit-address-family',
  '{%- endif %}',
  '{%- endfor %}',
].join('\n');

const JUNOS = [
  ...HEADER_LINES('#'),
  '{%- for session in sessions %}',
  '{%- set group = "PEERING-V" ~ session.ip_version %}',
  'set protocols bgp group {{ group }} neighbor {{ session.ip_address }} description "AS{{ session.remote_asn }} {{ autonomous_system.name | safe_string }} at {{ session.ixp_name | safe_string }}"',
  'set protocols bgp group {{ group }} neighbor {{ session.ip_address }} peer-as {{ session.remote_asn }}',
  'set protocols bgp group {{ group }} neighbor {{ session.ip_address }} local-address {{ session.local_ip_address }}',
  '{%- if session.max_prefix %}',
  'set protocols bgp group {{ group }} neighbor {{ session.ip_address }} family inet{{ "6" if session.ip_version == 6 else "" }} unicast prefix-limit maximum {{ session.max_prefix }}',
  '{%- endif %}',
  '{%- endfor %}',
].join('\n');

const IOS_XR = [
  ...HEADER_LINES('!'),
  'router bgp {{ local_as.asn }}',
  '{%- for session in sessions %}',
  ' neighbor {{ session.ip_address }}',
  '  remote-as {{ session.remote_asn }}',
  '  description AS{{ session.remote_asn }} {{ autonomous_system.name | safe_string }} ({{ session.ixp_name | safe_string }})',
  '  address-family ipv{{ session.ip_version }} unicast',
  '{%- if session.max_prefix %}',
  '   maximum-prefix {{ session.max_prefix }} 90',
  '{%- endif %}',
  '   route-policy PEER-IN-V{{ session.ip_version }} in',
  '   route-policy PEER-OUT-V{{ session.ip_version }} out',
  '  !',
  ' !',
  '{%- endfor %}',
  '!',
].join('\n');

const ARISTA_EOS = [
  ...HEADER_LINES('!'),
  'router bgp {{ local_as.asn }}',
  '{%- for session in sessions %}',
  '   neighbor {{ session.ip_address }} remote-as {{ session.remote_asn }}',
  '   neighbor {{ session.ip_address }} description AS{{ session.remote_asn }} {{ autonomous_system.name | safe_string }} ({{ session.ixp_name | safe_string }})',
  '{%- if session.max_prefix %}',
  '   neighbor {{ session.ip_address }} maximum-routes {{ session.max_prefix }}',
  '{%- endif %}',
  '   neighbor {{ session.ip_address }} route-map PEER-IN-V{{ session.ip_version }} in',
  '   neighbor {{ session.ip_address }} route-map PEER-OUT-V{{ session.ip_version }} out',
  '{%- endfor %}',
  '{%- for family_sessions in [ipv4_sessions, ipv6_sessions] %}',
  '{%- if family_sessions %}',
  '{%- set family = family_sessions[0].ip_version %}',
  '   address-family ipv{{ family }}',
  '{%- for session in family_sessions %}',
  '      neighbor {{ session.ip_address }} activate',
  '{%- endfor %}',
  '{%- endif %}',
  '{%- endfor %}',
].join('\n');

export const BUILTIN_SESSION_TEMPLATES: readonly SessionTemplate[] = [
  { key: 'builtin:bird2', name: 'BIRD 2', body: BIRD2, builtin: true },
  { key: 'builtin:frr', name: 'FRRouting', body: FRR, builtin: true },
  { key: 'builtin:junos', name: 'Junos', body: JUNOS, builtin: true },
  { key: 'builtin:iosxr', name: 'Cisco IOS XR', body: IOS_XR, builtin: true },
  { key: 'builtin:eos', name: 'Arista EOS', body: ARISTA_EOS, builtin: true },
];

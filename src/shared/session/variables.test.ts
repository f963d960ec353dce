import { describe, expect, it } from 'vitest';
import { renderSessionConfig } from './render';
import { safeString, templateVariables } from './variables';
import { KNOWN_PEER_CONTEXT } from './session.test-support';

function render(source: string): string {
  const result = renderSessionConfig(source, KNOWN_PEER_CONTEXT);
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result.text.trimEnd();
}

describe('templateVariables', () => {
  it('pairs each peer address with my address of the same family at the exchange, with the port’s ASN', () => {
    const variables = templateVariables(KNOWN_PEER_CONTEXT);
    expect(variables.sessions.map((s) => [s.ixp_name, s.ip_address, s.local_ip_address, s.remote_asn, s.max_prefix])).toEqual([
      ['Test IX Frankfurt', '192.0.2.2', '192.0.2.1', 64521, 1200],
      ['Test IX Frankfurt', '2001:db8:1::2', '2001:db8:1::1', 64521, null],
      // Amsterdam: I have no IPv6 there, and the peer's port without an address gives no session.
      ['Test IX Amsterdam', '192.0.3.2', '192.0.3.1', 64520, 1200],
    ]);
    expect(variables.ixps[1]).toMatchObject({ remote_ipv6: ['2001:db8:2::2'], local_ipv6: [] });
    expect(variables.autonomous_system).toMatchObject({ irr_as_set_at: 'AS-ALPHA@RIPE', irr_as_set_colon: 'RIPE::AS-ALPHA' });
    expect(variables.local_as).toMatchObject({ irr_as_set_at: 'AS-HOME@RIPE', irr_as_set_colon: 'RIPE::AS-HOME' });
  });
});

describe('Peering Manager’s filters', () => {
  it('read sessions and addresses', () => {
    expect(render('{% for s in ixps[0] | sessions(6) %}{{ s | ip }} v{{ s | ip_version }} max {{ s | max_prefix }}{% endfor %}')).toBe(
      '2001:db8:1::2 v6 max',
    );
    expect(render('{{ ixps[0] | local_ips(4) | join(", ") }}|{{ ixps[0] | local_ips | join(", ") }}')).toBe(
      '192.0.2.1|2001:db8:1::1, 192.0.2.1',
    );
    expect(render('{% for s in sessions %}{% if s.ip_address | ipv6 %}6{% else %}4{% endif %}{% endfor %}')).toBe('464');
    expect(render('{{ "192.0.2.9/24" | ip }}')).toBe('192.0.2.9');
  });

  it('quote, keep names safe for configurations, and strip IRR sources', () => {
    expect(render('{{ autonomous_system.name | safe_string | quote }}')).toBe('"Alpha Transit protocol evil"');
    expect(render("{{ 'x' | quote('--') }}")).toBe('--x--');
    expect(render('{{ autonomous_system | strip_irr_sources | join(" ") }}')).toBe('AS-ALPHA');
    expect(render('{{ sessions | iterate("remote_asn") | join(",") }}')).toBe('64521,64521,64520');
    expect(render('{{ sessions | count }}')).toBe('3');
  });

  it('carry over a Peering Manager request e-mail: shared_ixps, missing_sessions, local_ips, get', () => {
    const source = [
      '{%- set local_as = affiliated_autonomous_systems | get(asn=64500) %}',
      'AS{{ local_as.asn }} to {{ autonomous_system.name | safe_string }}',
      '{%- for ixp in autonomous_system | shared_ixps(local_as) %}',
      '{%- set missing = autonomous_system | missing_sessions(local_as, ixp) %}',
      '{%- if missing | count > 0 %}',
      '- {{ ixp.name }}: ours {{ ixp | local_ips(4) | join(", ") }}',
      '{%- for s in missing %}',
      '  * {{ s.ipaddr4 }} {{ s.ipaddr6 }}',
      '{%- endfor %}',
      '{%- endif %}',
      '{%- endfor %}',
    ].join('\n');
    // As in Jinja2, the first line's tag leaves its line break.
    expect(render(source)).toBe(
      [
        '',
        'AS64500 to Alpha Transit protocol evil',
        '- Test IX Frankfurt: ours 192.0.2.1',
        '  * 192.0.2.2 2001:db8:1::2',
        '- Test IX Amsterdam: ours 192.0.3.1',
        '  * 192.0.3.2 2001:db8:2::2',
        '  *',
      ].join('\n'),
    );
  });
});

describe('safeString', () => {
  it('keeps printable ASCII that cannot end a quoted string or a line', () => {
    expect(safeString('Ünïcode "Net"\n}; evil { \u0000 Straße')).toBe('Unicode Net ; evil Strae');
    expect(safeString('a\r\nb\tc')).toBe('a b c');
    expect(safeString(null)).toBe('');
  });
});

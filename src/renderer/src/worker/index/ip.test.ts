import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../../../tools/fake-peeringdb/generator';
import { canonicalIp, parsePrefix } from './ip';

/** The spelling ipaddr.js's own checks give, step by step: what canonicalIp must agree with. */
function byIpaddrChecks(text: string): string | null {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return ipaddr.IPv4.parse(trimmed).toString();
  if (trimmed.includes(':') && ipaddr.IPv6.isValid(trimmed)) {
    const v6 = ipaddr.IPv6.parse(trimmed);
    return v6.zoneId ? null : v6.toRFC5952String();
  }
  return null;
}

const ODD = [
  '192.0.2.1',
  ' 192.0.2.1 ',
  '0.0.0.0',
  '255.255.255.255',
  '256.1.1.1',
  '010.1.1.1',
  '1.02.3.4',
  '1.2.3',
  '10.1',
  '1.2.3.4.5',
  '192.0.2.1/24',
  '０.1.2.3',
  '2001:0504:000f::8075:2',
  '2001:504:f:0::8075:2',
  '2001:DB8::1',
  '::',
  '::ffff:192.0.2.1',
  'fe80::1%eth0',
  '2001:db8::g',
  '1:2',
  ':::',
  'not an address',
  '\uFFFD',
];

describe('canonicalIp', () => {
  it('spells odd and hostile texts as ipaddr.js does, refusing what it refuses', () => {
    for (const text of ODD) expect(canonicalIp(text), text).toBe(byIpaddrChecks(text));
  });

  it('spells every address of a generated copy as ipaddr.js does', () => {
    const dataset = generateDataset({ seed: 5, scale: 0.05 }) as unknown as { netixlan: { data: { ipaddr4: string | null; ipaddr6: string | null }[] } };
    const addresses = dataset.netixlan.data.flatMap((row) => [row.ipaddr4, row.ipaddr6]).filter((text): text is string => Boolean(text));
    expect(addresses.length).toBeGreaterThan(1000);
    for (const text of addresses) expect(canonicalIp(text), text).toBe(byIpaddrChecks(text));
  });

  it('spells IPv6 addresses as ipaddr.js does however their zero runs fall', () => {
    // Every address of eight groups drawn from 0, 1 and ffff, in its full form, as RFC 5952
    // writes it, and with "::" put in at every run of zeros (longest, shorter, a tie, a part of one).
    const values = ['0', '1', 'ffff'];
    const texts = new Set<string>();
    for (let n = 0; n < 3 ** 8; n++) {
      const groups = Array.from({ length: 8 }, (_, i) => values[Math.floor(n / 3 ** i) % 3]!);
      texts.add(groups.join(':'));
      texts.add(ipaddr.IPv6.parse(groups.join(':')).toRFC5952String());
      for (let from = 0; from < 8; from++) {
        for (let to = from + 1; to <= 8 && groups[to - 1] === '0'; to++) texts.add(`${groups.slice(0, from).join(':')}::${groups.slice(to).join(':')}`);
      }
    }
    texts.add('2001:DB8::1');
    texts.add('2001:db8:0:0:1::1');
    texts.add('2001:db8::0:1');
    texts.add('2001:0db8::1');
    texts.add('::1:2:3:4:5:6:7');
    texts.add('1:2:3:4:5:6:7::');
    texts.add('1::2::3');
    texts.add('1:2:3:4:5:6:7:8:9');
    expect(texts.size).toBeGreaterThan(10_000);
    for (const text of texts) expect(canonicalIp(text), text).toBe(byIpaddrChecks(text));
  });

  it('reads prefixes and addresses of both families, and nothing else', () => {
    expect(parsePrefix('192.0.2.0/24')).toMatchObject({ family: 4, bits: 24 });
    expect(parsePrefix('2001:db8::/32')).toMatchObject({ family: 6, bits: 32 });
    expect(parsePrefix('192.0.2.1')).toMatchObject({ family: 4, bits: 32 });
    expect(parsePrefix('010.0.2.0/24')).toBeNull();
    expect(parsePrefix('192.0.2.0/33')).toBeNull();
    expect(parsePrefix('fe80::1%eth0')).toBeNull();
    expect(parsePrefix('decix')).toBeNull();
  });
});

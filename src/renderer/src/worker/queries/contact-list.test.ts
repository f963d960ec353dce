import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactsToCsv, contactsToVCard } from '../../../../shared/export/contact-files';
import { HOSTILE_STRINGS } from '../../../../shared/export/hostile-strings.test-support';
import { buildContactList } from './contact-list';
import { ix, net, poc, port } from '../../../../../tools/fake-peeringdb/datasets/contact-rows';
import { copyOf } from '../copy/local-copy.test-support';

const decix = ix(1, 'DE-CIX Frankfurt');
const amsix = ix(2, 'AMS-IX');
const alpha = net(10, 64510, 'Alpha Net');
const beta = net(20, 64520, 'Beta Net');
const gamma = net(30, 64530, 'Gamma Net');

const copy = copyOf({
  ix: [decix, amsix],
  net: [alpha, beta, gamma],
  netixlan: [
    port(1, alpha, decix, '80.81.192.10', null),
    port(2, beta, decix, '80.81.192.20', null),
    port(3, beta, amsix, '80.249.208.20', null),
    port(4, gamma, amsix, '80.249.208.30', null),
  ],
  poc: [
    poc(101, 10, 'Policy', 'peering@alpha.example', { name: 'Alpha Peering' }),
    // The same mailbox for NOC, with different case: one entry holding both roles.
    poc(102, 10, 'NOC', 'Peering@Alpha.example ', { name: '', phone: '+49 69 1234' }),
    poc(103, 10, 'Sales', 'sales@alpha.example'),
    poc(104, 10, 'Technical', 'tech@alpha.example', { visible: 'Users' }),
    poc(105, 10, 'Abuse', 'gone@alpha.example', { status: 'deleted', name: '' }),
    poc(201, 20, 'NOC', 'noc@beta.example'),
    poc(202, 20, 'Policy', '', { name: 'Beta Phone Only', phone: '+31 20 0000' }),
    poc(301, 30, 'Sales', 'sales@gamma.example'),
  ],
});

describe('buildContactList', () => {
  it('lists the chosen roles of one network, one entry per address with its roles', () => {
    const list = buildContactList(copy, { selection: { kind: 'networks', asns: [64510] }, roles: ['Policy', 'NOC'] }, false);
    expect(list.label).toBe('AS64510 Alpha Net');
    expect(list.contacts.map((c) => [c.email, c.roles, c.name, c.phone, c.pocIds])).toEqual([
      ['peering@alpha.example', ['Policy', 'NOC'], 'Alpha Peering', '+49 69 1234', [101, 102]],
    ]);
    expect(list.uniqueEmailCount).toBe(1);
  });

  it('leaves deleted contacts out', () => {
    const list = buildContactList(copy, { selection: { kind: 'networks', asns: [64510] }, roles: ['Abuse'] }, true);
    expect(list.contacts).toEqual([]);
    expect(list.networksWithoutContact.map((n) => n.asn)).toEqual([64510]);
  });

  it('counts networks with no contact of the chosen roles, and says whether contacts came with a key', () => {
    const anonymous = buildContactList(copy, { selection: { kind: 'ix-members', ixId: 2 }, roles: ['Policy'] }, false);
    expect(anonymous.label).toBe('Members of AMS-IX');
    expect(anonymous.networkCount).toBe(2);
    expect(anonymous.contacts.map((c) => c.name)).toEqual(['Beta Phone Only']);
    expect(anonymous.networksWithoutContact).toEqual([{ netId: 30, asn: 64530, name: 'Gamma Net' }]);
    expect(anonymous.contactsFetchedWithKey).toBe(false);
  });

  it('marks the contacts only registered users see', () => {
    const list = buildContactList(copy, { selection: { kind: 'networks', asns: [64510] }, roles: ['Technical', 'Policy'] }, true);
    expect(list.usersOnlyCount).toBe(1);
    expect(list.contacts.find((c) => c.email === 'tech@alpha.example')?.visible).toBe('Users');
    expect(list.contactsFetchedWithKey).toBe(true);
  });

  it('selects the members two IXPs share', () => {
    const list = buildContactList(copy, { selection: { kind: 'shared-members', ixIds: [1, 2] }, roles: ['NOC'] }, false);
    expect(list.label).toBe('Members shared by DE-CIX Frankfurt and AMS-IX');
    expect(list.contacts.map((c) => c.email)).toEqual(['noc@beta.example']);
    expect(list.networkCount).toBe(1);
  });

  it('reports ASNs the copy does not hold', () => {
    const list = buildContactList(copy, { selection: { kind: 'networks', asns: [64520, 65999], label: 'Compare' }, roles: ['NOC'] }, false);
    expect(list.label).toBe('Compare');
    expect(list.unknownAsns).toEqual([65999]);
    expect(list.contacts.map((c) => c.asn)).toEqual([64520]);
  });
});

describe('exported contact lists', () => {
  const hostileNets = HOSTILE_STRINGS.map((name, i) => net(1000 + i, 65000 + i, name));
  const hostileCopy = copyOf({
    net: hostileNets,
    poc: hostileNets.map((n, i) => poc(5000 + i, n.id, 'Policy', `p${i}@example.net`, { name: HOSTILE_STRINGS[i], phone: '+1 555 0100' })),
  });
  const list = buildContactList(
    hostileCopy,
    { selection: { kind: 'networks', asns: hostileNets.map((n) => n.asn) }, roles: ['Policy'] },
    false,
  );
  const inert = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');

  it('writes a CSV that parses back to the selection, with formula-like cells neutralised', () => {
    const parsed = Papa.parse<Record<string, string>>(contactsToCsv(list.contacts), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(HOSTILE_STRINGS.length);
    parsed.data.forEach((row, i) => {
      const contact = list.contacts[i]!;
      expect(Number(row.ASN)).toBe(contact.asn);
      expect(inert(row.Network!)).toBe(contact.networkName);
      expect(inert(row.Name!)).toBe(contact.name);
      expect(row.Email).toBe(contact.email);
      expect(row.Roles).toBe('Policy');
      expect(row.Network).not.toMatch(/^[=+\-@\t\r\uFF1D]/);
      // Excel would run "+1 555 0100" as a formula too: phones are guarded like any cell.
      expect(row.Phone).toBe("'+1 555 0100");
    });
  });

  it('writes one vCard per contact with the network name and ASN', () => {
    const parsed = ICAL.parse(contactsToVCard(list.contacts)) as unknown as [string, [string, object, string, ...unknown[]][]][];
    expect(parsed).toHaveLength(list.contacts.length);
    const clean = (s: string) => s.replace(/\r\n|\r/g, '\n').trim();
    parsed.forEach(([, properties], i) => {
      const contact = list.contacts[i]!;
      const get = (name: string) => properties.find((p) => p[0] === name)?.[3];
      expect(get('version')).toBe('4.0');
      expect(get('fn')).toBe(clean(contact.name));
      expect(get('org')).toBe(clean(contact.networkName));
      expect(get('email')).toBe(contact.email);
      expect(get('note')).toContain(`AS${contact.asn}`);
      expect(properties.filter((p) => p[0] === 'categories').flatMap((p) => p.slice(3))).toContain(`AS${contact.asn}`);
    });
  });
});

describe('contacts of an IXP by the ASN of the ports', () => {
  const ixp = ix(1, 'DE-CIX Frankfurt');
  const operator = net(10, 64510, 'Operator');
  const copyWithPorts = copyOf({
    ix: [ixp],
    net: [operator],
    netixlan: [
      port(1, operator, ixp, '80.81.192.10', null),
      { ...port(2, operator, ixp, '80.81.192.11', null), asn: 64519 },
      { ...port(3, operator, ixp, '80.81.192.12', null), net_id: 77, asn: 64577 },
    ],
    poc: [poc(1, 10, 'Policy', 'peering@operator.example')],
  });

  it('lists each ASN with the contacts of the record behind it, and ASNs without a record as such', () => {
    const list = buildContactList(copyWithPorts, { selection: { kind: 'ix-members', ixId: 1 }, roles: ['Policy'] }, false);
    expect(list.networkCount).toBe(3);
    expect(list.contacts.map((c) => [c.asn, c.networkName, c.email])).toEqual([
      [64510, 'Operator', 'peering@operator.example'],
      [64519, 'Operator', 'peering@operator.example'],
    ]);
    expect(list.networksWithoutContact).toEqual([{ netId: null, asn: 64577, name: 'AS64577' }]);
    const csv = Papa.parse<Record<string, string>>(contactsToCsv(list.contacts), { header: true, skipEmptyLines: true });
    expect(csv.data.map((row) => row.ASN)).toEqual(['64510', '64519']);
  });

  it('finds the record behind an ASN its ports carry, and reports an ASN only ports know as not in the copy', () => {
    const list = buildContactList(copyWithPorts, { selection: { kind: 'networks', asns: [64519, 64577] }, roles: ['Policy'] }, false);
    expect(list.contacts.map((c) => [c.asn, c.netId])).toEqual([[64519, 10]]);
    expect(list.unknownAsns).toEqual([64577]);
  });
});

import { describe, expect, it } from 'vitest';
import { readMember, readNet } from './facts';
import { projectFacts } from './project';

const none: Record<string, unknown>[] = [];
const rows = (over: Partial<Record<'ix' | 'fac' | 'net' | 'netixlan' | 'netfac' | 'poc', Record<string, unknown>[]>>) => ({
  ix: none,
  fac: none,
  net: none,
  netixlan: none,
  netfac: none,
  poc: none,
  ...over,
});

describe('what history keeps of PeeringDB rows', () => {
  it('counts a network at an exchange by its ports’ ASN, one membership per port ASN', () => {
    const facts = projectFacts(
      rows({
        net: [{ id: 5, asn: 64550, name: 'Delta', status: 'ok' }],
        netixlan: [
          { id: 1, ix_id: 3, net_id: 5, asn: 64551, speed: 10_000, is_rs_peer: true, status: 'ok' },
          { id: 2, ix_id: 3, net_id: 5, asn: 64551, speed: 100_000, is_rs_peer: false, status: 'ok' },
          { id: 3, ix_id: 3, net_id: 5, asn: 64550, speed: 1_000, is_rs_peer: false, status: 'ok' },
        ],
      }),
    );
    expect([...facts.member.keys()]).toEqual(['3:64551', '3:64550']);
    expect(readMember(facts.member.get('3:64551')!)).toEqual({ netId: 5, rsPorts: 1, speeds: [100_000, 10_000], ports: 2, capacity: 110_000 });
  });

  it('takes messy rows as far as they go: missing ASNs, speeds and parents, deleted rows', () => {
    const facts = projectFacts(
      rows({
        net: [
          { id: 5, asn: 64550, name: 'Delta', policy_general: 'Open', info_prefixes4: 'lots' },
          { id: 6, name: 'No ASN' },
          { id: 7, asn: 64570, name: 'Gone', status: 'deleted' },
        ],
        netixlan: [
          // No ASN of its own: its network's.
          { id: 1, ix_id: 3, net_id: 5, asn: null, speed: null },
          // Neither: nothing to key it by.
          { id: 2, ix_id: 3, net_id: 99 },
          { id: 3, ix_id: 'x', net_id: 5, asn: 64550 },
          { id: 4, ix_id: 3, net_id: 5, asn: 64551, status: 'deleted' },
        ],
        netfac: [{ id: 1, fac_id: 8, net_id: 5 }, { id: 2, fac_id: 8 }],
      }),
    );
    expect([...facts.net.keys()]).toEqual(['5']);
    expect(readNet(facts.net.get('5')!)).toMatchObject({ asn: 64550, prefixes4: null, policy: 'Open' });
    expect([...facts.member]).toEqual([['3:64550', [5, 0, 0]]]);
    expect([...facts.netfac]).toEqual([['8:5', [64550]]]);
  });

  it('keeps the public Policy contacts only, so adding an API key is not a change', () => {
    const facts = projectFacts(
      rows({
        net: [{ id: 5, asn: 64550, name: '<b>Delta</b>' }],
        poc: [
          { id: 1, net_id: 5, role: 'Policy', visible: 'Public', name: 'Peering', email: 'peering@delta.example' },
          { id: 2, net_id: 5, role: 'Policy', visible: 'Users', name: 'Secret', email: 'secret@delta.example' },
          { id: 3, net_id: 5, role: 'Policy', name: 'Desk', phone: '+49 1' },
          { id: 4, net_id: 5, role: 'NOC', visible: 'Public', email: 'noc@delta.example' },
          { id: 5, net_id: 5, role: 'Policy', visible: 'Public', name: '', email: '', status: 'deleted' },
        ],
      }),
    );
    expect(readNet(facts.net.get('5')!)).toMatchObject({ name: '<b>Delta</b>', policyContact: 'Desk +49 1; Peering <peering@delta.example>' });
  });
});

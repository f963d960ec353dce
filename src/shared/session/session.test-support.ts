/** A known peer for template tests: two shared exchanges, a port ASN that differs from the network's, a hostile name. */
import type { DraftContext } from '../export/template';

export const KNOWN_PEER_CONTEXT: DraftContext = {
  me: {
    asn: 64500,
    name: 'Home Net',
    irrAsSet: 'RIPE::AS-HOME',
    maxPrefixes4: 100,
    maxPrefixes6: 20,
    policyUrl: '',
    policyGeneral: 'Open',
  },
  peer: {
    asn: 64520,
    name: 'Alpha "Transit"\n} protocol evil {',
    irrAsSet: 'AS-ALPHA@RIPE',
    maxPrefixes4: 1200,
    maxPrefixes6: null,
    policyUrl: 'https://alpha.example/peering',
    policyGeneral: 'Open',
  },
  sharedIxps: [
    {
      ixId: 1,
      name: 'Test IX Frankfurt',
      mine: [{ asn: 64500, ipv4: '192.0.2.1', ipv6: '2001:db8:1::1', speed: 10_000, isRsPeer: true }],
      theirs: [{ asn: 64521, ipv4: '192.0.2.2', ipv6: '2001:db8:1::2', speed: 10_000, isRsPeer: true }],
    },
    {
      ixId: 2,
      name: 'Test IX Amsterdam',
      mine: [{ asn: 64500, ipv4: '192.0.3.1', ipv6: null, speed: 10_000, isRsPeer: false }],
      theirs: [
        { asn: 64520, ipv4: '192.0.3.2', ipv6: '2001:db8:2::2', speed: 100_000, isRsPeer: false },
        { asn: 64520, ipv4: null, ipv6: null, speed: 1_000, isRsPeer: false },
      ],
    },
  ],
  to: ['peering@alpha.example'],
  recipientRole: 'Policy',
};

/**
 * What the bench asks of the app, chosen from the seeded dataset where the dataset lives (the
 * fake server's thread), so the bench's own thread never holds a second copy of it.
 */
import type { PdbDump } from '../../tools/fake-peeringdb/dump';

export interface QueryInputs {
  /** Two of the most connected networks and three mid-sized ones: common IXPs of five. */
  compareAsns: number[];
  largestIx: { ixId: number; members: number; region: string; country: string };
  /** The network closest above 50 IXPs: "my network" for peers across all my IXPs. */
  fiftyPlus: { asn: number; ixCount: number };
  /** The network at the most IXPs: the worst case a user can have. */
  heaviest: { asn: number; ixCount: number };
  /** What a user types, one keystroke at a time: prefixes of real names, an ASN, an address. */
  keystrokes: string[];
  /** One search of each kind that has structures of its own, so every search index gets built. */
  everySearchKind: string[];
}

/**
 * Networks (ASNs of live records) by how many IXPs ports carrying their ASN are at, most
 * first: the app matches peers by the port's ASN, which for a few records is not their own.
 */
function netsByConnections(data: PdbDump): { asn: number; ixCount: number }[] {
  const ixsByAsn = new Map<number, Set<number>>();
  for (const row of data.netixlan?.data ?? []) {
    if (row.status !== 'ok') continue;
    let set = ixsByAsn.get(row.asn);
    if (!set) ixsByAsn.set(row.asn, (set = new Set()));
    set.add(row.ix_id);
  }
  const recordAsns = new Set((data.net?.data ?? []).filter((n) => n.status === 'ok').map((n) => n.asn));
  return [...ixsByAsn.entries()]
    .filter(([asn]) => recordAsns.has(asn))
    .map(([asn, ixs]) => ({ asn, ixCount: ixs.size }))
    .sort((a, b) => b.ixCount - a.ixCount);
}

function largestIx(data: PdbDump): QueryInputs['largestIx'] {
  const members = new Map<number, Set<number>>();
  for (const row of data.netixlan?.data ?? []) {
    if (row.status !== 'ok') continue;
    let set = members.get(row.ix_id);
    if (!set) members.set(row.ix_id, (set = new Set()));
    set.add(row.net_id);
  }
  const [ixId, nets] = [...members.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
  const ix = data.ix?.data.find((row) => row.id === ixId);
  return { ixId, members: nets.size, region: ix?.region_continent ?? '', country: ix?.country ?? '' };
}

function keystrokes(data: PdbDump): string[] {
  const words = [
    ...(data.net?.data ?? []).slice(0, 400).filter((_, i) => i % 97 === 0).map((n) => n.name),
    ...(data.ix?.data ?? []).slice(0, 50).filter((_, i) => i % 17 === 0).map((n) => n.name),
    String((data.net?.data ?? [])[123]?.asn ?? 13335),
    (data.netixlan?.data ?? []).find((n) => n.ipaddr4)?.ipaddr4 ?? '192.0.2.1',
  ];
  const typed: string[] = [];
  for (const word of words) {
    for (let i = 1; i <= Math.min(word.length, 10); i++) typed.push(word.slice(0, i));
  }
  return typed;
}

export function chooseQueryInputs(data: PdbDump): QueryInputs {
  const nets = netsByConnections(data);
  const middle = nets.filter((n) => n.ixCount >= 3 && n.ixCount <= 20);
  const liveNets = (data.net?.data ?? []).filter((n) => n.status === 'ok');
  return {
    compareAsns: [...nets.slice(0, 2), ...middle.slice(0, 3)].map((n) => n.asn),
    largestIx: largestIx(data),
    fiftyPlus: [...nets].reverse().find((n) => n.ixCount >= 50) ?? nets[0]!,
    heaviest: nets[0]!,
    keystrokes: keystrokes(data),
    everySearchKind: [
      liveNets[0]?.name ?? 'network',
      String(liveNets[1]?.asn ?? 13335),
      liveNets.find((n) => n.irr_as_set)?.irr_as_set ?? 'AS-EXAMPLE',
      (data.netixlan?.data ?? []).find((n) => n.status === 'ok' && n.ipaddr6)?.ipaddr6 ?? '2001:db8::1',
      (data.ixpfx?.data ?? []).find((p) => p.status === 'ok' && p.protocol === 'IPv4')?.prefix ?? '192.0.2.0/24',
    ],
  };
}

/**
 * Five daily dumps (2026-03-01 … 2026-03-05) of two exchanges and a facility, with changes
 * known in advance, for history's tests: a port upgrade, a policy change, a route-server
 * change, a Policy contact change, a network that leaves and comes back, one that joins, one
 * whose ports carry another ASN than its record, and one deleted from PeeringDB. Shaped like
 * CAIDA's files: live rows only, public contacts only (and one users-only contact that a
 * sync with an API key would add, which history must not take for a change).
 */
import type { PdbRow, PdbType } from '../../../src/shared/peeringdb';
import type { PdbDump } from '../dump';
import { completeRow } from '../rows';

export const HISTORY_DAYS = ['2026_03_01', '2026_03_02', '2026_03_03', '2026_03_04', '2026_03_05'] as const;

/** Epoch seconds of 06:00 UTC on the n-th day (0-based): when that day's dump was made. */
export function historyDayAt(n: number): number {
  return Date.UTC(2026, 2, 1 + n, 6) / 1000;
}

export const HISTORY_IX = { frankfurt: 1, amsterdam: 2 } as const;
export const HISTORY_FAC = 1;

/** The networks, by the role each plays in the story. */
export const HISTORY_NETS = {
  home: { id: 10, asn: 64500, name: 'Home Net' },
  /** Upgrades its Frankfurt port from 10G to 100G on day 2; changes its Policy contact on day 4. */
  alpha: { id: 20, asn: 64520, name: 'Alpha Transit' },
  /** Selective, then Restrictive from day 3; on the route servers from day 4. */
  beta: { id: 30, asn: 64530, name: 'Beta Cloud' },
  /** At Frankfurt on day 1, gone on days 2 and 3, back on day 4 (one membership with a gap). */
  gamma: { id: 40, asn: 64540, name: 'Gamma Access' },
  /** Its ports at Frankfurt carry AS64551, not its record's AS64550. */
  delta: { id: 50, asn: 64550, name: 'Delta Content', portAsn: 64551 },
  /** Joins Frankfurt on day 3; its name is markup and a spreadsheet formula, as anyone may write in PeeringDB. */
  epsilon: { id: 60, asn: 64560, name: '=1+1 <img src=x onerror=alert(1)> Epsilon' },
  /** At Frankfurt and in the facility; deleted from PeeringDB on day 5. */
  zeta: { id: 70, asn: 64570, name: 'Zeta Hosting' },
} as const;

function dayDump(day: number): PdbDump {
  const at = historyDayAt(day);
  const row = <T extends PdbType>(type: T, id: number, values: Partial<PdbRow<T>>) => completeRow(type, id, at - 3600, values);
  const n = HISTORY_NETS;
  const net = (who: (typeof HISTORY_NETS)[keyof typeof HISTORY_NETS], policy: PdbRow<'net'>['policy_general']) =>
    row('net', who.id, { name: who.name, asn: who.asn, org_id: 1, policy_general: policy, info_type: 'NSP', info_types: ['NSP'], info_traffic: '1-5Tbps' });
  const port = (id: number, netId: number, asn: number, ixId: number, speed: number, rs: boolean) =>
    row('netixlan', id, {
      net_id: netId,
      ix_id: ixId,
      ixlan_id: ixId,
      name: ixId === HISTORY_IX.frankfurt ? 'Hist IX Frankfurt' : 'Hist IX Amsterdam',
      asn,
      speed,
      ipaddr4: `192.0.${ixId + 1}.${id % 250}`,
      ipaddr6: null,
      is_rs_peer: rs,
      operational: true,
    });

  const nets = [
    net(n.home, 'Open'),
    net(n.alpha, 'Open'),
    net(n.beta, day >= 2 ? 'Restrictive' : 'Selective'),
    net(n.gamma, 'Open'),
    net(n.delta, 'Open'),
    net(n.epsilon, 'No'),
  ];
  if (day < 4) nets.push(net(n.zeta, 'Open'));

  const ports = [
    port(100, n.home.id, n.home.asn, HISTORY_IX.frankfurt, 10_000, true),
    port(101, n.home.id, n.home.asn, HISTORY_IX.amsterdam, 10_000, true),
    port(102, n.alpha.id, n.alpha.asn, HISTORY_IX.frankfurt, day >= 1 ? 100_000 : 10_000, true),
    port(103, n.beta.id, n.beta.asn, HISTORY_IX.frankfurt, 10_000, day >= 3),
    port(105, n.delta.id, n.delta.portAsn, HISTORY_IX.frankfurt, 1_000, false),
    port(106, n.delta.id, n.delta.portAsn, HISTORY_IX.frankfurt, 1_000, false),
    port(107, n.alpha.id, n.alpha.asn, HISTORY_IX.amsterdam, 10_000, false),
  ];
  // Gamma leaves and comes back on a new port (a new netixlan id), as happens in PeeringDB.
  if (day === 0) ports.push(port(104, n.gamma.id, n.gamma.asn, HISTORY_IX.frankfurt, 1_000, false));
  if (day >= 3) ports.push(port(110, n.gamma.id, n.gamma.asn, HISTORY_IX.frankfurt, 1_000, false));
  if (day >= 2) ports.push(port(108, n.epsilon.id, n.epsilon.asn, HISTORY_IX.frankfurt, 10_000, false));
  if (day < 4) ports.push(port(109, n.zeta.id, n.zeta.asn, HISTORY_IX.frankfurt, 10_000, true));

  const presences = [row('netfac', 1, { net_id: n.home.id, fac_id: HISTORY_FAC, local_asn: n.home.asn, name: 'Hist DC Frankfurt' })];
  if (day < 4) presences.push(row('netfac', 2, { net_id: n.zeta.id, fac_id: HISTORY_FAC, local_asn: n.zeta.asn, name: 'Hist DC Frankfurt' }));

  const contacts = [
    row('poc', 1, {
      net_id: n.alpha.id,
      role: 'Policy',
      visible: 'Public',
      name: 'Alpha Peering',
      email: day >= 3 ? 'peering@alpha.example' : 'noc@alpha.example',
    }),
    row('poc', 2, { net_id: n.beta.id, role: 'NOC', visible: 'Public', name: 'Beta NOC', email: 'noc@beta.example' }),
  ];
  // Visible to users only: only a sync with an API key brings it, from day 3 on.
  if (day >= 2) contacts.push(row('poc', 3, { net_id: n.beta.id, role: 'Policy', visible: 'Users', name: 'Beta Peering', email: 'peering@beta.example' }));

  const envelope = <R>(data: R[]) => ({ data, meta: { generated: at } });
  return {
    org: envelope([row('org', 1, { name: 'History Holdings', country: 'DE' })]),
    fac: envelope([row('fac', HISTORY_FAC, { name: 'Hist DC Frankfurt', city: 'Frankfurt', country: 'DE', org_id: 1 })]),
    ix: envelope([
      row('ix', HISTORY_IX.frankfurt, { name: 'Hist IX Frankfurt', city: 'Frankfurt', country: 'DE', region_continent: 'Europe', org_id: 1 }),
      row('ix', HISTORY_IX.amsterdam, { name: 'Hist IX Amsterdam', city: 'Amsterdam', country: 'NL', region_continent: 'Europe', org_id: 1 }),
    ]),
    ixlan: envelope([row('ixlan', 1, { ix_id: 1, mtu: 1500 }), row('ixlan', 2, { ix_id: 2, mtu: 1500 })]),
    net: envelope(nets),
    netixlan: envelope(ports),
    netfac: envelope(presences),
    poc: envelope(contacts),
  };
}

/** The five dumps, oldest first, each with the file name CAIDA would give it. */
export function historyDumps(): { fileName: string; at: number; dump: PdbDump }[] {
  return HISTORY_DAYS.map((day, n) => ({ fileName: `peeringdb_2_dump_${day}.json`, at: historyDayAt(n), dump: dayDump(n) }));
}

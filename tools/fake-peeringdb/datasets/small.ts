/**
 * A small PeeringDB for sync tests: enough rows of each type to span several pages of ten,
 * every row changed in its own second (so a watermark points at exactly one row), and
 * contacts of every visibility.
 */
import type { PdbRow, PdbType } from '../../../src/shared/peeringdb';
import type { PdbDump } from '../dump';
import { completeRow } from '../rows';

/** 2026-04-12T13:20:00Z */
export const T0 = 1_776_000_000;

const COUNTS: Record<PdbType, number> = {
  org: 12,
  campus: 2,
  fac: 5,
  carrier: 2,
  carrierfac: 3,
  net: 25,
  ix: 3,
  ixfac: 4,
  ixlan: 3,
  ixpfx: 4,
  netfac: 8,
  netixlan: 30,
  poc: 24,
};

const VISIBILITY = ['Public', 'Users', 'Public', 'Private', 'Users', 'Public'] as const;

export function smallDataset(): PdbDump {
  let second = T0 - 100_000;
  const dump: PdbDump = {};
  const set = <T extends PdbType>(type: T, make: (id: number) => Partial<PdbRow<T>>): void => {
    const data: PdbRow<T>[] = [];
    for (let id = 1; id <= COUNTS[type]; id++) data.push(completeRow(type, id, (second += 7), make(id)));
    (dump as Record<string, unknown>)[type] = { data, meta: {} };
  };
  set('org', (id) => ({ name: `Org ${id}` }));
  set('campus', (id) => ({ org_id: 1, name: `Campus ${id}` }));
  set('fac', (id) => ({ org_id: 1 + (id % 12), name: `Facility ${id}`, country: 'DE', city: 'Frankfurt' }));
  set('carrier', (id) => ({ org_id: 2, name: `Carrier ${id}` }));
  set('carrierfac', (id) => ({ carrier_id: 1 + (id % 2), fac_id: id }));
  set('net', (id) => ({ org_id: 1 + (id % 12), name: `Network ${id}`, asn: 64_500 + id, policy_general: 'Open' as const }));
  set('ix', (id) => ({ org_id: 3, name: `IX ${id}` }));
  set('ixfac', (id) => ({ ix_id: 1 + (id % 3), fac_id: id }));
  set('ixlan', (id) => ({ ix_id: id }));
  set('ixpfx', (id) => ({ ixlan_id: 1 + (id % 3), protocol: 'IPv4' as const, prefix: `192.0.${id}.0/24` }));
  set('netfac', (id) => ({ net_id: id, fac_id: 1 + (id % 5), local_asn: 64_500 + id }));
  set('netixlan', (id) => ({ net_id: 1 + (id % 25), ix_id: 1 + (id % 3), ixlan_id: 1 + (id % 3), asn: 64_501 + (id % 25), speed: 10_000, ipaddr4: `192.0.${1 + (id % 3)}.${id}` }));
  set('poc', (id) => ({ net_id: 1 + (id % 25), role: 'Policy' as const, visible: VISIBILITY[id % VISIBILITY.length]!, name: `Contact ${id}`, email: `c${id}@example.net` }));
  return dump;
}

export function idsOf(dump: PdbDump, type: PdbType, keep: (row: Record<string, unknown>) => boolean = () => true): number[] {
  return ((dump[type]?.data ?? []) as unknown as Record<string, unknown>[]).filter(keep).map((row) => row.id as number);
}

/**
 * The discovery answers on the fake PeeringDB's generated dataset (real proportions, heavy
 * tails, recently deleted rows, orphans), held against brute-force scans.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../../../tools/fake-peeringdb/generator';
import { brutePeers, facIdsOf, ixIdsOf, liveData } from './brute-force.test-support';
import { compareNetworks } from './compare';
import { getDiscoveryIndex } from '../index/discovery-index';
import { findMembers } from './members';
import { search } from './search';
import { type Dataset } from '../../../../../tools/fake-peeringdb/datasets/discovery';
import { copyOf } from '../copy/local-copy.test-support';

const dataset = generateDataset({ seed: 7, scale: 0.03 }) as unknown as Dataset;
const live = liveData(dataset);
const index = getDiscoveryIndex(copyOf(dataset));
const netsByReach = [...live.nets.values()]
  .map((net) => ({ net, ixs: ixIdsOf(live, net.id).size }))
  .sort((a, b) => b.ixs - a.ixs);

describe('on a generated dataset', () => {
  it('has deleted rows and orphans to leave out', () => {
    expect(dataset.netixlan.data.some((row) => row.status === 'deleted')).toBe(true);
    expect(dataset.netixlan.data.some((row) => row.status === 'ok' && !live.nets.has(row.net_id))).toBe(true);
  });

  it('finds the common IXPs and facilities of the best-connected networks, as a scan does', () => {
    for (let size = 2; size <= 5; size++) {
      const nets = netsByReach.slice(0, size).map((entry) => entry.net);
      const result = compareNetworks(index, { asns: nets.map((net) => net.asn) });
      const ixSets = nets.map((net) => ixIdsOf(live, net.id));
      const facSets = nets.map((net) => facIdsOf(live, net.id));
      const common = [...ixSets[0]!].filter((id) => ixSets.every((set) => set.has(id))).sort((a, b) => a - b);
      expect(result.commonIxs.map((entry) => entry.ix.id).sort((a, b) => a - b)).toEqual(common);
      const commonFacs = [...facSets[0]!].filter((id) => facSets.every((set) => set.has(id))).sort((a, b) => a - b);
      expect(result.commonFacs.map((entry) => entry.fac.id).sort((a, b) => a - b)).toEqual(commonFacs);
      if (size >= 3) {
        const union = new Set(ixSets.flatMap((set) => [...set]));
        const butOne = [...union].filter((id) => ixSets.filter((set) => !set.has(id)).length === 1);
        expect(result.allButOneIxs.map((entry) => entry.ix.id).sort((a, b) => a - b)).toEqual(butOne.sort((a, b) => a - b));
      }
    }
    expect(compareNetworks(index, { asns: netsByReach.slice(0, 2).map((e) => e.net.asn) }).commonIxs.length).toBeGreaterThan(0);
  });

  it('lists the potential peers at the largest IXP and across my IXPs, as a scan does', () => {
    const me = netsByReach[3]!.net;
    const membersPerIx = new Map<number, Set<number>>();
    for (const row of live.connections) {
      if (!membersPerIx.has(row.ix_id)) membersPerIx.set(row.ix_id, new Set());
      membersPerIx.get(row.ix_id)!.add(row.net_id);
    }
    const largestIx = [...membersPerIx].sort((a, b) => b[1].size - a[1].size)[0]![0];
    const user = { myAsns: [me.asn], peerStates: [], today: '2026-11-01' };
    const cases = [
      { place: { kind: 'ix' as const, ixId: largestIx }, filters: {} },
      { place: { kind: 'ix' as const, ixId: largestIx }, filters: { policies: ['Open' as const], ipv6: true, rsPeer: 'yes' as const } },
      { place: { kind: 'my-ixs' as const }, filters: {} },
      { place: { kind: 'my-ixs' as const }, filters: { region: 'Europe', minSpeed: 10_000 } },
    ];
    for (const { place, filters } of cases) {
      const result = findMembers(index, { place, filters }, user);
      const expected = brutePeers(dataset, live, place, filters, [me.asn], [], user.today);
      expect(result.rows.map((row) => row.net.netId).sort((a, b) => a - b)).toEqual(
        expected.map((peer) => peer.netId).sort((a, b) => a - b),
      );
      for (const row of result.rows) {
        const want = expected.find((peer) => peer.netId === row.net.netId)!;
        expect(row.score).toBe(want.score);
      }
    }
  });

  it('finds every live network by its ASN and never a deleted one', () => {
    for (const { net } of netsByReach.slice(0, 50)) {
      expect(search(index, { query: `AS${net.asn}` }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
    }
    for (const net of dataset.net.data.filter((row) => row.status === 'deleted')) {
      expect(search(index, { query: `AS${net.asn}` }).hits.some((hit) => hit.match === 'asn' && hit.id === net.id)).toBe(false);
    }
  });
});

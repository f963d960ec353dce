/**
 * The discovery answers on the fake PeeringDB's generated dataset (real proportions, heavy
 * tails, recently deleted rows, orphans, networks whose ports carry other ASNs, ports of
 * deleted networks), held against brute-force scans.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../../../tools/fake-peeringdb/generator';
import { allAsns, brutePeers, facIdsOfAsn, holderOfAsn, ixIdsOfAsn, liveData } from './brute-force.test-support';
import { compareNetworks } from './compare';
import { getDiscoveryIndex } from '../index/discovery-index';
import { findMembers } from './members';
import { myNetworksOverview } from './my-networks';
import { search } from './search';
import { type Dataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';

const dataset = generateDataset({ seed: 7, scale: 0.03 }) as unknown as Dataset;
const live = liveData(dataset);
const index = getDiscoveryIndex(copyOf(dataset));
const portAsns = new Set(live.ports.map((row) => row.asn));
const asnsByReach = [...portAsns]
  .map((asn) => ({ asn, ixs: ixIdsOfAsn(live, asn).size }))
  .sort((a, b) => b.ixs - a.ixs || a.asn - b.asn);
/** Ports carrying another ASN than their (live) record's own. */
const foreignPorts = live.ports.filter((row) => live.nets.has(row.net_id) && row.asn !== live.nets.get(row.net_id)!.asn);
/** ASNs carried by ports whose record is not in the copy. */
const orphanAsns = [...portAsns].filter((asn) => !holderOfAsn(live, asn));

describe('on a generated dataset', () => {
  it('has deleted rows, orphans, ports of deleted networks and networks with several ASNs', () => {
    expect(dataset.netixlan.data.some((row) => row.status === 'deleted')).toBe(true);
    expect(dataset.netixlan.data.some((row) => row.status === 'ok' && !live.nets.has(row.net_id))).toBe(true);
    const deletedNets = new Set(dataset.net.data.filter((net) => net.status === 'deleted').map((net) => net.id));
    expect(live.ports.some((row) => deletedNets.has(row.net_id))).toBe(true);
    expect(new Set(foreignPorts.map((row) => row.net_id)).size).toBeGreaterThanOrEqual(2);
    expect(orphanAsns.length).toBeGreaterThan(0);
  });

  it('finds the common IXPs and facilities of the best-connected ASNs, as a scan does', () => {
    // The best connected, then a second ASN of a multi-ASN network and an orphan ASN in turn.
    const extras = [foreignPorts[0]!.asn, orphanAsns[0]!];
    for (let size = 2; size <= 5; size++) {
      const asns = [...asnsByReach.slice(0, size - 1).map((entry) => entry.asn), extras[size % 2]!];
      const result = compareNetworks(index, { asns });
      expect(result.networks.map((net) => net.asn)).toEqual(asns);
      expect(result.networks.map((net) => net.netId)).toEqual(asns.map((asn) => holderOfAsn(live, asn)?.id ?? null));
      const ixSets = asns.map((asn) => ixIdsOfAsn(live, asn));
      const facSets = asns.map((asn) => facIdsOfAsn(live, asn));
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
    const top = asnsByReach.slice(0, 2).map((entry) => entry.asn);
    expect(compareNetworks(index, { asns: top }).commonIxs.length).toBeGreaterThan(0);
  });

  it('lists the ports of each of my ASNs, whichever record holds them', () => {
    const asns = [asnsByReach[0]!.asn, foreignPorts[0]!.asn, orphanAsns[0]!];
    for (const entry of myNetworksOverview(index, asns)) {
      const expected = live.ports.filter((row) => row.asn === entry.asn).map((row) => row.id);
      expect(entry.ixs.flatMap((at) => at.connections.map((c) => c.netixlanId)).sort((a, b) => a - b)).toEqual(
        expected.sort((a, b) => a - b),
      );
      expect(entry.net?.netId ?? null).toBe(holderOfAsn(live, entry.asn)?.id ?? null);
    }
  });

  it('lists the potential peers at the largest IXP and across my IXPs, as a scan does', () => {
    const me = asnsByReach[3]!.asn;
    const membersPerIx = new Map<number, Set<number>>();
    for (const row of live.ports) {
      if (!membersPerIx.has(row.ix_id)) membersPerIx.set(row.ix_id, new Set());
      membersPerIx.get(row.ix_id)!.add(row.asn);
    }
    const largestIx = [...membersPerIx].sort((a, b) => b[1].size - a[1].size)[0]![0];
    const marks = [{ asn: foreignPorts[0]!.asn, state: 'peered' as const, note: '', updatedAt: 0 }];
    const user = { myAsns: [me], peerStates: marks, today: '2026-11-01' };
    const cases = [
      { place: { kind: 'ix' as const, ixId: largestIx }, filters: {} },
      { place: { kind: 'ix' as const, ixId: largestIx }, filters: { policies: ['Open' as const], ipv6: true, rsPeer: 'yes' as const } },
      { place: { kind: 'ix' as const, ixId: largestIx }, filters: { trafficMin: '1-5Tbps' } },
      { place: { kind: 'my-ixs' as const }, filters: {} },
      { place: { kind: 'my-ixs' as const }, filters: { region: 'Europe', minSpeed: 10_000 } },
      // Text alone: the only network filter that lets a member without a record through (by its ASN).
      { place: { kind: 'my-ixs' as const }, filters: { text: 'e' } },
      { place: { kind: 'my-ixs' as const }, filters: { text: String(orphanAsns[0]).slice(0, 2) } },
    ];
    let longest = 0;
    for (const { place, filters } of cases) {
      const result = findMembers(index, { place, filters }, user);
      longest = Math.max(longest, result.rows.length);
      const expected = brutePeers(live, place, filters, [me], marks, user.today);
      expect(result.rows.map((row) => row.net.asn).sort((a, b) => a - b)).toEqual(expected.map((peer) => peer.asn).sort((a, b) => a - b));
      for (const row of result.rows) {
        const want = expected.find((peer) => peer.asn === row.net.asn)!;
        expect(row.score).toBe(want.score);
        expect(row.bestSpeed).toBe(want.bestSpeed);
        expect(row.net.netId).toBe(want.netId);
      }
      // Ranked: score, then best speed, highest first; equal ones by ASN.
      const ranked = [...expected].sort((a, b) => b.score - a.score || b.bestSpeed - a.bestSpeed || a.asn - b.asn);
      expect(result.rows.map((row) => row.net.asn)).toEqual(ranked.map((peer) => peer.asn));
      expect(result.rows.some((row) => row.net.asn === foreignPorts[0]!.asn)).toBe(false);
    }
    // Long lists are ordered by counting rather than comparing (see member-rank.ts): one is here.
    expect(longest).toBeGreaterThan(300);
  });

  it('finds every live network by its ASN, every record by its ports’ ASNs, and never a deleted one by name', () => {
    for (const { asn } of asnsByReach.slice(0, 50)) {
      const holder = holderOfAsn(live, asn);
      if (holder) expect(search(index, { query: `AS${asn}` }).hits[0]).toMatchObject({ kind: 'net', id: holder.id, asn });
    }
    for (const row of foreignPorts.slice(0, 20)) {
      expect(search(index, { query: `AS${row.asn}`, limit: 500 }).hits.some((hit) => hit.id === row.net_id && hit.asn === row.asn)).toBe(true);
    }
    for (const net of dataset.net.data.filter((row) => row.status === 'deleted')) {
      const hits = search(index, { query: `AS${net.asn}` }).hits.filter((hit) => hit.match === 'asn' && hit.id === net.id);
      expect(hits.every((hit) => hit.title === `AS${net.asn}`)).toBe(true);
    }
    expect(allAsns(live).length).toBeGreaterThan(live.nets.size);
  });
});

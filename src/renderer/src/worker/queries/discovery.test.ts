import { describe, expect, it } from 'vitest';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { facIdsOf, ixIdsOf, liveData, brutePeers } from './brute-force.test-support';
import { compareNetworks } from './compare';
import { getDiscoveryIndex } from '../index/discovery-index';
import { findMembers } from './members';
import { myNetworksOverview } from './my-networks';
import { networkPage } from './pages';
import { rankPeer } from '../../../../shared/ranking';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/discovery';
import { copyOf } from '../copy/local-copy.test-support';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';

const dataset = makeDataset({ seed: 20260416 });
const live = liveData(dataset);
const index = getDiscoveryIndex(copyOf(dataset));
const liveNets = [...live.nets.values()];
const deletedNets = dataset.net.data.filter((net) => net.status === 'deleted');

function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('the seeded dataset', () => {
  it('has what the comparisons must cope with', () => {
    expect(deletedNets.length).toBeGreaterThan(3);
    expect(dataset.netixlan.data.some((row) => row.status === 'deleted')).toBe(true);
    expect(dataset.netixlan.data.some((row) => row.status === 'ok' && !live.nets.has(row.net_id))).toBe(true);
    expect(dataset.netixlan.data.some((row) => row.status === 'ok' && !live.ixIds.has(row.ix_id))).toBe(true);
    const portsPerNetAndIx = new Map<string, number>();
    for (const row of live.connections) {
      const key = `${row.net_id}/${row.ix_id}`;
      portsPerNetAndIx.set(key, (portsPerNetAndIx.get(key) ?? 0) + 1);
    }
    expect([...portsPerNetAndIx.values()].some((count) => count > 1)).toBe(true);
  });
});

describe('my networks', () => {
  it('lists each network’s live IXP connections and facilities, as a scan finds them', () => {
    const asns = [...liveNets.slice(0, 12).map((net) => net.asn), deletedNets[0]!.asn, 1];
    const overview = myNetworksOverview(index, asns);
    expect(overview.map((entry) => entry.asn)).toEqual(asns);
    for (const entry of overview) {
      const net = liveNets.find((candidate) => candidate.asn === entry.asn);
      if (!net) {
        expect(entry.net).toBeNull();
        continue;
      }
      const expectedConnections = live.connections.filter((row) => row.net_id === net.id);
      expect(new Set(entry.ixs.map((at) => at.ix.id))).toEqual(ixIdsOf(live, net.id));
      expect(entry.ixs.flatMap((at) => at.connections.map((c) => c.netixlanId)).sort((a, b) => a - b)).toEqual(
        expectedConnections.map((row) => row.id).sort((a, b) => a - b),
      );
      for (const at of entry.ixs) {
        expect(at.totalSpeed).toBe(
          expectedConnections.filter((row) => row.ix_id === at.ix.id).reduce((sum, row) => sum + row.speed, 0),
        );
      }
      expect(new Set(entry.facs.map((at) => at.fac.id))).toEqual(facIdsOf(live, net.id));
    }
  });
});

describe('compare', () => {
  it('finds the IXPs and facilities all networks share, and where all but one meet, as a scan does', () => {
    const random = seeded(7);
    for (let round = 0; round < 60; round++) {
      const size = 2 + Math.floor(random() * 4);
      const picked = new Set<number>();
      // Mix in the well-connected networks so the sets actually overlap.
      while (picked.size < size) {
        picked.add(random() < 0.5 ? 1 + Math.floor(random() * 3) : 1 + Math.floor(random() * 240));
      }
      const asns = [...picked].map((id) => 64_000 + id * 7);
      const result = compareNetworks(index, { asns });
      const nets = asns.map((asn) => liveNets.find((net) => net.asn === asn)).filter((net) => net !== undefined);
      expect(result.networks.map((net) => net.netId)).toEqual(nets.map((net) => net.id));
      expect(result.unknownAsns.length).toBe(asns.length - nets.length);
      if (nets.length < 2) continue;

      const ixSets = nets.map((net) => ixIdsOf(live, net.id));
      const allIxs = new Set(ixSets.flatMap((set) => [...set]));
      const expectedCommon = [...allIxs].filter((ix) => ixSets.every((set) => set.has(ix)));
      const expectedAllButOne =
        nets.length >= 3 ? [...allIxs].filter((ix) => ixSets.filter((set) => !set.has(ix)).length === 1) : [];
      expect(result.commonIxs.map((entry) => entry.ix.id).sort()).toEqual(expectedCommon.sort());
      expect(result.allButOneIxs.map((entry) => entry.ix.id).sort()).toEqual(expectedAllButOne.sort());
      for (const entry of [...result.commonIxs, ...result.allButOneIxs]) {
        const speeds = entry.sides.map((side) => {
          const rows = live.connections.filter((row) => row.net_id === side.netId && row.ix_id === entry.ix.id);
          expect(side.connections.map((c) => c.netixlanId).sort()).toEqual(rows.map((row) => row.id).sort());
          expect(side.connections.map((c) => c.ipaddr4).sort()).toEqual(rows.map((row) => row.ipaddr4).sort());
          return rows.reduce((sum, row) => sum + row.speed, 0);
        });
        expect(entry.minSideSpeed).toBe(Math.min(...speeds));
        if (entry.missingNetId !== undefined) {
          expect(ixIdsOf(live, entry.missingNetId).has(entry.ix.id)).toBe(false);
          expect(entry.sides.map((side) => side.netId)).not.toContain(entry.missingNetId);
        }
      }
      const speeds = result.commonIxs.map((entry) => entry.minSideSpeed);
      expect(speeds).toEqual([...speeds].sort((a, b) => b - a));

      const facSets = nets.map((net) => facIdsOf(live, net.id));
      const allFacs = new Set(facSets.flatMap((set) => [...set]));
      expect(result.commonFacs.map((entry) => entry.fac.id).sort()).toEqual(
        [...allFacs].filter((fac) => facSets.every((set) => set.has(fac))).sort(),
      );
      const expectedFacAllButOne =
        nets.length >= 3 ? [...allFacs].filter((fac) => facSets.filter((set) => !set.has(fac)).length === 1) : [];
      expect(result.allButOneFacs.map((entry) => entry.fac.id).sort()).toEqual(expectedFacAllButOne.sort());
    }
  });

  it('finds common IXPs between the two best-connected networks', () => {
    const result = compareNetworks(index, { asns: [64_007, 64_014] });
    expect(result.commonIxs.length).toBeGreaterThan(0);
  });
});

describe('potential peers', () => {
  const today = '2026-05-01';
  const randomFilters = (random: () => number): MemberFilters => {
    const maybe = <T>(value: T) => (random() < 0.3 ? value : undefined);
    return {
      policies: maybe(random() < 0.5 ? ['Open'] : ['Open', 'Selective']),
      infoTypes: maybe(random() < 0.5 ? ['NSP'] : ['Content', 'Cable/DSL/ISP']),
      trafficMin: maybe(random() < 0.5 ? '10-20Gbps' : '1-5Tbps'),
      scopes: maybe(['Global', 'Europe']),
      ratios: maybe(['Balanced']),
      region: maybe(random() < 0.5 ? 'Europe' : 'North America'),
      country: maybe('DE'),
      rsPeer: maybe(random() < 0.5 ? 'yes' : 'no'),
      ipv4: maybe(true),
      ipv6: maybe(true),
      minSpeed: maybe(random() < 0.5 ? 10_000 : 100_000),
      text: maybe(random() < 0.5 ? 'cloud' : 'AS640'),
    };
  };

  it('match a scan for random places, filters, networks of mine and marks', () => {
    const random = seeded(11);
    let roundsWithRows = 0;
    for (let round = 0; round < 150; round++) {
      const myAsns = [64_000 + (1 + Math.floor(random() * 240)) * 7, ...(random() < 0.5 ? [64_007] : [])];
      const marks: PeerStateRecord[] = liveNets
        .filter(() => random() < 0.15)
        .map((net, i) => ({
          asn: net.asn,
          state: [null, 'requested', 'peered', 'rejected', 'hidden', 'hidden'][i % 6] as PeerStateRecord['state'],
          hiddenUntil: i % 2 ? '2026-04-01' : '2026-06-01',
          note: 'n',
          updatedAt: 0,
        }));
      const placeRoll = random();
      const place: MemberPlace =
        placeRoll < 0.4
          ? { kind: 'ix', ixId: 1 + Math.floor(random() * 18) }
          : placeRoll < 0.8
            ? { kind: 'my-ixs' }
            : { kind: 'fac', facId: 1 + Math.floor(random() * 30) };
      const filters = randomFilters(random);
      const options = { includeMine: random() < 0.3, includeMarked: random() < 0.3 };
      const result = findMembers(index, { place, filters, ...options }, { myAsns, peerStates: marks, today });
      const expected = brutePeers(dataset, live, place, filters, myAsns, marks, today, options);
      const context = JSON.stringify({ round, place, filters, myAsns });
      expect(result.rows.map((row) => row.net.netId).sort((a, b) => a - b), context).toEqual(
        expected.map((peer) => peer.netId).sort((a, b) => a - b),
      );
      for (const row of result.rows) {
        const want = expected.find((peer) => peer.netId === row.net.netId)!;
        expect([...row.sharedIxIds].sort((a, b) => a - b), context).toEqual(want.sharedIxIds);
        expect(row.sharedFacCount).toBe(want.sharedFacCount);
        expect(row.score).toBe(want.score);
        expect(row.bestSpeed).toBe(want.bestSpeed);
        const explained = rankPeer(row.net.policyGeneral, row.sharedIxIds.length, row.sharedFacCount);
        expect(explained.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(row.score);
        for (const id of row.sharedIxIds) expect(result.ixNames[id]).toBeTruthy();
      }
      const scores = result.rows.map((row) => row.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      if (result.rows.length > 0) roundsWithRows++;
    }
    // The comparison means something only if many rounds return rows.
    expect(roundsWithRows).toBeGreaterThan(50);
  });

  it('leave out my networks and those I marked, and bring hidden ones back after their date', () => {
    const ixId = 1;
    const members = [...new Set(live.connections.filter((row) => row.ix_id === ixId).map((row) => row.net_id))].map(
      (id) => live.nets.get(id)!,
    );
    expect(members.length).toBeGreaterThan(6);
    const [mine, requested, peered, rejected, hiddenLater, hiddenPast, noteOnly] = members;
    const marks: PeerStateRecord[] = [
      { asn: requested!.asn, state: 'requested', note: '', updatedAt: 1 },
      { asn: peered!.asn, state: 'peered', note: '', updatedAt: 1 },
      { asn: rejected!.asn, state: 'rejected', note: '', updatedAt: 1 },
      { asn: hiddenLater!.asn, state: 'hidden', hiddenUntil: '2026-06-01', note: '', updatedAt: 1 },
      { asn: hiddenPast!.asn, state: 'hidden', hiddenUntil: '2026-05-01', note: '', updatedAt: 1 },
      { asn: noteOnly!.asn, state: null, note: 'met at RIPE', updatedAt: 1 },
    ];
    const user = { myAsns: [mine!.asn], peerStates: marks, today: '2026-05-01' };
    const ids = findMembers(index, { place: { kind: 'ix', ixId } }, user).rows.map((row) => row.net.netId);
    expect(ids).not.toContain(mine!.id);
    for (const gone of [requested, peered, rejected, hiddenLater]) expect(ids).not.toContain(gone!.id);
    expect(ids).toContain(hiddenPast!.id);
    expect(ids).toContain(noteOnly!.id);
    const noteRow = findMembers(index, { place: { kind: 'ix', ixId } }, user).rows.find((r) => r.net.netId === noteOnly!.id);
    expect(noteRow?.note).toBe('met at RIPE');

    const everyone = findMembers(index, { place: { kind: 'ix', ixId }, includeMine: true, includeMarked: true }, user);
    expect(everyone.rows.find((row) => row.net.netId === mine!.id)?.isMine).toBe(true);
    expect(everyone.rows.find((row) => row.net.netId === peered!.id)?.peerState).toBe('peered');
  });

  it('never list deleted networks or connections whose network is gone', () => {
    const result = findMembers(index, { place: { kind: 'ix', ixId: 1 }, includeMine: true, includeMarked: true }, {
      myAsns: [],
      peerStates: [],
      today: '2026-05-01',
    });
    const ids = new Set(result.rows.map((row) => row.net.netId));
    for (const net of deletedNets) expect(ids.has(net.id)).toBe(false);
    expect(ids.has(99_999)).toBe(false);
    expect(result.noneOfMine).toBe(true);
  });

  it('explain the ranking in words', () => {
    const result = findMembers(index, { place: { kind: 'my-ixs' } }, { myAsns: [64_007], peerStates: [], today: '2026-05-01' });
    const top = result.rows[0]!;
    const { reasons } = rankPeer(top.net.policyGeneral, top.sharedIxIds.length, top.sharedFacCount);
    expect(reasons.map((reason) => reason.label).join(' ')).toMatch(/Meets you at \d+ IXPs?/);
  });
});

describe('network page', () => {
  it('shows details, contacts with the Policy role first, and what it shares with my networks', () => {
    const my = liveNets.find((candidate) => candidate.id <= 3)!;
    const net = liveNets.find(
      (candidate) => candidate.id !== my.id && liveRows(dataset, 'poc').filter((poc) => poc.net_id === candidate.id).length >= 3,
    )!;
    const page = networkPage(index, { asn: net.asn }, { myAsns: [my.asn], peerStates: [], today: '2026-05-01' });
    expect(page.isMine).toBe(false);
    const livePocs = liveRows(dataset, 'poc').filter((poc) => poc.net_id === net.id);
    expect(page.contacts.map((c) => c.id).sort()).toEqual(livePocs.map((poc) => poc.id).sort());
    const firstNonPolicy = page.contacts.findIndex((c) => c.role !== 'Policy');
    if (firstNonPolicy >= 0) expect(page.contacts.slice(firstNonPolicy).some((c) => c.role === 'Policy')).toBe(false);
    const myIxs = ixIdsOf(live, my.id);
    expect(page.sharedIxs.length).toBeGreaterThan(0);
    expect(page.sharedIxs.map((s) => s.id).sort()).toEqual([...ixIdsOf(live, net.id)].filter((id) => myIxs.has(id)).sort());
    const myFacs = facIdsOf(live, my.id);
    expect(page.sharedFacs.map((s) => s.id).sort()).toEqual([...facIdsOf(live, net.id)].filter((id) => myFacs.has(id)).sort());
  });

  it('says clearly when the network is not in the copy', () => {
    expect(() => networkPage(index, { netId: deletedNets[0]!.id }, { myAsns: [], peerStates: [], today: '2026-05-01' })).toThrow(
      /not in the local copy/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { allAsns, brutePeers, facIdsOfAsn, holderOfAsn, ixIdsOfAsn, liveData } from './brute-force.test-support';
import { compareNetworks } from './compare';
import { getDiscoveryIndex } from '../index/discovery-index';
import { findMembers } from './members';
import { myNetworksOverview } from './my-networks';
import { networkPage } from './pages';
import { rankPeer } from '../../../../shared/ranking';
import { hasSecondAsn, liveRows, makeDataset, secondAsnOf } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';

const dataset = makeDataset({ seed: 20260416 });
const live = liveData(dataset);
const index = getDiscoveryIndex(copyOf(dataset));
const liveNets = [...live.nets.values()];
const deletedNets = dataset.net.data.filter((net) => net.status === 'deleted');
const everyAsn = allAsns(live);

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
    expect(dataset.netixlan.data.some((row) => row.status === 'ok' && !live.ixs.has(row.ix_id))).toBe(true);
    // Ports of deleted networks, ports carrying another ASN than their record's, and a live
    // record's ports carrying another live record's ASN.
    const deletedIds = new Set(deletedNets.map((net) => net.id));
    expect(live.ports.some((row) => deletedIds.has(row.net_id))).toBe(true);
    expect(live.ports.filter((row) => live.nets.has(row.net_id) && row.asn !== live.nets.get(row.net_id)!.asn).length).toBeGreaterThan(10);
    expect(live.ports.some((row) => row.net_id === 5 && row.asn === 64_042)).toBe(true);
    expect(dataset.ix.data.some((ix) => !('net_count' in ix))).toBe(true);
    expect(dataset.net.data.some((net) => !('ix_count' in net))).toBe(true);
    expect(live.ixs.has(3) && !dataset.ixlan.data.some((lan) => lan.ix_id === 3)).toBe(true);
    const portsPerNetAndIx = new Map<string, number>();
    for (const row of live.ports) {
      const key = `${row.net_id}/${row.ix_id}`;
      portsPerNetAndIx.set(key, (portsPerNetAndIx.get(key) ?? 0) + 1);
    }
    expect([...portsPerNetAndIx.values()].some((count) => count > 1)).toBe(true);
  });
});

describe('my networks', () => {
  it('lists the ports carrying each ASN and the facilities behind it, as a scan finds them', () => {
    const secondAsns = liveNets.filter((net) => hasSecondAsn(net.id)).slice(0, 3).map((net) => secondAsnOf(net.id));
    const asns = [...liveNets.slice(0, 12).map((net) => net.asn), ...secondAsns, deletedNets[0]!.asn, 65_535, 65_534, 1];
    const overview = myNetworksOverview(index, asns);
    expect(overview.map((entry) => entry.asn)).toEqual(asns);
    for (const entry of overview) {
      const holder = holderOfAsn(live, entry.asn);
      expect(entry.net?.netId ?? null, `AS${entry.asn}`).toBe(holder?.id ?? null);
      const expectedPorts = live.ports.filter((row) => row.asn === entry.asn);
      expect(new Set(entry.ixs.map((at) => at.ix.id))).toEqual(ixIdsOfAsn(live, entry.asn));
      expect(entry.ixs.flatMap((at) => at.connections.map((c) => c.netixlanId)).sort((a, b) => a - b)).toEqual(
        expectedPorts.map((row) => row.id).sort((a, b) => a - b),
      );
      for (const at of entry.ixs) {
        expect(at.connections.every((c) => c.asn === entry.asn)).toBe(true);
        expect(at.totalSpeed).toBe(
          expectedPorts.filter((row) => row.ix_id === at.ix.id).reduce((sum, row) => sum + row.speed, 0),
        );
      }
      expect(new Set(entry.facs.map((at) => at.fac.id))).toEqual(facIdsOfAsn(live, entry.asn));
    }
    // A second ASN is named by the record whose ports carry it, which says it has two.
    const second = overview.find((entry) => entry.asn === secondAsns[0])!;
    expect(second.net?.asn).not.toBe(second.asn);
    expect(second.otherAsns).toEqual([second.net!.asn]);
    expect(second.ixs.length).toBeGreaterThan(0);
    // An ASN only on ports of a missing record: its ports, no name; one only on a presence: its facility.
    const orphan = overview.find((entry) => entry.asn === 65_535)!;
    expect(orphan.net).toBeNull();
    expect(orphan.ixs.map((at) => at.ix.id)).toEqual([1]);
    expect(overview.find((entry) => entry.asn === 65_534)!.facs.map((at) => at.fac.id)).toEqual([2]);
    expect(overview.find((entry) => entry.asn === 1)).toMatchObject({ net: null, ixs: [], facs: [] });
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
      // Records' own ASNs, second ASNs of multi-ASN records, and ASNs only ports carry.
      const asns = [...picked].map((id) => (round % 3 === 0 && hasSecondAsn(id) ? secondAsnOf(id) : 64_000 + id * 7));
      if (round % 5 === 0) asns.push(65_535);
      const result = compareNetworks(index, { asns });
      const known = asns.filter((asn) => everyAsn.includes(asn));
      expect(result.networks.map((net) => net.asn)).toEqual(known);
      expect(result.networks.map((net) => net.netId)).toEqual(known.map((asn) => holderOfAsn(live, asn)?.id ?? null));
      expect(result.unknownAsns.length).toBe(asns.length - known.length);
      if (known.length < 2) continue;

      const ixSets = known.map((asn) => ixIdsOfAsn(live, asn));
      const allIxs = new Set(ixSets.flatMap((set) => [...set]));
      const expectedCommon = [...allIxs].filter((ix) => ixSets.every((set) => set.has(ix)));
      const expectedAllButOne =
        known.length >= 3 ? [...allIxs].filter((ix) => ixSets.filter((set) => !set.has(ix)).length === 1) : [];
      expect(result.commonIxs.map((entry) => entry.ix.id).sort()).toEqual(expectedCommon.sort());
      expect(result.allButOneIxs.map((entry) => entry.ix.id).sort()).toEqual(expectedAllButOne.sort());
      for (const entry of [...result.commonIxs, ...result.allButOneIxs]) {
        const speeds = entry.sides.map((side) => {
          const rows = live.ports.filter((row) => row.asn === side.asn && row.ix_id === entry.ix.id);
          expect(side.connections.map((c) => c.netixlanId).sort()).toEqual(rows.map((row) => row.id).sort());
          expect(side.connections.map((c) => c.ipaddr4).sort()).toEqual(rows.map((row) => row.ipaddr4).sort());
          return rows.reduce((sum, row) => sum + row.speed, 0);
        });
        expect(entry.minSideSpeed).toBe(Math.min(...speeds));
        if (entry.missingAsn !== undefined) {
          expect(ixIdsOfAsn(live, entry.missingAsn).has(entry.ix.id)).toBe(false);
          expect(entry.sides.map((side) => side.asn)).not.toContain(entry.missingAsn);
        }
      }
      const speeds = result.commonIxs.map((entry) => entry.minSideSpeed);
      expect(speeds).toEqual([...speeds].sort((a, b) => b - a));

      const facSets = known.map((asn) => facIdsOfAsn(live, asn));
      const allFacs = new Set(facSets.flatMap((set) => [...set]));
      expect(result.commonFacs.map((entry) => entry.fac.id).sort()).toEqual(
        [...allFacs].filter((fac) => facSets.every((set) => set.has(fac))).sort(),
      );
      const expectedFacAllButOne =
        known.length >= 3 ? [...allFacs].filter((fac) => facSets.filter((set) => !set.has(fac)).length === 1) : [];
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
      trafficMin: maybe(['10-20Gbps', '1-5Tbps', '20-50Gbps', '5-10Tbps'][Math.floor(random() * 4)]),
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
    let rowsWithoutRecord = 0;
    let rowsUnderAnotherAsn = 0;
    for (let round = 0; round < 150; round++) {
      const myRoll = random();
      const myAsns = [
        64_000 + (1 + Math.floor(random() * 240)) * 7,
        ...(myRoll < 0.5 ? [64_007] : myRoll < 0.6 ? [secondAsnOf(11)] : myRoll < 0.7 ? [65_535] : []),
      ];
      // Marks on records' ASNs and on ASNs only ports carry.
      const marks: PeerStateRecord[] = everyAsn
        .filter(() => random() < 0.15)
        .map((asn, i) => ({
          asn,
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
      const expected = brutePeers(live, place, filters, myAsns, marks, today, options);
      const context = JSON.stringify({ round, place, filters, myAsns });
      expect(result.rows.map((row) => row.net.asn).sort((a, b) => a - b), context).toEqual(
        expected.map((peer) => peer.asn).sort((a, b) => a - b),
      );
      for (const row of result.rows) {
        const want = expected.find((peer) => peer.asn === row.net.asn)!;
        expect(row.net.netId, context).toBe(want.netId);
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
      rowsWithoutRecord += result.rows.filter((row) => row.net.netId === null).length;
      rowsUnderAnotherAsn += result.rows.filter((row) => row.net.recordAsn !== null).length;
    }
    // The comparison means something only if many rounds return rows, some of each kind.
    expect(roundsWithRows).toBeGreaterThan(50);
    expect(rowsWithoutRecord).toBeGreaterThan(20);
    expect(rowsUnderAnotherAsn).toBeGreaterThan(20);
  });

  it('leave out my networks and those I marked, by the ASN of their ports, and bring hidden ones back after their date', () => {
    const ixId = 1;
    const members = [...new Set(live.ports.filter((row) => row.ix_id === ixId).map((row) => row.asn))];
    expect(members.length).toBeGreaterThan(6);
    const multi = liveNets.find((net) => hasSecondAsn(net.id) && ixIdsOfAsn(live, secondAsnOf(net.id)).has(ixId))!;
    const [mine, requested, peered, rejected, hiddenLater, hiddenPast, noteOnly] = members.filter(
      (asn) => asn !== multi.asn && asn !== secondAsnOf(multi.id),
    );
    const marks: PeerStateRecord[] = [
      { asn: requested!, state: 'requested', note: '', updatedAt: 1 },
      { asn: peered!, state: 'peered', note: '', updatedAt: 1 },
      { asn: rejected!, state: 'rejected', note: '', updatedAt: 1 },
      { asn: hiddenLater!, state: 'hidden', hiddenUntil: '2026-06-01', note: '', updatedAt: 1 },
      { asn: hiddenPast!, state: 'hidden', hiddenUntil: '2026-05-01', note: '', updatedAt: 1 },
      { asn: noteOnly!, state: null, note: 'met at RIPE', updatedAt: 1 },
      // A mark on the ASN of a port (not the record's): that session is the one marked.
      { asn: secondAsnOf(multi.id), state: 'peered', note: '', updatedAt: 1 },
    ];
    const user = { myAsns: [mine!], peerStates: marks, today: '2026-05-01' };
    const asns = findMembers(index, { place: { kind: 'ix', ixId } }, user).rows.map((row) => row.net.asn);
    expect(asns).not.toContain(mine);
    for (const gone of [requested, peered, rejected, hiddenLater]) expect(asns).not.toContain(gone);
    expect(asns).toContain(hiddenPast);
    expect(asns).toContain(noteOnly);
    expect(asns).not.toContain(secondAsnOf(multi.id));
    expect(asns).toContain(multi.asn);
    const noteRow = findMembers(index, { place: { kind: 'ix', ixId } }, user).rows.find((r) => r.net.asn === noteOnly);
    expect(noteRow?.note).toBe('met at RIPE');

    const everyone = findMembers(index, { place: { kind: 'ix', ixId }, includeMine: true, includeMarked: true }, user);
    expect(everyone.rows.find((row) => row.net.asn === mine)?.isMine).toBe(true);
    expect(everyone.rows.find((row) => row.net.asn === peered)?.peerState).toBe('peered');
  });

  it('list a record whose ports carry two ASNs once per ASN, each with its own ports', () => {
    const multi = liveNets.find((net) => hasSecondAsn(net.id) && ixIdsOfAsn(live, secondAsnOf(net.id)).size > 0)!;
    const ixId = [...ixIdsOfAsn(live, secondAsnOf(multi.id))][0]!;
    const rows = findMembers(index, { place: { kind: 'ix', ixId } }, { myAsns: [], peerStates: [], today: '2026-05-01' }).rows;
    const own = rows.find((row) => row.net.asn === multi.asn)!;
    const second = rows.find((row) => row.net.asn === secondAsnOf(multi.id))!;
    expect(own.net).toMatchObject({ netId: multi.id, name: multi.name, recordAsn: null });
    expect(second.net).toMatchObject({ netId: multi.id, name: multi.name, recordAsn: multi.asn });
    expect(second.connections!.map((c) => c.asn)).toEqual(second.connections!.map(() => secondAsnOf(multi.id)));
    expect(own.connections!.every((c) => c.asn === multi.asn)).toBe(true);
  });

  it('keep ports whose network record is missing or deleted, by their ASN, and never name a deleted network', () => {
    const result = findMembers(index, { place: { kind: 'ix', ixId: 1 }, includeMine: true, includeMarked: true }, {
      myAsns: [],
      peerStates: [],
      today: '2026-05-01',
    });
    const ids = new Set(result.rows.map((row) => row.net.netId));
    for (const net of deletedNets) expect(ids.has(net.id)).toBe(false);
    const names = new Set(result.rows.map((row) => row.net.name));
    for (const net of deletedNets) if (!liveNets.some((other) => other.name === net.name)) expect(names.has(net.name)).toBe(false);
    expect(result.rows.find((row) => row.net.asn === 65_535)?.net).toEqual({ asn: 65_535, netId: null, name: 'AS65535', recordAsn: null, policyGeneral: '', infoTypes: [], traffic: '' });
    const deletedHere = deletedNets.filter((net) => live.ports.some((row) => row.net_id === net.id && row.ix_id === 1 && row.asn === net.asn));
    for (const net of deletedHere) expect(result.rows.find((row) => row.net.asn === net.asn)?.net.netId).toBeNull();
    expect(result.noneOfMine).toBe(true);
  });

  it('understand traffic levels in older wording', () => {
    const user = { myAsns: [], peerStates: [], today: '2026-05-01' };
    const older = liveNets.filter((net) => net.info_traffic === '1 Tbps+' || net.info_traffic === '10 Tbps+');
    expect(older.length).toBeGreaterThan(3);
    const atLeast = (trafficMin: string) =>
      new Set(findMembers(index, { place: { kind: 'my-ixs' }, filters: { trafficMin } }, { ...user, myAsns: [64_007] }).rows.map((row) => row.net.netId));
    const terabit = atLeast('1-5Tbps');
    const olderAtMyIxs = older.filter((net) => [...ixIdsOfAsn(live, net.asn)].some((ix) => ixIdsOfAsn(live, 64_007).has(ix)) && net.asn !== 64_007);
    expect(olderAtMyIxs.length).toBeGreaterThan(0);
    for (const net of olderAtMyIxs) expect(terabit.has(net.id)).toBe(true);
    const tenTerabit = atLeast('10-20Tbps');
    for (const net of olderAtMyIxs) expect(tenTerabit.has(net.id)).toBe(net.info_traffic === '10 Tbps+');
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
    // Where the record's ports are (whatever ASN they carry) and where ports carrying my ASN are.
    const recordIxs = new Set(live.ports.filter((row) => row.net_id === net.id).map((row) => row.ix_id));
    const recordFacs = new Set(live.presences.filter((row) => row.net_id === net.id).map((row) => row.fac_id));
    const myIxs = ixIdsOfAsn(live, my.asn);
    expect(page.sharedIxs.length).toBeGreaterThan(0);
    expect(page.sharedIxs.map((s) => s.id).sort()).toEqual([...recordIxs].filter((id) => myIxs.has(id)).sort());
    const myFacs = facIdsOfAsn(live, my.asn);
    expect(page.sharedFacs.map((s) => s.id).sort()).toEqual([...recordFacs].filter((id) => myFacs.has(id)).sort());
    for (const shared of page.sharedIxs) expect(shared.mine.map((m) => m.asn)).toEqual([my.asn]);
  });

  it('lists every ASN its ports carry, and is mine when one of them is', () => {
    const multi = liveNets.find((net) => hasSecondAsn(net.id) && ixIdsOfAsn(live, secondAsnOf(net.id)).size > 0)!;
    const ports = live.ports.filter((row) => row.net_id === multi.id);
    const page = networkPage(index, { asn: secondAsnOf(multi.id) }, { myAsns: [], peerStates: [], today: '2026-05-01' });
    expect(page.net.netId).toBe(multi.id);
    expect(page.portAsns).toEqual(
      [multi.asn, secondAsnOf(multi.id)]
        .map((asn) => ({ asn, ports: ports.filter((row) => row.asn === asn).length }))
        .filter((entry) => entry.ports > 0),
    );
    expect(page.ixs.flatMap((at) => at.connections.map((c) => c.asn)).sort()).toEqual(ports.map((row) => row.asn).sort());
    expect(page.isMine).toBe(false);
    expect(networkPage(index, { netId: multi.id }, { myAsns: [secondAsnOf(multi.id)], peerStates: [], today: '2026-05-01' }).isMine).toBe(true);
  });

  it('says clearly when the network is not in the copy', () => {
    expect(() => networkPage(index, { netId: deletedNets[0]!.id }, { myAsns: [], peerStates: [], today: '2026-05-01' })).toThrow(
      /not in the local copy/,
    );
  });
});

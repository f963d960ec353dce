import { describe, expect, it } from 'vitest';
import type { PeerStateRecord } from '../../../../shared/user-data';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../../worker/copy/local-copy.test-support';
import { getDiscoveryIndex } from '../../worker/index/discovery-index';
import { findMembers } from '../../worker/queries/members';
import { columnBuffersOf, packPeersResult } from '../../worker/queries/packed-members';
import type { PeersArgs } from '../../protocol/discovery';
import { answerUnpacker, newMemberNetCache, unpackPeersResult } from './packed-answers';

// Ports of missing records, ports under a second ASN, older rows, addresses missing.
const dataset = makeDataset({ seed: 77 });
const copy = copyOf(dataset);
const index = getDiscoveryIndex(copy);
const nets = liveRows(dataset, 'net');
const ixs = liveRows(dataset, 'ix');
const marks: PeerStateRecord[] = [
  { asn: nets[2]!.asn, state: 'peered', note: 'Session up since May', updatedAt: 1 },
  { asn: nets[3]!.asn, state: null, note: 'Ask at the next meeting', updatedAt: 2 },
  { asn: nets[4]!.asn, state: 'hidden', note: '', hiddenUntil: '2099-01-01', updatedAt: 3 },
];
const user = { myAsns: [nets[0]!.asn, nets[1]!.asn], peerStates: marks, today: '2026-05-01' };

function roundTrip(args: PeersArgs, from = index, cache = newMemberNetCache()) {
  const answer = findMembers(from, args, user);
  // The page receives it cloned, as postMessage delivers it.
  return { answer, unpacked: unpackPeersResult(structuredClone(packPeersResult(answer)), cache) };
}

describe('member lists sent as columns', () => {
  it('come back to the page exactly as the store answered them, wherever they are asked', () => {
    const questions: PeersArgs[] = [
      ...ixs.map((ix): PeersArgs => ({ place: { kind: 'ix', ixId: ix.id }, includeMine: true, includeMarked: true })),
      { place: { kind: 'my-ixs' } },
      { place: { kind: 'my-ixs' }, includeMarked: true, filters: { policies: ['Open', 'Selective'] } },
      { place: { kind: 'my-ixs' }, filters: { text: 'a', minSpeed: 1000 } },
      ...liveRows(dataset, 'fac').map((fac): PeersArgs => ({ place: { kind: 'fac', facId: fac.id }, includeMine: true, includeMarked: true })),
    ];
    let rows = 0;
    for (const question of questions) {
      const { answer, unpacked } = roundTrip(question);
      expect(unpacked).toStrictEqual(answer);
      rows += answer.rows.length;
    }
    expect(rows).toBeGreaterThan(500);
  });

  it('keep what few rows have: marks and notes, missing records, second ASNs, ports without addresses', () => {
    const all = questionsOfEveryIx().flatMap((question) => roundTrip(question).unpacked.rows);
    expect(all.some((row) => row.peerState === 'peered' && row.note === 'Session up since May')).toBe(true);
    expect(all.some((row) => row.peerState === null && row.note === 'Ask at the next meeting')).toBe(true);
    expect(all.some((row) => row.net.netId === null && row.net.name.startsWith('AS'))).toBe(true);
    expect(all.some((row) => row.net.recordAsn !== null)).toBe(true);
    expect(all.some((row) => row.connections?.some((connection) => connection.ipaddr4 === null))).toBe(true);
    expect(all.some((row) => row.isMine)).toBe(true);
  });

  it('keep names as written, whatever they hold', () => {
    const odd = ['Edge \ud800', '\udc00 after a lone half', '', 'Two\nlines', 'Ünïcödé 網路 🚀'];
    const renamed = {
      ...dataset,
      net: { data: dataset.net.data.map((net, i) => (i >= 5 && i < 5 + odd.length ? { ...net, name: odd[i - 5]! } : net)) },
    };
    const renamedIndex = getDiscoveryIndex(copyOf(renamed));
    const names = new Set<string>();
    for (const question of questionsOfEveryIx()) {
      const { answer, unpacked } = roundTrip(question, renamedIndex);
      expect(unpacked).toStrictEqual(answer);
      for (const row of unpacked.rows) names.add(row.net.name);
    }
    expect(odd.filter((name) => names.has(name))).toEqual(odd);
  });

  it('carry no connections where the answer has none, and an empty list as empty', () => {
    const { unpacked } = roundTrip({ place: { kind: 'my-ixs' } });
    expect(unpacked.rows.length).toBeGreaterThan(0);
    expect(unpacked.rows.every((row) => !('connections' in row))).toBe(true);
    const nowhere = roundTrip({ place: { kind: 'ix', ixId: 999_999 } });
    expect(nowhere.unpacked).toStrictEqual(nowhere.answer);
  });

  it('move their columns to the page rather than copying them, and arrive whole', () => {
    const questions: PeersArgs[] = [{ place: { kind: 'my-ixs' } }, { place: { kind: 'ix', ixId: ixs[0]!.id }, includeMine: true }];
    for (const question of questions) {
      const packed = packPeersResult(findMembers(index, question, user));
      const buffers = columnBuffersOf(packed);
      expect(buffers.length).toBeGreaterThan(10);
      const arrived = structuredClone(packed, { transfer: buffers });
      // Moved: nothing of them is left where they were made.
      expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
      expect(unpackPeersResult(arrived)).toStrictEqual(findMembers(index, question, user));
    }
  });

  it('leave answers that were not packed as they came', () => {
    const value = { hits: [{ key: 'net:1' }] };
    expect(answerUnpacker()(undefined, value)).toBe(value);
  });

  it('share the networks one answer made with the next, until the store numbers its networks anew', () => {
    const cache = newMemberNetCache();
    const first = roundTrip({ place: { kind: 'my-ixs' } }, index, cache).unpacked;
    const second = roundTrip({ place: { kind: 'my-ixs' }, includeMarked: true }, index, cache);
    expect(second.unpacked).toStrictEqual(second.answer);
    const firstNets = new Map(first.rows.map((row) => [row.net.asn, row.net]));
    const again = second.unpacked.rows.filter((row) => firstNets.has(row.net.asn));
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((row) => row.net === firstNets.get(row.net.asn))).toBe(true);

    // The same ASNs after a sync renamed their networks: the page shows the new names, not the kept ones.
    const renamed = {
      ...dataset,
      net: { data: dataset.net.data.map((net) => ({ ...net, name: `${String(net.name)} (renamed)` })) },
    };
    const after = roundTrip({ place: { kind: 'my-ixs' } }, getDiscoveryIndex(copyOf(renamed)), cache);
    expect(after.unpacked).toStrictEqual(after.answer);
    expect(after.unpacked.rows.filter((row) => row.net.netId !== null).every((row) => row.net.name.endsWith(' (renamed)'))).toBe(true);
  });
});

function questionsOfEveryIx(): PeersArgs[] {
  return ixs.map((ix) => ({ place: { kind: 'ix', ixId: ix.id }, includeMine: true, includeMarked: true }));
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDiscoveryIndex, warmUpSearchSoon } from './discovery-index';
import { findMembers } from '../queries/members';
import { search } from '../queries/search';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/discovery';
import { copyOf } from '../copy/local-copy.test-support';

const user = { myAsns: [], peerStates: [], today: '2026-05-01' };

describe('the discovery index follows the copy', () => {
  it('drops a network deleted by a sync from every answer', () => {
    const dataset = makeDataset({ seed: 5 });
    const copy = copyOf(dataset);
    const net = liveRows(dataset, 'net').find((candidate) => candidate.id > 3 && candidate.irr_as_set)!;
    const ixId = liveRows(dataset, 'netixlan').find((row) => row.net_id === net.id && copy.rows.ix.has(row.ix_id))!.ix_id;
    const members = () => findMembers(getDiscoveryIndex(copy), { place: { kind: 'ix', ixId } }, user).rows.map((r) => r.net.netId);
    expect(members()).toContain(net.id);
    expect(search(getDiscoveryIndex(copy), { query: `AS${net.asn}` }).hits[0]?.id).toBe(net.id);

    // What the store does when a page brings the row back with status "deleted".
    copy.rows.net.delete(net.id);
    copy.version++;
    expect(members()).not.toContain(net.id);
    expect(search(getDiscoveryIndex(copy), { query: `AS${net.asn}` }).hits).toEqual([]);
    const byAsSet = search(getDiscoveryIndex(copy), { query: net.irr_as_set.split(' ')[0]! }).hits;
    expect(byAsSet.some((hit) => hit.kind === 'net' && hit.id === net.id)).toBe(false);
  });

  it('sees a new connection and a renamed network after the version moves', () => {
    const dataset = makeDataset({ seed: 6 });
    const copy = copyOf(dataset);
    const net = liveRows(dataset, 'net').find((candidate) => candidate.id > 3)!;
    const ix = liveRows(dataset, 'ix').find(
      (candidate) => !liveRows(dataset, 'netixlan').some((row) => row.net_id === net.id && row.ix_id === candidate.id),
    )!;
    const index = getDiscoveryIndex(copy);
    const row = { ...liveRows(dataset, 'netixlan')[0]!, id: 50_000, net_id: net.id, ix_id: ix.id, ipaddr4: '10.99.0.9' };
    copy.rows.netixlan.set(row.id, row);
    copy.rows.net.set(net.id, { ...net, name: 'Quokka Transit' });
    copy.version++;
    expect(getDiscoveryIndex(copy)).toBe(index);
    const members = findMembers(index.refresh(), { place: { kind: 'ix', ixId: ix.id } }, user).rows;
    expect(members.find((member) => member.net.netId === net.id)?.net.name).toBe('Quokka Transit');
    expect(search(index, { query: 'quokka' }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
    expect(search(index, { query: '10.99.0.9' }).hits[0]).toMatchObject({ kind: 'net', id: net.id, match: 'ip' });
  });

  it('rebuilds only the sections whose types changed', () => {
    const dataset = makeDataset({ seed: 8 });
    const copy = copyOf(dataset);
    const index = getDiscoveryIndex(copy);
    const netSection = index.netSection;
    const connections = index.connections;
    const poc = liveRows(dataset, 'poc')[0]!;
    copy.rows.poc.set(poc.id, { ...poc, name: 'Changed' });
    copy.version++;
    getDiscoveryIndex(copy);
    expect(index.netSection).toBe(netSection);
    expect(index.connections).toBe(connections);
    expect(index.pocsByNet.get(poc.net_id)?.some((row) => row.name === 'Changed')).toBe(true);
  });

  it('empties with the copy on a flush', () => {
    const copy = copyOf(makeDataset({ seed: 9 }));
    expect(search(getDiscoveryIndex(copy), { query: 'cloud' }).total).toBeGreaterThan(0);
    copy.clear();
    expect(search(getDiscoveryIndex(copy), { query: 'cloud' }).total).toBe(0);
  });
});

describe('search structures', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are built in the background once the copy is still, and again after names change', () => {
    vi.useFakeTimers();
    const dataset = makeDataset({ seed: 10 });
    const copy = copyOf(dataset);
    const index = getDiscoveryIndex(copy);
    expect(index.searchReady).toBe(false);
    warmUpSearchSoon(index);
    // A sync keeps changing the copy: the build waits.
    copy.version++;
    vi.advanceTimersToNextTimer();
    expect(index.searchReady).toBe(false);
    vi.runAllTimers();
    expect(index.searchReady).toBe(true);

    const net = liveRows(dataset, 'net')[0]!;
    copy.rows.net.set(net.id, { ...net, name: 'Wombat Backbone' });
    copy.version++;
    getDiscoveryIndex(copy);
    expect(index.searchReady).toBe(false);
    expect(search(index, { query: 'wombat' }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
  });
});

import { describe, expect, it } from 'vitest';
import { allAsns, liveData, recordIdsOfAsn } from './brute-force.test-support';
import { getDiscoveryIndex } from '../index/discovery-index';
import { search } from './search';
import { hasSecondAsn, liveRows, makeDataset, secondAsnOf } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';
import { ix, net, port } from '../../../../../tools/fake-peeringdb/datasets/contact-rows';
import { foldText, squash, wordsOf } from '../index/text';

const dataset = makeDataset({ seed: 99 });
const live = liveData(dataset);
const index = getDiscoveryIndex(copyOf(dataset));
const find = (query: string, limit = 500) => search(index, { query, limit });

describe('search by name', () => {
  it('finds, for any word prefix, exactly the live networks a scan finds', () => {
    const wordsOfNet = (name: string, aka: string, nameLong: string) => {
      const folded = foldText(name);
      return [...wordsOf(folded), squash(folded), ...wordsOf(foldText(`${aka} ${nameLong}`)), squash(foldText(aka))];
    };
    for (const prefix of ['cl', 'clou', 'zur', 'zür', 'data', 'fiber networks', 'hosting 1', 'qqq', 'networks c', 'c d', 'clo']) {
      const queryWords = wordsOf(foldText(prefix));
      const expected = liveRows(dataset, 'net')
        .filter((net) => {
          const words = wordsOfNet(net.name, net.aka, net.name_long).filter(Boolean);
          return queryWords.every((q) => words.some((word) => word.startsWith(q)));
        })
        .map((net) => net.id)
        .sort((a, b) => a - b);
      const found = find(prefix)
        .hits.filter((hit) => hit.kind === 'net' && (hit.match === 'name' || hit.match === 'other-name'))
        .map((hit) => hit.id)
        .sort((a, b) => a - b);
      expect(found, prefix).toEqual(expected);
    }
  });

  it('answers a single letter with the names that start with it', () => {
    const expected = liveRows(dataset, 'net')
      .filter((net) => squash(foldText(net.name)).startsWith('c'))
      .map((net) => net.id)
      .sort((a, b) => a - b);
    const hits = find('C').hits.filter((hit) => hit.kind === 'net');
    expect(hits.map((hit) => hit.id).sort((a, b) => a - b)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
  });

  it('puts an exact name first and finds "DE-CIX" by "decix" and by "de-cix frank"', () => {
    expect(find('decix').hits[0]).toMatchObject({ kind: 'ix', id: 1, title: 'DE-CIX Frankfurt' });
    expect(find('de-cix frank').hits[0]).toMatchObject({ kind: 'ix', id: 1 });
    expect(find('DE-CIX Frankfurt').hits[0]).toMatchObject({ kind: 'ix', id: 1 });
  });

  it('finds IXPs, facilities and organisations, and never deleted ones', () => {
    const kinds = new Set(find('frankfurt').hits.map((hit) => hit.kind));
    expect(kinds.has('ix')).toBe(true);
    expect(kinds.has('fac')).toBe(true);
    expect(find('holdings').hits.some((hit) => hit.kind === 'org')).toBe(true);
    const deleted = dataset.net.data.filter((net) => net.status === 'deleted');
    for (const net of deleted) {
      const hits = find(net.name).hits;
      expect(hits.some((hit) => hit.kind === 'net' && hit.id === net.id)).toBe(false);
    }
    const deletedIx = dataset.ix.data.find((ix) => ix.status === 'deleted')!;
    expect(find(deletedIx.name).hits.some((hit) => hit.kind === 'ix' && hit.id === deletedIx.id)).toBe(false);
  });

  it('finds words in any script, beyond the BMP too, and around broken text, as a scan does', () => {
    const names = [
      'Zürich Fiber',
      '網路 Networks 網',
      '𝔸stral 𝔸ccess',
      'Edge\ud800Lone \udc00tail',
      'Ünïcödé-Transit',
      'x\u0301y Combining',
      '',
      'Two\nlines net',
    ];
    const nets = names.map((name, i) => net(900 + i, 64_900 + i, name, { aka: i % 2 ? 'Ålesund Access' : '' }));
    const scripts = getDiscoveryIndex(copyOf({ net: nets }));
    const foundByPrefix = new Map<string, number>();
    for (const prefix of ['zur', 'fib', '網', '網路 n', 'net', '𝔸', '𝔸cc', 'edge', 'lone', 'tail', 'unicode t', 'ale', 'acc', 'xy', 'comb', 'lines', 'two l']) {
      const queryWords = wordsOf(foldText(prefix));
      const expected = nets
        .filter((row) => {
          const folded = foldText(row.name);
          const words = [...wordsOf(folded), squash(folded), ...wordsOf(foldText(row.aka)), squash(foldText(row.aka))];
          return queryWords.every((word) => words.some((candidate) => candidate.startsWith(word)));
        })
        .map((row) => row.id)
        .sort((a, b) => a - b);
      const found = search(scripts, { query: prefix, limit: 50 })
        .hits.filter((hit) => hit.match === 'name' || hit.match === 'other-name')
        .map((hit) => hit.id)
        .sort((a, b) => a - b);
      expect(found, prefix).toEqual(expected);
      foundByPrefix.set(prefix, found.length);
    }
    expect([...foundByPrefix].filter(([, count]) => count === 0).map(([prefix]) => prefix)).toEqual([]);
  });

  it('narrows thousands of rows by the words after the first, as a scan does', () => {
    const kinds = ['Backbone', 'Beta', 'Cloud', 'Cable', 'Data', 'Édge'];
    const nets = Array.from({ length: 2400 }, (_, i) =>
      net(5000 + i, 70_000 + i, `Carrier ${kinds[i % kinds.length]} ${i % 37}`, { aka: i % 5 === 0 ? 'Backhaul' : '' }),
    );
    const many = getDiscoveryIndex(copyOf({ net: nets }));
    for (const prefix of ['carrier b', 'carrier be', 'carrier backb 3', 'car ed', 'carrier c 12', 'carrier 1', 'c back']) {
      const queryWords = wordsOf(foldText(prefix));
      const expected = nets.filter((row) => {
        const words = [...wordsOf(foldText(row.name)), squash(foldText(row.name)), ...wordsOf(foldText(row.aka))];
        return queryWords.every((word) => words.some((candidate) => candidate.startsWith(word)));
      });
      const result = search(many, { query: prefix, limit: 10 });
      expect(result.total, prefix).toBe(expected.length);
      expect(expected.length, prefix).toBeGreaterThan(0);
    }
  });

  it('keeps hostile names as plain text in the answer', () => {
    const hostile = liveRows(dataset, 'net').find((net) => net.name.startsWith('<img'))!;
    const hit = find(`AS${hostile.asn}`).hits[0]!;
    expect(hit.title).toBe(hostile.name);
  });
});

describe('search by ASN and IRR as-set', () => {
  it('finds a network by "AS64007", "as 64007" and "64007", first', () => {
    const net = liveRows(dataset, 'net')[0]!;
    for (const query of [`AS${net.asn}`, `as ${net.asn}`, String(net.asn)]) {
      expect(find(query).hits[0], query).toMatchObject({ kind: 'net', id: net.id, match: 'asn' });
    }
  });

  it('offers the networks whose ASN, or a port’s, starts with what is typed', () => {
    for (const typed of ['6401', '6415', '6553']) {
      const hits = find(typed).hits.filter((hit) => hit.match === 'asn');
      const expected = allAsns(live)
        .filter((asn) => String(asn).startsWith(typed))
        .flatMap((asn) => [...recordIdsOfAsn(live, asn)].map((id) => `${id}/AS${asn}`));
      expect(hits.map((hit) => `${hit.id}/AS${hit.asn}`).sort(), typed).toEqual(expected.sort());
      expect(expected.length, typed).toBeGreaterThan(0);
    }
  });

  it('finds a network by any ASN its ports carry, after the network whose own ASN it is', () => {
    const multi = liveRows(dataset, 'net').find((net) => hasSecondAsn(net.id) && live.ports.some((row) => row.asn === secondAsnOf(net.id)))!;
    const hit = find(`AS${secondAsnOf(multi.id)}`).hits[0]!;
    expect(hit).toMatchObject({ kind: 'net', id: multi.id, match: 'asn', asn: secondAsnOf(multi.id), title: multi.name });
    expect(hit.detail).toBe(`ports under AS${secondAsnOf(multi.id)}`);
    expect(hit.subtitle).toContain(`AS${secondAsnOf(multi.id)}`);
    // An ASN that is one record's own and on another record's port: its own record first.
    const ix1 = ix(1, 'Test IX');
    const holding = net(10, 64500, 'Holding Net');
    const subsidiary = net(20, 64501, 'Subsidiary Net');
    const copy = copyOf({ ix: [ix1], net: [holding, subsidiary], netixlan: [{ ...port(1, holding, ix1, '192.0.2.1', null), asn: 64501 }] });
    expect(search(getDiscoveryIndex(copy), { query: 'AS64501' }).hits.map((h) => [h.id, h.asn])).toEqual([[20, 64501], [10, 64501]]);
  });

  it('offers an ASN seen only on ports whose network record is missing, saying so', () => {
    const hits = find('AS65535').hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'net', id: 99_999, asn: 65_535, title: 'AS65535', subtitle: 'Not in the local copy' });
  });

  it('finds a network by its as-set, with or without source, and by an as-set prefix', () => {
    const net = liveRows(dataset, 'net').find((candidate) => candidate.irr_as_set)!;
    const first = net.irr_as_set.split(' ')[0]!; // RIPE::AS-NET<id>
    const bare = first.split('::')[1]!;
    expect(find(first).hits[0]).toMatchObject({ kind: 'net', id: net.id, match: 'irr' });
    expect(find(bare.toLowerCase()).hits[0]).toMatchObject({ kind: 'net', id: net.id, match: 'irr' });
    expect(find(`AS-CUST${net.id}`).hits[0]).toMatchObject({ kind: 'net', id: net.id, match: 'irr' });
    expect(find('AS-NET').hits.filter((hit) => hit.match === 'irr').length).toBeGreaterThan(5);
  });
});

describe('search by IP address and prefix', () => {
  // An address names the network record holding it; ports of missing records name nobody.
  const held = live.ports.filter((row) => live.nets.has(row.net_id));
  it('names who holds a peering IP, whatever the IPv6 spelling', () => {
    const row = held.find((candidate) => candidate.ipaddr6)!;
    const holders = held.filter((candidate) => candidate.ipaddr6 === row.ipaddr6).map((c) => c.net_id);
    // Spell it long: every group padded to four digits, no "::".
    const parts = row.ipaddr6!.split('::');
    const head = parts[0]!.split(':');
    const tail = parts[1] ? parts[1].split(':') : [];
    const long = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail]
      .map((group) => group.padStart(4, '0'))
      .join(':')
      .toUpperCase();
    const hits = find(long).hits.filter((hit) => hit.match === 'ip');
    expect(hits.map((hit) => hit.id).sort()).toEqual(holders.sort());
    const ixName = liveRows(dataset, 'ix').find((ix) => ix.id === row.ix_id)!.name;
    expect(hits.some((hit) => hit.detail.endsWith(`at ${ixName}`))).toBe(true);
  });

  it('names who holds an IPv4 address and never a holder that is gone', () => {
    const row = held.find((candidate) => candidate.ipaddr4)!;
    const hits = find(row.ipaddr4!).hits;
    expect(hits.some((hit) => hit.match === 'ip' && hit.id === row.net_id)).toBe(true);
    const deleted = dataset.netixlan.data.find((candidate) => candidate.status === 'deleted' && candidate.ipaddr4)!;
    const stillHeld = held.some((candidate) => candidate.ipaddr4 === deleted.ipaddr4);
    if (!stillHeld) expect(find(deleted.ipaddr4!).hits.some((hit) => hit.match === 'ip')).toBe(false);
    // The orphan connection (its network is missing) is nobody's.
    expect(find('10.1.0.251').hits.some((hit) => hit.match === 'ip' && hit.id === 99_999)).toBe(false);
  });

  it('tells which IX LAN an address or prefix belongs to', () => {
    const ixOfLan = new Map(liveRows(dataset, 'ixlan').map((lan) => [lan.id, lan.ix_id]));
    const hits = find('10.5.0.77').hits.filter((hit) => hit.match === 'prefix');
    expect(hits.map((hit) => hit.id)).toEqual([ixOfLan.get(liveRows(dataset, 'ixlan').find((lan) => lan.ix_id === 5)!.id)]);
    expect(hits[0]!.detail).toContain('10.5.0.0/24');
    // A wider prefix covers every IX LAN inside it.
    const wide = find('10.0.0.0/8').hits.filter((hit) => hit.match === 'prefix');
    const liveV4 = liveRows(dataset, 'ixpfx').filter(
      (pfx) => pfx.protocol === 'IPv4' && ixOfLan.has(pfx.ixlan_id) && live.ixs.has(ixOfLan.get(pfx.ixlan_id)!),
    );
    expect(wide.length).toBe(liveV4.length);
    expect(find('10.250.1.1').hits.filter((hit) => hit.match === 'prefix')).toEqual([]);
    expect(find('2001:db8:3:0::/64').hits.some((hit) => hit.match === 'prefix')).toBe(
      liveRows(dataset, 'ixpfx').some((pfx) => pfx.prefix === '2001:db8:3:0::/64') && live.ixs.has(3),
    );
  });

  it('answers nonsense with nothing rather than an error', () => {
    for (const query of ['', '   ', '::::', '999.1.1.1', '10.0.0.0/99', '%%%', 'AS']) {
      expect(() => find(query)).not.toThrow();
    }
    expect(find('').hits).toEqual([]);
  });
});

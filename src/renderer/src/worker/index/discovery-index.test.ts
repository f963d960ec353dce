import { describe, expect, it, vi } from 'vitest';
import { DiscoveryIndex, discoveryIndexOf, getDiscoveryIndex } from './discovery-index';
import { SLICE_MS } from '../cooperative';
import { generateDataset } from '../../../../../tools/fake-peeringdb/generator';
import { findMembers } from '../queries/members';
import { search } from '../queries/search';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';
import { ix, net, poc, port } from '../../../../../tools/fake-peeringdb/datasets/contact-rows';
import { filterOptions } from '../queries/filter-options';
import { networkPage } from '../queries/pages';
import { buildContactList } from '../queries/contact-list';

const user = { myAsns: [], peerStates: [], today: '2026-05-01' };

describe('the discovery index follows the copy', () => {
  it('drops a network deleted by a sync from every answer', () => {
    const dataset = makeDataset({ seed: 5 });
    const copy = copyOf(dataset);
    // Past network 6, whose ASN the dataset also puts on a port of network 5.
    const net = liveRows(dataset, 'net').find((candidate) => candidate.id > 6 && candidate.irr_as_set)!;
    const ixId = liveRows(dataset, 'netixlan').find((row) => row.net_id === net.id && copy.rows.ix.has(row.ix_id))!.ix_id;
    const members = () => findMembers(getDiscoveryIndex(copy), { place: { kind: 'ix', ixId } }, user).rows.map((r) => r.net.netId);
    expect(members()).toContain(net.id);
    expect(search(getDiscoveryIndex(copy), { query: `AS${net.asn}` }).hits[0]?.id).toBe(net.id);

    // What the store does when a page brings the row back with status "deleted"; its ports
    // come back deleted later, and until then they count by their ASN, nameless.
    copy.rows.net.delete(net.id);
    copy.version++;
    expect(members()).not.toContain(net.id);
    expect(search(getDiscoveryIndex(copy), { query: `AS${net.asn}` }).hits.map((hit) => hit.title)).toEqual([`AS${net.asn}`]);
    for (const row of [...copy.rows.netixlan.values()]) if (row.net_id === net.id) copy.rows.netixlan.delete(row.id);
    copy.version++;
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
    const row = { ...liveRows(dataset, 'netixlan')[0]!, id: 50_000, net_id: net.id, asn: net.asn, ix_id: ix.id, ipaddr4: '10.99.0.9' };
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

  it('keeps the as-set index when only ports change, and learns a new port ASN', () => {
    const dataset = makeDataset({ seed: 11 });
    const copy = copyOf(dataset);
    const index = getDiscoveryIndex(copy);
    const irr = index.irrSearch();
    expect(search(index, { query: 'AS4200000001' }).hits).toEqual([]);
    const row = liveRows(dataset, 'netixlan').find((candidate) => copy.rows.net.has(candidate.net_id))!;
    copy.rows.netixlan.set(row.id, { ...row, asn: 4_200_000_001 });
    copy.version++;
    getDiscoveryIndex(copy);
    expect(index.irrSearch()).toBe(irr);
    expect(search(index, { query: 'AS4200000001' }).hits[0]).toMatchObject({ kind: 'net', id: row.net_id, asn: 4_200_000_001 });
  });

  it('empties with the copy on a flush', () => {
    const copy = copyOf(makeDataset({ seed: 9 }));
    expect(search(getDiscoveryIndex(copy), { query: 'cloud' }).total).toBeGreaterThan(0);
    copy.clear();
    expect(search(getDiscoveryIndex(copy), { query: 'cloud' }).total).toBe(0);
  });
});

describe('building in the background', () => {
  const generated = () => copyOf(generateDataset({ seed: 3, scale: 0.08 }) as unknown as Parameters<typeof copyOf>[0]);

  /**
   * A generated copy with its index built, then the first page of a sync: a network renamed
   * ("Numbat Networks"). Returns the contact the sync's next pages change.
   */
  async function syncRenamingANetwork() {
    const copy = generated();
    const index = discoveryIndexOf(copy);
    index.warmUp(true);
    await vi.waitFor(() => expect(index.complete).toBe(true), { timeout: 10_000, interval: 20 });
    const net = [...copy.rows.net.values()][0]!;
    const contact = [...copy.rows.poc.values()][0]!;
    copy.rows.net.set(net.id, { ...net, name: 'Numbat Networks' });
    copy.version++;
    index.warmUp();
    return { copy, index, net, contact };
  }

  /** Counts the other tasks that ran until `work` settled. */
  async function tasksDuring<T>(work: Promise<T>): Promise<{ value: T; tasks: number }> {
    let tasks = 0;
    let running = true;
    const tick = () => {
      tasks++;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const value = await work;
    running = false;
    return { value, tasks };
  }

  it('lets other work run while a question waits for the index, and answers as one built at once', async () => {
    const copy = generated();
    const { value: index, tasks } = await tasksDuring(discoveryIndexOf(copy).whenReady(['discovery', 'search']));
    expect(tasks).toBeGreaterThan(2);
    const atOnce = new DiscoveryIndex(copy).refresh();
    const ixId = [...copy.rows.ix.keys()][0]!;
    expect(findMembers(index, { place: { kind: 'ix', ixId } }, user)).toEqual(findMembers(atOnce, { place: { kind: 'ix', ixId } }, user));
    expect(search(index, { query: 'cl' })).toEqual(search(atOnce, { query: 'cl' }));
  });

  it('answers from one state of the copy when a sync changes it meanwhile, and the next question sees the change', async () => {
    const copy = generated();
    const index = discoveryIndexOf(copy);
    const net = [...copy.rows.net.values()][0]!;
    const waiting = index.whenReady(['discovery', 'search']);
    setTimeout(() => {
      copy.rows.net.set(net.id, { ...net, name: 'Numbat Networks' });
      copy.version++;
    }, 0);
    await waiting;
    const next = await index.whenReady(['discovery', 'search']);
    expect(search(next, { query: 'numbat' }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
    expect(next.holderOfAsn(net.asn)?.name).toBe('Numbat Networks');
  });

  it('waits while the copy keeps changing, then builds everything once it is still', async () => {
    const copy = generated();
    const index = discoveryIndexOf(copy);
    const net = [...copy.rows.net.values()][0]!;
    index.warmUp();
    // A sync committing a page every 20 ms.
    for (let page = 0; page < 10; page++) {
      copy.rows.net.set(net.id, { ...net, name: `Page ${page}` });
      copy.version++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(index.netSection).toBeUndefined();
    }
    await vi.waitFor(() => expect(index.complete).toBe(true), { timeout: 10_000, interval: 20 });
    expect(index.holderOfAsn(net.asn)?.name).toBe('Page 9');
  });

  it('builds what a search reads of a list swapped in whole at once, while the sync goes on, and the rest once the copy is still', async () => {
    const copy = generated();
    const index = discoveryIndexOf(copy);
    index.warmUp(true);
    await index.whenIdle();
    const org = [...copy.rows.org.values()][0]!;
    const contact = [...copy.rows.poc.values()][0]!;
    // A sync under way: pages of contacts every 20 ms, each too soon after the last for the
    // copy to count as still.
    let page = 0;
    const pages = setInterval(() => {
      copy.rows.poc.set(contact.id, { ...contact, name: `Page ${++page}` });
      copy.version++;
      index.warmUp();
    }, 20);
    try {
      await vi.waitFor(() => expect(page).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 10 });
      // The organisations' full list is swapped in meanwhile.
      copy.rows.org.set(org.id, { ...org, name: 'Wombat Holdings' });
      copy.version++;
      index.warmUp(false, ['org']);
      const pageAtSwap = page;
      // Their names are built while the pages go on, well before the copy could be still
      // (QUIET_MS) or the sync long (LONG_SYNC_MS). Readiness is looked at without building.
      await vi.waitFor(() => expect(index.isReadyFor(['search'])).toBe(true), { timeout: 900, interval: 10 });
      await vi.waitFor(() => expect(page).toBeGreaterThan(pageAtSwap), { timeout: 5_000, interval: 10 });
      // What reads the contacts, still changing, waits.
      expect(index.isReadyFor(['discovery'])).toBe(false);
    } finally {
      clearInterval(pages);
    }
    expect(search(index, { query: 'wombat' }).hits[0]).toMatchObject({ kind: 'org', id: org.id });
    // Once the copy is still, everything is built.
    await vi.waitFor(() => expect(index.complete).toBe(true), { timeout: 10_000, interval: 20 });
    expect(index.pocsByNet.get(contact.net_id)?.find((poc) => poc.id === contact.id)?.name).toBe(`Page ${page}`);
  });

  it('says it is idle only once the background build after a change has finished', async () => {
    const copy = generated();
    const index = discoveryIndexOf(copy);
    await index.whenIdle();
    expect(index.complete).toBe(false);
    index.warmUp(true);
    await index.whenIdle();
    expect(index.complete).toBe(true);
    // A sync changed the copy: the rebuild waits for the copy to be still, and idle waits for the rebuild.
    const net = [...copy.rows.net.values()][0]!;
    copy.rows.net.set(net.id, { ...net, name: 'Quokka Transit' });
    copy.version++;
    index.warmUp();
    await index.whenIdle();
    expect(index.complete).toBe(true);
    expect(index.holderOfAsn(net.asn)?.name).toBe('Quokka Transit');
  });

  it('builds in the background behind other work, in turn with a sync\'s pages for a question asked during it, and first of all once it ended', async () => {
    const priorities: string[] = [];
    const scheduler = {
      postTask(callback: () => void, options?: { priority?: string }) {
        priorities.push(options?.priority ?? 'user-visible');
        return new Promise((resolve) => setImmediate(() => resolve(callback())));
      },
    };
    vi.stubGlobal('scheduler', scheduler);
    try {
      const copy = generated();
      const index = discoveryIndexOf(copy);
      index.warmUp(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(priorities.length).toBeGreaterThan(0);
      expect(new Set(priorities)).toEqual(new Set(['background']));
      await index.whenIdle();
      // A sync's page changed a network; then a question comes while the sync goes on.
      const net = [...copy.rows.net.values()][0]!;
      copy.rows.net.set(net.id, { ...net, name: 'Numbat Networks' });
      copy.version++;
      index.warmUp();
      priorities.length = 0;
      await index.whenReady(['discovery', 'search', 'addresses']);
      // At the pages' own priority: the sync's pages and the question's build take turns.
      expect(new Set(priorities)).toEqual(new Set(['background']));
      expect(index.isReadyFor(['discovery', 'search', 'addresses'])).toBe(true);
      // The next page, then the sync's end: a question now goes ahead of history recording it.
      copy.rows.net.set(net.id, { ...net, name: 'Quokka Transit' });
      copy.version++;
      index.warmUp(true);
      priorities.length = 0;
      await index.whenReady(['discovery']);
      expect(priorities).toContain('user-blocking');
      expect(priorities.filter((priority) => priority !== 'background')).toEqual(priorities.filter((priority) => priority === 'user-blocking'));
      expect(index.holderOfAsn(net.asn)?.name).toBe('Quokka Transit');
      // The warm-up goes on after the question: it ends here, not in the next test.
      await index.whenIdle();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets a search go ahead of the peering section built in the background, then goes on with it', async () => {
    const queued: (() => void)[] = [];
    vi.stubGlobal('scheduler', {
      postTask(callback: () => void) {
        queued.push(callback);
        return Promise.resolve();
      },
    });
    // Every reading of the clock is a slice's worth later: each slice takes one step.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += SLICE_MS));
    // The index waits for a type changed just now to be still before it builds what no question
    // needs yet (the words of the renamed organisations): that wait runs on timers moved on below.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const copy = generated();
      const index = discoveryIndexOf(copy);
      const runNextTask = async () => {
        queued.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
      };
      index.warmUp(true);
      // Contacts are the last structure before the peering section; then its first step.
      while (index.pocsByNet === undefined) await runNextTask();
      await runNextTask();
      // An organisation renamed meanwhile: its name index must be built again for a search.
      const org = [...copy.rows.org.values()][0]!;
      copy.rows.org.set(org.id, { ...org, name: 'Wombat Holdings' });
      copy.version++;
      let answered = false;
      const searching = index.whenReady(['search']).then(() => (answered = true));
      while (!answered) await runNextTask();
      await searching;
      expect(index.peering).toBeUndefined();
      expect(search(index, { query: 'wombat' }).hits[0]).toMatchObject({ kind: 'org', id: org.id });
      while (!index.complete) {
        if (queued.length > 0) await runNextTask();
        else await vi.advanceTimersToNextTimerAsync();
      }
      // The words of every kind's names are ready for the first keystroke of any letter.
      for (const kind of ['net', 'ix', 'fac', 'org'] as const) {
        const names = index.nameSearchOf(kind);
        expect(names.names.prepared && names.otherNames.prepared, kind).toBe(true);
      }
      const atOnce = new DiscoveryIndex(copy).refresh();
      const ixId = [...copy.rows.ix.keys()][0]!;
      expect(findMembers(index, { place: { kind: 'ix', ixId } }, user)).toEqual(findMembers(atOnce, { place: { kind: 'ix', ixId } }, user));
      expect(search(index, { query: 'cl' })).toEqual(search(atOnce, { query: 'cl' }));
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });

  it('lists the ASNs of records and ports as text in the order "starts with" searches them', () => {
    const index = getDiscoveryIndex(generated());
    const asns = new Set([...index.copy.rows.net.values()].map((row) => row.asn));
    for (const row of index.copy.rows.netixlan.values()) asns.add(row.asn);
    const texts = index.asnTextsSorted();
    expect(new Set(texts.map((text) => text[0])).size).toBeGreaterThan(5);
    expect(texts).toEqual([...asns].map(String).sort());
  });

  it('finds every connection holding an address, whether one holds it or several', () => {
    const copy = generated();
    const [first, second, third] = [...copy.rows.netixlan.values()].filter((row) => row.ipaddr4 && row.ipaddr6);
    // A port moved to another record keeps its addresses for a while: two rows hold them.
    copy.rows.netixlan.set(second!.id, { ...second!, ipaddr4: first!.ipaddr4, ipaddr6: first!.ipaddr6!.toUpperCase() });
    copy.version++;
    const index = getDiscoveryIndex(copy);
    expect(index.connectionsWithIp(first!.ipaddr4!).map((row) => row.id)).toEqual([first!.id, second!.id]);
    expect(index.connectionsWithIp(first!.ipaddr6!).map((row) => row.id)).toEqual([first!.id, second!.id]);
    expect(index.connectionsWithIp(` ${third!.ipaddr4!} `)).toEqual([third]);
    expect(index.connectionsWithIp('192.0.2.254')).toEqual([]);
  });

  it('counts the members of every IXP from its ports alone as the peering section does, so search needs no peering section', () => {
    const index = getDiscoveryIndex(generated());
    const ixIds = [...index.copy.rows.ix.keys(), ...index.connections.byIx.keys()];
    expect(ixIds.some((ixId) => index.memberCountOfIx(ixId) > 100)).toBe(true);
    for (const ixId of ixIds) expect(index.portAsnCountOfIx(ixId)).toBe(index.memberCountOfIx(ixId));
  });

  it('leaves a short sync alone and builds once it ends', async () => {
    const { copy, index, net, contact } = await syncRenamingANetwork();
    for (let page = 0; page < 5; page++) {
      copy.rows.poc.set(contact.id, { ...contact, name: `Page ${page}` });
      copy.version++;
      index.warmUp();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(index.isReadyFor(['search'])).toBe(false);
    }
    // The sync ended.
    index.warmUp(true);
    await vi.waitFor(() => expect(index.complete).toBe(true), { timeout: 10_000, interval: 20 });
    expect(search(index, { query: 'numbat' }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
  });

  it('builds what a sync has finished with while it stores the rest, so a search at its end finds its index ready', async () => {
    // A sync renames a network, then goes on with pages of contacts, one every 20 ms.
    const { copy, index, net, contact } = await syncRenamingANetwork();
    expect(index.isReadyFor(['search'])).toBe(false);
    for (let page = 0; page < 100 && !index.isReadyFor(['search']); page++) {
      copy.rows.poc.set(contact.id, { ...contact, name: `Page ${page}` });
      copy.version++;
      index.warmUp();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(index.isReadyFor(['search'])).toBe(true);
    // Contacts are still changing: what reads them waits for the sync to leave them alone.
    expect(index.isReadyFor(['discovery'])).toBe(false);
    expect(search(index, { query: 'numbat' }).hits[0]).toMatchObject({ kind: 'net', id: net.id });
    expect(search(index, { query: 'numbat' })).toEqual(search(new DiscoveryIndex(copy).refresh(), { query: 'numbat' }));
  });
});

describe('odd rows', () => {
  // Values the row schemas let through (they check keys strictly, the rest tolerantly) or that
  // older rows have: a name that is a number, ids far beyond the others, fields missing.
  const hugeId = 2 ** 53 - 1;
  const normal = net(10, 64510, 'Cloud Normal');
  const numericName = { ...net(11, 64511, 'x'), name: 12345 as unknown as string, aka: null as unknown as string };
  const far = { ...net(hugeId, 64512, 'Cloud Far Away'), irr_as_set: 7 as unknown as string, info_types: 'NSP' as unknown as [] };
  const old = net(13, 64513, 'Cloud Of Old');
  for (const field of ['ix_count', 'fac_count', 'info_types', 'info_traffic'] as const) delete (old as Partial<typeof old>)[field];
  const exchange = ix(1, 'Old Exchange');
  delete (exchange as Partial<typeof exchange>).net_count;
  const odd = copyOf({
    ix: [exchange, { ...ix(hugeId, 'Far Exchange'), city: null as unknown as string }],
    net: [normal, numericName, far, old],
    netixlan: [
      port(1, normal, exchange, '192.0.2.1', null),
      port(2, numericName, exchange, '192.0.2.2', null),
      { ...port(3, far, exchange, null, null), speed: null as unknown as number },
      port(4, old, exchange, '192.0.2.4', null),
    ],
    poc: [poc(1, hugeId, 'Policy', null as unknown as string)],
  });
  const index = getDiscoveryIndex(odd);

  it('never break search: every other network is still found, and ids of any size work', () => {
    expect(search(index, { query: 'cloud' }).hits.map((hit) => hit.id).sort()).toEqual([10, 13, hugeId].sort());
    expect(search(index, { query: '12345' }).hits[0]).toMatchObject({ id: 11, title: '12345' });
    expect(search(index, { query: 'AS64512' }).hits[0]).toMatchObject({ id: hugeId, title: 'Cloud Far Away' });
    expect(search(index, { query: 'c' }).hits.some((hit) => hit.id === hugeId)).toBe(true);
    expect(search(index, { query: 'far' }).hits.some((hit) => hit.kind === 'ix' && hit.id === hugeId)).toBe(true);
  });

  it('count what older rows lack from the copy instead of printing "undefined"', () => {
    const hit = search(index, { query: 'old exchange' }).hits[0]!;
    expect(hit.subtitle).toContain('4 networks');
    expect(hit.subtitle).not.toContain('undefined');
  });

  it('never break the other answers', () => {
    const members = findMembers(index, { place: { kind: 'ix', ixId: 1 }, filters: { trafficMin: '1-5Gbps', text: 'c' } }, user);
    expect(members.rows).toEqual([]);
    const everyone = findMembers(index, { place: { kind: 'ix', ixId: 1 } }, user).rows;
    expect(everyone.map((row) => row.net.name).sort()).toEqual(['12345', 'Cloud Far Away', 'Cloud Normal', 'Cloud Of Old']);
    // info_types that is no list: the single info_type stands in.
    expect(everyone.find((row) => row.net.asn === 64512)).toMatchObject({ bestSpeed: 0, net: { infoTypes: ['NSP'] } });
    expect(everyone.find((row) => row.net.asn === 64513)?.net.traffic).toBe('');
    expect(filterOptions(index).infoTypes).toEqual(['NSP']);
    expect(networkPage(index, { netId: hugeId }, user).contacts).toMatchObject([{ role: 'Policy', email: '' }]);
    expect(buildContactList(odd, { selection: { kind: 'ix-members', ixId: 1 }, roles: ['Policy'] }, false).networkCount).toBe(4);
  });
});

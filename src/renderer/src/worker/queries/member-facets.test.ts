import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PeeringDatabase } from '../db/schema';
import type { StoreContext } from '../context';
import { userDataCommands } from '../commands/user-data-commands';
import { discoveryQueries as ops } from './discovery-queries';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';
import type { MemberFilters, PeersArgs } from '../../protocol/discovery';

const dataset = makeDataset({ seed: 7 });
let db: PeeringDatabase;
let ctx: StoreContext;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`member-facets-test-${++counter}`);
  await db.open();
  ctx = { db, copy: copyOf(dataset), notifyChanged: () => {} };
  const mine = liveRows(dataset, 'net').find((net) => net.id <= 3)!;
  await userDataCommands.setMyNetworks(ctx, { asns: [mine.asn] });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function countWith(args: PeersArgs, filters: MemberFilters): Promise<number> {
  return (await ops.findPeers(ctx, { ...args, filters })).rows.length;
}

describe('member filter counts', () => {
  it('say, for each value, how many networks choosing it would list, the other filters kept', async () => {
    const base: PeersArgs = { place: { kind: 'my-ixs' } };
    const filters: MemberFilters = { policies: ['Open'], rsPeer: 'yes' };
    const facets = await ops.memberFacets(ctx, { ...base, filters });

    const policies = Object.entries(facets.policies);
    expect(policies.length).toBeGreaterThan(1);
    for (const [policy, count] of policies) {
      expect(count, policy).toBe(await countWith(base, { ...filters, policies: [policy as 'Open'] }));
    }
    expect(facets.rsPeer.yes).toBe(await countWith(base, filters));
    expect(facets.rsPeer.no).toBe(await countWith(base, { ...filters, rsPeer: 'no' }));
    for (const [type, count] of Object.entries(facets.infoTypes)) {
      expect(count, type).toBe(await countWith(base, { ...filters, infoTypes: [type as 'NSP'] }));
    }
    for (const [level, count] of Object.entries(facets.trafficMin).slice(0, 4)) {
      expect(count, level).toBe(await countWith(base, { ...filters, trafficMin: level }));
    }
    expect(facets.ipv6).toBe(await countWith(base, { ...filters, ipv6: true }));
  });

  it('count networks per continent and country of the IXPs where they meet me', async () => {
    const base: PeersArgs = { place: { kind: 'my-ixs' } };
    const facets = await ops.memberFacets(ctx, base);
    const countries = Object.entries(facets.countries);
    expect(countries.length).toBeGreaterThan(0);
    for (const [country, count] of countries) {
      expect(count, country).toBe(await countWith(base, { country }));
    }
    for (const [region, count] of Object.entries(facets.regions)) {
      expect(count, region).toBe(await countWith(base, { region }));
    }
  });
});

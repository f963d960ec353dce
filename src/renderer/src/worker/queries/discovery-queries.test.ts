import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PeeringDatabase } from '../db/schema';
import type { StoreContext } from '../context';
import { userDataCommands } from '../commands/user-data-commands';
import { discoveryQueries as ops } from './discovery-queries';
import { localIsoDate } from '../../../../shared/peer-marks';
import { liveRows, makeDataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import { copyOf } from '../copy/local-copy.test-support';

const dataset = makeDataset({ seed: 42 });
let db: PeeringDatabase;
let ctx: StoreContext;
let counter = 0;

beforeEach(async () => {
  db = openDatabase(`discovery-operations-test-${++counter}`);
  await db.open();
  ctx = { db, copy: copyOf(dataset), notifyChanged: () => {} };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('discovery operations read the user’s tables', () => {
  it('list my networks in the order I added them', async () => {
    const [a, b] = liveRows(dataset, 'net');
    await userDataCommands.setMyNetworks(ctx, { asns: [b!.asn, a!.asn] });
    const overview = await ops.myNetworksOverview(ctx, {});
    expect(overview.map((entry) => entry.net?.netId)).toEqual([b!.id, a!.id]);
  });

  it('take my networks and marked peers off the peers list as soon as they are written', async () => {
    const mine = liveRows(dataset, 'net').find((net) => net.id <= 3)!;
    await userDataCommands.setMyNetworks(ctx, { asns: [mine.asn] });
    const before = await ops.findPeers(ctx, { place: { kind: 'my-ixs' } });
    expect(before.noneOfMine).toBe(false);
    expect(before.rows.some((row) => row.net.asn === mine.asn)).toBe(false);
    const [first, second] = before.rows;
    await userDataCommands.setPeerState(ctx, { asn: first!.net.asn, state: 'requested', note: 'mailed NOC' });
    const tomorrow = localIsoDate(new Date(Date.now() + 86_400_000 * 2));
    await userDataCommands.setPeerState(ctx, { asn: second!.net.asn, state: 'hidden', hiddenUntil: tomorrow });
    const after = await ops.findPeers(ctx, { place: { kind: 'my-ixs' } });
    const asns = after.rows.map((row) => row.net.asn);
    expect(asns).not.toContain(first!.net.asn);
    expect(asns).not.toContain(second!.net.asn);
    expect(after.rows.length).toBe(before.rows.length - 2);

    const marked = await ops.findPeers(ctx, { place: { kind: 'my-ixs' }, includeMarked: true });
    expect(marked.rows.find((row) => row.net.asn === first!.net.asn)).toMatchObject({
      peerState: 'requested',
      note: 'mailed NOC',
    });
  });

  it('answer a page for a network that is gone with a clear error', async () => {
    await expect(ops.networkPage(ctx, { asn: 1 })).rejects.toThrow('AS1 is not in the local copy');
  });

  it('offer filter choices from the copy', async () => {
    const options = await ops.memberFilterOptions(ctx, {});
    expect(options.regions).toContain('Europe');
    expect(options.countries).toContain('DE');
    expect(options.trafficLevels[0]).toBe('0-20Mbps');
    // Older wording the rows hold is offered as given.
    expect(options.scopes).toContain('Not Disclosed');
    expect(options.policies.slice(0, 4)).toEqual(['Open', 'Selective', 'Restrictive', 'No']);
  });

  it('keep a policy outside today’s four, offer it, and filter by it', async () => {
    const net = liveRows(dataset, 'net').find((candidate) => ctx.copy.rows.net.has(candidate.id) && candidate.id > 3)!;
    ctx.copy.rows.net.set(net.id, { ...net, policy_general: 'Case by case' as never });
    ctx.copy.version++;
    expect((await ops.memberFilterOptions(ctx, {})).policies).toContain('Case by case');
    const ixId = [...ctx.copy.rows.netixlan.values()].find((row) => row.net_id === net.id && row.asn === net.asn && ctx.copy.rows.ix.has(row.ix_id))!.ix_id;
    const result = await ops.findPeers(ctx, { place: { kind: 'ix', ixId }, filters: { policies: ['Case by case' as never] } });
    expect(result.rows.map((row) => [row.net.asn, row.net.policyGeneral])).toEqual([[net.asn, 'Case by case']]);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../../../tools/fake-peeringdb/generator';
import type { Dataset } from '../../../../../tools/fake-peeringdb/datasets/generated-dataset';
import type { StoreContext } from '../context';
import { copyOf } from '../copy/local-copy.test-support';
import { openDatabase } from '../db/schema';
import { historyRecorderFor } from '../history/recorder';
import { discoveryIndexOf } from '../index/discovery-index';
import { backgroundWorkQueries } from './background-work';

let ctx: StoreContext | null = null;

afterEach(async () => {
  ctx?.db.close();
  await ctx?.db.delete();
  ctx = null;
});

describe('backgroundWorkDone', () => {
  it('resolves only after the index rebuilt after a sync and the history work queued before it', async () => {
    const db = openDatabase('background-work-test');
    await db.open();
    const copy = copyOf(generateDataset({ seed: 3, scale: 0.02 }) as unknown as Dataset);
    ctx = { db, copy, notifyChanged: () => {} };
    // What a sync's end leaves behind: the index rebuilt in slices, and history busy.
    discoveryIndexOf(copy).warmUp(true);
    let historyRead = false;
    void historyRecorderFor(ctx).read(() => (historyRead = true));
    expect(discoveryIndexOf(copy).complete).toBe(false);

    await backgroundWorkQueries.backgroundWorkDone(ctx, {});
    expect(historyRead).toBe(true);
    expect(discoveryIndexOf(copy).complete).toBe(true);
  });
});

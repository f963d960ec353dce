import { describe, expect, it } from 'vitest';
import { projectFacts } from '../../src/shared/history/project';
import { nextDay, type DailyState } from './daily-changes';
import { generateDataset, publicView } from './generator';
import { SeededRandom } from './random';

const factsOf = (dump: ReturnType<typeof publicView>) =>
  projectFacts({ ix: dump.ix.data, fac: dump.fac.data, net: dump.net.data, netixlan: dump.netixlan.data, netfac: dump.netfac.data, poc: dump.poc.data });

describe('a day of PeeringDB edits', () => {
  it('changes what history sees by about a day of edits, and no more', () => {
    const dump = publicView(generateDataset({ seed: 3, scale: 0.1 }));
    const state: DailyState = { random: new SeededRandom(3), scale: 1, departed: [] };
    const before = factsOf(dump);
    const at = Date.UTC(2026, 10, 2, 6) / 1000;
    const done = nextDay(dump, state, at);
    const after = factsOf(dump);

    expect(done.joins).toBe(40);
    expect(done.deletedNetworks).toBe(3);
    expect(before.net.size + done.newNetworks - after.net.size).toBe(done.deletedNetworks);
    const changedMembers = [...new Set([...before.member.keys(), ...after.member.keys()])].filter(
      (key) => JSON.stringify(before.member.get(key)) !== JSON.stringify(after.member.get(key)),
    );
    // Every port edit changes one membership at most; most memberships stay as they were.
    expect(changedMembers.length).toBeGreaterThan(50);
    expect(changedMembers.length).toBeLessThanOrEqual(done.joins + done.leaves + done.upgrades + done.downgrades + done.routeServer + 200);
    expect(changedMembers.length).toBeLessThan(before.member.size / 10);
    expect(dump.netixlan.meta.generated).toBe(at);
    expect(dump.netixlan.data.every((row) => row.status === 'ok')).toBe(true);
  });

  it('brings ports that left back on a later day', () => {
    const dump = publicView(generateDataset({ seed: 4, scale: 0.05 }));
    const state: DailyState = { random: new SeededRandom(4), scale: 1, departed: [] };
    let returns = 0;
    for (let day = 0; day < 5; day++) returns += nextDay(dump, state, Date.UTC(2026, 10, 2 + day, 6) / 1000).returns;
    expect(returns).toBeGreaterThan(0);
  });
});

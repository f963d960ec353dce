import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../../../tools/fake-peeringdb/random';
import { emptyFacts, type FactValue } from '../../../../shared/history/facts';
import { HistoryModel } from './model';
import { applyObservation, valueAt, type Segment } from './timeline';

const VALUES: (FactValue | undefined)[] = [undefined, [1, 10_000], [1, 100_000], [2, 10_000]];

/** The segments a fact must have: its runs of one value over consecutive moments, the last open. */
function expectedSegments(moments: number[], values: (FactValue | undefined)[]): Segment[] {
  const segments: Segment[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const last = segments.at(-1);
    if (last && last[1] === moments[index - 1] && JSON.stringify(last[2]) === JSON.stringify(value)) last[1] = moments[index]!;
    else segments.push([moments[index]!, moments[index]!, value]);
  });
  const last = segments.at(-1);
  if (last && last[1] === moments.at(-1)) last[1] = null;
  return segments;
}

describe('a fact over moments', () => {
  it('a network that leaves and comes back is one fact with a gap', () => {
    let segments: Segment[] = [];
    const present: FactValue = [40, 1_000];
    segments = applyObservation(segments, 100, { previous: null, next: null }, present) ?? segments;
    segments = applyObservation(segments, 200, { previous: 100, next: null }, undefined) ?? segments;
    segments = applyObservation(segments, 300, { previous: 200, next: null }, present) ?? segments;
    expect(segments).toEqual([
      [100, 100, present],
      [300, null, present],
    ]);
    expect(valueAt(segments, 200)).toBeUndefined();
    // A dump of a day inside the gap that still lists it closes the gap.
    segments = applyObservation(segments, 150, { previous: 100, next: 200 }, present) ?? segments;
    expect(segments).toEqual([
      [100, 150, present],
      [300, null, present],
    ]);
  });

  it('an unchanged value at a new latest moment changes nothing stored', () => {
    const segments: Segment[] = [[100, null, [1]]];
    expect(applyObservation(segments, 200, { previous: 100, next: null }, [1])).toBeNull();
  });

  it('whatever order moments arrive in, every fact ends up as its runs of one value', () => {
    const random = new SeededRandom(42);
    for (let round = 0; round < 60; round++) {
      const momentCount = random.int(1, 9);
      const moments = Array.from({ length: momentCount }, (_, i) => 1_000 + i * 86_400);
      const factCount = 12;
      const values = Array.from({ length: factCount }, () => moments.map(() => random.pick(VALUES)));
      const order = [...moments.keys()];
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const model = new HistoryModel();
      for (const index of order) {
        const facts = emptyFacts();
        values.forEach((byMoment, fact) => {
          const value = byMoment[index];
          if (value !== undefined) facts.member.set(`1:${64_500 + fact}`, value);
        });
        model.observe({ at: moments[index]!, source: 'dump', label: '', recordedAt: 0 }, facts, false);
      }
      values.forEach((byMoment, fact) => {
        const expected = expectedSegments(moments, byMoment);
        const key = `1:${64_500 + fact}`;
        expect(model.segments('member', key) ?? [], `round ${round}, fact ${fact}, order ${order.join(',')}`).toEqual(expected);
        moments.forEach((at, index) => expect(valueAt(model.segments('member', key), at)).toEqual(byMoment[index]));
      });
      expect(model.moments).toEqual(moments);
    }
  });

  it('lists what differs from the moment before when asked', () => {
    const model = new HistoryModel();
    const day = (members: [string, FactValue][]) => {
      const facts = emptyFacts();
      for (const [key, value] of members) facts.member.set(key, value);
      return facts;
    };
    model.observe({ at: 1, source: 'sync', label: '', recordedAt: 0 }, day([['1:10', [5, 0, 10_000]], ['1:20', [6, 0, 1_000]]]), true);
    model.observe({ at: 2, source: 'sync', label: '', recordedAt: 0 }, day([['1:10', [5, 0, 10_000]]]), true);
    const { changes, previous } = model.observe(
      { at: 3, source: 'sync', label: '', recordedAt: 0 },
      day([['1:10', [5, 1, 10_000]], ['1:20', [6, 0, 1_000]], ['1:30', [7, 0, 1_000]]]),
      true,
    );
    expect(previous).toBe(2);
    expect(changes).toEqual([
      { kind: 'member', key: '1:10', before: [5, 0, 10_000], after: [5, 1, 10_000], hadEarlier: false },
      { kind: 'member', key: '1:20', before: undefined, after: [6, 0, 1_000], hadEarlier: true },
      { kind: 'member', key: '1:30', before: undefined, after: [7, 0, 1_000], hadEarlier: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { rankedOrder } from './member-rank';

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

/** Rows as a list of ten thousand peers has them: few scores and speeds, many ties, ordinals spread over the ASNs. */
function rowsOf(count: number, seed: number) {
  const random = seeded(seed);
  const ordinalCount = count * 3;
  const taken = new Set<number>();
  const ordinal = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    let candidate = Math.floor(random() * ordinalCount);
    while (taken.has(candidate)) candidate = (candidate + 1) % ordinalCount;
    taken.add(candidate);
    ordinal[row] = candidate;
  }
  const score = Float64Array.from({ length: count }, () => [20, 8, -10, 0, -40][Math.floor(random() * 5)]! + 10 * Math.floor(random() * 4));
  // Sums of port speeds, a zero for ports without one, and an odd value or two.
  const speed = Float64Array.from({ length: count }, () => [0, 1000, 10_000, 100_000, 11_000, 400_000, 2.5][Math.floor(random() * 7)]!);
  return { score, speed, ordinal, ordinalCount };
}

describe('the order of a peers list', () => {
  it('is score, then best speed, highest first, then ASN, for short lists and long ones', () => {
    for (const count of [0, 1, 2, 17, 255, 256, 257, 1000, 12_000]) {
      const { score, speed, ordinal, ordinalCount } = rowsOf(count, count + 1);
      const expected = Array.from({ length: count }, (_, row) => row).sort(
        (a, b) => score[b]! - score[a]! || speed[b]! - speed[a]! || ordinal[a]! - ordinal[b]!,
      );
      expect(Array.from(rankedOrder(score, speed, ordinal, count, ordinalCount)), `${count} rows`).toEqual(expected);
    }
  });

  it('reads only the first `count` rows of its columns', () => {
    const { score, speed, ordinal, ordinalCount } = rowsOf(600, 9);
    const first = rankedOrder(score.slice(0, 300), speed.slice(0, 300), ordinal.slice(0, 300), 300, ordinalCount);
    expect(Array.from(rankedOrder(score, speed, ordinal, 300, ordinalCount))).toEqual(Array.from(first));
  });
});

/**
 * The order of a peers list: score, then best speed, highest first, then ASN. Numbers only:
 * ten thousand rows with many equal scores make name comparisons costly, and the table
 * re-sorts by name in the user's collation when asked.
 *
 * A sort that calls a comparator costs a function call per comparison, some 150,000 for ten
 * thousand rows, and most of an answer's time went there. Scores and speeds take few distinct
 * values over a list, and the peering section numbers ASNs in ascending order, so a long list is
 * put in order by counting instead: rows by ordinal (ASN order), then a stable pass by speed,
 * then one by score.
 */

/** Below this many rows comparing is as quick, and the scan of every ordinal is not worth it. */
const COUNTING_FROM = 256;

function comparedOrder(score: Float64Array, speed: Float64Array, ordinal: Int32Array, count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => score[b]! - score[a]! || speed[b]! - speed[a]! || ordinal[a]! - ordinal[b]!);
}

/** Per row, the rank of its value among the distinct values, 0 for the highest. Returns how many distinct values. */
function descendingRanks(values: Float64Array, count: number, ranks: Int32Array): number {
  const rankOf = new Map<number, number>();
  for (let row = 0; row < count; row++) rankOf.set(values[row]!, 0);
  const distinct = Float64Array.from(rankOf.keys()).sort();
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i]!, distinct.length - 1 - i);
  for (let row = 0; row < count; row++) ranks[row] = rankOf.get(values[row]!)!;
  return distinct.length;
}

/** `order` stably reordered by rank, lowest first. */
function byRank(order: Int32Array, ranks: Int32Array, rankCount: number): Int32Array {
  const starts = new Int32Array(rankCount + 1);
  for (let i = 0; i < order.length; i++) starts[ranks[order[i]!]! + 1]!++;
  for (let rank = 0; rank < rankCount; rank++) starts[rank + 1]! += starts[rank]!;
  const sorted = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) sorted[starts[ranks[order[i]!]!]!++] = order[i]!;
  return sorted;
}

/**
 * The rows (0 up to `count`) in ranked order. `ordinal` is each row's ASN ordinal, distinct
 * per row (a list has one row per ASN) and ascending as the ASNs are; `ordinalCount` bounds them.
 */
export function rankedOrder(score: Float64Array, speed: Float64Array, ordinal: Int32Array, count: number, ordinalCount: number): Int32Array {
  if (count < COUNTING_FROM) return comparedOrder(score, speed, ordinal, count);
  const rowAt = new Int32Array(ordinalCount);
  for (let row = 0; row < count; row++) rowAt[ordinal[row]!] = row + 1;
  let order: Int32Array = new Int32Array(count);
  for (let at = 0, i = 0; at < ordinalCount; at++) if (rowAt[at] !== 0) order[i++] = rowAt[at]! - 1;
  const ranks = new Int32Array(count);
  order = byRank(order, ranks, descendingRanks(speed, count, ranks));
  return byRank(order, ranks, descendingRanks(score, count, ranks));
}

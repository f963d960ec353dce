/**
 * One fact's history as segments over the moments history has observed. A segment
 * [from, to, value] says: at every observed moment from `from` to `to` the fact had this value;
 * `to` is null while that run reaches the latest moment. Segments are maximal (two neighbours
 * never hold the same value with no moment between them) and sorted, so the segments are a
 * function of the observed moments and their values alone: whatever order moments arrive in,
 * the same history results. A fact absent at some moments has a gap there, and stays one fact.
 */
import { sameFactValue, type FactValue } from '../../../../shared/history/facts';

export type Segment = [from: number, to: number | null, value: FactValue];

/** The observed moments just before and after a new one (null where there is none). */
export interface Neighbours {
  previous: number | null;
  next: number | null;
}

function contains(segment: Segment, at: number): boolean {
  return segment[0] <= at && (segment[1] === null || at <= segment[1]);
}

/** The value at an observed moment `at`, or undefined when the fact was absent. */
export function valueAt(segments: readonly Segment[] | undefined, at: number): FactValue | undefined {
  if (!segments) return undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (segment[0] > at) continue;
    return contains(segment, at) ? segment[2] : undefined;
  }
  return undefined;
}

/**
 * The segments once the moment `at` (not observed before) is added with the fact's value there
 * (undefined: absent), or null when they stay as they are.
 */
export function applyObservation(
  segments: readonly Segment[],
  at: number,
  { previous, next }: Neighbours,
  value: FactValue | undefined,
): Segment[] | null {
  // The segment that ran across the new moment: it holds the moment before, and the one after
  // (or runs on to the latest, when the new moment is the latest).
  const coverIndex =
    previous === null
      ? -1
      : segments.findIndex((s) => s[0] <= previous && (s[1] === null || (next !== null && s[1] >= next)));
  if (coverIndex >= 0) {
    const cover = segments[coverIndex]!;
    if (value !== undefined && sameFactValue(cover[2], value)) return null;
    const replacement: Segment[] = [[cover[0], previous, cover[2]]];
    if (value !== undefined) replacement.push([at, next === null ? null : at, value]);
    if (next !== null) replacement.push([next, cover[1], cover[2]]);
    return [...segments.slice(0, coverIndex), ...replacement, ...segments.slice(coverIndex + 1)];
  }
  if (value === undefined) return null;

  // No run crosses the moment: it joins the run that ends just before it or starts just after
  // it when the value is the same, or both (the gap closes), or starts a run of its own.
  const leftIndex = previous === null ? -1 : segments.findIndex((s) => s[1] === previous);
  const rightIndex = next === null ? -1 : segments.findIndex((s) => s[0] === next);
  const joinsLeft = leftIndex >= 0 && sameFactValue(segments[leftIndex]![2], value);
  const joinsRight = rightIndex >= 0 && sameFactValue(segments[rightIndex]![2], value);
  const result = [...segments];
  if (joinsLeft && joinsRight) {
    const merged: Segment = [segments[leftIndex]![0], segments[rightIndex]![1], value];
    result.splice(leftIndex, 2, merged);
  } else if (joinsLeft) {
    result[leftIndex] = [segments[leftIndex]![0], next === null ? null : at, value];
  } else if (joinsRight) {
    result[rightIndex] = [at, segments[rightIndex]![1], value];
  } else {
    const own: Segment = [at, next === null ? null : at, value];
    const insertAt = segments.findIndex((s) => s[0] > at);
    result.splice(insertAt < 0 ? result.length : insertAt, 0, own);
  }
  return result;
}

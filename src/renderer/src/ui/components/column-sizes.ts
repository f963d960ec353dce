/**
 * Column widths in pixels, from the CSS-like tracks columns declare ("6.5em",
 * "minmax(12em, 2fr)"): every column gets at least its minimum, and what room is left goes to
 * the growing ones in proportion to their share. Narrower than the minimums, the table
 * scrolls sideways rather than squeeze columns over each other. Pinned columns need these
 * numbers: their sticky offsets are the widths of the columns before them.
 */

export interface ColumnTrack {
  /** Least width, px. */
  min: number;
  /** Share of the spare room (the `fr` of minmax); 0 for a fixed width. */
  grow: number;
}

const LENGTH = String.raw`([\d.]+)(em|px|rem)`;
const FIXED = new RegExp(`^${LENGTH}$`);
const MINMAX = new RegExp(String.raw`^minmax\(\s*${LENGTH}\s*,\s*([\d.]+)fr\s*\)$`);
const FALLBACK_EM = 6;

function toPx(value: string, unit: string, emPx: number): number {
  return unit === 'px' ? Number(value) : Number(value) * emPx;
}

export function parseTrack(width: string, emPx: number): ColumnTrack {
  const trimmed = width.trim();
  const fixed = FIXED.exec(trimmed);
  if (fixed) return { min: Math.ceil(toPx(fixed[1]!, fixed[2]!, emPx)), grow: 0 };
  const minmax = MINMAX.exec(trimmed);
  if (minmax) return { min: Math.ceil(toPx(minmax[1]!, minmax[2]!, emPx)), grow: Number(minmax[3]) || 0 };
  return { min: Math.ceil(FALLBACK_EM * emPx), grow: 1 };
}

/** Whole-pixel widths that fill `available` when it is wider than the minimums. */
export function columnSizes(tracks: readonly ColumnTrack[], available: number): number[] {
  const sizes = tracks.map((track) => track.min);
  const spare = Math.floor(available) - sizes.reduce((sum, size) => sum + size, 0);
  const totalGrow = tracks.reduce((sum, track) => sum + track.grow, 0);
  if (spare <= 0 || totalGrow <= 0) return sizes;
  let given = 0;
  tracks.forEach((track, index) => {
    const share = Math.floor((spare * track.grow) / totalGrow);
    sizes[index]! += share;
    given += share;
  });
  // Rounding leaves a few pixels: the last growing column takes them, so rows end flush.
  const lastGrowing = tracks.map((track) => track.grow > 0).lastIndexOf(true);
  sizes[lastGrowing]! += spare - given;
  return sizes;
}

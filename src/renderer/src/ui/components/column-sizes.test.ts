import { describe, expect, it } from 'vitest';
import { columnSizes, parseTrack } from './column-sizes';

describe('column tracks', () => {
  it('reads fixed widths and minmax tracks in em and px', () => {
    expect(parseTrack('6.5em', 13)).toEqual({ min: 85, grow: 0 });
    expect(parseTrack('minmax(12em, 2fr)', 13)).toEqual({ min: 156, grow: 2 });
    expect(parseTrack('minmax(120px,1.5fr)', 13)).toEqual({ min: 120, grow: 1.5 });
    expect(parseTrack('auto', 13)).toEqual({ min: 78, grow: 1 });
  });
});

describe('column sizes', () => {
  const tracks = [
    { min: 100, grow: 2 },
    { min: 50, grow: 0 },
    { min: 100, grow: 1 },
  ];

  it('shares the spare room by the growing columns’ shares and fills the width exactly', () => {
    const sizes = columnSizes(tracks, 551);
    expect(sizes[1]).toBe(50);
    expect(sizes[0]).toBe(100 + 200);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(551);
  });

  it('never goes below the minimums: a narrow table scrolls instead', () => {
    expect(columnSizes(tracks, 120)).toEqual([100, 50, 100]);
    expect(columnSizes(tracks, 0)).toEqual([100, 50, 100]);
  });

  it('leaves fixed-only tables at their widths', () => {
    expect(columnSizes([{ min: 40, grow: 0 }], 500)).toEqual([40]);
  });
});

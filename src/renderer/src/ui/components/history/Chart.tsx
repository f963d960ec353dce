/**
 * A chart drawn by uPlot on a canvas: no inline script and no style elements, so it runs under
 * the app's CSP, and thousands of points stay smooth. The canvas says nothing to a screen
 * reader: the figure carries a label and a caption with what the chart shows.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount } from '../format';
import { formatDay } from './history-text';
import './history.css';

/** Colours for series, from the theme (canvas drawing cannot read CSS variables itself). */
export interface ChartPalette {
  text: string;
  grid: string;
  series: string[];
}

function readPalette(element: Element): ChartPalette {
  const style = getComputedStyle(element);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: value('--muted', '#5b6470'),
    grid: value('--border', '#d5d9e0'),
    series: [1, 2, 3, 4, 5].map((n) => value(`--chart-${n}`, '#1f6feb')),
  };
}

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');

/** Whether the OS is in its dark theme now: a canvas keeps the colours it was drawn with, so a switch redraws it. */
function useDarkScheme(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      darkScheme.addEventListener('change', onChange);
      return () => darkScheme.removeEventListener('change', onChange);
    },
    () => darkScheme.matches,
  );
}

export interface ChartSpec {
  /** The x series: how its values read in the legend (days by default). */
  x?: uPlot.Series;
  /** The series after x, each with its label and how its values read; colours come from the palette unless given. */
  series: (palette: ChartPalette) => uPlot.Series[];
  /** x (epoch seconds), then one array per series. */
  data: uPlot.AlignedData;
  axes?: (palette: ChartPalette) => uPlot.Axis[];
  scales?: uPlot.Scales;
}

export function Chart({
  label,
  caption,
  spec,
  height = 220,
}: {
  label: string;
  caption: React.ReactNode;
  spec: ChartSpec;
  height?: number;
}): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const dark = useDarkScheme();

  // Drawn again when the theme changes: readPalette then reads the colours of the new one.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const palette = readPalette(element);
    const axisStyle = { stroke: palette.text, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height,
      series: [
        spec.x ?? { label: 'Day', value: (_u, at) => (at === null ? '—' : formatDay(at)) },
        ...spec.series(palette).map((series, index) => ({
          stroke: palette.series[index % palette.series.length],
          width: 2,
          // The legend says "—" where there is no value, as the rest of the app does (uPlot writes "--").
          value: (_u: uPlot, value: number | null) => (value === null ? '—' : formatCount(value)),
          ...series,
        })),
      ],
      axes: spec.axes?.(palette).map((axis) => ({ ...axisStyle, ...axis })) ?? [axisStyle, axisStyle],
      scales: { x: { time: true }, ...spec.scales },
      cursor: { drag: { x: false, y: false } },
    };
    const plot = new uPlot(options, spec.data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec, height, dark]);

  return (
    <figure className="chart" aria-label={label}>
      <div ref={container} className="chart-canvas" data-points={spec.data[0].length} />
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}

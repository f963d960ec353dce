/**
 * A sortable table that renders only the rows in view, so a list of 10,000 members scrolls
 * as lightly as one of ten. Rows may differ in height (several ports at one IXP); each is
 * measured once rendered.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import './discovery.css';

export interface Column<R> {
  key: string;
  header: string;
  cell: (row: R) => React.ReactNode;
  /** Without one the column does not sort. */
  sortValue?: (row: R) => string | number;
  /** A CSS grid track, e.g. "minmax(12em, 2fr)". */
  width?: string;
  numeric?: boolean;
}

export interface SortState {
  key: string;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function DataTable<R>({
  label,
  rows,
  columns,
  rowKey,
  initialSort,
  emptyText = 'Nothing to show.',
  estimatedRowHeight = 30,
  maxHeight = '60vh',
}: {
  label: string;
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R) => string | number;
  /** Without it the rows keep the order they came in (e.g. by rank). */
  initialSort?: SortState;
  emptyText?: string;
  estimatedRowHeight?: number;
  maxHeight?: string;
}): React.JSX.Element {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    const column = sort && columns.find((candidate) => candidate.key === sort.key);
    if (!sort || !column?.sortValue) return rows;
    const valueOf = column.sortValue;
    const withValues = rows.map((row) => ({ row, value: valueOf(row) }));
    withValues.sort((a, b) => (sort.descending ? -1 : 1) * compareValues(a.value, b.value));
    return withValues.map((entry) => entry.row);
  }, [rows, columns, sort]);

  // The virtualizer re-renders this table itself when the scroll position moves; no memoized
  // child receives its functions, which is what the rule guards against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 12,
  });

  const gridTemplateColumns = columns.map((column) => column.width ?? DEFAULT_WIDTH).join(' ');
  // Narrower than this the columns would overlap: the table scrolls sideways instead.
  const minWidth = `calc(${columns.reduce((sum, column) => sum + leastEm(column.width ?? DEFAULT_WIDTH), 0)}em + ${
    (columns.length - 1) * ROW_GAP_PX + 2 * ROW_PADDING_PX
  }px)`;

  function toggleSort(column: Column<R>) {
    setSort((current) =>
      current?.key === column.key
        ? { key: column.key, descending: !current.descending }
        : { key: column.key, descending: column.numeric === true },
    );
  }

  return (
    <div className="data-table" role="table" aria-label={label} aria-rowcount={sorted.length + 1}>
      <div className="data-table-head" role="rowgroup" style={{ minWidth }}>
        <div className="data-table-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns }}>
          {columns.map((column) => {
            const active = sort?.key === column.key;
            const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={column.sortValue ? ariaSort : undefined}
                className={column.numeric ? 'num' : undefined}
              >
                {column.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => toggleSort(column)}>
                    {column.header}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      {sorted.length === 0 ? (
        <p className="muted data-table-empty">{emptyText}</p>
      ) : (
        <div ref={scrollRef} className="data-table-scroll" style={{ maxHeight, minWidth }} role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = sorted[item.index]!;
              return (
                <div
                  key={rowKey(row)}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="data-table-row"
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ gridTemplateColumns, transform: `translateY(${item.start}px)` }}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="cell" className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

const DEFAULT_WIDTH = 'minmax(6em, 1fr)';
/** The row's gap and side padding in discovery.css (.data-table-row). */
const ROW_GAP_PX = 8;
const ROW_PADDING_PX = 8;

/** The least width of a column given as `Nem` or `minmax(Nem, …)`, in em. */
function leastEm(width: string): number {
  const match = /^(?:minmax\(\s*)?([\d.]+)em/.exec(width);
  return match ? Number(match[1]) : 6;
}

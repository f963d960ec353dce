/**
 * The app's tables. TanStack Table sorts, sizes and pins the columns; TanStack Virtual renders
 * only the rows in view, so a list of 10,000 members scrolls as lightly as one of ten. Rows
 * may differ in height (several ports at one IXP): each is measured once rendered, and its
 * measurement follows the row (not its position) when the table is sorted again.
 *
 * One scroll area per table, header included: the first columns (what the row is) and the
 * last one (what to do with it) are pinned, so a narrow window scrolls the middle sideways and
 * never hides the network or its Mark. Cells keep to one line and truncate; the full value
 * shows on hover, and the focused row opens up to show it whole. Addresses never wrap.
 *
 * Keyboard: the table is one tab stop (its current row); arrows, Page Up/Down, Home and End
 * move between rows, Enter opens the row (its first link, or the element marked
 * data-row-open), Space acts on it (onRowAction, or the element marked data-row-action).
 */
import {
  columnPinningFeature,
  columnSizingFeature,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type Column as TableColumn,
  type SortingState,
} from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { columnSizes, type ColumnTrack, parseTrack } from './column-sizes';
import './data-table.css';

export interface Column<R> {
  key: string;
  header: string;
  cell: (row: R) => React.ReactNode;
  /** Without one the column does not sort. */
  sortValue?: (row: R) => string | number;
  /**
   * The column's width as a CSS track: a fixed "6.5em", or "minmax(12em, 2fr)" for at least
   * 12em plus a 2/n share of the room left. Widths in px work too.
   */
  width?: string;
  numeric?: boolean;
  /**
   * Kept in view while the table scrolls sideways: 'start' for what names the row (the
   * network, its ASN), 'end' for what acts on it (Mark).
   */
  pin?: 'start' | 'end';
  /** The header's meaning when it is abbreviated ("RS"): read out and shown on hover. */
  headerTitle?: string;
}

export interface SortState {
  key: string;
  descending: boolean;
}

const features = tableFeatures({
  columnSizingFeature,
  columnPinningFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

type Features = typeof features;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

const DEFAULT_WIDTH = 'minmax(6em, 1fr)';
const OVERSCAN_ROWS = 10;

export function DataTable<R extends RowData>({
  label,
  rows,
  columns,
  rowKey,
  initialSort,
  emptyText = 'Nothing to show.',
  estimatedRowHeight = 28,
  maxHeight = '60vh',
  fill = false,
  onRowAction,
}: {
  label: string;
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R) => string | number;
  /** Without it the rows keep the order they came in (e.g. by rank). */
  initialSort?: SortState;
  emptyText?: string;
  estimatedRowHeight?: number;
  /** The most the table takes before it scrolls, unless `fill`. */
  maxHeight?: string;
  /** Take the height left in a `.view-fill` screen instead of `maxHeight`. */
  fill?: boolean;
  /** What Space does on a row (e.g. open its Mark menu). */
  onRowAction?: (row: R) => void;
}): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<SortingState>(() =>
    initialSort ? [{ id: initialSort.key, desc: initialSort.descending }] : [],
  );
  const [viewportWidth, setViewportWidth] = useState(0);
  const [headHeight, setHeadHeight] = useState(0);
  const [emPx, setEmPx] = useState(13);
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);
  const focusInside = useRef(false);

  // The table's width decides the columns' widths: watched, not guessed.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setEmPx(parseFloat(getComputedStyle(element).fontSize) || 13);
    const observer = new ResizeObserver(() => {
      setViewportWidth(element.clientWidth);
      setHeadHeight(headRef.current?.offsetHeight ?? 0);
    });
    observer.observe(element);
    if (headRef.current) observer.observe(headRef.current);
    return () => observer.disconnect();
  }, []);

  const tracks = useMemo(
    () => columns.map((column): ColumnTrack => parseTrack(column.width ?? DEFAULT_WIDTH, emPx)),
    [columns, emPx],
  );
  const sizes = useMemo(() => columnSizes(tracks, viewportWidth), [tracks, viewportWidth]);
  const columnSizing = useMemo(
    () => Object.fromEntries(columns.map((column, index) => [column.key, sizes[index]!])),
    [columns, sizes],
  );
  const columnPinning = useMemo(
    () => ({
      start: columns.filter((column) => column.pin === 'start').map((column) => column.key),
      end: columns.filter((column) => column.pin === 'end').map((column) => column.key),
    }),
    [columns],
  );
  const byKey = useMemo(() => new Map(columns.map((column) => [column.key, column])), [columns]);

  // Screens build their columns on every render; the table's model is rebuilt only when the
  // columns themselves change (keys, sortability), and reads sort values from the latest ones.
  const latestColumns = useRef(byKey);
  useLayoutEffect(() => {
    latestColumns.current = byKey;
  });
  const signature = columns.map((column) => `${column.key}:${column.sortValue ? 's' : ''}${column.numeric ? 'n' : ''}`).join('|');
  const columnDefs = useMemo(
    () =>
      signature.split('|').map((entry): ColumnDef<Features, R> => {
        const [key = '', flags = ''] = entry.split(':');
        return {
          id: key,
          accessorFn: (row: R) => latestColumns.current.get(key)?.sortValue?.(row) ?? 0,
          enableSorting: flags.includes('s'),
          sortDescFirst: flags.includes('n'),
          sortFn: (a, b, id) => compareValues(a.getValue(id), b.getValue(id)),
          minSize: 0,
        };
      }),
    [signature],
  );
  const data = useMemo(() => [...rows], [rows]);

  const table = useTable({
    features,
    columns: columnDefs,
    data,
    getRowId: (row: R) => String(rowKey(row)),
    state: { sorting, columnSizing, columnPinning },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const tableRows = table.getRowModel().rows;
  const count = tableRows.length;
  const active = count === 0 ? -1 : Math.min(activeIndex, count - 1);
  const visualColumns = [...table.getStartLeafColumns(), ...table.getCenterLeafColumns(), ...table.getEndLeafColumns()];
  const gridTemplateColumns = visualColumns.map((column) => `${column.getSize()}px`).join(' ');
  const totalWidth = table.getTotalSize();

  // The row with focus stays rendered even when scrolled away, so the table never loses its
  // one tab stop.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active >= 0 && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [active],
  );

  // The virtualizer re-renders this table itself when the scroll position moves; no memoized
  // child receives its functions, which is what the rule guards against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: OVERSCAN_ROWS,
    scrollMargin: headHeight,
    rangeExtractor,
  });

  // After a keyboard move, focus follows to the row now rendered at the new position.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${active}"]`)?.focus({ preventScroll: true });
  });

  // A row that had focus and left the list (marked, filtered out) hands focus to the row now
  // in its place rather than to the page.
  useLayoutEffect(() => {
    if (!focusInside.current || active < 0) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${active}"]`)?.focus({ preventScroll: true });
  }, [tableRows, active]);

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function rowsPerPage(): number {
    const height = (scrollRef.current?.clientHeight ?? 0) - headHeight;
    return Math.max(1, Math.floor(height / estimatedRowHeight) - 1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const rowElement = target.closest<HTMLElement>('[data-row-index]');
    if (!rowElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(rowElement.dataset.rowIndex);
    const onRow = target === rowElement;
    if (!onRow && isTextEntry(target)) return;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          moveTo(index + 1);
          return true;
        case 'ArrowUp':
          moveTo(index - 1);
          return true;
        case 'PageDown':
          moveTo(index + rowsPerPage());
          return true;
        case 'PageUp':
          moveTo(index - rowsPerPage());
          return true;
        case 'Home':
          if (!onRow) return false;
          moveTo(0);
          return true;
        case 'End':
          if (!onRow) return false;
          moveTo(count - 1);
          return true;
        case 'Enter': {
          if (!onRow) return false;
          const opener = rowElement.querySelector<HTMLElement>('[data-row-open], button.link, a[href]');
          opener?.click();
          return opener !== null;
        }
        case ' ': {
          if (!onRow) return false;
          const row = tableRows[index];
          if (onRowAction && row) onRowAction(row.original);
          else rowElement.querySelector<HTMLElement>('[data-row-action]')?.click();
          return true;
        }
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  }

  function onFocus(event: React.FocusEvent<HTMLDivElement>) {
    focusInside.current = true;
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (rowElement) setActiveIndex(Number(rowElement.dataset.rowIndex));
  }

  function onBlur(event: React.FocusEvent<HTMLDivElement>) {
    const next = event.relatedTarget as HTMLElement | null;
    if (next) {
      // A menu or popover opened from a row is still "in" the table: focus comes back.
      focusInside.current = scrollRef.current?.contains(next) === true || next.closest('[data-radix-popper-content-wrapper]') !== null;
    } else {
      // Focus that went nowhere because its row was removed stays with the table.
      focusInside.current = !(event.target as HTMLElement).isConnected;
    }
  }

  const scrollStyle: React.CSSProperties = fill ? {} : { maxHeight };
  const virtualItems = virtualizer.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className={fill ? 'data-table data-table-fill' : 'data-table'}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      style={scrollStyle}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerOver={showTruncatedValue}
    >
      <div ref={headRef} className="dt-head" role="rowgroup" style={{ width: totalWidth }}>
        <div className="dt-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns }}>
          {visualColumns.map((tableColumn) => {
            const column = byKey.get(tableColumn.id)!;
            const sorted = tableColumn.getIsSorted();
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={column.sortValue ? (sorted === 'desc' ? 'descending' : sorted === 'asc' ? 'ascending' : 'none') : undefined}
                className={cellClass(column, columnPinning)}
                style={pinStyle(tableColumn)}
              >
                {column.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    title={column.headerTitle}
                    onClick={() => tableColumn.toggleSorting(sorted ? sorted === 'asc' : column.numeric === true)}
                  >
                    {column.header}
                    <span aria-hidden="true">{sorted === 'desc' ? ' ▼' : sorted === 'asc' ? ' ▲' : ''}</span>
                  </button>
                ) : (
                  <span title={column.headerTitle}>{column.header}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {count === 0 ? (
        <div className="dt-empty" role="rowgroup">
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={columns.length} className="muted">
              {emptyText}
            </div>
          </div>
        </div>
      ) : (
        <div className="dt-body" role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
          {virtualItems.map((item) => {
            const row = tableRows[item.index]!;
            return (
              <div
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row-index={item.index}
                className="dt-row"
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={item.index === active ? 0 : -1}
                style={{ gridTemplateColumns, transform: `translateY(${item.start - headHeight}px)` }}
              >
                {visualColumns.map((tableColumn) => {
                  const column = byKey.get(tableColumn.id)!;
                  return (
                    <div key={column.key} role="gridcell" className={cellClass(column, columnPinning)} style={pinStyle(tableColumn)}>
                      {column.cell(row.original)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** Classes of a cell: numeric alignment, and for pinned ones which edge they hold. */
function cellClass<R extends RowData>(column: Column<R>, pinning: { start: string[]; end: string[] }): string {
  const classes = ['dt-cell'];
  if (column.numeric) classes.push('num');
  if (pinning.start.includes(column.key)) {
    classes.push('pinned', 'pinned-start');
    if (pinning.start.at(-1) === column.key) classes.push('pinned-start-last');
  } else if (pinning.end.includes(column.key)) {
    classes.push('pinned', 'pinned-end');
    if (pinning.end[0] === column.key) classes.push('pinned-end-first');
  }
  return classes.join(' ');
}

function pinStyle<R extends RowData>(tableColumn: TableColumn<Features, R>): React.CSSProperties | undefined {
  const pinned = tableColumn.getIsPinned();
  if (pinned === 'start') return { left: tableColumn.getStart('start') };
  if (pinned === 'end') return { right: tableColumn.getAfter('end') };
  return undefined;
}

function isTextEntry(element: HTMLElement): boolean {
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * A truncated value shows in full on hover: the element under the pointer (or the cell
 * around it) that is cut off gets its whole text as a title, only when it is cut off.
 */
function showTruncatedValue(event: React.PointerEvent<HTMLDivElement>) {
  let element = event.target as HTMLElement | null;
  while (element && element !== event.currentTarget) {
    if (element.scrollWidth > element.clientWidth + 1) {
      const text = element.textContent?.trim() ?? '';
      if (text && element.title !== text) element.title = text;
      return;
    }
    if (element.getAttribute('role') === 'gridcell') return;
    element = element.parentElement;
  }
}

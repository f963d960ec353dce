/** Building a LocalCopy for tests, as the store would hold it. */
import type { PdbRow, PdbRowMap, PdbType } from '../../../../shared/peeringdb';
import { LocalCopy, RowMap } from './local-copy';

type RowsOf<T extends PdbType> = readonly PdbRowMap[T][] | { data: readonly PdbRowMap[T][] };

/**
 * The copy the store worker would hold for these rows (a list per type, or a dump-shaped
 * dataset): every row but those marked deleted, which never enter a copy.
 */
export function copyOf(rows: { [T in PdbType]?: RowsOf<T> }): LocalCopy {
  const copy = new LocalCopy();
  for (const [type, given] of Object.entries(rows) as [PdbType, RowsOf<PdbType>][]) {
    const map = copy.rows[type] as Map<number, PdbRow>;
    const list = 'data' in given ? given.data : given;
    for (const row of list as readonly PdbRow[]) if (row.status !== 'deleted') map.set(row.id, row);
  }
  copy.version++;
  return copy;
}

/** A type's rows as the copy holds them (a RowMap), for comparing with what a copy holds. */
export function rowMapOf<R>(entries: Iterable<readonly [number, R]>): RowMap<R> {
  const rows = new RowMap<R>();
  for (const [id, row] of entries) rows.set(id, row);
  return rows;
}

/**
 * The in-memory copy of PeeringDB that the store worker keeps: every live row by type and id.
 * Deleted rows are never in it. Discovery indexes are derived from it (see ../discovery).
 */
import { PDB_TYPES, type PdbRowMap, type PdbType } from '../../../../shared/peeringdb';

export type RowMaps = { [T in PdbType]: Map<number, PdbRowMap[T]> };

export class LocalCopy {
  readonly rows: RowMaps;
  /** Bumped whenever rows change, so derived indexes know to rebuild. */
  version = 0;

  constructor() {
    this.rows = Object.fromEntries(PDB_TYPES.map((t) => [t, new Map()])) as unknown as RowMaps;
  }

  get<T extends PdbType>(type: T, id: number): PdbRowMap[T] | undefined {
    return this.rows[type].get(id);
  }

  counts(): Record<PdbType, number> {
    return Object.fromEntries(PDB_TYPES.map((t) => [t, this.rows[t].size])) as Record<PdbType, number>;
  }

  clear(): void {
    for (const t of PDB_TYPES) this.rows[t].clear();
    this.version++;
  }
}

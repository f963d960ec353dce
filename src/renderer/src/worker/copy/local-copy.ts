/**
 * The in-memory copy of PeeringDB that the store worker keeps: every live row by type and id.
 * Deleted rows are never in it. Discovery indexes are derived from it (see ../discovery).
 */
import { PDB_TYPES, type PdbRow, type PdbRowMap, type PdbType } from '../../../../shared/peeringdb';

/**
 * A type's rows by id, counting what is done to it: the indexes compare a type's rows again
 * only when the count moved (see ../index/type-versions.ts). Every set, delete and clear
 * counts, whoever calls it, so no way of changing the rows can be missed.
 */
export class RowMap<R> extends Map<number, R> {
  #changes = 0;

  // No rows at construction: Map's constructor would call `set` before #changes exists.
  constructor() {
    super();
  }

  /** Moves on at every set, delete and clear: the same count means the same rows. */
  get changes(): number {
    return this.#changes;
  }

  override set(id: number, row: R): this {
    this.#changes++;
    return super.set(id, row);
  }

  override delete(id: number): boolean {
    this.#changes++;
    return super.delete(id);
  }

  override clear(): void {
    this.#changes++;
    super.clear();
  }
}

export type RowMaps = { [T in PdbType]: RowMap<PdbRowMap[T]> };

export class LocalCopy {
  readonly rows: RowMaps;
  /** Bumped whenever rows change, so derived indexes know to rebuild. */
  version = 0;

  constructor() {
    this.rows = Object.fromEntries(PDB_TYPES.map((t) => [t, new RowMap()])) as unknown as RowMaps;
  }

  get<T extends PdbType>(type: T, id: number): PdbRowMap[T] | undefined {
    return this.rows[type].get(id);
  }

  counts(): Record<PdbType, number> {
    return Object.fromEntries(PDB_TYPES.map((t) => [t, this.rows[t].size])) as Record<PdbType, number>;
  }

  /**
   * Makes `rows` the type's rows in place of the map it had: a full list, held whole until its
   * swap, becomes the type without copying every row into the old map (for the largest types, a
   * long task of its own). Code reads a type's map afresh in each task and never keeps it.
   */
  replaceType(type: PdbType, rows: RowMap<PdbRow>): void {
    (this.rows as unknown as Record<PdbType, RowMap<PdbRow>>)[type] = rows;
  }

  clear(): void {
    for (const t of PDB_TYPES) this.rows[t].clear();
    this.version++;
  }
}

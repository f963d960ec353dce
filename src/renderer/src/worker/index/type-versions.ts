/**
 * Which PeeringDB types changed since the index last looked, so a sync that touched only
 * contacts does not rebuild the network name index. LocalCopy bumps one version number for
 * any change, and each type's map counts what was done to it (RowMap): a type whose map is the
 * one compared last, its count unmoved, is passed over. Any other is compared: the store
 * replaces a row's object when the row changes, so comparing object identity in the maps'
 * iteration order finds every insert, update and removal in one pass. (Comparing every type
 * at every commit of a sync would be a pass over the whole copy: at twice today's size, some
 * 20 ms in one task on a slow machine.)
 *
 * Each type gets a stamp that moves when its rows change, and a snapshot of its rows as of
 * then: a structure built in slices reads the snapshot, so a sync changing the copy between
 * two slices cannot leave it half old and half new.
 */
import type { PdbRowMap, PdbType } from '../../../../shared/peeringdb';
import type { LocalCopy, RowMap } from '../copy/local-copy';

export type Stamps = Readonly<Partial<Record<PdbType, number>>>;

export class TypeSnapshots {
  private readonly rows = new Map<PdbType, readonly unknown[]>();
  private readonly stamps = new Map<PdbType, number>();
  /** Per type, the map compared last and its count of changes then. */
  private readonly compared = new Map<PdbType, { map: Map<number, unknown>; changes: number }>();
  private observedVersion = -1;

  constructor(private readonly types: readonly PdbType[]) {}

  /** True when the copy's version moved since the last observe. */
  isBehind(copy: LocalCopy): boolean {
    return copy.version !== this.observedVersion;
  }

  /** Compares the copy with the snapshots when its version moved; changed types get a new stamp. */
  observe(copy: LocalCopy): void {
    if (copy.version === this.observedVersion) return;
    this.observedVersion = copy.version;
    for (const type of this.types) {
      const current: RowMap<unknown> = copy.rows[type];
      const last = this.compared.get(type);
      if (last && last.map === current && last.changes === current.changes) continue;
      this.compared.set(type, { map: current, changes: current.changes });
      const previous = this.rows.get(type);
      let differs = previous === undefined || previous.length !== current.size;
      if (!differs && previous) {
        let i = 0;
        for (const row of current.values()) {
          if (previous[i++] !== row) {
            differs = true;
            break;
          }
        }
      }
      if (differs) {
        this.rows.set(type, Array.from(current.values()));
        this.stamps.set(type, (this.stamps.get(type) ?? 0) + 1);
      }
    }
  }

  stampOf(type: PdbType): number {
    return this.stamps.get(type) ?? 0;
  }

  /** The stamps of these types now. */
  stampsOf(types: readonly PdbType[]): Stamps {
    return Object.fromEntries(types.map((type) => [type, this.stampOf(type)]));
  }

  /** The rows of a type as of its last stamp. */
  rowsOf<T extends PdbType>(type: T): readonly PdbRowMap[T][] {
    return (this.rows.get(type) ?? []) as readonly PdbRowMap[T][];
  }
}

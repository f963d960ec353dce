/**
 * Tells which PeeringDB types changed since the index was built, so a sync that touched only
 * contacts does not rebuild the network name index. LocalCopy only bumps one version number;
 * the store replaces a row's object when the row changes, so comparing object identity in
 * the maps' iteration order finds every insert, update and removal in one pass.
 */
import type { PdbType } from '../../../../shared/peeringdb';
import type { LocalCopy } from '../copy/local-copy';

export class TypeChangeTracker {
  private readonly seen = new Map<PdbType, unknown[]>();

  /** True when the rows of `type` differ from the last call's (always true the first time). */
  changed(copy: LocalCopy, type: PdbType): boolean {
    const rows: Map<number, unknown> = copy.rows[type];
    const previous = this.seen.get(type);
    let differs = previous === undefined || previous.length !== rows.size;
    if (!differs && previous) {
      let i = 0;
      for (const row of rows.values()) {
        if (previous[i++] !== row) {
          differs = true;
          break;
        }
      }
    }
    if (differs) this.seen.set(type, Array.from(rows.values()));
    return differs;
  }
}

/**
 * The public bulk cache (public.peeringdb.com/{tag}-0.json): a snapshot of what an anonymous
 * caller sees, taken at one instant and stamped with it in `meta.generated`. Changes made
 * after the snapshot reach the cache only at the next refresh, as on the real site.
 */
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import type { AnyRow, PdbStore } from './store';
import { ANONYMOUS, viewRows } from './visibility';

export class PublicCache {
  private generated = 0;
  private rows = new Map<PdbType, AnyRow[]>();
  private rendered = new Map<PdbType, Buffer>();

  constructor(private readonly store: PdbStore) {
    this.refresh();
  }

  /** Takes a new snapshot at the virtual clock's time and returns that time. */
  refresh(): number {
    this.generated = this.store.clock.now();
    this.rows = new Map();
    this.rendered = new Map();
    for (const type of PDB_TYPES) {
      const live = this.store.allById(type).filter((row) => row.status === 'ok');
      this.rows.set(type, viewRows(type, live, ANONYMOUS));
    }
    return this.generated;
  }

  get generatedAt(): number {
    return this.generated;
  }

  /**
   * The file as served, rendered and encoded once per snapshot, as the real cache's files sit
   * ready on its server: the big types are tens of megabytes, and encoding them again for every
   * download held each answer back until it was done and, in the bench, took that CPU (and the
   * collections of a heap holding the whole dataset) from the machine being measured. Never
   * written to: every answer shares it.
   */
  fileBytes(type: PdbType): Buffer {
    let bytes = this.rendered.get(type);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify({ data: this.rows.get(type) ?? [], meta: { generated: this.generated } }));
      this.rendered.set(type, bytes);
    }
    return bytes;
  }
}

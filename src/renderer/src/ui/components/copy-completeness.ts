/**
 * Whether the local copy is whole, and if not, what it lacks: until every type's first load
 * has completed, an answer (16 common IXPs) may be missing what the rest holds (20), and the
 * screens must say so rather than let it pass for the answer.
 */
import { PDB_TYPES, type PdbType } from '../../../../shared/peeringdb';
import type { StoreStatus } from '../../protocol/messages';
import { formatCount } from './format';
import { PDB_TYPE_LABELS } from './pdb-type-labels';

export interface UnloadedType {
  type: PdbType;
  /** Rows held so far: those of a first load that stopped part way. */
  rows: number;
}

export interface IncompleteCopy {
  loaded: number;
  total: number;
  unloaded: UnloadedType[];
}

/** What the copy lacks, or null when it is complete (or empty: that has its own screen). */
export function incompleteCopy(status: StoreStatus | null): IncompleteCopy | null {
  if (!status) return null;
  const loaded = new Set(status.loadedTypes);
  const unloaded = PDB_TYPES.filter((type) => !loaded.has(type)).map((type) => ({ type, rows: status.counts[type] }));
  if (unloaded.length === 0) return null;
  const empty = PDB_TYPES.every((type) => status.counts[type] === 0);
  if (empty && loaded.size === 0) return null;
  return { loaded: loaded.size, total: PDB_TYPES.length, unloaded };
}

/** "Networks (10,000 rows so far), Contacts (none yet)". */
export function describeUnloaded(unloaded: readonly UnloadedType[]): string {
  return unloaded
    .map(({ type, rows }) => `${PDB_TYPE_LABELS[type]} (${rows > 0 ? `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} so far` : 'none yet'})`)
    .join(', ');
}

/** What to fetch for each type, decided from what the store holds. Pure. */
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { watermarkCeiling, type StoreState } from '../../shared/sync';
import { sinceForWatermark } from './urls';

export type TypePlan =
  /** First anonymous load from the public bulk cache: one full snapshot. */
  | { type: PdbType; mode: 'cache' }
  /**
   * A `since` list from the API, oldest change first, so every stored page advances the
   * watermark. `since: 1` is a full load that still includes deleted rows.
   */
  | {
      type: PdbType;
      mode: 'api';
      since: number;
      why: 'first-load' | 'changes' | 'contacts-with-key' | 'contacts-without-key' | 'watermark-from-the-future';
      /** The list replaces what the store holds of the type. */
      replace?: boolean;
    };

export interface PlanInput {
  state: StoreState;
  hasApiKey: boolean;
  cacheUrl: string | null;
  /** The local clock, epoch seconds. */
  now: number;
}

export function planSync({ state, hasApiKey, cacheUrl, now }: PlanInput): TypePlan[] {
  return PDB_TYPES.map((type): TypePlan => {
    const watermark = state.watermarks[type];
    if (watermark === undefined) {
      // The cache is built anonymously; with a key the API gives what the key may see.
      return !hasApiKey && cacheUrl ? { type, mode: 'cache' } : { type, mode: 'api', since: 1, why: 'first-load' };
    }
    if (watermark > watermarkCeiling(now)) {
      // Stored by an older version from a row or a dump that claimed the future: changes since
      // then would never come, and when the copy truly stopped is unknown. The type is read
      // whole again, replacing what is stored once complete.
      return !hasApiKey && cacheUrl
        ? { type, mode: 'cache' }
        : { type, mode: 'api', since: 1, why: 'watermark-from-the-future', replace: true };
    }
    if (type === 'poc' && hasApiKey && !state.pocWithKey) {
      // Contacts visible to users only were never fetched: read them all again with the key,
      // as a replacement, so that a reload cut short leaves the contacts as they were.
      return { type, mode: 'api', since: 1, why: 'contacts-with-key', replace: true };
    }
    if (type === 'poc' && !hasApiKey && state.pocWithKey) {
      // The key is gone: contacts only users may see would go stale, so reload the public ones.
      return cacheUrl ? { type, mode: 'cache' } : { type, mode: 'api', since: 1, why: 'contacts-without-key', replace: true };
    }
    return { type, mode: 'api', since: sinceForWatermark(watermark), why: 'changes' };
  });
}

/** Rough sizes of PeeringDB (2026), only to estimate how long a first load takes. */
const TYPICAL_ROWS: Record<PdbType, number> = {
  org: 33_500,
  campus: 150,
  fac: 6_000,
  carrier: 300,
  carrierfac: 1_000,
  net: 34_500,
  ix: 1_300,
  ixfac: 3_000,
  ixlan: 1_300,
  ixpfx: 2_600,
  netfac: 60_000,
  netixlan: 60_000,
  poc: 45_000,
};

/** Requests a plan is expected to take: the estimate behind the ETA. */
export function expectedRequests(plan: TypePlan, rowsPerRequest: number): number {
  if (plan.mode === 'cache') return 1;
  if (plan.why === 'changes') return 1;
  return Math.ceil(TYPICAL_ROWS[plan.type] / rowsPerRequest) + 1;
}

import { describe, expect, it } from 'vitest';
import { PDB_TYPES } from '../../../../shared/peeringdb';
import { storeStatus } from '../fakes.test-support';
import { describeUnloaded, incompleteCopy } from './copy-completeness';

describe('incompleteCopy', () => {
  it('is null for a complete copy, and for an empty one (the first-run screen speaks there)', () => {
    expect(incompleteCopy(storeStatus({ net: 3 }))).toBeNull();
    expect(incompleteCopy(storeStatus({}, 1, []))).toBeNull();
    expect(incompleteCopy(null)).toBeNull();
  });

  it('names the types whose first load has not completed and how far each got', () => {
    const loaded = PDB_TYPES.filter((type) => type !== 'netixlan' && type !== 'poc');
    const incomplete = incompleteCopy(storeStatus({ net: 20, netixlan: 10_000, poc: 0 }, 1, loaded))!;
    expect(incomplete).toEqual({
      loaded: 11,
      total: 13,
      unloaded: [
        { type: 'netixlan', rows: 10_000 },
        { type: 'poc', rows: 0 },
      ],
    });
    expect(describeUnloaded(incomplete.unloaded)).toBe('IXP connections (10,000 rows so far), Contacts (none yet)');
  });

  it('counts a copy whose types are all empty but some loaded as incomplete, not as empty', () => {
    expect(incompleteCopy(storeStatus({}, 1, ['org']))).toMatchObject({ loaded: 1, total: 13 });
  });
});

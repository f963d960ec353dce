import { describe, expect, it } from 'vitest';
import { parseAsSets } from './as-set';

describe('parseAsSets', () => {
  it('reads the older AS-X@SOURCE and the current SOURCE::AS-X forms and offers both', () => {
    expect(parseAsSets('AS-ALPHA@RIPE')).toEqual([{ name: 'AS-ALPHA', source: 'RIPE', at: 'AS-ALPHA@RIPE', colon: 'RIPE::AS-ALPHA' }]);
    expect(parseAsSets('radb::AS-BETA')).toEqual([{ name: 'AS-BETA', source: 'RADB', at: 'AS-BETA@RADB', colon: 'RADB::AS-BETA' }]);
  });

  it('keeps a set without a source as written, and hierarchical names whole', () => {
    expect(parseAsSets('AS-GAMMA')).toEqual([{ name: 'AS-GAMMA', source: '', at: 'AS-GAMMA', colon: 'AS-GAMMA' }]);
    expect(parseAsSets('RIPE::AS64500:AS-CUSTOMERS')[0]).toMatchObject({ name: 'AS64500:AS-CUSTOMERS', source: 'RIPE' });
  });

  it('splits lists, drops repeats in either form and empty fields', () => {
    expect(parseAsSets('RIPE::AS-A AS-A@RIPE, ARIN::AS-B;').map((s) => s.colon)).toEqual(['RIPE::AS-A', 'ARIN::AS-B']);
    expect(parseAsSets('')).toEqual([]);
    expect(parseAsSets(null)).toEqual([]);
  });
});

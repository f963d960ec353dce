import { describe, expect, it } from 'vitest';
import { describeSyncWait } from './wait-text';

describe('the words for a wait', () => {
  it('says how long and why, in whole seconds rounded up', () => {
    expect(describeSyncWait({ reason: 'pacing', ms: 2000 })).toBe(
      '2 s before the next request: PeeringDB asks for 2 s between requests and at most 20 a minute (40 with an API key).',
    );
    expect(describeSyncWait({ reason: 'pacing', ms: 350 })).toMatch(/^1 s before the next request/);
    expect(describeSyncWait({ reason: 'rate-limited', ms: 45_000 })).toBe('45 s: PeeringDB asked this app to slow down.');
    expect(describeSyncWait({ reason: 'rate-limited', ms: 120_000 })).toBe('2 min: PeeringDB asked this app to slow down.');
    expect(describeSyncWait({ reason: 'retrying', ms: 2500 })).toBe('3 s, then the request is tried again.');
  });
});

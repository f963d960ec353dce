/**
 * PeeringDB's answers as any server (or a file claiming to be a dump) could send them: the
 * envelope check either gives rows or says clearly what is wrong, and never fails another
 * way. (Row by row checks belong to the shared row schema; these cover the page as a whole.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../shared/export/hostile-text.test-support';
import { parseEnvelopeText, validateEnvelope } from './envelope';
import { SyncError } from './errors';

const row = fc.record(
  { id: fc.nat(), name: hostileText(), status: fc.constantFrom('ok', 'deleted', 'pending'), updated: hostileText(25) },
  { requiredKeys: ['id'] },
);

const answer = fc.oneof(
  fc.record({ data: fc.array(row, { maxLength: 5 }), meta: fc.option(fc.record({ generated: fc.oneof(fc.double(), hostileText(10)) })) }),
  fc.record({ data: fc.anything(), meta: fc.anything() }, { requiredKeys: [] }),
  fc.anything(),
);

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

describe('the envelope of any answer', () => {
  it('gives its rows, or a SyncError that names where, never another failure', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const result = outcome(() => validateEnvelope(value, 'net (since 1)', 'malformed'));
        if (result instanceof Error) {
          expect(result).toBeInstanceOf(SyncError);
          expect((result as SyncError).code).toBe('malformed');
          expect(result.message).toContain('net (since 1)');
          return;
        }
        const page = result as ReturnType<typeof validateEnvelope>;
        expect(page.rows).toBe((value as { data: unknown }).data);
        if (page.generated !== undefined) expect(Number.isFinite(page.generated) && page.generated > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every row of a well-formed answer, in order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        expect(validateEnvelope({ data: rows, meta: {} }, 'org', 'dump-format').rows).toEqual(rows);
      }),
    );
  });

  it('reads any text as an answer or as a clear "not valid JSON"', () => {
    const text = fc.oneof(
      hostileText(200),
      fc.json(),
      answer.map((value) => JSON.stringify(value) ?? ''),
      answer.map((value) => (JSON.stringify(value) ?? '').slice(0, -1)),
    );
    fc.assert(
      fc.property(text, (body) => {
        const result = outcome(() => parseEnvelopeText(body, 'ix'));
        if (result instanceof Error) {
          expect(result).toBeInstanceOf(SyncError);
          expect(result.message).toMatch(/ix/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

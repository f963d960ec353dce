import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DumpScanError, DumpScanner, type DumpScanListener } from './dump-scanner';

interface Scanned {
  rows: Map<string, unknown[]>;
  batches: { key: string; count: number; text: string }[];
  members: [string, string, unknown][];
  others: [string, unknown][];
  events: string[];
  complete: boolean;
}

/** Feeds `text` in pieces cut at `cuts` (character offsets) and gathers what the scanner says. */
function scan(text: string, cuts: number[] = [], batchRows = 3, batchChars?: number): Scanned {
  const out: Scanned = { rows: new Map(), batches: [], members: [], others: [], events: [], complete: false };
  const listener: DumpScanListener = {
    listStarts: (key) => void out.events.push(`list ${key}`),
    otherValue: (key, value) => void out.others.push([key, value]),
    dataStarts: (key) => void out.events.push(`data ${key}`),
    rows: (key, batchText, count) => {
      out.batches.push({ key, count, text: batchText });
      const rows = JSON.parse(batchText) as unknown[];
      out.rows.set(key, [...(out.rows.get(key) ?? []), ...rows]);
    },
    member: (key, name, value) => void out.members.push([key, name, value]),
    listEnds: (key) => void out.events.push(`end ${key}`),
  };
  const scanner = new DumpScanner(listener, { batchRows, maxDepth: 32, maxValueChars: 1_000_000, ...(batchChars ? { batchChars } : {}) });
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue;
    scanner.write(text.slice(from, cut));
    from = cut;
  }
  scanner.write(text.slice(from));
  out.complete = scanner.complete;
  return out;
}

/** Text that tries every way a string can hide structure: quotes, backslashes, brackets, commas. */
const trickyText = fc.oneof(
  fc.string(),
  fc.constantFrom('"', '\\', '\\"', '\\\\', '\\\\"', '{', '}', '[', ']', ',', ':', '"]}', '\\u0041', '\uD83D\uDE00', '\uD800', ''),
  fc.array(fc.constantFrom('"', '\\', '{', '[', ']', '}', ',', 'x', ' '), { maxLength: 12 }).map((parts) => parts.join('')),
);

const rowValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyText,
    fc.integer(),
    // JSON.stringify writes -0 as 0, so a dump written from these values never holds -0.
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(trickyText, tie('value'), { maxKeys: 3 }),
  ),
}));

const row = fc.record({ id: fc.nat(), name: trickyText, extra: rowValue.value }, { requiredKeys: ['id'] });

const dump = fc.dictionary(
  fc.oneof(fc.constantFrom('org', 'net', 'ix', 'netixlan', 'as_set', 'poc'), trickyText),
  fc.oneof(
    fc.record({ data: fc.array(fc.oneof(row, rowValue.value), { maxLength: 8 }), meta: fc.dictionary(trickyText, rowValue.value, { maxKeys: 2 }) }, { requiredKeys: ['data'] }),
    rowValue.value,
  ),
  { maxKeys: 5 },
);

function dataLists(value: Record<string, unknown>): Map<string, unknown[]> {
  const lists = new Map<string, unknown[]>();
  for (const [key, member] of Object.entries(value)) {
    const data = (member as { data?: unknown } | null)?.data;
    if (typeof member === 'object' && member !== null && !Array.isArray(member) && Array.isArray(data) && data.length > 0) lists.set(key, data);
  }
  return lists;
}

describe('DumpScanner', () => {
  it('finds exactly the rows JSON.parse finds, however the text is cut and spaced', () => {
    fc.assert(
      fc.property(dump, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (value, cuts, batchRows, spaced) => {
        const text = spaced ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        const scanned = scan(text, cuts.map((cut) => cut % (text.length + 1)), batchRows);
        expect(scanned.complete).toBe(true);
        expect(scanned.rows).toEqual(dataLists(value));
        expect(scanned.batches.every((batch) => batch.count >= 1 && batch.count <= batchRows)).toBe(true);
        for (const batch of scanned.batches) expect((JSON.parse(batch.text) as unknown[]).length).toBe(batch.count);
      }),
      { numRuns: 300 },
    );
  });

  it('ends a batch at the row that brings it to the characters allowed, counted across chunks', () => {
    const rows = Array.from({ length: 10 }, (_, id) => ({ id, notes: 'x'.repeat(90) }));
    const text = JSON.stringify({ net: { data: rows } });
    const rowChars = JSON.stringify(rows[0]).length;
    const scanned = scan(text, [150, 333, 700], 100, rowChars * 3);
    expect(scanned.batches.map((batch) => batch.count)).toEqual([3, 3, 3, 1]);
    expect(scanned.rows.get('net')).toEqual(rows);
  });

  it('reports every other member of a list and every value that is not a list, parsed', () => {
    const text = JSON.stringify({
      as_set: 'not a list',
      net: { meta: { generated: 5 }, data: [{ id: 1 }], note: [1, '}'] },
      ix: { data: { id: 1 } },
    });
    const scanned = scan(text);
    expect(scanned.others).toEqual([['as_set', 'not a list']]);
    expect(scanned.members).toEqual([
      ['net', 'meta', { generated: 5 }],
      ['net', 'note', [1, '}']],
      ['ix', 'data', { id: 1 }],
    ]);
    expect(scanned.events).toEqual(['list net', 'data net', 'end net', 'list ix', 'end ix']);
  });

  it('keeps the rows as the file wrote them: escapes and spacing of a batch are the original text', () => {
    const text = '{"net": {"data": [ {"id": 1, "name": "A \\"quoted\\" \\\\ name"} ,\n {"id": 2, "name": "\\u00e9"} ]}}';
    const { batches } = scan(text, [20, 21, 40], 5);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.text).toBe('[{"id": 1, "name": "A \\"quoted\\" \\\\ name"} ,\n {"id": 2, "name": "\\u00e9"}]');
    expect(JSON.parse(batches[0]!.text)).toEqual([{ id: 1, name: 'A "quoted" \\ name' }, { id: 2, name: 'é' }]);
  });

  it('never calls a cut-off text complete, wherever it is cut', () => {
    const text = JSON.stringify({ org: { data: [{ id: 1, name: 'x"]}' }, { id: 2 }], meta: {} }, net: { data: [] } });
    for (let length = 0; length < text.length; length++) {
      let complete = false;
      try {
        complete = scan(text.slice(0, length)).complete;
      } catch (error) {
        expect(error).toBeInstanceOf(DumpScanError);
      }
      expect(complete, `cut at ${length}`).toBe(false);
    }
  });

  it('says what is wrong with text that is not a dump, and where', () => {
    const failure = (text: string): DumpScanError => {
      try {
        scan(text);
      } catch (error) {
        return error as DumpScanError;
      }
      throw new Error(`no error for ${text}`);
    };
    expect(failure('[1]')).toMatchObject({ kind: 'not-an-object' });
    expect(failure('{"net" {}}')).toMatchObject({ kind: 'syntax', at: 7 });
    expect(failure('{"net": {"data": [{"id": 1},, {"id": 2}]}}')).toMatchObject({ kind: 'syntax' });
    expect(failure('{"net": {"meta": {"a": tru}}}')).toMatchObject({ kind: 'syntax' });
    expect(failure('{"net": 1} x')).toMatchObject({ kind: 'syntax', message: 'unexpected text after the end of the dump' });
    expect(failure(`{"net": {"data": [${'['.repeat(40)}`)).toMatchObject({ kind: 'too-deep' });
  });

  it('refuses a single value longer than allowed, while it is being read', () => {
    const scanner = new DumpScanner(
      { listStarts() {}, otherValue() {}, dataStarts() {}, rows() {}, member() {}, listEnds() {} },
      { batchRows: 10, maxDepth: 32, maxValueChars: 1000 },
    );
    scanner.write('{"net": {"data": [{"id": 1, "notes": "');
    expect(() => {
      for (let i = 0; i < 10; i++) scanner.write('x'.repeat(200));
    }).toThrow(DumpScanError);
  });
});

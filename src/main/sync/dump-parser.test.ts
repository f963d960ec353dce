import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { readDump, type DumpSummary } from './dump-parser';
import { SyncError } from './errors';

const SAMPLE = new URL('../../../tools/fake-peeringdb/datasets/sample-dump.json', import.meta.url);

function row(id: number, updated: string, extra: Record<string, unknown> = {}) {
  return { id, status: 'ok', created: '2020-01-01T00:00:00Z', updated, ...extra };
}

function toPythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(toPythonRepr).join(', ')}]`;
  return `{${Object.entries(value as object).map(([k, v]) => `${toPythonRepr(k)}: ${toPythonRepr(v)}`).join(', ')}}`;
}

/** The text in chunks of `size` bytes, as a file stream would give it (cut mid-token on purpose). */
async function* chunksOf(text: string, size = 97): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

interface Read {
  summary: DumpSummary;
  rows: Map<PdbType, unknown[]>;
  batches: number[];
}

async function read(text: string | AsyncIterable<Uint8Array>, batchRows = 5): Promise<Read> {
  const rows = new Map<PdbType, unknown[]>();
  const batches: number[] = [];
  const summary = await readDump(typeof text === 'string' ? chunksOf(text) : text, 'd.json', {
    batchRows,
    signal: new AbortController().signal,
    onRows: async (type, batch) => {
      batches.push(batch.length);
      rows.set(type, [...(rows.get(type) ?? []), ...batch]);
    },
  });
  return { summary, rows, batches };
}

async function expectDumpError(text: string | AsyncIterable<Uint8Array>, message: RegExp): Promise<void> {
  const error: unknown = await read(text).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SyncError);
  expect((error as SyncError).code).toBe('dump-format');
  expect((error as SyncError).message).toMatch(message);
}

describe('readDump', () => {
  it('streams every row of a real dump, type by type, in batches', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const { summary, rows, batches } = await read(text);
    const parsed = JSON.parse(text) as Record<string, { data: unknown[] }>;
    expect(summary.types).toEqual(Object.keys(parsed).filter((key) => (PDB_TYPES as readonly string[]).includes(key)));
    expect(summary.missing).toEqual([]);
    for (const type of summary.types) expect(rows.get(type)).toEqual(parsed[type]!.data);
    expect(Math.max(...batches)).toBeLessThanOrEqual(5);
    expect(summary.rows).toBe(summary.types.reduce((sum, type) => sum + parsed[type]!.data.length, 0));
  });

  it("reports each type's meta.generated, wherever meta stands", async () => {
    const text = JSON.stringify({
      org: { meta: { generated: 1776300000.5 }, data: [row(1, '2026-04-01T10:00:00Z')] },
      net: { data: [row(1, '2026-04-01T10:00:00Z')], meta: { generated: 1776300100 } },
      ix: { data: [], meta: {} },
    });
    const { summary } = await read(text);
    expect(summary.generated).toEqual({ org: 1776300000.5, net: 1776300100 });
    expect(summary.types).toEqual(['org', 'net', 'ix']);
    expect(summary.missing).toContain('campus');
  });

  it('ignores keys that are not PeeringDB types (as_set)', async () => {
    const { summary, rows } = await read(JSON.stringify({ as_set: { data: [{ '64500': 'AS-X' }] }, net: { data: [row(1, '2026-04-01T10:00:00Z')] } }));
    expect(summary.types).toEqual(['net']);
    expect([...rows.keys()]).toEqual(['net']);
  });

  it('refuses a truncated file and says so', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    await expectDumpError(text.slice(0, Math.floor(text.length * 0.7)), /d\.json ends in the middle of its data \(after [\d,]+ bytes\): it was cut off\. Nothing was changed\./);
    await expectDumpError('', /d\.json is empty/);
  });

  it('refuses a file that is not a dump, saying what is wrong', async () => {
    await expectDumpError('[1, 2]', /not a PeeringDB dump: expected one object keyed by type/);
    await expectDumpError('{"hello": 1}', /none of PeeringDB's types/);
    await expectDumpError('{"net": {"meta": {}}}', /"net" in d\.json has no "data" list/);
    await expectDumpError('{"net": 5}', /"net" in d\.json is not a PeeringDB list/);
    await expectDumpError('{"net": {"data": {"id": 1}}}', /"net" in d\.json has no "data" list/);
    await expectDumpError('{"net": {"data": []}, "net": {"data": []}}', /lists "net" twice/);
    await expectDumpError('{"net": {"data": [{"id": 1,, }]}}', /d\.json is not valid JSON near byte/);
  });

  it('stops at a nesting no dump has, at once and without running out of stack', async () => {
    async function* deep(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"net": {"data": [');
      // Forty million brackets, if it kept reading: it must stop long before.
      for (let i = 0; i < 10_000; i++) yield new TextEncoder().encode('['.repeat(4_000));
    }
    await expectDumpError(deep(), /nests its data deeper than a PeeringDB dump ever does/);
  });

  it('converts a dump saved as a Python literal', async () => {
    const rows = [row(7, '2026-04-03T00:00:00Z', { name: "O'Brien Net", notes: 'line1\nline2', info_ipv6: true, logo: null })];
    const { summary, rows: read_ } = await read(toPythonRepr({ net: { data: rows, meta: { generated: 1776300000 } } }));
    expect(summary.fromPythonRepr).toBe(true);
    expect(summary.generated).toEqual({ net: 1776300000 });
    expect(read_.get('net')).toEqual(rows);
  });

  it('refuses a cut-off Python literal with the place it ends', async () => {
    const text = toPythonRepr({ net: { data: [row(7, '2026-04-03T00:00:00Z')], meta: {} } });
    await expectDumpError(text.slice(0, -10), /Python literal .* could not be read: .*line 1/);
  });
});

describe('memory while reading a large dump', () => {
  it('hands rows on while the file is read, holding no more than a batch and a chunk', async () => {
    const ROWS = 60_000;
    const CHUNK = 64 * 1024;
    let produced = 0;
    let finished = false;
    /** About 25 MB of netixlan rows, produced only as the reader asks for them. */
    async function* bigDump(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      let pending = '{"netixlan": {"data": [';
      for (let id = 1; id <= ROWS; id++) {
        const port = row(id, '2026-04-01T10:00:00Z', { net_id: id, ix_id: 1, ixlan_id: 1, asn: 64_512, speed: 10_000, notes: 'x'.repeat(300) });
        pending += (id > 1 ? ',' : '') + JSON.stringify(port);
        if (pending.length >= CHUNK) {
          produced += pending.length;
          yield encoder.encode(pending);
          pending = '';
        }
      }
      pending += '], "meta": {}}}';
      produced += pending.length;
      yield encoder.encode(pending);
      finished = true;
    }

    const producedAtBatch: number[] = [];
    const rowsAtBatch: number[] = [];
    let rowsReceived = 0;
    const summary = await readDump(bigDump(), 'big.json', {
      batchRows: 1000,
      signal: new AbortController().signal,
      onRows: async (_type, batch) => {
        rowsReceived += batch.length;
        producedAtBatch.push(produced);
        rowsAtBatch.push(rowsReceived);
        expect(finished).toBe(false);
      },
    });
    expect(summary.rows).toBe(ROWS);
    expect(rowsReceived).toBe(ROWS);
    // The first batch went out after the first few chunks, not after the file.
    expect(producedAtBatch[0]!).toBeLessThan(produced / 50);
    // At every batch, what had been read is what was handed on, plus at most a batch and a
    // chunk: nothing piles up with the file's size.
    const bytesPerRow = produced / ROWS;
    for (let i = 0; i < producedAtBatch.length - 1; i++) {
      const heldRows = producedAtBatch[i]! / bytesPerRow - rowsAtBatch[i]!;
      expect(heldRows).toBeLessThan(1000 + (2 * CHUNK) / bytesPerRow);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDumpText } from './dump-parser';
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

function expectDumpError(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('dump-format');
    expect((error as SyncError).message).toMatch(message);
    return;
  }
  throw new Error('expected a dump-format error');
}

describe('parseDumpText', () => {
  it('reads every type of a real dump, in sync order', () => {
    const dump = parseDumpText(readFileSync(SAMPLE, 'utf8'), 'sample.json');
    expect(dump.types.map((t) => t.type)).toEqual(['org', 'campus', 'fac', 'carrier', 'carrierfac', 'net', 'ix', 'ixfac', 'ixlan', 'ixpfx', 'netfac', 'netixlan', 'poc']);
    expect(dump.missing).toEqual([]);
    expect(dump.types.find((t) => t.type === 'net')?.rows).toHaveLength(12);
    for (const entry of dump.types) {
      const newest = Math.max(...entry.rows.flatMap((r) => [Date.parse(r.created as string), Date.parse(r.updated as string)]));
      expect(entry.snapshotAt).toBe(newest / 1000);
    }
  });

  it('takes meta.generated as the watermark, else the newest change of the type', () => {
    const text = JSON.stringify({
      org: { data: [row(1, '2026-04-01T10:00:00Z'), row(2, '2026-04-02T10:00:00Z')], meta: {} },
      net: { data: [row(1, '2026-04-01T10:00:00Z')], meta: { generated: 1776300000.5 } },
      ix: { data: [], meta: {} },
    });
    const dump = parseDumpText(text, 'd.json');
    const at = Object.fromEntries(dump.types.map((t) => [t.type, t.snapshotAt]));
    expect(at.org).toBe(Date.parse('2026-04-02T10:00:00Z') / 1000);
    expect(at.net).toBe(1776300000.5);
    // An empty type stands for the dump's moment, so a later sync asks only for newer changes.
    expect(at.ix).toBe(1776300000.5);
    expect(dump.missing).toContain('campus');
    expect(dump.totalRows).toBe(3);
  });

  it('ignores keys that are not PeeringDB types (as_set)', () => {
    const dump = parseDumpText(JSON.stringify({ as_set: { data: [{ '64500': 'AS-X' }] }, net: { data: [row(1, '2026-04-01T10:00:00Z')] } }), 'd.json');
    expect(dump.types.map((t) => t.type)).toEqual(['net']);
  });

  it('refuses a truncated file and says so', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    expectDumpError(() => parseDumpText(text.slice(0, Math.floor(text.length * 0.7)), 'peeringdb_2_dump_2026_04_16.json'), /peeringdb_2_dump_2026_04_16\.json is not complete JSON/);
  });

  it('refuses a file that is not a dump', () => {
    expectDumpError(() => parseDumpText('[1, 2]', 'x.json'), /not a PeeringDB dump/);
    expectDumpError(() => parseDumpText('{"hello": 1}', 'x.json'), /none of PeeringDB's types/);
    expectDumpError(() => parseDumpText('{"net": {"meta": {}}}', 'x.json'), /"net" in x\.json has no "data" list/);
    expectDumpError(() => parseDumpText('{"net": {"data": [{"name": "no id"}]}}', 'x.json'), /Row 1 of "net"/);
  });

  it('converts a dump saved as a Python literal', () => {
    const rows = [row(7, '2026-04-03T00:00:00Z', { name: "O'Brien Net", notes: 'line1\nline2', info_ipv6: true, logo: null })];
    const dump = parseDumpText(toPythonRepr({ net: { data: rows, meta: {} } }), 'py.json');
    expect(dump.fromPythonRepr).toBe(true);
    expect(dump.types[0]?.rows).toEqual(rows);
  });

  it('refuses a cut-off Python literal with the place it ends', () => {
    const text = toPythonRepr({ net: { data: [row(7, '2026-04-03T00:00:00Z')], meta: {} } });
    expectDumpError(() => parseDumpText(text.slice(0, -10), 'py.json'), /Python literal .* could not be read: .*line 1/);
  });
});

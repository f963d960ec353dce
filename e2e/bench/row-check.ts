/**
 * `npm run bench:row-check`: what checking rows costs on a full-size copy (about 250k rows),
 * next to what parsing them costs. Compares the app's checker (src/shared/row-schema.ts) with
 * the same rules written as zod object schemas, the choice the checker's header refers to.
 * Prints one JSON object; times are the median of several runs, in milliseconds.
 */
import { z } from 'zod';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import { checkRows, KEY_FIELDS, mayHoldLoneSurrogates } from '../../src/shared/row-schema';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

function timed(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The checker's rules as zod schemas: the same key fields, the rest passed through. */
function zodSchemaOf(type: PdbType): z.ZodType {
  const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
  const shape: Record<string, z.ZodType> = { id, status: z.enum(['ok', 'pending']) };
  for (const [field, kind] of KEY_FIELDS[type]) {
    shape[field] =
      kind === 'id'
        ? id
        : kind === 'optional-id'
          ? id.nullish()
          : kind === 'asn'
            ? z.number().int().min(1).max(4_294_967_295)
            : kind === 'text'
              ? z.string()
              : kind === 'optional-text'
                ? z.string().optional()
                : z.string().nullish();
  }
  const live = z.looseObject(shape);
  const deleted = z.looseObject({ id, status: z.literal('deleted') });
  return z.union([deleted, live]);
}

function main(): void {
  const dump = generateDataset({ seed: 7, scale: Number(process.env.BENCH_SCALE ?? 1) });
  const texts = PDB_TYPES.map((type) => [type, JSON.stringify(dump[type].data)] as const);
  const rowCount = PDB_TYPES.reduce((sum, type) => sum + dump[type].data.length, 0);
  const bytes = texts.reduce((sum, [, text]) => sum + text.length, 0);
  const parsed = texts.map(([type, text]) => [type, JSON.parse(text) as unknown[]] as const);
  const schemas = new Map(PDB_TYPES.map((type) => [type, zodSchemaOf(type)]));

  const parseMs = timed(() => {
    for (const [, text] of texts) JSON.parse(text);
  });
  const surrogateScanMs = timed(() => {
    for (const [, text] of texts) mayHoldLoneSurrogates(text);
  });
  let skipped = 0;
  const checkMs = timed(() => {
    skipped = 0;
    for (const [type, rows] of parsed) skipped += checkRows(type, rows).skipped;
  });
  const checkKeysMs = timed(() => {
    for (const [type, rows] of parsed) checkRows(type, rows, { repair: false });
  });
  const zodMs = timed(() => {
    for (const [type, rows] of parsed) {
      const schema = schemas.get(type)!;
      for (const row of rows) schema.safeParse(row);
    }
  });
  process.stdout.write(
    `${JSON.stringify({ rows: rowCount, megabytes: Math.round(bytes / 1e5) / 10, runs: RUNS, parseMs, checkMs, checkKeysMs, zodMs, surrogateScanMs, skipped })}\n`,
  );
}

main();

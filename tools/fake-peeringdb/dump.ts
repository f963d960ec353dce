/**
 * The dump shape shared by CAIDA's daily archive, the public cache and the generator: one
 * object keyed by type, each value an API envelope.
 */
import { readFile } from 'node:fs/promises';
import { PDB_TYPES, type PdbRow, type PdbType } from '../../src/shared/peeringdb';

export interface PdbEnvelope<T extends PdbType> {
  data: PdbRow<T>[];
  meta: Record<string, unknown>;
}

export type PdbDump = { [T in PdbType]?: PdbEnvelope<T> };
export type FullPdbDump = { [T in PdbType]: PdbEnvelope<T> };

export class DumpFormatError extends Error {
  override name = 'DumpFormatError';
}

/** Checks the outer shape only; rows are trusted to be depth-0 PeeringDB rows. */
export function asPdbDump(value: unknown, source: string): PdbDump {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DumpFormatError(`${source}: expected one JSON object keyed by PeeringDB type`);
  }
  const record = value as Record<string, unknown>;
  const dump: Record<string, unknown> = {};
  let found = 0;
  for (const type of PDB_TYPES) {
    const envelope = record[type];
    if (envelope === undefined) continue;
    const data = (envelope as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) {
      throw new DumpFormatError(`${source}: "${type}" has no "data" array`);
    }
    const meta = (envelope as { meta?: unknown }).meta;
    dump[type] = { data, meta: typeof meta === 'object' && meta !== null ? meta : {} };
    found += 1;
  }
  if (found === 0) {
    throw new DumpFormatError(`${source}: none of the PeeringDB types (${PDB_TYPES.join(', ')}) is present`);
  }
  return dump as PdbDump;
}

export async function readDumpFile(path: string): Promise<PdbDump> {
  const text = await readFile(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DumpFormatError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return asPdbDump(parsed, path);
}

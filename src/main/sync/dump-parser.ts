/**
 * Reads a PeeringDB dump (CAIDA's `peeringdb_2_dump_YYYY_MM_DD.json`: one object keyed by
 * type, each value an API envelope) and checks all of it before anything is stored.
 */
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { newestChange, validateEnvelope } from './envelope';
import { SyncError } from './errors';
import { parsePythonLiteral, PythonLiteralError } from './python-literal';

export interface DumpType {
  type: PdbType;
  rows: Record<string, unknown>[];
  /** The watermark the type's rows stand for (epoch s). */
  snapshotAt: number | undefined;
}

export interface ParsedDump {
  types: DumpType[];
  /** Types the dump does not hold (older dumps predate campus and carrier): left as they are. */
  missing: PdbType[];
  /** Whether the file was a Python literal rather than JSON. */
  fromPythonRepr: boolean;
  totalRows: number;
}

export function parseDumpText(text: string, fileName: string): ParsedDump {
  const { value, fromPythonRepr } = parseDumpValue(text, fileName);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyncError('dump-format', `${fileName} is not a PeeringDB dump: expected one object keyed by type (org, net, ix…).`);
  }
  const byType = value as Record<string, unknown>;
  const types: DumpType[] = [];
  const missing: PdbType[] = [];
  for (const type of PDB_TYPES) {
    if (!Object.hasOwn(byType, type)) {
      missing.push(type);
      continue;
    }
    const page = validateEnvelope(byType[type], `"${type}" in ${fileName}`, 'dump-format');
    types.push({ type, rows: page.rows, snapshotAt: page.generated ?? newestChange(page.rows) });
  }
  if (types.length === 0) {
    throw new SyncError('dump-format', `${fileName} holds none of PeeringDB's types (org, net, ix…): it is not a PeeringDB dump.`);
  }
  // A type present but empty still stands for the dump's moment, so the next sync asks only for later changes.
  const dumpMoment = types.reduce<number | undefined>(
    (newest, entry) => (entry.snapshotAt !== undefined && (newest === undefined || entry.snapshotAt > newest) ? entry.snapshotAt : newest),
    undefined,
  );
  for (const entry of types) entry.snapshotAt ??= dumpMoment;
  const totalRows = types.reduce((sum, entry) => sum + entry.rows.length, 0);
  return { types, missing, fromPythonRepr, totalRows };
}

function parseDumpValue(text: string, fileName: string): { value: unknown; fromPythonRepr: boolean } {
  try {
    return { value: JSON.parse(text), fromPythonRepr: false };
  } catch (jsonError) {
    if (!looksLikePythonRepr(text)) {
      throw new SyncError(
        'dump-format',
        `${fileName} is not complete JSON (${(jsonError as Error).message}). It may be cut off or not a PeeringDB dump; nothing was changed.`,
      );
    }
  }
  try {
    return { value: parsePythonLiteral(text), fromPythonRepr: true };
  } catch (error) {
    if (!(error instanceof PythonLiteralError)) throw error;
    throw new SyncError(
      'dump-format',
      `${fileName} is written as a Python literal (single quotes) and could not be read: ${error.message}. Nothing was changed.`,
    );
  }
}

/** Python's repr of a dict opens with a single-quoted key; JSON never uses single quotes. */
function looksLikePythonRepr(text: string): boolean {
  return /^\s*\{\s*'/.test(text.slice(0, 256));
}

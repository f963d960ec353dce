/**
 * The one check every PeeringDB row passes before anything stores it, in main (before a page
 * goes to the store) and in the store worker (before a page is written). Key fields are checked
 * strictly, because indexes and joins are built on them; everything else is kept as it came:
 * unknown fields, missing optional fields, and enumeration values this version does not know.
 * Text that is not valid UTF-16 (lone surrogates, which JSON escapes can carry) is repaired.
 *
 * A hand-written checker driven by one field table per type rather than a zod schema, for
 * speed: on the full-size generated copy (250k rows, 100 MB; `npm run bench:row-check`, Node
 * 20) JSON.parse took 464 ms, this key check 48 ms, the scan of the text for surrogate escapes
 * 30 ms, and zod object schemas with the same rules 815 ms. Walking every string for lone
 * surrogates costs 150 ms more, so rows parsed from text are walked only when the scan finds an
 * escape that could carry one. Code generation (new Function) is not an option under the CSP.
 */
import type { PdbRowMap, PdbType } from './peeringdb';

type FieldKind =
  /** A row id or a foreign key: a safe integer >= 0, required. */
  | 'id'
  /** A foreign key that may be null or absent (a facility's campus, a port's facility). */
  | 'optional-id'
  /** An AS number, 1..4294967295, required. */
  | 'asn'
  /** Text that must be there (names the indexes and screens rely on). */
  | 'text'
  /** Text when present; absent is tolerated. */
  | 'optional-text'
  /** Text, null or absent (IP addresses of a port, which PeeringDB leaves null). */
  | 'nullable-text';

type FieldTable = readonly (readonly [field: string, kind: FieldKind])[];

/** The key fields of each type: what an index, a join or a screen depends on. */
export const KEY_FIELDS: Record<PdbType, FieldTable> = {
  org: [['name', 'text']],
  campus: [
    ['org_id', 'id'],
    ['name', 'text'],
  ],
  fac: [
    ['org_id', 'id'],
    ['campus_id', 'optional-id'],
    ['name', 'text'],
  ],
  carrier: [
    ['org_id', 'id'],
    ['name', 'text'],
  ],
  carrierfac: [
    ['carrier_id', 'id'],
    ['fac_id', 'id'],
    ['name', 'optional-text'],
  ],
  net: [
    ['org_id', 'id'],
    ['asn', 'asn'],
    ['name', 'text'],
    ['aka', 'optional-text'],
    ['name_long', 'optional-text'],
    ['irr_as_set', 'optional-text'],
  ],
  ix: [
    ['org_id', 'id'],
    ['name', 'text'],
    ['aka', 'optional-text'],
    ['name_long', 'optional-text'],
  ],
  ixfac: [
    ['ix_id', 'id'],
    ['fac_id', 'id'],
    ['name', 'optional-text'],
  ],
  ixlan: [
    ['ix_id', 'id'],
    ['name', 'optional-text'],
  ],
  ixpfx: [
    ['ixlan_id', 'id'],
    ['prefix', 'nullable-text'],
  ],
  netfac: [
    ['net_id', 'id'],
    ['fac_id', 'id'],
    ['name', 'optional-text'],
  ],
  netixlan: [
    ['net_id', 'id'],
    ['ix_id', 'id'],
    ['ixlan_id', 'id'],
    ['asn', 'asn'],
    ['net_side_id', 'optional-id'],
    ['ix_side_id', 'optional-id'],
    ['name', 'optional-text'],
    ['ipaddr4', 'nullable-text'],
    ['ipaddr6', 'nullable-text'],
  ],
  poc: [
    ['net_id', 'id'],
    ['name', 'optional-text'],
    ['email', 'optional-text'],
  ],
};

const MAX_ASN = 4_294_967_295;

const isId = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Why a field fails its kind, or null when it passes. The reason never quotes the value. */
function fieldProblem(field: string, kind: FieldKind, value: unknown): string | null {
  switch (kind) {
    case 'id':
      if (value === undefined || value === null) return `${field} is missing`;
      return isId(value) ? null : `${field} is not a whole number from 0 up`;
    case 'optional-id':
      return value === undefined || value === null || isId(value) ? null : `${field} is not a whole number from 0 up`;
    case 'asn':
      if (value === undefined || value === null) return `${field} is missing`;
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ASN
        ? null
        : `${field} is not an AS number (1 to 4294967295)`;
    case 'text':
      if (value === undefined || value === null) return `${field} is missing`;
      return typeof value === 'string' ? null : `${field} is not text`;
    case 'optional-text':
      return value === undefined || typeof value === 'string' ? null : `${field} is not text`;
    case 'nullable-text':
      return value === undefined || value === null || typeof value === 'string' ? null : `${field} is not text`;
  }
}

/** Rows skipped per reason (the reason names the field and what is wrong with it). */
export type SkipReasons = Record<string, number>;

export interface CheckedRows<T extends PdbType> {
  /** The rows that passed, in their order; the same objects, repaired where needed. */
  rows: PdbRowMap[T][];
  skipped: number;
  reasons: SkipReasons;
  /** Rows whose text held lone surrogates, now replaced by U+FFFD. */
  repaired: number;
}

/** Why a row cannot be stored, or null when it can. */
export function rowProblem(type: PdbType, value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const row = value as Record<string, unknown>;
  if (row.id === undefined || row.id === null) return 'id is missing';
  if (!isId(row.id)) return 'id is not a whole number from 0 up';
  const status = row.status;
  if (status === 'deleted') {
    // A deletion only has to say which row goes: PeeringDB blanks a deleted contact's fields,
    // and refusing a deletion over another field would keep a row that no longer exists.
    return null;
  }
  if (status !== 'ok' && status !== 'pending') return status === undefined ? 'status is missing' : 'status is not ok, pending or deleted';
  const table = KEY_FIELDS[type];
  for (let i = 0; i < table.length; i++) {
    const [field, kind] = table[i]!;
    const problem = fieldProblem(field, kind, row[field]);
    if (problem !== null) return problem;
  }
  return null;
}

export interface CheckOptions {
  /**
   * Whether to look for lone surrogates in every text (default true). Pass false only for rows
   * parsed from JSON text that `mayHoldLoneSurrogates` cleared: the walk is most of the cost.
   */
  repair?: boolean;
}

/** Checks the rows of one type: keeps those that pass (repaired), counts the rest by reason. */
export function checkRows<T extends PdbType>(type: T, values: readonly unknown[], options: CheckOptions = {}): CheckedRows<T> {
  const repair = options.repair ?? true;
  const rows: PdbRowMap[T][] = [];
  const reasons: SkipReasons = {};
  let skipped = 0;
  let repaired = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const problem = rowProblem(type, value);
    if (problem !== null) {
      skipped++;
      reasons[problem] = (reasons[problem] ?? 0) + 1;
      continue;
    }
    if (repair && repairText(value as Record<string, unknown>)) repaired++;
    rows.push(value as PdbRowMap[T]);
  }
  return { rows, skipped, reasons, repaired };
}

/** ES2024's well-formed string methods (Node 20, Chromium 111+), typed here: the lib is ES2023. */
interface WellFormedText {
  isWellFormed?(this: string): boolean;
  toWellFormed?(this: string): string;
}
const stringMethods = String.prototype as WellFormedText;
const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const LONE_SURROGATES = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const A_LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

const nativeToWellFormed = stringMethods.toWellFormed;
const nativeIsWellFormed = stringMethods.isWellFormed;

const toWellFormed = (text: string): string =>
  nativeToWellFormed ? nativeToWellFormed.call(text) : text.replace(LONE_SURROGATES, '\uFFFD');

const isWellFormed = (text: string): boolean =>
  nativeIsWellFormed ? nativeIsWellFormed.call(text) : !A_LONE_SURROGATE.test(text);

/**
 * Replaces lone surrogates in every text of the row, nested lists and objects included, in
 * place: such text cannot be encoded (a CSV, a link, a file name would throw or garble it).
 */
export function repairText(row: Record<string, unknown> | unknown[]): boolean {
  let changed = false;
  const keys = Array.isArray(row) ? null : Object.keys(row);
  const length = keys ? keys.length : (row as unknown[]).length;
  for (let i = 0; i < length; i++) {
    const key = keys ? keys[i]! : i;
    const value = (row as Record<string | number, unknown>)[key];
    if (typeof value === 'string') {
      if (!isWellFormed(value)) {
        (row as Record<string | number, unknown>)[key] = toWellFormed(value);
        changed = true;
      }
    } else if (typeof value === 'object' && value !== null) {
      if (repairText(value as Record<string, unknown>)) changed = true;
    }
  }
  return changed;
}

/**
 * Whether JSON text could hold a lone surrogate. Text decoded from UTF-8 never does (the
 * decoder replaces bad bytes), so only a `\uD800`-`\uDFFF` escape can bring one in: text
 * without such an escape needs no repair pass.
 */
export function mayHoldLoneSurrogates(jsonText: string): boolean {
  return /\\u[dD][89a-fA-F]/.test(jsonText);
}

/** Rows skipped in a job, by type and reason. */
export type SkippedRows = Partial<Record<PdbType, SkipReasons>>;

export function addSkipped(into: SkippedRows, type: PdbType, reasons: SkipReasons): void {
  if (Object.keys(reasons).length === 0) return;
  addReasons((into[type] ??= {}), reasons);
}

/** Adds `reasons` into `into`, reason by reason. */
export function addReasons(into: SkipReasons, reasons: SkipReasons): void {
  for (const [reason, count] of Object.entries(reasons)) into[reason] = (into[reason] ?? 0) + count;
}

export function countSkipped(skipped: SkippedRows): number {
  let total = 0;
  for (const reasons of Object.values(skipped)) for (const count of Object.values(reasons ?? {})) total += count;
  return total;
}

/**
 * One sentence for the end of a sync: how many rows were left out, of which type and why,
 * e.g. "3 rows were left out because they were not valid: net: 2 (asn is not an AS number…)".
 */
export function describeSkipped(skipped: SkippedRows): string | null {
  const total = countSkipped(skipped);
  if (total === 0) return null;
  const parts = Object.entries(skipped).map(([type, reasons]) => {
    const byReason = Object.entries(reasons ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    return `${type}: ${byReason}`;
  });
  return `${total} ${total === 1 ? 'row was' : 'rows were'} left out because ${total === 1 ? 'it was' : 'they were'} not valid (${parts.join('; ')}).`;
}

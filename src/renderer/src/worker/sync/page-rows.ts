/**
 * Turning one sync page's JSON text into checked rows grouped by chunk bucket. A page that is
 * not a list of rows is refused whole before anything is written; a row that fails the shared
 * row schema is left out and counted.
 */
import { pdbTimeToEpoch, type PdbRow, type PdbType } from '../../../../shared/peeringdb';
import { checkRows, mayHoldLoneSurrogates, type SkipReasons } from '../../../../shared/row-schema';
import { bucketOf } from '../db/schema';

export class PageFormatError extends Error {}

export interface GroupedPage {
  /** Rows by bucket; within a bucket a later row with the same id replaces an earlier one. */
  buckets: Map<number, Map<number, PdbRow>>;
  /** Distinct rows in the page. */
  distinct: number;
  /** Newest created/updated over the page in epoch seconds, null for an empty page. */
  newestChange: number | null;
}

/**
 * The rows of a page's or a staging record's text: a JSON array of rows, or a PeeringDB
 * answer (`{"data": [...], "meta": {...}}`) holding them. Null for anything else.
 */
export function rowsOfPageValue(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const data = (value as { data?: unknown }).data;
    if (Array.isArray(data)) return data;
  }
  return null;
}

export interface PageRows {
  rows: PdbRow[];
  /** Rows left out, by reason. */
  skipped: SkipReasons;
  /** Whether the rows are exactly what the text holds (none left out, none repaired). */
  sameAsText: boolean;
}

export function readPageRows(type: PdbType, rowsJson: string): PageRows {
  let value: unknown;
  try {
    value = JSON.parse(rowsJson);
  } catch (error) {
    throw new PageFormatError(`the page is not valid JSON (${(error as Error).message})`);
  }
  const parsed = rowsOfPageValue(value);
  if (parsed === null) throw new PageFormatError('the page is not a JSON array of rows');
  const checked = checkRows(type, parsed, { repair: mayHoldLoneSurrogates(rowsJson) });
  return {
    rows: checked.rows as PdbRow[],
    skipped: checked.reasons,
    sameAsText: checked.skipped === 0 && checked.repaired === 0,
  };
}

/**
 * PeeringDB writes UTC times as "YYYY-MM-DDTHH:MM:SSZ", which sort as text: the newest is
 * found by comparing strings, and only that one is parsed (Date.parse per row is the costly
 * part of a 250k-row load). Anything in another shape is parsed on its own.
 */
function looksCanonical(value: string): boolean {
  return value.length === 20 && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(19) === 90 /* Z */;
}

/** Newest created/updated over the rows in epoch seconds, null when none has one. */
export function newestChange(rows: Iterable<PdbRow>): number | null {
  return newestChangeOf(rows, true);
}

function newestChangeOf(rows: Iterable<PdbRow>, trustText: boolean): number | null {
  let newestText = '';
  let newestParsed = Number.NEGATIVE_INFINITY;
  const consider = (value: unknown) => {
    if (typeof value !== 'string') return;
    if (trustText && looksCanonical(value)) {
      if (value > newestText) newestText = value;
      return;
    }
    const epoch = pdbTimeToEpoch(value);
    if (epoch > newestParsed) newestParsed = epoch;
  };
  for (const row of rows) {
    consider(row.created);
    consider(row.updated);
  }
  if (newestText) {
    const epoch = pdbTimeToEpoch(newestText);
    // A malformed time that only looks canonical: fall back to parsing every value.
    if (!Number.isFinite(epoch)) return newestChangeOf(rows, false);
    if (epoch > newestParsed) newestParsed = epoch;
  }
  return Number.isFinite(newestParsed) ? newestParsed : null;
}

export function groupRowsByBucket(rows: readonly PdbRow[]): GroupedPage {
  const buckets = new Map<number, Map<number, PdbRow>>();
  let distinct = 0;
  for (const row of rows) {
    const bucket = bucketOf(row.id);
    let inBucket = buckets.get(bucket);
    if (!inBucket) buckets.set(bucket, (inBucket = new Map()));
    if (!inBucket.has(row.id)) distinct++;
    inBucket.set(row.id, row);
  }
  return { buckets, distinct, newestChange: newestChangeOf(rows, true) };
}

/**
 * The rows of a delta page that change something: the one-second lookback of every `since`
 * sync brings back rows the copy already holds exactly, and a deletion of a row the copy no
 * longer has changes nothing. Dropping them lets a sync with nothing new write nothing.
 */
export function changedRows(
  rows: readonly PdbRow[],
  stored: ReadonlyMap<number, PdbRow>,
): { changed: PdbRow[]; unchanged: number } {
  // A row that comes twice counts as its later copy, which is the one compared.
  const latest = new Map<number, PdbRow>();
  for (const row of rows) latest.set(row.id, row);
  const changed = rows.filter((row) => {
    if (latest.get(row.id) !== row) return false;
    const current = stored.get(row.id);
    if (current === undefined) return row.status !== 'deleted';
    return !sameRow(row, current);
  });
  return { changed, unchanged: latest.size - changed.length };
}

function sameRow(a: PdbRow, b: PdbRow): boolean {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    const x = left[key];
    const y = right[key];
    if (x === y) continue;
    // Lists and objects (social media, info types) compare by their JSON text.
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

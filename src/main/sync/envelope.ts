/**
 * Checks a PeeringDB answer before any of it reaches the store: JSON and an envelope with a
 * `data` array (else the page is not sent), then every row against the shared row schema
 * (a row that fails is left out and counted, the rest goes on).
 */
import type { PdbType } from '../../shared/peeringdb';
import { checkRows, mayHoldLoneSurrogates, type SkipReasons } from '../../shared/row-schema';
import { SyncError } from './errors';

export interface PdbPage {
  rows: Record<string, unknown>[];
  /** `meta.generated` (epoch s) of a cached or dumped list. */
  generated?: number;
}

export function parseEnvelopeText(text: string, where: string): PdbPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SyncError(
      'malformed',
      `PeeringDB's answer for ${where} is not valid JSON (${(error as Error).message}); it may have been cut off. Nothing of it was stored.`,
    );
  }
  return validateEnvelope(parsed, where, 'malformed');
}

export function validateEnvelope(value: unknown, where: string, code: 'malformed' | 'dump-format'): PdbPage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyncError(code, `The data for ${where} is not a PeeringDB answer (expected an object with "data" and "meta").`);
  }
  const { data, meta } = value as { data?: unknown; meta?: unknown };
  if (!Array.isArray(data)) {
    const error = (meta as { error?: unknown } | undefined)?.error;
    const detail = typeof error === 'string' ? ` PeeringDB said: ${error.slice(0, 200)}` : '';
    throw new SyncError(code, `The data for ${where} has no "data" list.${detail}`);
  }
  const generated = (meta as { generated?: unknown } | undefined)?.generated;
  const page: PdbPage = { rows: data as Record<string, unknown>[] };
  if (typeof generated === 'number' && Number.isFinite(generated) && generated > 0) page.generated = generated;
  return page;
}

export interface CheckedPage {
  /** Every row the answer listed, as it came (the rows below are those of them that passed). */
  listed: Record<string, unknown>[];
  /** The rows that passed the row schema (repaired where needed). */
  rows: { id: number; status?: unknown; [field: string]: unknown }[];
  skipped: SkipReasons;
  /** The text for the store: PeeringDB's own when every row passed as it came. */
  rowsJson: string;
  generated?: number;
}

/** Parses and checks one answer of a type's list; throws only when the page as a whole is not one. */
export function checkPageText(type: PdbType, text: string, where: string): CheckedPage {
  const page = parseEnvelopeText(text, where);
  const checked = checkRows(type, page.rows, { repair: mayHoldLoneSurrogates(text) });
  const asCame = checked.skipped === 0 && checked.repaired === 0;
  return {
    listed: page.rows,
    rows: checked.rows as unknown as CheckedPage['rows'],
    skipped: checked.reasons,
    rowsJson: asCame ? text : JSON.stringify(checked.rows),
    ...(page.generated !== undefined ? { generated: page.generated } : {}),
  };
}

/** Epoch seconds of the newest `created`/`updated` among rows, or undefined if none has one. */
export function newestChange(rows: readonly Record<string, unknown>[]): number | undefined {
  let newest: number | undefined;
  for (const row of rows) {
    for (const field of ['created', 'updated'] as const) {
      const value = row[field];
      if (typeof value !== 'string') continue;
      const at = Date.parse(value);
      if (!Number.isNaN(at) && (newest === undefined || at / 1000 > newest)) newest = at / 1000;
    }
  }
  return newest;
}

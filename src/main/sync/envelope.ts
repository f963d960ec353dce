/**
 * Checks a PeeringDB answer before any of it reaches the store: JSON, an envelope with a
 * `data` array, rows that are objects with an integer id. A page that fails is not sent.
 */
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
  for (let index = 0; index < data.length; index++) {
    const row: unknown = data[index];
    if (typeof row !== 'object' || row === null || Array.isArray(row) || !Number.isInteger((row as { id?: unknown }).id)) {
      throw new SyncError(code, `Row ${index + 1} of ${where} is not a PeeringDB object with an id.`);
    }
  }
  const generated = (meta as { generated?: unknown } | undefined)?.generated;
  const page: PdbPage = { rows: data as Record<string, unknown>[] };
  if (typeof generated === 'number' && Number.isFinite(generated) && generated > 0) page.generated = generated;
  return page;
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

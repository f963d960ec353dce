/**
 * The list and single-object endpoints of PeeringDB's REST API (peeringdb_server rest.py
 * get_queryset), over the fake's store: parameter parsing with the upstream error texts,
 * the status rules with and without `since`, field filters, limit/skip, and visibility
 * applied after slicing, as the real server does.
 */
import type { PdbType } from '../../src/shared/peeringdb';
import { blankRow } from './rows';
import type { AnyRow, PdbStore } from './store';
import { viewRows, type Viewer } from './visibility';

export interface ApiResult {
  status: number;
  body: unknown;
}

export function apiError(status: number, message: string, extra: Record<string, unknown> = {}): ApiResult {
  return { status, body: { meta: { error: message }, ...extra } };
}

class BadParameter extends Error {}

/** Parameters that are not field filters. Anything else that is not a field is ignored, as upstream does. */
const RESERVED_PARAMS = new Set(['since', 'limit', 'skip', 'depth', 'fields', 'page', 'per_page', 'pretty', 'format', 'q', 'name_search']);

const PY_INT = /^\s*[+-]?\d+\s*$/;

/** Django's QueryDict.get: the last value of a repeated key. */
function lastParam(params: URLSearchParams, key: string): string | undefined {
  const values = params.getAll(key);
  return values.length > 0 ? values[values.length - 1] : undefined;
}

function intParam(params: URLSearchParams, key: string, message: string): number | undefined {
  const raw = lastParam(params, key);
  if (raw === undefined) return undefined;
  if (!PY_INT.test(raw)) throw new BadParameter(message);
  return Number.parseInt(raw, 10);
}

/** since > 0 switches to the change feed; 0 or less is the plain list (rest.py). */
function sinceParam(params: URLSearchParams): number | undefined {
  const raw = lastParam(params, 'since');
  if (raw === undefined) return undefined;
  if (PY_INT.test(raw)) {
    const since = Number.parseInt(raw, 10);
    return since > 0 ? since : undefined;
  }
  const asFloat = raw.trim() === '' ? Number.NaN : Number(raw);
  if (Number.isFinite(asFloat)) {
    // Upstream accepts int(float(v)) first, then fails on int(v) when it builds its cache key.
    throw new BadParameter(`invalid literal for int() with base 10: '${raw}'`);
  }
  throw new BadParameter("'since' needs to be a unix timestamp (epoch seconds)");
}

interface ListParams {
  since: number | undefined;
  limit: number;
  skip: number;
  fields: string[] | undefined;
}

function parseListParams(params: URLSearchParams): ListParams {
  const since = sinceParam(params);
  const skip = intParam(params, 'skip', "'skip' needs to be a number") ?? 0;
  const limit = intParam(params, 'limit', "'limit' needs to be a number") ?? 0;
  const depth = intParam(params, 'depth', "'depth' needs to be a number") ?? 0;
  if (skip < 0) throw new BadParameter('Negative indexing is not supported.');
  if (depth > 0) {
    // Nested sets are not reproduced; an honest refusal beats rows of the wrong shape.
    throw new BadParameter('this fake PeeringDB serves depth=0 only');
  }
  const fieldsRaw = lastParam(params, 'fields');
  const fields = fieldsRaw ? fieldsRaw.split(',').map((f) => f.trim()).filter(Boolean) : undefined;
  return { since, limit, skip, fields };
}

function allowedStatuses(type: PdbType, since: number | undefined): ReadonlySet<string> {
  if (since === undefined) return new Set(['ok']);
  return type === 'campus' ? new Set(['ok', 'deleted', 'pending']) : new Set(['ok', 'deleted']);
}

type Matcher = (value: unknown) => boolean;

function coerce(sample: unknown, raw: string): unknown {
  if (typeof sample === 'number') return Number(raw);
  if (typeof sample === 'boolean') return raw === 'true' || raw === '1' || raw === 'True';
  return raw.toLowerCase();
}

function comparable(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function buildMatcher(sample: unknown, op: string, raw: string): Matcher | undefined {
  switch (op) {
    case 'exact': {
      const wanted = coerce(sample, raw);
      return (value) => comparable(value) === wanted;
    }
    case 'in': {
      const wanted = new Set(raw.split(',').map((part) => coerce(sample, part.trim())));
      return (value) => wanted.has(comparable(value));
    }
    case 'contains': {
      const needle = raw.toLowerCase();
      return (value) => typeof value === 'string' && value.toLowerCase().includes(needle);
    }
    case 'startswith': {
      const needle = raw.toLowerCase();
      return (value) => typeof value === 'string' && value.toLowerCase().startsWith(needle);
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const bound = coerce(sample, raw) as number | string;
      return (value) => {
        if (value === null || value === undefined) return false;
        const v = comparable(value) as number | string;
        if (op === 'lt') return v < bound;
        if (op === 'lte') return v <= bound;
        if (op === 'gt') return v > bound;
        return v >= bound;
      };
    }
    default:
      return undefined;
  }
}

/** Field filters (`asn=`, `net_id=`, `id__in=`, `org=` for `org_id`…); unknown ones are ignored. */
function fieldFilters(type: PdbType, params: URLSearchParams): ((row: AnyRow) => boolean)[] {
  const shape = blankRow(type, 0, 0) as unknown as Record<string, unknown>;
  const filters: ((row: AnyRow) => boolean)[] = [];
  for (const key of new Set(params.keys())) {
    if (RESERVED_PARAMS.has(key)) continue;
    const [name = '', op = 'exact'] = key.split('__');
    const field = name in shape ? name : `${name}_id` in shape ? `${name}_id` : undefined;
    if (!field) continue;
    const raw = lastParam(params, key) ?? '';
    const sample = field === 'id' || field.endsWith('_id') ? 0 : shape[field];
    const matcher = buildMatcher(sample, op, raw);
    if (matcher) filters.push((row) => matcher(row[field]));
  }
  return filters;
}

function pickFields(rows: AnyRow[], fields: string[] | undefined): unknown[] {
  if (!fields) return rows;
  return rows.map((row) => {
    const picked: Record<string, unknown> = {};
    for (const field of fields) if (field in row) picked[field] = row[field];
    return picked;
  });
}

export function listRows(store: PdbStore, type: PdbType, params: URLSearchParams, viewer: Viewer): ApiResult {
  let parsed: ListParams;
  let filters: ((row: AnyRow) => boolean)[];
  try {
    parsed = parseListParams(params);
    filters = fieldFilters(type, params);
  } catch (error) {
    if (error instanceof BadParameter) return apiError(400, error.message);
    throw error;
  }
  const statuses = allowedStatuses(type, parsed.since);
  const candidates = parsed.since === undefined ? store.allById(type) : store.changedSince(type, parsed.since);
  const selected = candidates.filter((row) => statuses.has(row.status) && filters.every((f) => f(row)));
  const end = parsed.limit > 0 ? parsed.skip + parsed.limit : undefined;
  // Slicing first, permissions second: a page of contacts can come back short.
  const page = viewRows(type, selected.slice(parsed.skip, end), viewer);
  return { status: 200, body: { data: pickFields(page, parsed.fields), meta: {} } };
}

export function getRow(store: PdbStore, type: PdbType, id: number, viewer: Viewer): ApiResult {
  const row = store.get(type, id) as unknown as AnyRow | undefined;
  if (!row || (row.status !== 'ok' && row.status !== 'pending')) {
    return apiError(404, 'Not found.', { data: [] });
  }
  return { status: 200, body: { data: viewRows(type, [row], viewer), meta: {} } };
}

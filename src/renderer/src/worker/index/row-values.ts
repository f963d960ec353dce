/**
 * Reading fields of synced rows without trusting their types. The row schemas are strict on
 * keys and tolerant on the rest, so a name can arrive as a number and a count can be missing
 * (older rows lack net_count and others); one odd row must never break an index or an answer.
 */

/** Strings as they are, finite numbers as digits, anything else as empty text. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A non-negative finite number, or `fallback` (a count, a speed, a size). */
export function amountOf(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function isAsn(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4_294_967_295;
}

/** info_types, or the older single info_type where the list is empty or missing (older rows). */
export function infoTypesOf(net: { info_types?: unknown; info_type?: unknown }): string[] {
  const types = textsOf(net.info_types);
  if (types.length > 0) return types;
  const single = textOf(net.info_type);
  return single ? [single] : [];
}

/** The strings of a list field (info_types), whatever else it holds or if it is no list. */
export function textsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const texts: string[] = [];
  for (const item of value) {
    const text = textOf(item);
    if (text) texts.push(text);
  }
  return texts;
}

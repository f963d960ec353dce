/**
 * IRR as-sets as PeeringDB gives them: one or several, in the older `AS-X@SOURCE` form, the
 * current `SOURCE::AS-X` form (PeeringDB is rewriting the first into the second), or bare.
 * Router configurations and IRR tools each want one form, so both are offered.
 */
export interface AsSet {
  /** The set's name without its source, e.g. AS-EXAMPLE. */
  name: string;
  /** The IRR database it is registered in (RIPE, RADB…), or '' when not given. */
  source: string;
  /** `AS-X@SOURCE` (bgpq4's `-S SOURCE AS-X` reads the same), or the bare name without a source. */
  at: string;
  /** `SOURCE::AS-X`, or the bare name without a source. */
  colon: string;
}

/** Readable source names are letters, digits and dashes; anything else is not taken as one. */
const SOURCE = /^[A-Za-z][A-Za-z0-9-]*$/;

function parseOne(item: string): AsSet | null {
  const text = item.trim();
  if (!text) return null;
  let name = text;
  let source = '';
  const colon = /^([^:]+)::(.+)$/.exec(text);
  const at = /^(.+)@([^@]+)$/.exec(text);
  if (colon && SOURCE.test(colon[1]!)) [name, source] = [colon[2]!, colon[1]!];
  else if (at && SOURCE.test(at[2]!)) [name, source] = [at[1]!, at[2]!];
  source = source.toUpperCase();
  return {
    name,
    source,
    at: source ? `${name}@${source}` : name,
    colon: source ? `${source}::${name}` : name,
  };
}

/** Every as-set in a PeeringDB `irr_as_set` field, in the order given, each once. */
export function parseAsSets(field: string | null | undefined): AsSet[] {
  const seen = new Set<string>();
  const sets: AsSet[] = [];
  for (const item of (field ?? '').split(/[\s,;]+/)) {
    const set = parseOne(item);
    if (!set || seen.has(set.colon.toUpperCase())) continue;
    seen.add(set.colon.toUpperCase());
    sets.push(set);
  }
  return sets;
}

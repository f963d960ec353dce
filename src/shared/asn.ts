/** Reading an ASN as people type it: the page's pickers and the worker's filters agree on it. */

/** An ASN typed as "13335", "AS13335" or "as 13335"; null when the text is not one. */
export function parseAsn(text: string): number | null {
  const match = /^\s*(?:as\s*)?(\d{1,10})\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const asn = Number(match[1]);
  return asn > 0 && asn <= 4_294_967_295 ? asn : null;
}

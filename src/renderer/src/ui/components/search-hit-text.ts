import type { SearchHit } from '../../protocol/discovery';
import { networkLabel } from './format';

/**
 * How a search hit reads: a network by its name with its ASN said once (the store's subtitle
 * starts with the ASN, which the label now carries), everything else as the store wrote it.
 */
export function hitText(hit: SearchHit): { title: string; subtitle: string } {
  if (hit.kind !== 'net' || hit.asn === undefined) return { title: hit.title, subtitle: hit.subtitle };
  const subtitle = hit.subtitle.replace(new RegExp(`^AS${hit.asn}(\\s·\\s)?`), '');
  return { title: networkLabel(hit.title, hit.asn), subtitle };
}

/**
 * A network as peering sees it (an ASN and the record behind it): its name linking to its
 * page, and what a user must know before configuring a session with it: that the copy lacks
 * its record, or that the record's own ASN is another one.
 */
import type { AsnNetwork } from '../../protocol/discovery';
import { formatAsn, networkLabel } from './format';
import { PageLink } from './links';

/** `withAsn` adds the ASN to the name, unless the name already says it. */
export function AsnNetworkName({ network, withAsn = false }: { network: AsnNetwork; withAsn?: boolean }): React.JSX.Element {
  const label = withAsn ? networkLabel(network.name, network.asn) : network.name;
  if (network.netId === null) {
    return (
      <>
        {label} <span className="badge">Not in the local copy</span>
      </>
    );
  }
  return (
    <>
      <PageLink to={{ kind: 'net', id: network.netId }}>{label}</PageLink>
      {network.recordAsn !== null && (
        <>
          {' '}
          <span className="badge" title={`The PeeringDB record is ${formatAsn(network.recordAsn)}; these ports carry ${formatAsn(network.asn)}`}>
            Record {formatAsn(network.recordAsn)}
          </span>
        </>
      )}
    </>
  );
}

/** The same facts as words, for CSV cells and titles. */
export function asnNetworkNote(network: AsnNetwork): string {
  if (network.netId === null) return 'not in the local copy';
  return network.recordAsn !== null ? `ports of the record ${formatAsn(network.recordAsn)}` : '';
}

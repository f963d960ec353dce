/** A facility's page: details, the IXPs there, my networks there, and its networks with filters. */
import { AsnNetworkName } from '../components/AsnNetworkName';
import { placeLine } from '../components/format';
import { ExternalLink, PageLink } from '../components/links';
import { MembersPanel } from '../components/MembersPanel';
import { Details, PageFrame } from '../components/PageFrame';
import { useStoreQuery } from '../store-client/use-store-query';

export function FacPage({ facId }: { facId: number }): React.JSX.Element {
  const { data, error } = useStoreQuery('facPage', { facId });
  if (!data) return <PageFrame title={error ? 'Facility' : 'Loading…'} error={error} />;
  const { fac } = data;
  const address = [fac.address1, fac.address2, [fac.zipcode, fac.city].filter(Boolean).join(' '), fac.state, fac.country]
    .filter(Boolean)
    .join(', ');
  return (
    <PageFrame title={fac.name} subtitle={[fac.nameLong, placeLine(fac), fac.regionContinent].filter(Boolean).join(' · ')} error={error}>
      <section className="panel" aria-labelledby="fac-details-title">
        <h2 id="fac-details-title">Details</h2>
        <Details
          items={[
            ['Organisation', <PageLink key="org" to={{ kind: 'org', id: fac.orgId }}>{fac.orgName || `Organisation ${fac.orgId}`}</PageLink>],
            ['Also known as', fac.aka],
            ['Address', address],
            ['CLLI', fac.clli],
            ['Website', fac.website && <ExternalLink url={fac.website} />],
            ['Networks', data.memberCount],
            ['Notes', fac.notes],
          ]}
        />
      </section>
      {data.mine.length > 0 && (
        <section className="panel" aria-labelledby="fac-mine-title">
          <h2 id="fac-mine-title">My networks here</h2>
          <ul className="chips">
            {data.mine.map((net) => (
              <li key={net.asn} className="chip">
                <AsnNetworkName network={net} withAsn />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="fac-ixs-title">
        <h2 id="fac-ixs-title">IXPs here ({data.ixs.length})</h2>
        <ul className="chips">
          {data.ixs.map((ix) => (
            <li key={ix.id} className="chip">
              <PageLink to={{ kind: 'ix', id: ix.id }}>{ix.name}</PageLink>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="fac-members-title">
        <h2 id="fac-members-title">Networks</h2>
        <MembersPanel label={`Networks at ${fac.name}`} place={{ kind: 'fac', facId: fac.id }} peersOnly={false} listKey={`fac:${fac.id}`} />
      </section>
    </PageFrame>
  );
}

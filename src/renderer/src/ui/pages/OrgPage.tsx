/** An organisation's page: what it operates (networks, IXPs, facilities), each linking on. */
import { networkLabel, placeLine } from '../components/format';
import { ExternalLink, PageLink } from '../components/links';
import { Details, PageFrame } from '../components/PageFrame';
import { useStoreQuery } from '../store-client/use-store-query';

export function OrgPage({ orgId }: { orgId: number }): React.JSX.Element {
  const { data, error } = useStoreQuery('orgPage', { orgId });
  if (!data) return <PageFrame title={error ? 'Organisation' : 'Loading…'} error={error} />;
  const { org } = data;
  return (
    <PageFrame title={org.name} subtitle={placeLine(org)} error={error}>
      <section className="panel">
        <Details
          items={[
            ['Also known as', org.aka],
            ['Website', org.website && <ExternalLink url={org.website} />],
            ['Notes', org.notes],
          ]}
        />
      </section>
      {(
        [
          ['Networks', data.nets.map((net) => ({ id: net.netId, kind: 'net' as const, label: networkLabel(net.name, net.asn) }))],
          ['IXPs', data.ixs.map((ix) => ({ id: ix.id, kind: 'ix' as const, label: ix.name }))],
          ['Facilities', data.facs.map((fac) => ({ id: fac.id, kind: 'fac' as const, label: fac.name }))],
        ] as const
      ).map(([title, items]) => (
        <section key={title} className="panel" aria-label={title}>
          <h2>
            {title} ({items.length})
          </h2>
          <ul className="chips">
            {items.map((item) => (
              <li key={item.id} className="chip">
                <PageLink to={{ kind: item.kind, id: item.id }}>{item.label}</PageLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PageFrame>
  );
}

/** An IXP's page: details, LANs and prefixes, facilities, my ports, and its members with filters. */
import { AsnNetworkName } from '../components/AsnNetworkName';
import { formatAsn, formatSpeed, placeLine } from '../components/format';
import { ExternalLink, MailLink, PageLink } from '../components/links';
import { MembersPanel } from '../components/MembersPanel';
import { ExchangeCharts } from '../components/history/ExchangeCharts';
import { Details, PageFrame } from '../components/PageFrame';
import { useStoreQuery } from '../store-client/use-store-query';

export function IxPage({ ixId }: { ixId: number }): React.JSX.Element {
  const { data, error } = useStoreQuery('ixPage', { ixId });
  if (!data) return <PageFrame title={error ? 'IXP' : 'Loading…'} error={error} />;
  const { ix } = data;
  return (
    <PageFrame title={ix.name} subtitle={[ix.nameLong, placeLine(ix), ix.regionContinent].filter(Boolean).join(' · ')} error={error}>
      <section className="panel" aria-labelledby="ix-details-title">
        <h2 id="ix-details-title">Details</h2>
        <Details
          items={[
            ['Organisation', <PageLink key="org" to={{ kind: 'org', id: ix.orgId }}>{ix.orgName || `Organisation ${ix.orgId}`}</PageLink>],
            ['Also known as', ix.aka],
            ['Website', ix.website && <ExternalLink url={ix.website} />],
            ['Traffic statistics', ix.urlStats && <ExternalLink url={ix.urlStats} />],
            ['Technical email', ix.techEmail && <MailLink address={ix.techEmail} />],
            ['Policy email', ix.policyEmail && <MailLink address={ix.policyEmail} />],
            ['Media', ix.media],
            ['Service level', ix.serviceLevel],
            ['Terms', ix.terms],
            ['Members', data.memberCount],
            ['Notes', ix.notes],
          ]}
        />
        {data.lans.map((lan) => (
          <div key={lan.id}>
            <h3>
              LAN {lan.name || lan.id}
              {lan.mtu ? ` · MTU ${lan.mtu}` : ''}
              {lan.rsAsn ? ` · route servers ${formatAsn(lan.rsAsn)}` : ''}
            </h3>
            <p className="mono">{lan.prefixes.map((pfx) => pfx.prefix).join('  ') || 'No prefixes listed.'}</p>
          </div>
        ))}
      </section>
      {data.mine.length > 0 && (
        <section className="panel" aria-labelledby="ix-mine-title">
          <h2 id="ix-mine-title">My networks here</h2>
          <ul>
            {data.mine.map(({ net, connections }) => (
              <li key={net.asn}>
                <AsnNetworkName network={net} withAsn />:{' '}
                <span className="mono">
                  {connections.map((c) => [c.ipaddr4, c.ipaddr6, formatSpeed(c.speed)].filter(Boolean).join(' ')).join('; ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="ix-facs-title">
        <h2 id="ix-facs-title">Facilities ({data.facs.length})</h2>
        <ul className="chips">
          {data.facs.map((fac) => (
            <li key={fac.id} className="chip">
              <PageLink to={{ kind: 'fac', id: fac.id }}>{fac.name}</PageLink>
              <span className="muted">{placeLine(fac)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="ix-history-title">
        <h2 id="ix-history-title">Over time</h2>
        <ExchangeCharts ixId={ix.id} />
      </section>
      <section className="panel" aria-labelledby="ix-members-title">
        <h2 id="ix-members-title">Members</h2>
        <MembersPanel label={`Members of ${ix.name}`} place={{ kind: 'ix', ixId: ix.id }} peersOnly={false} listKey={`ix:${ix.id}`} />
      </section>
    </PageFrame>
  );
}

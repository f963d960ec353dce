/**
 * A network's page: its details, IXPs, facilities and contacts (Policy role first), and the
 * IXPs and facilities it shares with my networks.
 */
import { DataTable, type Column } from '../components/DataTable';
import { PeeringDraftButton } from '../components/export/PeeringDraftButton';
import { addressColumns, placeNameColumn, whereColumn } from '../components/columns';
import { formatAsn, formatSpeed } from '../components/format';
import { ExternalLink, PageLink } from '../components/links';
import { Details, PageFrame } from '../components/PageFrame';
import { PeerMarkControl } from '../components/PeerMarkControl';
import { NetworkHistoryPanel } from '../components/history/NetworkHistoryPanel';
import { useStoreQuery } from '../store-client/use-store-query';
import type { NetAtFac, NetAtIx, PocView, SharedPlace } from '../../protocol/discovery';

const IX_COLUMNS: Column<NetAtIx>[] = [
  placeNameColumn('ix', (row) => row.ix),
  whereColumn((row) => row.ix),
  ...addressColumns<NetAtIx>((row) => row.connections),
  { key: 'speed', header: 'Speed', width: '5em', numeric: true, sortValue: (row) => row.totalSpeed, cell: (row) => formatSpeed(row.totalSpeed) },
  {
    key: 'rs',
    header: 'RS peer',
    width: '5em',
    sortValue: (row) => Number(row.connections.some((c) => c.isRsPeer)),
    cell: (row) => (row.connections.some((c) => c.isRsPeer) ? 'Yes' : 'No'),
  },
];

const FAC_COLUMNS: Column<NetAtFac>[] = [placeNameColumn('fac', (row) => row.fac), whereColumn((row) => row.fac)];

function sharedColumns(kind: 'ix' | 'fac'): Column<SharedPlace>[] {
  return [
    {
      key: 'name',
      header: kind === 'ix' ? 'IXP' : 'Facility',
      width: 'minmax(12em, 2fr)',
      sortValue: (row) => row.name,
      cell: (row) => <PageLink to={{ kind, id: row.id }}>{row.name}</PageLink>,
    },
    { key: 'country', header: 'Country', width: '6em', sortValue: (row) => row.country, cell: (row) => row.country },
    {
      key: 'mine',
      header: 'My networks there',
      width: 'minmax(10em, 2fr)',
      cell: (row) => row.mine.map((net) => `${net.name} (${formatAsn(net.asn)})`).join(', '),
    },
  ];
}

const CONTACT_COLUMNS: Column<PocView>[] = [
  { key: 'role', header: 'Role', width: '8em', cell: (row) => row.role },
  { key: 'name', header: 'Name', width: 'minmax(8em, 1fr)', cell: (row) => row.name || '—' },
  {
    key: 'email',
    header: 'Email',
    width: 'minmax(12em, 2fr)',
    cell: (row) => (row.email ? <ExternalLink url={`mailto:${row.email}`}>{row.email}</ExternalLink> : '—'),
  },
  { key: 'phone', header: 'Phone', width: 'minmax(8em, 1fr)', cell: (row) => row.phone || '—' },
  { key: 'url', header: 'URL', width: 'minmax(8em, 1fr)', cell: (row) => (row.url ? <ExternalLink url={row.url} /> : '—') },
  { key: 'visible', header: 'Visible to', width: '6em', cell: (row) => row.visible },
];

export function NetworkPage({ netId }: { netId: number }): React.JSX.Element {
  const { data, error } = useStoreQuery('networkPage', { netId });
  if (!data) return <PageFrame title={error ? 'Network' : 'Loading…'} error={error} />;
  const { net } = data;
  return (
    <PageFrame
      title={`${net.name} (${formatAsn(net.asn)})`}
      subtitle={[net.aka, net.orgName].filter(Boolean).join(' · ')}
      error={error}
    >
      <div className="panel">
        {data.isMine ? (
          <span className="badge badge-mine">One of my networks</span>
        ) : (
          <PeerMarkControl
            key={`${data.peerState}|${data.note}|${data.hiddenUntil}`}
            asn={net.asn}
            name={net.name}
            state={data.peerState}
            note={data.note}
            hiddenUntil={data.hiddenUntil}
            withNote
          />
        )}
        {!data.isMine && <PeeringDraftButton peerAsn={net.asn} />}
      </div>
      <section className="panel" aria-labelledby="net-details-title">
        <h2 id="net-details-title">Details</h2>
        <Details
          items={[
            ['Organisation', <PageLink key="org" to={{ kind: 'org', id: net.orgId }}>{net.orgName || `Organisation ${net.orgId}`}</PageLink>],
            ['Website', net.website && <ExternalLink url={net.website} />],
            ['Peering policy', net.policyGeneral || 'Not given'],
            ['Policy URL', net.policyUrl && <ExternalLink url={net.policyUrl} />],
            ['Policy locations', net.policyLocations],
            ['Ratio required', net.policyRatio ? 'Yes' : 'No'],
            ['Contracts', net.policyContracts],
            ['IRR as-set', net.irrAsSet && <span className="mono">{net.irrAsSet}</span>],
            ['Max prefixes IPv4', net.prefixes4 ?? '—'],
            ['Max prefixes IPv6', net.prefixes6 ?? '—'],
            ['Looking glass', net.lookingGlass && <ExternalLink url={net.lookingGlass} />],
            ['Route server', net.routeServer && <ExternalLink url={net.routeServer} />],
            ['Traffic', net.traffic],
            ['Ratio', net.ratio],
            ['Scope', net.scope],
            ['Types', net.infoTypes.join(', ')],
            ['Never via route servers', net.neverViaRouteServers ? 'Yes' : ''],
            ['Notes', net.notes],
            ['Updated in PeeringDB', net.updated],
          ]}
        />
      </section>
      <NetworkHistoryPanel netId={net.netId} />
      {!data.isMine && (
        <section className="panel" aria-labelledby="net-shared-title">
          <h2 id="net-shared-title">
            Shared with my networks: {data.sharedIxs.length} IXPs, {data.sharedFacs.length} facilities
          </h2>
          <DataTable label="IXPs shared with my networks" rows={data.sharedIxs} columns={sharedColumns('ix')} rowKey={(r) => r.id} emptyText="No IXP in common." maxHeight="30vh" />
          <DataTable label="Facilities shared with my networks" rows={data.sharedFacs} columns={sharedColumns('fac')} rowKey={(r) => r.id} emptyText="No facility in common." maxHeight="30vh" />
        </section>
      )}
      <section className="panel" aria-labelledby="net-contacts-title">
        <h2 id="net-contacts-title">Contacts ({data.contacts.length})</h2>
        <DataTable label="Contacts" rows={data.contacts} columns={CONTACT_COLUMNS} rowKey={(r) => r.id} emptyText="No contacts visible (an API key may show more)." maxHeight="30vh" />
      </section>
      <section className="panel" aria-labelledby="net-ixs-title">
        <h2 id="net-ixs-title">IXPs ({data.ixs.length})</h2>
        <DataTable label="IXPs" rows={data.ixs} columns={IX_COLUMNS} rowKey={(r) => r.ix.id} initialSort={{ key: 'ix', descending: false }} emptyText="No IXP connections." />
      </section>
      <section className="panel" aria-labelledby="net-facs-title">
        <h2 id="net-facs-title">Facilities ({data.facs.length})</h2>
        <DataTable label="Facilities" rows={data.facs} columns={FAC_COLUMNS} rowKey={(r) => r.fac.id} initialSort={{ key: 'fac', descending: false }} emptyText="No facilities." />
      </section>
    </PageFrame>
  );
}

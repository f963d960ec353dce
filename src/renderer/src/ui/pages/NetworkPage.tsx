/**
 * A network's page: its details, IXPs, facilities and contacts (Policy role first), and the
 * IXPs and facilities it shares with my networks.
 */
import { DataTable, type Column } from '../components/DataTable';
import { PeeringDraftButton } from '../components/export/PeeringDraftButton';
import { addressColumns, placeNameColumn, whereColumn } from '../components/columns';
import { formatAsn, formatSpeed, networkLabel, plural } from '../components/format';
import { HumanDate } from '../components/HumanDate';
import { ExternalLink, MailLink, PageLink } from '../components/links';
import { Details, PageFrame } from '../components/PageFrame';
import { PeerMarkEditor } from '../components/PeerMarkControl';
import { RequestStatusLine } from './RequestStatusLine';
import { NetworkHistoryPanel } from '../components/history/NetworkHistoryPanel';
import { useStoreQuery } from '../store-client/use-store-query';
import type { NetAtFac, NetAtIx, PocView, SharedPlace } from '../../protocol/discovery';

/** Ports under several ASNs get an ASN column: a session uses the port's, not the record's. */
const PORT_ASN_COLUMN: Column<NetAtIx> = {
  key: 'asn',
  header: 'Port ASN',
  width: '7em',
  cell: (row) => row.connections.map((c) => <div key={c.netixlanId}>{formatAsn(c.asn)}</div>),
};

const IX_COLUMNS: Column<NetAtIx>[] = [
  placeNameColumn('ix', (row) => row.ix),
  whereColumn((row) => row.ix),
  ...addressColumns<NetAtIx>((row) => row.connections),
  { key: 'speed', header: 'Speed', width: '5.4em', numeric: true, sortValue: (row) => row.totalSpeed, cell: (row) => formatSpeed(row.totalSpeed) },
  {
    key: 'rs',
    header: 'RS peer',
    width: '6em',
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
      pin: 'start',
      sortValue: (row) => row.name,
      cell: (row) => <PageLink to={{ kind, id: row.id }}>{row.name}</PageLink>,
    },
    { key: 'country', header: 'Country', width: '6em', sortValue: (row) => row.country, cell: (row) => row.country },
    {
      key: 'mine',
      header: 'My networks there',
      width: 'minmax(10em, 2fr)',
      cell: (row) => row.mine.map((net) => networkLabel(net.name, net.asn)).join(', '),
    },
  ];
}

const CONTACT_COLUMNS: Column<PocView>[] = [
  { key: 'role', header: 'Role', width: '8em', pin: 'start', cell: (row) => row.role },
  { key: 'name', header: 'Name', width: 'minmax(8em, 1fr)', cell: (row) => row.name || '—' },
  {
    key: 'email',
    header: 'Email',
    width: 'minmax(12em, 2fr)',
    cell: (row) => (row.email ? <MailLink address={row.email} /> : '—'),
  },
  { key: 'phone', header: 'Phone', width: 'minmax(8em, 1fr)', cell: (row) => row.phone || '—' },
  { key: 'url', header: 'URL', width: 'minmax(8em, 1fr)', cell: (row) => (row.url ? <ExternalLink url={row.url} /> : '—') },
  { key: 'visible', header: 'Visible to', width: '7em', cell: (row) => row.visible },
];

export function NetworkPage({ netId }: { netId: number }): React.JSX.Element {
  const { data, error } = useStoreQuery('networkPage', { netId });
  if (!data) return <PageFrame title={error ? 'Network' : 'Loading…'} error={error} />;
  const { net } = data;
  const severalAsns = data.portAsns.some((entry) => entry.asn !== net.asn);
  return (
    <PageFrame
      title={networkLabel(net.name, net.asn)}
      subtitle={[net.aka, net.orgName].filter(Boolean).join(' · ')}
      error={error}
    >
      <div className="panel">
        {data.isMine ? (
          <span className="badge badge-mine">One of my networks</span>
        ) : (
          <PeerMarkEditor
            key={`${data.peerState}|${data.note}|${data.hiddenUntil}`}
            asn={net.asn}
            name={net.name}
            state={data.peerState}
            note={data.note}
            hiddenUntil={data.hiddenUntil}
          />
        )}
        {!data.isMine && <PeeringDraftButton peerAsn={net.asn} />}
        {!data.isMine && <RequestStatusLine asn={net.asn} />}
      </div>
      {severalAsns && (
        <p className="note warning" data-testid="port-asns">
          Its ports carry several ASNs:{' '}
          {data.portAsns.map((entry) => `${formatAsn(entry.asn)} (${plural(entry.ports, 'port')})`).join(', ')}.
          Sessions use the ASN of each port.
        </p>
      )}
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
            ['Updated in PeeringDB', net.updated && <HumanDate at={net.updated} />],
          ]}
        />
      </section>
      <NetworkHistoryPanel netId={net.netId} />
      {!data.isMine && (
        <section className="panel" aria-labelledby="net-shared-title">
          <h2 id="net-shared-title">
            Shared with my networks: {plural(data.sharedIxs.length, 'IXP')},{' '}
            {plural(data.sharedFacs.length, 'facility', 'facilities')}
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
        <DataTable label="IXPs" rows={data.ixs} columns={severalAsns ? [...IX_COLUMNS.slice(0, 2), PORT_ASN_COLUMN, ...IX_COLUMNS.slice(2)] : IX_COLUMNS} rowKey={(r) => r.ix.id} initialSort={{ key: 'ix', descending: false }} emptyText="No IXP connections." />
      </section>
      <section className="panel" aria-labelledby="net-facs-title">
        <h2 id="net-facs-title">Facilities ({data.facs.length})</h2>
        <DataTable label="Facilities" rows={data.facs} columns={FAC_COLUMNS} rowKey={(r) => r.fac.id} initialSort={{ key: 'fac', descending: false }} emptyText="No facilities." />
      </section>
    </PageFrame>
  );
}

/** My networks: the ASNs I work for, with their IXP connections and facilities. */
import { useState } from 'react';
import { addressColumns, placeNameColumn, whereColumn } from '../../components/columns';
import { DataTable, type Column } from '../../components/DataTable';
import { ExportTableButton } from '../../components/export/ExportTableButton';
import { formatAsn, formatSpeed, networkLabel, plural } from '../../components/format';
import { PageLink } from '../../components/links';
import { NetworkPicker } from '../../components/NetworkPicker';
import { CopyGate } from '../../components/NoCopyYet';
import { ipcErrorMessage } from '../../bridge/window-api';
import { useAppState } from '../../state/app-state';
import { addMyNetwork, removeMyNetwork, useMyAsns } from '../../store-client/user-tables';
import { useStoreQuery } from '../../store-client/use-store-query';
import type { MyNetworkOverview, NetAtFac, NetAtIx } from '../../../protocol/discovery';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

const IX_COLUMNS: Column<NetAtIx>[] = [
  placeNameColumn('ix', (row) => row.ix),
  whereColumn((row) => row.ix),
  ...addressColumns<NetAtIx>((row) => row.connections),
  {
    key: 'speed',
    header: 'Speed',
    width: '5.4em',
    numeric: true,
    sortValue: (row) => row.totalSpeed,
    cell: (row) => row.connections.map((c) => <div key={c.netixlanId}>{formatSpeed(c.speed)}</div>),
  },
  {
    key: 'rs',
    header: 'RS peer',
    width: '6em',
    cell: (row) => row.connections.map((c) => <div key={c.netixlanId}>{yesNo(c.isRsPeer)}</div>),
  },
  {
    key: 'operational',
    header: 'Operational',
    width: '8em',
    cell: (row) => row.connections.map((c) => <div key={c.netixlanId}>{yesNo(c.operational)}</div>),
  },
];

const FAC_COLUMNS: Column<NetAtFac>[] = [
  placeNameColumn('fac', (row) => row.fac),
  whereColumn((row) => row.fac),
  { key: 'region', header: 'Region', width: 'minmax(8em, 1fr)', sortValue: (row) => row.fac.regionContinent, cell: (row) => row.fac.regionContinent || '—' },
];

export function MyNetworksScreen(): React.JSX.Element {
  return (
    <section className="view" aria-labelledby="networks-title">
      <div className="view-header">
        <h1 id="networks-title">My networks</h1>
      </div>
      <CopyGate what="Your networks' IXP connections and facilities">
        <MyNetworksContent />
      </CopyGate>
    </section>
  );
}

function MyNetworksContent(): React.JSX.Element {
  const myAsns = useMyAsns();
  const [error, setError] = useState<string | null>(null);
  const { data } = useStoreQuery('myNetworksOverview', myAsns ? { asns: myAsns } : null);

  const add = (asn: number) => {
    setError(null);
    addMyNetwork(asn).catch((reason: unknown) => setError(ipcErrorMessage(reason)));
  };
  // Removing is undone from its toast, not confirmed beforehand.
  const remove = async (asn: number, title: string) => {
    const { showNotice } = useAppState.getState();
    try {
      const undo = await removeMyNetwork(asn);
      showNotice('success', `${title} is no longer one of your networks.`, {
        label: 'Undo',
        run: async () => {
          try {
            await undo();
            showNotice('info', `${title} is one of your networks again.`);
          } catch (reason) {
            showNotice('error', `${title} could not be put back: ${ipcErrorMessage(reason)}`);
          }
        },
      });
    } catch (reason) {
      showNotice('error', `${title} could not be removed: ${ipcErrorMessage(reason)}`);
    }
  };

  return (
    <>
      <NetworkPicker label="Add a network" exclude={myAsns ?? []} onPick={add} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {myAsns?.length === 0 && <p>Add the ASNs you work for to see their IXP connections and facilities.</p>}
      {(data ?? []).map((entry) => (
        <MyNetworkPanel key={entry.asn} entry={entry} onRemove={(title) => void remove(entry.asn, title)} />
      ))}
    </>
  );
}

function MyNetworkPanel({ entry, onRemove }: { entry: MyNetworkOverview; onRemove: (title: string) => void }) {
  const title = entry.net ? networkLabel(entry.net.name, entry.asn) : formatAsn(entry.asn);
  const seen = entry.net !== null || entry.ixs.length > 0 || entry.facs.length > 0;
  return (
    <article className="panel" aria-label={title}>
      <h2 className="panel-title">
        {entry.net ? <PageLink to={{ kind: 'net', id: entry.net.netId }}>{title}</PageLink> : title}
        <button type="button" onClick={() => onRemove(title)} aria-label={`Remove ${title}`}>
          Remove
        </button>
      </h2>
      {!entry.net && seen && (
        <p className="note warning">
          The network record of {formatAsn(entry.asn)} is not in the local copy; its ports and presences are shown by ASN.
        </p>
      )}
      {entry.net && entry.net.asn !== entry.asn && (
        <p className="note">
          These ports carry {formatAsn(entry.asn)} but belong to the PeeringDB record of {entry.net.name} ({formatAsn(entry.net.asn)}).
        </p>
      )}
      {entry.net && entry.net.asn === entry.asn && entry.otherAsns.length > 0 && (
        <p className="note">
          Ports of this network also carry {entry.otherAsns.map(formatAsn).join(', ')}; only those carrying{' '}
          {formatAsn(entry.asn)} are listed here.
        </p>
      )}
      {!seen ? (
        <p className="muted">This ASN is not in the local copy (not synced yet, or no longer in PeeringDB).</p>
      ) : (
        <>
          <h3>
            IXP connections ({plural(entry.ixs.length, 'IXP')},{' '}
            {plural(
              entry.ixs.reduce((sum, at) => sum + at.connections.length, 0),
              'port',
            )}
            )
          </h3>
          <DataTable
            label={`IXP connections of ${title}`}
            rows={entry.ixs}
            columns={IX_COLUMNS}
            rowKey={(row) => row.ix.id}
            initialSort={{ key: 'ix', descending: false }}
            emptyText="No IXP connections."
            maxHeight="40vh"
          />
          <ExportTableButton
            rows={entry.ixs.flatMap((at) => at.connections.map((connection) => ({ at, connection })))}
            fileLabel={`IXP connections of AS${entry.asn}`}
            label="Export connections as CSV…"
            columns={[
              { header: 'IXP', value: (row) => row.at.ix.name },
              { header: 'Country', value: (row) => row.at.ix.country },
              { header: 'IPv4', value: (row) => row.connection.ipaddr4 ?? '' },
              { header: 'IPv6', value: (row) => row.connection.ipaddr6 ?? '' },
              { header: 'Speed (Mbit/s)', value: (row) => row.connection.speed },
              { header: 'RS peer', value: (row) => (row.connection.isRsPeer ? 'yes' : 'no') },
              { header: 'Operational', value: (row) => (row.connection.operational ? 'yes' : 'no') },
            ]}
          />
          <h3>Facilities ({entry.facs.length})</h3>
          <DataTable
            label={`Facilities of ${title}`}
            rows={entry.facs}
            columns={FAC_COLUMNS}
            rowKey={(row) => row.fac.id}
            initialSort={{ key: 'fac', descending: false }}
            emptyText="No facilities."
            maxHeight="30vh"
          />
        </>
      )}
    </article>
  );
}

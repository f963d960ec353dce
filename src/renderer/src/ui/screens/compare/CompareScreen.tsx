/**
 * Compare: where two or more networks meet. The IXPs and facilities all of them share, with
 * each side's ports, and (from three networks on) where all but one meet.
 */
import { useState } from 'react';
import { missingNetworkColumn, placeNameColumn, whereColumn } from '../../components/columns';
import { DataTable, type Column } from '../../components/DataTable';
import { ExportTableButton } from '../../components/export/ExportTableButton';
import { formatAsn, formatSpeed } from '../../components/format';
import { NetworkPicker } from '../../components/NetworkPicker';
import { useMyAsns } from '../../store-client/user-tables';
import { useStoreQuery } from '../../store-client/use-store-query';
import { useAppState } from '../../state/app-state';
import { AsnNetworkName, asnNetworkNote } from '../../components/AsnNetworkName';
import type { AsnNetwork, CompareFac, CompareIx } from '../../../protocol/discovery';

type Tab = 'ixs' | 'facs' | 'ixs-but-one' | 'facs-but-one';

function ixColumns(networks: AsnNetwork[], withMissing: boolean): Column<CompareIx>[] {
  const columns: Column<CompareIx>[] = [
    placeNameColumn('ix', (row) => row.ix),
    whereColumn((row) => row.ix, 'minmax(7em, 1fr)'),
    {
      key: 'min',
      header: 'Smallest side',
      width: '7em',
      numeric: true,
      sortValue: (row) => row.minSideSpeed,
      cell: (row) => formatSpeed(row.minSideSpeed),
    },
  ];
  if (withMissing) {
    columns.push(missingNetworkColumn(networks));
  }
  for (const net of networks) {
    const note = asnNetworkNote(net);
    columns.push({
      key: `side-${net.asn}`,
      header: `${net.name} (${formatAsn(net.asn)})${note ? `, ${note}` : ''}`,
      width: 'minmax(14em, 2fr)',
      sortValue: (row) => row.sides.find((side) => side.asn === net.asn)?.totalSpeed ?? -1,
      numeric: false,
      cell: (row) => {
        const side = row.sides.find((candidate) => candidate.asn === net.asn);
        if (!side) return <span className="muted">not here</span>;
        return side.connections.map((c) => (
          <div key={c.netixlanId} className="mono">
            {[c.ipaddr4, c.ipaddr6].filter(Boolean).join(' ') || '—'} · {formatSpeed(c.speed)}
          </div>
        ));
      },
    });
  }
  return columns;
}

function facColumns(networks: AsnNetwork[], withMissing: boolean): Column<CompareFac>[] {
  const columns: Column<CompareFac>[] = [
    placeNameColumn('fac', (row) => row.fac),
    whereColumn((row) => row.fac),
  ];
  if (withMissing) {
    columns.push(missingNetworkColumn(networks));
  }
  return columns;
}

export function CompareScreen(): React.JSX.Element {
  const asns = useAppState((s) => s.compareAsns);
  const setAsns = useAppState((s) => s.setCompareAsns);
  const myAsns = useMyAsns() ?? [];
  const [tab, setTab] = useState<Tab>('ixs');
  const { data, error } = useStoreQuery('compareNetworks', asns.length >= 2 ? { asns } : null);
  const networks = data?.networks ?? [];
  const byAsn = new Map(networks.map((net) => [net.asn, net]));

  const tabs: { id: Tab; label: string; count: number | undefined; hidden?: boolean }[] = [
    { id: 'ixs', label: 'Common IXPs', count: data?.commonIxs.length },
    { id: 'facs', label: 'Common facilities', count: data?.commonFacs.length },
    { id: 'ixs-but-one', label: 'IXPs all but one share', count: data?.allButOneIxs.length, hidden: networks.length < 3 },
    { id: 'facs-but-one', label: 'Facilities all but one share', count: data?.allButOneFacs.length, hidden: networks.length < 3 },
  ];
  const shown = tabs.find((candidate) => candidate.id === tab && !candidate.hidden) ?? tabs[0]!;
  const { id: shownTab, label: shownLabel } = shown;

  return (
    <section className="view" aria-labelledby="compare-title">
      <div className="view-header">
        <h1 id="compare-title">Compare</h1>
      </div>
      <p>Pick two or more networks to see the IXPs and facilities they share.</p>
      <ul className="chips" aria-label="Networks compared">
        {asns.map((asn) => (
          <li key={asn} className="chip">
            {byAsn.get(asn)?.netId != null && <AsnNetworkName network={byAsn.get(asn)!} />} {formatAsn(asn)}{' '}
            {byAsn.get(asn)?.netId === null && <span className="badge">Not in the local copy</span>}
            <button
              type="button"
              className="link"
              aria-label={`Remove ${formatAsn(asn)}`}
              onClick={() => setAsns(asns.filter((other) => other !== asn))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <NetworkPicker label="Add a network" exclude={asns} onPick={(asn) => setAsns([...asns, asn])} />
        {myAsns.some((asn) => !asns.includes(asn)) && (
          <button type="button" onClick={() => setAsns([...new Set([...asns, ...myAsns])])}>
            Add my networks
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {data && data.unknownAsns.length > 0 && (
        <p className="note warning">Not in the local copy: {data.unknownAsns.map(formatAsn).join(', ')}</p>
      )}
      {asns.length >= 2 && data && networks.length >= 2 && (
        <>
          <div className="tabs" role="tablist" aria-label="What to compare">
            {tabs
              .filter((candidate) => !candidate.hidden)
              .map((candidate) => (
                <button
                  key={candidate.id}
                  type="button"
                  role="tab"
                  aria-selected={shownTab === candidate.id}
                  onClick={() => setTab(candidate.id)}
                >
                  {candidate.label} ({candidate.count ?? 0})
                </button>
              ))}
          </div>
          <ExportTableButton
            rows={shownTab === 'ixs' ? data.commonIxs : shownTab === 'ixs-but-one' ? data.allButOneIxs : []}
            fileLabel={`IXPs shared by ${networks.map((net) => `AS${net.asn}`).join(' ')}`}
            label="Export IXPs as CSV…"
            columns={[
              { header: 'IXP', value: (row) => row.ix.name },
              { header: 'City', value: (row) => row.ix.city },
              { header: 'Country', value: (row) => row.ix.country },
              { header: 'Smallest side (Mbit/s)', value: (row) => row.minSideSpeed },
              { header: 'Missing', value: (row) => networks.find((net) => net.asn === row.missingAsn)?.name ?? '' },
              ...networks.map((net) => ({
                header: `AS${net.asn} ports`,
                value: (row: CompareIx) =>
                  row.sides
                    .find((side) => side.asn === net.asn)
                    ?.connections.map((c) => [c.ipaddr4, c.ipaddr6, `${c.speed} Mbit/s`].filter(Boolean).join(' '))
                    .join('; ') ?? '',
              })),
            ]}
          />
          <div role="tabpanel">
            {/* Keyed by tab: each table keeps its own sort, as a separate table would. */}
            {(shownTab === 'ixs' || shownTab === 'ixs-but-one') && (
              <DataTable
                key={shownTab}
                label={shownLabel}
                rows={shownTab === 'ixs' ? data.commonIxs : data.allButOneIxs}
                columns={ixColumns(networks, shownTab === 'ixs-but-one')}
                rowKey={(row) => row.ix.id}
                emptyText={shownTab === 'ixs' ? 'These networks share no IXP.' : 'No IXP where exactly one network is missing.'}
              />
            )}
            {(shownTab === 'facs' || shownTab === 'facs-but-one') && (
              <DataTable
                key={shownTab}
                label={shownLabel}
                rows={shownTab === 'facs' ? data.commonFacs : data.allButOneFacs}
                columns={facColumns(networks, shownTab === 'facs-but-one')}
                rowKey={(row) => row.fac.id}
                emptyText={
                  shownTab === 'facs' ? 'These networks share no facility.' : 'No facility where exactly one network is missing.'
                }
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

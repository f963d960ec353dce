/**
 * Compare: where two or more networks meet. The IXPs and facilities all of them share, with
 * each side's ports, and (from three networks on) where all but one meet. Every tab exports.
 */
import { useState } from 'react';
import { missingNetworkColumn, placeNameColumn, whereColumn } from '../../components/columns';
import { DataTable, type Column } from '../../components/DataTable';
import { ExportTableButton } from '../../components/export/ExportTableButton';
import { formatAsn, formatSpeed, networkLabel } from '../../components/format';
import { asnNetworkNote } from '../../components/AsnNetworkName';
import { NetworkPicker } from '../../components/NetworkPicker';
import { CopyGate } from '../../components/NoCopyYet';
import { useMyAsns } from '../../store-client/user-tables';
import { useStoreQuery } from '../../store-client/use-store-query';
import { useAppState } from '../../state/app-state';
import type { AsnNetwork, CompareFac, CompareIx } from '../../../protocol/discovery';
import type { CsvColumn } from '../../../../../shared/export/csv';

type Tab = 'ixs' | 'facs' | 'ixs-but-one' | 'facs-but-one';

function ixColumns(networks: AsnNetwork[], withMissing: boolean): Column<CompareIx>[] {
  const columns: Column<CompareIx>[] = [
    placeNameColumn('ix', (row) => row.ix),
    whereColumn((row) => row.ix, 'minmax(7em, 1fr)'),
    {
      key: 'min',
      header: 'Smallest side',
      headerTitle: 'The port speed of the network with the least there',
      width: '8.8em',
      numeric: true,
      sortValue: (row) => row.minSideSpeed,
      cell: (row) => formatSpeed(row.minSideSpeed),
    },
  ];
  if (withMissing) columns.push(missingNetworkColumn(networks));
  for (const net of networks) {
    columns.push({
      key: `side-${net.asn}`,
      header: sideHeader(net),
      // A long name is cut in its column: whole on hover.
      headerTitle: sideHeader(net),
      width: 'minmax(13em, 2fr)',
      sortValue: (row) => row.sides.find((side) => side.asn === net.asn)?.totalSpeed ?? -1,
      cell: (row) => {
        const side = row.sides.find((candidate) => candidate.asn === net.asn);
        if (!side) return <span className="muted">not here</span>;
        return side.connections.map((c) => (
          <div key={c.netixlanId} className="port-lines">
            <div className="mono">
              {c.ipaddr4 ?? '—'} <span className="muted">· {formatSpeed(c.speed)}</span>
            </div>
            {c.ipaddr6 && <div className="mono">{c.ipaddr6}</div>}
          </div>
        ));
      },
    });
  }
  return columns;
}

function facColumns(networks: AsnNetwork[], withMissing: boolean): Column<CompareFac>[] {
  const columns: Column<CompareFac>[] = [placeNameColumn('fac', (row) => row.fac), whereColumn((row) => row.fac)];
  if (withMissing) columns.push(missingNetworkColumn(networks));
  return columns;
}

function ixCsvColumns(networks: AsnNetwork[]): CsvColumn<CompareIx>[] {
  return [
    { header: 'IXP', value: (row) => row.ix.name },
    { header: 'City', value: (row) => row.ix.city },
    { header: 'Country', value: (row) => row.ix.country },
    { header: 'Smallest side (Mbit/s)', value: (row) => row.minSideSpeed },
    { header: 'Missing', value: (row) => missingName(networks, row.missingAsn) },
    ...networks.map((net) => ({
      header: `AS${net.asn} ports`,
      value: (row: CompareIx) =>
        row.sides
          .find((side) => side.asn === net.asn)
          ?.connections.map((c) => [c.ipaddr4, c.ipaddr6, `${c.speed} Mbit/s`].filter(Boolean).join(' '))
          .join('; ') ?? '',
    })),
  ];
}

function facCsvColumns(networks: AsnNetwork[]): CsvColumn<CompareFac>[] {
  return [
    { header: 'Facility', value: (row) => row.fac.name },
    { header: 'City', value: (row) => row.fac.city },
    { header: 'Country', value: (row) => row.fac.country },
    { header: 'Region', value: (row) => row.fac.regionContinent },
    { header: 'Missing', value: (row) => missingName(networks, row.missingAsn) },
    ...networks.map((net) => ({
      header: `AS${net.asn} local ASN`,
      value: (row: CompareFac) => row.sides.find((side) => side.asn === net.asn)?.localAsn ?? '',
    })),
  ];
}

function missingName(networks: readonly AsnNetwork[], asn: number | undefined): string {
  return networks.find((net) => net.asn === asn)?.name ?? '';
}

/** A side's column: the ASN its ports carry, and what to know about the record behind it. */
function sideHeader(net: AsnNetwork): string {
  const note = asnNetworkNote(net);
  return `${networkLabel(net.name, net.asn)}${note ? `, ${note}` : ''}`;
}

export function CompareScreen(): React.JSX.Element {
  return (
    <section className="view view-fill" aria-labelledby="compare-title">
      <div className="view-header">
        <h1 id="compare-title">Compare</h1>
      </div>
      <CopyGate what="Common IXPs and facilities">
        <CompareContent />
      </CopyGate>
    </section>
  );
}

function CompareContent(): React.JSX.Element {
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
  const sideNames = networks.map((net) => `AS${net.asn}`).join(' ');

  return (
    <>
      <p>Pick two or more networks to see the IXPs and facilities they share.</p>
      <div className="compare-pick">
        <NetworkPicker label="Add a network" exclude={asns} onPick={(asn) => setAsns([...asns, asn])} />
        {myAsns.some((asn) => !asns.includes(asn)) && (
          <button type="button" onClick={() => setAsns([...new Set([...asns, ...myAsns])])}>
            Add my networks
          </button>
        )}
        <ul className="chips" aria-label="Networks compared">
          {asns.map((asn) => {
            const net = byAsn.get(asn);
            const label = net ? networkLabel(net.name, asn) : formatAsn(asn);
            return (
              <li key={asn} className="chip">
                <span>{label}</span>
                {net?.netId === null && <span className="badge">Not in the local copy</span>}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${label}`}
                  onClick={() => setAsns(asns.filter((other) => other !== asn))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
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
          <div className="table-tools">
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
            {shownTab === 'ixs' || shownTab === 'ixs-but-one' ? (
              <ExportTableButton
                rows={shownTab === 'ixs' ? data.commonIxs : data.allButOneIxs}
                fileLabel={`${shownLabel} - ${sideNames}`}
                label="Export IXPs as CSV…"
                columns={ixCsvColumns(networks)}
              />
            ) : (
              <ExportTableButton
                rows={shownTab === 'facs' ? data.commonFacs : data.allButOneFacs}
                fileLabel={`${shownLabel} - ${sideNames}`}
                label="Export facilities as CSV…"
                columns={facCsvColumns(networks)}
              />
            )}
          </div>
          <div role="tabpanel" aria-label={shownLabel} className="fill-area">
            {/* Keyed by tab: each table keeps its own sort, as a separate table would. */}
            {(shownTab === 'ixs' || shownTab === 'ixs-but-one') && (
              <DataTable
                key={shownTab}
                label={shownLabel}
                rows={shownTab === 'ixs' ? data.commonIxs : data.allButOneIxs}
                columns={ixColumns(networks, shownTab === 'ixs-but-one')}
                rowKey={(row) => row.ix.id}
                fill
                estimatedRowHeight={44}
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
                fill
                emptyText={
                  shownTab === 'facs' ? 'These networks share no facility.' : 'No facility where exactly one network is missing.'
                }
              />
            )}
          </div>
        </>
      )}
    </>
  );
}

/**
 * Members of a place (one IXP, a facility, or all my IXPs) with filters, ranking and marks:
 * the Peers screen and the member lists of IXP and facility pages.
 */
import { useState } from 'react';
import { ExportTableButton } from './export/ExportTableButton';
import { rankPeer } from '../../../../shared/ranking';
import type { MemberFilters, MemberPlace, MemberRow, PeersArgs } from '../../protocol/discovery';
import { addressColumns } from './columns';
import { DataTable, type Column } from './DataTable';
import { formatAsn, formatSpeed, PEER_STATE_LABELS } from './format';
import { AsnNetworkName, asnNetworkNote } from './AsnNetworkName';
import { MemberFiltersPanel } from './MemberFiltersPanel';
import { PeerMarkControl } from './PeerMarkControl';
import { useStoreQuery } from '../store-client/use-store-query';

export function MembersPanel({
  label,
  place,
  peersOnly,
  filters,
  onFiltersChange,
}: {
  label: string;
  place: MemberPlace;
  /** Peers: my networks and marked ones left out (marked can be shown); pages: everyone. */
  peersOnly: boolean;
  filters?: MemberFilters;
  onFiltersChange?: (next: MemberFilters) => void;
}): React.JSX.Element {
  const [ownFilters, setOwnFilters] = useState<MemberFilters>({});
  const [showMarked, setShowMarked] = useState(false);
  const activeFilters = filters ?? ownFilters;
  const changeFilters = onFiltersChange ?? setOwnFilters;
  const args: PeersArgs = {
    place,
    filters: activeFilters,
    includeMine: !peersOnly,
    includeMarked: !peersOnly || showMarked,
  };
  const { data, error, pending } = useStoreQuery('findPeers', args);
  const ixNames = data?.ixNames ?? {};

  const columns: Column<MemberRow>[] = [
    {
      key: 'name',
      header: 'Network',
      width: 'minmax(10em, 2fr)',
      sortValue: (row) => row.net.name,
      cell: (row) => (
        <>
          <AsnNetworkName network={row.net} />{' '}
          {row.isMine && <span className="badge badge-mine">Mine</span>}
          {row.peerState && <span className="badge">{PEER_STATE_LABELS[row.peerState]}</span>}
        </>
      ),
    },
    { key: 'asn', header: 'ASN', width: '6.5em', numeric: true, sortValue: (row) => row.net.asn, cell: (row) => formatAsn(row.net.asn) },
    { key: 'policy', header: 'Policy', width: '6.5em', sortValue: (row) => row.net.policyGeneral, cell: (row) => row.net.policyGeneral || '—' },
    {
      key: 'types',
      header: 'Type',
      width: 'minmax(6em, 1fr)',
      sortValue: (row) => row.net.infoTypes.join(', '),
      cell: (row) => row.net.infoTypes.join(', ') || '—',
    },
    { key: 'traffic', header: 'Traffic', width: '6.5em', sortValue: (row) => row.net.traffic, cell: (row) => row.net.traffic || '—' },
  ];
  if (place.kind === 'ix') {
    columns.push(
      ...addressColumns<MemberRow>((row) => row.connections),
    );
  }
  if (place.kind !== 'fac') {
    columns.push(
      { key: 'speed', header: 'Speed', width: '4.5em', numeric: true, sortValue: (row) => row.bestSpeed, cell: (row) => formatSpeed(row.bestSpeed) },
      { key: 'rs', header: 'RS', width: '2.5em', sortValue: (row) => Number(row.isRsPeer), cell: (row) => (row.isRsPeer ? 'Yes' : 'No') },
    );
  }
  if (place.kind === 'my-ixs') {
    columns.push({ key: 'ixs', header: 'My IXPs', width: '4.5em', numeric: true, sortValue: (row) => row.ixCount, cell: (row) => row.ixCount });
  }
  columns.push(
    {
      key: 'shared',
      header: 'Shared',
      width: 'minmax(6.5em, 1fr)',
      sortValue: (row) => row.sharedIxIds.length * 1000 + row.sharedFacCount,
      cell: (row) => (
        <span title={row.sharedIxIds.map((id) => ixNames[id] ?? `IXP ${id}`).join(', ')}>
          {countOf(row.sharedIxIds.length, 'IXP', 'IXPs')}
          <br />
          {countOf(row.sharedFacCount, 'facility', 'facilities')}
        </span>
      ),
    },
    {
      key: 'score',
      header: 'Rank',
      width: 'minmax(9em, 1.5fr)',
      numeric: false,
      sortValue: (row) => row.score,
      cell: (row) => (
        <ul className="reasons" aria-label={`Score ${row.score}`}>
          <li>
            <strong>{row.score}</strong>
          </li>
          {rankPeer(row.net.policyGeneral, row.sharedIxIds.length, row.sharedFacCount).reasons.map((reason) => (
            <li key={reason.label}>
              {reason.label} ({reason.points > 0 ? '+' : ''}
              {reason.points})
            </li>
          ))}
        </ul>
      ),
    },
  );
  if (peersOnly) {
    columns.push({
      key: 'mark',
      header: 'Mark',
      width: '8.5em',
      cell: (row) => <PeerMarkControl asn={row.net.asn} name={row.net.name} state={row.peerState} note={row.note} />,
    });
  }

  return (
    <section aria-label={label}>
      <MemberFiltersPanel value={activeFilters} onChange={changeFilters} placeKind={place.kind} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="table-tools">
        {peersOnly && (
          <label>
            <input type="checkbox" checked={showMarked} onChange={(event) => setShowMarked(event.target.checked)} /> Show
            networks I marked
          </label>
        )}
        {data && (
        <ExportTableButton
          rows={data.rows}
          fileLabel={label}
          columns={[
            { header: 'ASN', value: (row) => row.net.asn },
            { header: 'Network', value: (row) => row.net.name },
            { header: 'Policy', value: (row) => row.net.policyGeneral },
            { header: 'Types', value: (row) => row.net.infoTypes.join('; ') },
            { header: 'Traffic', value: (row) => row.net.traffic },
            { header: 'IPv4', value: (row) => (row.connections ?? []).map((c) => c.ipaddr4 ?? '').join('; ') },
            { header: 'IPv6', value: (row) => (row.connections ?? []).map((c) => c.ipaddr6 ?? '').join('; ') },
            { header: 'Best speed (Mbit/s)', value: (row) => row.bestSpeed },
            { header: 'RS peer', value: (row) => (row.isRsPeer ? 'yes' : 'no') },
            { header: 'Shared IXPs', value: (row) => row.sharedIxIds.map((id) => ixNames[id] ?? id).join('; ') },
            { header: 'Shared facilities', value: (row) => row.sharedFacCount },
            { header: 'Score', value: (row) => row.score },
            { header: 'Mark', value: (row) => row.peerState ?? '' },
            { header: 'Note', value: (row) => row.note },
            { header: 'Network record', value: (row) => asnNetworkNote(row.net) },
          ]}
        />
        )}
      </div>
      <p className="muted" aria-live="polite" data-testid="member-count">
        {data
          ? `${data.rows.length} of ${data.candidateCount} ${peersOnly ? 'potential peers' : 'members'}${pending ? ' (updating…)' : ''}`
          : 'Loading…'}
      </p>
      {data && (
        <DataTable
          label={label}
          rows={data.rows}
          columns={columns}
          rowKey={(row) => row.net.asn}
          estimatedRowHeight={place.kind === 'ix' ? 34 : 64}
          emptyText={peersOnly && data.noneOfMine && place.kind === 'my-ixs' ? 'Add your networks first.' : 'No network matches.'}
        />
      )}
    </section>
  );
}

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

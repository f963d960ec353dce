/**
 * Members of a place (one IXP, a facility, or all my IXPs) with filters, ranking and marks:
 * the Peers screen and the member lists of IXP and facility pages. Each list remembers its
 * filters (the discovery slice) while the user goes elsewhere and back.
 */
import { useState } from 'react';
import type { MemberPlace, MemberRow, PeersArgs } from '../../protocol/discovery';
import { useAppState } from '../state/app-state';
import type { MemberListKey } from '../state/discovery-slice';
import { useStoreQuery } from '../store-client/use-store-query';
import { addressColumns } from './columns';
import { DataTable, type Column } from './DataTable';
import { AsnNetworkName, asnNetworkNote } from './AsnNetworkName';
import { ExportTableButton } from './export/ExportTableButton';
import { MemberFilterBar } from './filters/MemberFilterBar';
import { formatAsn, formatCount, formatSpeed, PEER_STATE_LABELS, plural } from './format';
import { PeerMarkMenu } from './PeerMarkControl';
import { RankCell } from './RankCell';

const NO_FILTERS = {};

export function MembersPanel({
  label,
  place,
  peersOnly,
  listKey,
  fill = false,
}: {
  label: string;
  place: MemberPlace;
  /** Peers: my networks and marked ones left out (marked can be shown); pages: everyone. */
  peersOnly: boolean;
  /** Where this list's filters are remembered. */
  listKey: MemberListKey;
  /** The table takes the height left on a `.view-fill` screen. */
  fill?: boolean;
}): React.JSX.Element {
  const filters = useAppState((s) => s.memberFilters[listKey]) ?? NO_FILTERS;
  const setMemberFilters = useAppState((s) => s.setMemberFilters);
  const [showMarked, setShowMarked] = useState(false);
  const [markMenuFor, setMarkMenuFor] = useState<number | null>(null);
  const question: Omit<PeersArgs, 'filters'> = {
    place,
    includeMine: !peersOnly,
    includeMarked: !peersOnly || showMarked,
  };
  const { data, error, pending } = useStoreQuery('findPeers', { ...question, filters });
  const ixNames = data?.ixNames ?? {};
  const sharedNames = (row: MemberRow) => row.sharedIxIds.map((id) => ixNames[id] ?? `IXP ${id}`);

  const columns: Column<MemberRow>[] = [
    {
      key: 'name',
      header: 'Network',
      width: 'minmax(11em, 2fr)',
      pin: 'start',
      sortValue: (row) => row.net.name,
      cell: (row) => (
        <>
          <AsnNetworkName network={row.net} />
          {row.isMine && <span className="badge badge-mine">Mine</span>}
          {row.peerState && <span className="badge">{PEER_STATE_LABELS[row.peerState]}</span>}
        </>
      ),
    },
    {
      key: 'asn',
      header: 'ASN',
      width: '6.5em',
      numeric: true,
      pin: 'start',
      sortValue: (row) => row.net.asn,
      cell: (row) => formatAsn(row.net.asn),
    },
    { key: 'policy', header: 'Policy', width: '6.5em', sortValue: (row) => row.net.policyGeneral, cell: (row) => row.net.policyGeneral || '—' },
    {
      key: 'types',
      header: 'Type',
      width: 'minmax(7em, 1fr)',
      sortValue: (row) => row.net.infoTypes.join(', '),
      cell: (row) => row.net.infoTypes.join(', ') || '—',
    },
    { key: 'traffic', header: 'Traffic', width: '8em', sortValue: (row) => row.net.traffic, cell: (row) => row.net.traffic || '—' },
  ];
  if (place.kind === 'ix') columns.push(...addressColumns<MemberRow>((row) => row.connections));
  if (place.kind !== 'fac') {
    columns.push(
      {
        key: 'speed',
        header: 'Speed',
        headerTitle: 'Port speed (the most at one IXP)',
        width: '5.4em',
        numeric: true,
        sortValue: (row) => row.bestSpeed,
        cell: (row) => formatSpeed(row.bestSpeed),
      },
      {
        key: 'rs',
        header: 'RS',
        headerTitle: 'Peers with the route servers',
        width: '3.5em',
        sortValue: (row) => Number(row.isRsPeer),
        cell: (row) => (row.isRsPeer ? 'Yes' : 'No'),
      },
    );
  }
  if (place.kind === 'my-ixs') {
    columns.push({
      key: 'ixs',
      header: 'My IXPs',
      headerTitle: 'Of my IXPs, how many this network is at',
      width: '6.2em',
      numeric: true,
      sortValue: (row) => row.ixCount,
      cell: (row) => row.ixCount,
    });
  }
  columns.push(
    {
      key: 'shared',
      header: 'Shared',
      headerTitle: 'IXPs and facilities shared with my networks',
      width: 'minmax(9em, 1fr)',
      sortValue: (row) => row.sharedIxIds.length * 1000 + row.sharedFacCount,
      cell: (row) => (
        <span className="truncate" title={sharedNames(row).join(', ') || undefined}>
          {plural(row.sharedIxIds.length, 'IXP')} · {plural(row.sharedFacCount, 'facility', 'facilities')}
        </span>
      ),
    },
    {
      key: 'score',
      header: 'Rank',
      headerTitle: 'Points for what is shared and the peering policy',
      width: '4.5em',
      numeric: true,
      sortValue: (row) => row.score,
      cell: (row) => (
        <RankCell
          name={row.net.name}
          score={row.score}
          policy={row.net.policyGeneral}
          sharedIxNames={sharedNames(row)}
          sharedFacCount={row.sharedFacCount}
        />
      ),
    },
  );
  if (peersOnly) {
    columns.push({
      key: 'mark',
      header: 'Mark',
      width: '8.5em',
      pin: 'end',
      cell: (row) => (
        <PeerMarkMenu
          asn={row.net.asn}
          name={row.net.name}
          state={row.peerState}
          note={row.note}
          open={markMenuFor === row.net.asn}
          onOpenChange={(open) => setMarkMenuFor(open ? row.net.asn : null)}
        />
      ),
    });
  }

  const what = peersOnly ? 'potential peers' : 'members';
  return (
    <section aria-label={label} className={fill ? 'members members-fill' : 'members'}>
      <div className="table-tools">
        <p className="muted member-count" aria-live="polite" data-testid="member-count">
          {data
            ? `${formatCount(data.rows.length)} of ${formatCount(data.candidateCount)} ${what}${pending ? ' (updating…)' : ''}`
            : 'Loading…'}
        </p>
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
              { header: 'Shared IXPs', value: (row) => sharedNames(row).join('; ') },
              { header: 'Shared facilities', value: (row) => row.sharedFacCount },
              { header: 'Score', value: (row) => row.score },
              { header: 'Mark', value: (row) => row.peerState ?? '' },
              { header: 'Note', value: (row) => row.note },
              { header: 'Network record', value: (row) => asnNetworkNote(row.net) },
            ]}
          />
        )}
      </div>
      <MemberFilterBar value={filters} onChange={(next) => setMemberFilters(listKey, next)} question={question} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {data && (
        <DataTable
          label={label}
          rows={data.rows}
          columns={columns}
          rowKey={(row) => row.net.asn}
          fill={fill}
          estimatedRowHeight={place.kind === 'ix' ? 44 : 28}
          onRowAction={peersOnly ? (row) => setMarkMenuFor(row.net.asn) : undefined}
          emptyText={peersOnly && data.noneOfMine && place.kind === 'my-ixs' ? 'Add your networks first.' : 'No network matches.'}
        />
      )}
    </section>
  );
}

/**
 * Columns several discovery tables share: an IXP or facility by name, linking to its page;
 * where it is; the addresses of a network's ports there; which network is missing.
 */
import type { AsnNetwork, IxConnection } from '../../protocol/discovery';
import type { Column } from './DataTable';
import { networkLabel, placeLine } from './format';
import { PageLink } from './links';

interface Place {
  id: number;
  name: string;
  city: string;
  country: string;
}

/** The IXP or facility of a row, by name, linking to its page; pinned, as it names the row. */
export function placeNameColumn<R>(kind: 'ix' | 'fac', placeOf: (row: R) => Place): Column<R> {
  return {
    key: kind,
    header: kind === 'ix' ? 'IXP' : 'Facility',
    width: 'minmax(12em, 2fr)',
    pin: 'start',
    sortValue: (row) => placeOf(row).name,
    cell: (row) => {
      const place = placeOf(row);
      return <PageLink to={{ kind, id: place.id }}>{place.name}</PageLink>;
    },
  };
}

/** City and country of a row's place. */
export function whereColumn<R>(placeOf: (row: R) => Place, width = 'minmax(8em, 1fr)'): Column<R> {
  return { key: 'where', header: 'Where', width, sortValue: (row) => placeLine(placeOf(row)), cell: (row) => placeLine(placeOf(row)) };
}

function addressLines(connections: readonly IxConnection[] | undefined, pick: (c: IxConnection) => string | null) {
  if (!connections?.length) return <span className="muted">—</span>;
  return connections.map((connection) => (
    <div key={connection.netixlanId} className="mono">
      {pick(connection) ?? '—'}
    </div>
  ));
}

/** Widths that hold a typical IX address on one line (an IPv6 one may still be cut, never wrapped). */
export const IPV4_WIDTH = 'minmax(8.5em, 1fr)';
export const IPV6_WIDTH = 'minmax(14em, 1.5fr)';

/** IPv4 and IPv6 of each of a row's ports, a line each. */
export function addressColumns<R>(connectionsOf: (row: R) => readonly IxConnection[] | undefined): Column<R>[] {
  return [
    { key: 'v4', header: 'IPv4', width: IPV4_WIDTH, cell: (row) => addressLines(connectionsOf(row), (c) => c.ipaddr4) },
    { key: 'v6', header: 'IPv6', width: IPV6_WIDTH, cell: (row) => addressLines(connectionsOf(row), (c) => c.ipaddr6) },
  ];
}

/** The one compared network a place lacks. */
export function missingNetworkColumn<R extends { missingAsn?: number }>(networks: readonly AsnNetwork[]): Column<R> {
  const nameOf = (row: R) => {
    const net = networks.find((candidate) => candidate.asn === row.missingAsn);
    return net ? networkLabel(net.name, net.asn) : undefined;
  };
  return {
    key: 'missing',
    header: 'Missing',
    width: 'minmax(8em, 1fr)',
    sortValue: (row) => nameOf(row) ?? '',
    cell: (row) => nameOf(row) ?? '—',
  };
}

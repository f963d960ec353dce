/**
 * Lookups the contact operations need (contacts, ports and networks by key), built once per
 * version of the local copy rather than scanning its maps on every request.
 */
import type { Net, NetIxLan, Poc } from '../../../shared/peeringdb';
import type { LocalCopy } from '../store/copy';

export interface ContactIndex {
  netByAsn: Map<number, Net>;
  pocsByNet: Map<number, Poc[]>;
  portsByNet: Map<number, NetIxLan[]>;
  netIdsByIx: Map<number, Set<number>>;
}

const built = new WeakMap<LocalCopy, { version: number; index: ContactIndex }>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(copy: LocalCopy): ContactIndex {
  const index: ContactIndex = { netByAsn: new Map(), pocsByNet: new Map(), portsByNet: new Map(), netIdsByIx: new Map() };
  for (const net of copy.rows.net.values()) {
    if (net.status !== 'deleted') index.netByAsn.set(net.asn, net);
  }
  for (const poc of copy.rows.poc.values()) {
    if (poc.status !== 'deleted') push(index.pocsByNet, poc.net_id, poc);
  }
  for (const port of copy.rows.netixlan.values()) {
    if (port.status === 'deleted') continue;
    push(index.portsByNet, port.net_id, port);
    let members = index.netIdsByIx.get(port.ix_id);
    if (!members) index.netIdsByIx.set(port.ix_id, (members = new Set()));
    members.add(port.net_id);
  }
  return index;
}

export function getContactIndex(copy: LocalCopy): ContactIndex {
  const cached = built.get(copy);
  if (cached && cached.version === copy.version) return cached.index;
  const index = buildIndex(copy);
  built.set(copy, { version: copy.version, index });
  return index;
}

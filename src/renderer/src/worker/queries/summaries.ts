/** Plain-data views of PeeringDB rows, as the answers carry them. */
import type { Fac, Ix, Net, NetInfoType, NetIxLan, PolicyGeneral } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { amountOf, infoTypesOf as typesOf, textOf } from '../index/row-values';
import type { AsnNetwork, IxConnection, NetSummary, PlaceSummary } from '../../protocol/discovery';

export function netSummary(net: Net): NetSummary {
  return {
    netId: net.id,
    asn: net.asn,
    name: textOf(net.name),
    aka: textOf(net.aka),
    policyGeneral: policyOf(net),
    infoTypes: infoTypesOf(net),
    traffic: textOf(net.info_traffic),
    ratio: textOf(net.info_ratio),
    scope: textOf(net.info_scope),
  };
}

/** The policy as given; values outside today's four are kept and shown as they are. */
export function policyOf(net: Net): PolicyGeneral {
  return textOf(net.policy_general) as PolicyGeneral;
}

/** info_types, or the older single info_type when the list is empty. */
export function infoTypesOf(net: Net): NetInfoType[] {
  return typesOf(net) as NetInfoType[];
}

/** An ASN as peering sees it, named by the record behind it when the copy holds one. */
export function asnNetwork(index: DiscoveryIndex, asn: number): AsnNetwork {
  const { netId, name, recordAsn } = index.memberNetOf(asn);
  return { asn, netId, name, recordAsn };
}

/** An IXP or a facility: its name and where it is. */
export function placeSummary(place: Ix | Fac): PlaceSummary {
  return {
    id: place.id,
    name: textOf(place.name),
    city: textOf(place.city),
    country: textOf(place.country),
    regionContinent: textOf(place.region_continent),
  };
}

export function connectionOf(row: NetIxLan): IxConnection {
  return {
    netixlanId: row.id,
    asn: row.asn,
    ixlanId: row.ixlan_id,
    ipaddr4: textOf(row.ipaddr4) || null,
    ipaddr6: textOf(row.ipaddr6) || null,
    speed: amountOf(row.speed),
    isRsPeer: row.is_rs_peer === true,
    operational: row.operational !== false,
  };
}

export function totalSpeed(connections: readonly { speed: number }[]): number {
  let sum = 0;
  for (const connection of connections) sum += connection.speed;
  return sum;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function sortByName<T extends { name: string }>(items: T[]): T[] {
  return items.sort(byName);
}

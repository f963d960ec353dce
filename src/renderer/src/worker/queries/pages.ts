/** The network, IXP, facility and organisation pages. */
import { POC_ROLES } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { myPresence, type UserContext } from './members';
import { facsOfNet, ixsOfNet } from './presence';
import { connectionOf, netSummary, placeSummary, sortByName } from './summaries';
import type { FacPage, IxPage, NetworkPage, OrgPage, PocView, SharedPlace } from '../../protocol/discovery';

export class NotInCopyError extends Error {
  constructor(what: string) {
    super(`${what} is not in the local copy (deleted, or not synced yet).`);
    this.name = 'NotInCopyError';
  }
}

function contactsOf(index: DiscoveryIndex, netId: number): PocView[] {
  const roleOrder = (role: string) => {
    const position = (POC_ROLES as readonly string[]).indexOf(role);
    return position < 0 ? POC_ROLES.length : position;
  };
  return (index.pocsByNet.get(netId) ?? [])
    .map((poc) => ({
      id: poc.id,
      role: poc.role,
      name: poc.name ?? '',
      email: poc.email ?? '',
      phone: poc.phone ?? '',
      url: poc.url ?? '',
      visible: poc.visible ?? '',
    }))
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name) || a.id - b.id);
}

export function networkPage(index: DiscoveryIndex, target: { netId?: number; asn?: number }, user: UserContext): NetworkPage {
  const net = target.netId !== undefined ? index.net(target.netId) : index.netByAsn(target.asn ?? -1);
  if (!net) throw new NotInCopyError(target.netId !== undefined ? `Network ${target.netId}` : `AS${target.asn}`);
  const ixs = ixsOfNet(index, net.id);
  const facs = facsOfNet(index, net.id);
  const mine = myPresence(index, user.myAsns);
  const myNets = Array.from(mine.netIds, (id) => index.net(id)!).filter((other) => other.id !== net.id);

  const sharedIxs: SharedPlace[] = [];
  for (const { ix } of ixs) {
    const here = myNets.filter((other) => index.ixIdsOfNet(other.id).has(ix.id));
    if (here.length) sharedIxs.push({ id: ix.id, name: ix.name, country: ix.country, mine: here.map(mineRef) });
  }
  const sharedFacs: SharedPlace[] = [];
  for (const { fac } of facs) {
    const here = myNets.filter((other) => index.facIdsOfNet(other.id).has(fac.id));
    if (here.length) sharedFacs.push({ id: fac.id, name: fac.name, country: fac.country, mine: here.map(mineRef) });
  }
  const mark = user.peerStates.find((record) => record.asn === net.asn);
  return {
    net: {
      ...netSummary(net),
      orgId: net.org_id,
      orgName: index.org(net.org_id)?.name ?? '',
      nameLong: net.name_long ?? '',
      website: net.website ?? '',
      policyUrl: net.policy_url ?? '',
      policyLocations: net.policy_locations ?? '',
      policyRatio: Boolean(net.policy_ratio),
      policyContracts: net.policy_contracts ?? '',
      irrAsSet: net.irr_as_set ?? '',
      prefixes4: net.info_prefixes4 ?? null,
      prefixes6: net.info_prefixes6 ?? null,
      lookingGlass: net.looking_glass ?? '',
      routeServer: net.route_server ?? '',
      infoUnicast: Boolean(net.info_unicast),
      infoMulticast: Boolean(net.info_multicast),
      infoIpv6: Boolean(net.info_ipv6),
      neverViaRouteServers: Boolean(net.info_never_via_route_servers),
      notes: net.notes ?? '',
      updated: net.updated,
    },
    ixs,
    facs,
    contacts: contactsOf(index, net.id),
    sharedIxs,
    sharedFacs,
    isMine: mine.netIds.has(net.id),
    peerState: mark?.state ?? null,
    note: mark?.note ?? '',
    hiddenUntil: mark?.hiddenUntil ?? null,
  };

  function mineRef(other: { id: number; asn: number; name: string }) {
    return { netId: other.id, asn: other.asn, name: other.name };
  }
}

export function ixPage(index: DiscoveryIndex, ixId: number, user: UserContext): IxPage {
  const ix = index.ix(ixId);
  if (!ix) throw new NotInCopyError(`IXP ${ixId}`);
  const lans = (index.ixlansByIx.get(ix.id) ?? [])
    .map((lan) => ({
      id: lan.id,
      name: lan.name ?? '',
      mtu: lan.mtu,
      rsAsn: lan.rs_asn,
      prefixes: (index.prefixes.byIxlan.get(lan.id) ?? [])
        .map((pfx) => ({ protocol: pfx.protocol, prefix: pfx.prefix }))
        .sort((a, b) => a.protocol.localeCompare(b.protocol) || a.prefix.localeCompare(b.prefix)),
    }))
    .sort((a, b) => a.id - b.id);
  const facIds = new Set((index.ixFacs.byIx.get(ix.id) ?? []).map((row) => row.fac_id));
  const facs = sortByName(
    Array.from(facIds)
      .map((id) => index.fac(id))
      .filter((fac) => fac !== undefined)
      .map(placeSummary),
  );
  const connections = index.connectionsAtIx(ix.id);
  const mine = myPresence(index, user.myAsns);
  const myHere = new Map<number, ReturnType<typeof connectionOf>[]>();
  for (const row of connections) {
    if (!mine.netIds.has(row.net_id)) continue;
    const list = myHere.get(row.net_id) ?? [];
    list.push(connectionOf(row));
    myHere.set(row.net_id, list);
  }
  return {
    ix: {
      ...placeSummary(ix),
      orgId: ix.org_id,
      orgName: index.org(ix.org_id)?.name ?? '',
      nameLong: ix.name_long ?? '',
      aka: ix.aka ?? '',
      website: ix.website ?? '',
      urlStats: ix.url_stats ?? '',
      techEmail: ix.tech_email ?? '',
      policyEmail: ix.policy_email ?? '',
      media: ix.media ?? '',
      notes: ix.notes ?? '',
      serviceLevel: ix.service_level ?? '',
      terms: ix.terms ?? '',
    },
    lans,
    facs,
    memberCount: new Set(connections.map((row) => row.net_id)).size,
    mine: Array.from(myHere, ([netId, list]) => ({ net: netSummary(index.net(netId)!), connections: list })),
  };
}

export function facPage(index: DiscoveryIndex, facId: number, user: UserContext): FacPage {
  const fac = index.fac(facId);
  if (!fac) throw new NotInCopyError(`Facility ${facId}`);
  const ixIds = new Set((index.ixFacs.byFac.get(fac.id) ?? []).map((row) => row.ix_id));
  const ixs = sortByName(
    Array.from(ixIds)
      .map((id) => index.ix(id))
      .filter((ix) => ix !== undefined)
      .map(placeSummary),
  );
  const netIds = new Set(index.netsAtFac(fac.id).map((row) => row.net_id));
  const mine = myPresence(index, user.myAsns);
  return {
    fac: {
      ...placeSummary(fac),
      orgId: fac.org_id,
      orgName: index.org(fac.org_id)?.name ?? '',
      nameLong: fac.name_long ?? '',
      aka: fac.aka ?? '',
      website: fac.website ?? '',
      address1: fac.address1 ?? '',
      address2: fac.address2 ?? '',
      zipcode: fac.zipcode ?? '',
      state: fac.state ?? '',
      clli: fac.clli ?? '',
      notes: fac.notes ?? '',
    },
    ixs,
    memberCount: netIds.size,
    mine: Array.from(netIds)
      .filter((id) => mine.netIds.has(id))
      .map((id) => netSummary(index.net(id)!)),
  };
}

export function orgPage(index: DiscoveryIndex, orgId: number): OrgPage {
  const org = index.org(orgId);
  if (!org) throw new NotInCopyError(`Organisation ${orgId}`);
  return {
    org: {
      id: org.id,
      name: org.name,
      aka: org.aka ?? '',
      website: org.website ?? '',
      city: org.city ?? '',
      country: org.country ?? '',
      notes: org.notes ?? '',
    },
    nets: (index.netSection.byOrg.get(org.id) ?? []).map(netSummary).sort((a, b) => a.name.localeCompare(b.name)),
    ixs: sortByName((index.ixByOrg.get(org.id) ?? []).map(placeSummary)),
    facs: sortByName((index.facByOrg.get(org.id) ?? []).map(placeSummary)),
  };
}

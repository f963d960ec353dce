/** The network, IXP, facility and organisation pages. */
import { POC_ROLES } from '../../../../shared/peeringdb';
import type { DiscoveryIndex } from '../index/discovery-index';
import { myPresence } from './members';
import type { UserContext } from '../user-context';
import { facsOfNet, ixsOfNet } from './presence';
import { amountOf, textOf } from '../index/row-values';
import { asnNetwork, connectionOf, netSummary, placeSummary, sortByName } from './summaries';
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
      role: textOf(poc.role) as PocView['role'],
      name: textOf(poc.name),
      email: textOf(poc.email),
      phone: textOf(poc.phone),
      url: textOf(poc.url),
      visible: textOf(poc.visible),
    }))
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name) || a.id - b.id);
}

/** A network record's page; asked by ASN, the record that names the ASN (its own, or its ports'). */
export function networkPage(index: DiscoveryIndex, target: { netId?: number; asn?: number }, user: UserContext): NetworkPage {
  const net = target.netId !== undefined ? index.net(target.netId) : index.holderOfAsn(target.asn ?? -1);
  if (!net) throw new NotInCopyError(target.netId !== undefined ? `Network ${target.netId}` : `AS${target.asn}`);
  const ixs = ixsOfNet(index, net.id);
  const facs = facsOfNet(index, net.id);
  const ownAsns = index.asnsOfNet(net);
  const myOtherAsns = user.myAsns.filter((asn) => !ownAsns.includes(asn));
  const mine = myPresence(index, myOtherAsns);

  const sharedIxs: SharedPlace[] = [];
  for (const { ix } of ixs) {
    if (!mine.ixIds.has(ix.id)) continue;
    const here = myOtherAsns.filter((asn) => index.ixIdsOfAsn(asn).has(ix.id));
    sharedIxs.push({ id: ix.id, name: ix.name, country: ix.country, mine: here.map((asn) => asnNetwork(index, asn)) });
  }
  const sharedFacs: SharedPlace[] = [];
  for (const { fac } of facs) {
    if (!mine.facIds.has(fac.id)) continue;
    const here = myOtherAsns.filter((asn) => index.facIdsOfAsn(asn).has(fac.id));
    sharedFacs.push({ id: fac.id, name: fac.name, country: fac.country, mine: here.map((asn) => asnNetwork(index, asn)) });
  }
  const portsPerAsn = new Map<number, number>();
  for (const at of ixs) for (const c of at.connections) portsPerAsn.set(c.asn, (portsPerAsn.get(c.asn) ?? 0) + 1);
  const portAsns = [...portsPerAsn]
    .map(([asn, ports]) => ({ asn, ports }))
    .sort((a, b) => Number(b.asn === net.asn) - Number(a.asn === net.asn) || a.asn - b.asn);
  const mark = user.peerStates.find((record) => record.asn === net.asn);
  return {
    net: {
      ...netSummary(net),
      orgId: net.org_id,
      orgName: textOf(index.org(net.org_id)?.name),
      nameLong: textOf(net.name_long),
      website: textOf(net.website),
      policyUrl: textOf(net.policy_url),
      policyLocations: textOf(net.policy_locations),
      policyRatio: net.policy_ratio === true,
      policyContracts: textOf(net.policy_contracts),
      irrAsSet: textOf(net.irr_as_set),
      prefixes4: amountOf(net.info_prefixes4, -1) >= 0 ? net.info_prefixes4 : null,
      prefixes6: amountOf(net.info_prefixes6, -1) >= 0 ? net.info_prefixes6 : null,
      lookingGlass: textOf(net.looking_glass),
      routeServer: textOf(net.route_server),
      infoUnicast: net.info_unicast === true,
      infoMulticast: net.info_multicast === true,
      infoIpv6: net.info_ipv6 === true,
      neverViaRouteServers: net.info_never_via_route_servers === true,
      notes: textOf(net.notes),
      updated: textOf(net.updated),
    },
    ixs,
    facs,
    portAsns,
    contacts: contactsOf(index, net.id),
    sharedIxs,
    sharedFacs,
    isMine: user.myAsns.some((asn) => ownAsns.includes(asn)),
    peerState: mark?.state ?? null,
    note: mark?.note ?? '',
    hiddenUntil: mark?.hiddenUntil ?? null,
  };
}

export function ixPage(index: DiscoveryIndex, ixId: number, user: UserContext): IxPage {
  const ix = index.ix(ixId);
  if (!ix) throw new NotInCopyError(`IXP ${ixId}`);
  const lans = (index.ixlansByIx.get(ix.id) ?? [])
    .map((lan) => ({
      id: lan.id,
      name: textOf(lan.name),
      mtu: amountOf(lan.mtu),
      rsAsn: amountOf(lan.rs_asn),
      prefixes: (index.prefixesByIxlan.get(lan.id) ?? [])
        .map((pfx) => ({ protocol: textOf(pfx.protocol), prefix: textOf(pfx.prefix) }))
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
  const asnsHere = index.asnsAtIx(ix.id);
  const mine = [...new Set(user.myAsns)]
    .filter((asn) => asnsHere.has(asn))
    .map((asn) => ({
      net: asnNetwork(index, asn),
      connections: index
        .portsOfAsn(asn)
        .filter((row) => row.ix_id === ix.id)
        .map(connectionOf)
        .sort((a, b) => a.netixlanId - b.netixlanId),
    }));
  return {
    ix: {
      ...placeSummary(ix),
      orgId: ix.org_id,
      orgName: textOf(index.org(ix.org_id)?.name),
      nameLong: textOf(ix.name_long),
      aka: textOf(ix.aka),
      website: textOf(ix.website),
      urlStats: textOf(ix.url_stats),
      techEmail: textOf(ix.tech_email),
      policyEmail: textOf(ix.policy_email),
      media: textOf(ix.media),
      notes: textOf(ix.notes),
      serviceLevel: textOf(ix.service_level),
      terms: textOf(ix.terms),
    },
    lans,
    facs,
    memberCount: asnsHere.size,
    mine,
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
  const asnsHere = index.asnsAtFac(fac.id);
  return {
    fac: {
      ...placeSummary(fac),
      orgId: fac.org_id,
      orgName: textOf(index.org(fac.org_id)?.name),
      nameLong: textOf(fac.name_long),
      aka: textOf(fac.aka),
      website: textOf(fac.website),
      address1: textOf(fac.address1),
      address2: textOf(fac.address2),
      zipcode: textOf(fac.zipcode),
      state: textOf(fac.state),
      clli: textOf(fac.clli),
      notes: textOf(fac.notes),
    },
    ixs,
    memberCount: asnsHere.size,
    mine: [...new Set(user.myAsns)].filter((asn) => asnsHere.has(asn)).map((asn) => asnNetwork(index, asn)),
  };
}

export function orgPage(index: DiscoveryIndex, orgId: number): OrgPage {
  const org = index.org(orgId);
  if (!org) throw new NotInCopyError(`Organisation ${orgId}`);
  return {
    org: {
      id: org.id,
      name: textOf(org.name),
      aka: textOf(org.aka),
      website: textOf(org.website),
      city: textOf(org.city),
      country: textOf(org.country),
      notes: textOf(org.notes),
    },
    nets: (index.netSection.byOrg.get(org.id) ?? []).map(netSummary).sort((a, b) => a.name.localeCompare(b.name)),
    ixs: sortByName((index.ixByOrg.get(org.id) ?? []).map(placeSummary)),
    facs: sortByName((index.facByOrg.get(org.id) ?? []).map(placeSummary)),
  };
}

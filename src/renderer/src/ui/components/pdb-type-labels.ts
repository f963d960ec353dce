import type { PdbType } from '../../../../shared/peeringdb';

/** How each PeeringDB object type is named on screen. */
export const PDB_TYPE_LABELS: Record<PdbType, string> = {
  org: 'Organisations',
  campus: 'Campuses',
  fac: 'Facilities',
  carrier: 'Carriers',
  carrierfac: 'Carrier facilities',
  net: 'Networks',
  ix: 'Exchanges (IXPs)',
  ixfac: 'IXP facilities',
  ixlan: 'IXP LANs',
  ixpfx: 'IXP prefixes',
  netfac: 'Network facilities',
  netixlan: 'IXP connections',
  poc: 'Contacts',
};

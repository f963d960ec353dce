/**
 * Answers that cross from the store worker to the page as columns rather than as objects.
 * A peers list across fifty IXPs is some ten thousand rows; cloned as objects, rebuilding them
 * on the page (property by property) costs more than answering the question. As typed arrays
 * and string lists they are copied in a few milliseconds, and the page makes the same rows
 * back with plain object literals. The store client unpacks them, so every caller still gets
 * the answer's own type.
 */
import type { PeerStateKind } from '../../../shared/user-data';
import type { PeersResult } from './discovery';

/** Which answers travel packed, by the kind named in the reply. */
export interface PackedAnswers {
  members: PackedPeersResult;
}
export type PackedKind = keyof PackedAnswers;

/** The connections of every row, one after the other: row i's from start[i] up to start[i + 1]. */
export interface PackedConnections {
  start: Int32Array;
  netixlanId: Float64Array;
  asn: Float64Array;
  ixlanId: Float64Array;
  ipaddr4: (string | null)[];
  ipaddr6: (string | null)[];
  speed: Float64Array;
  /** Booleans as 1 or 0. */
  isRsPeer: Uint8Array;
  operational: Uint8Array;
}

/** What rows show of their networks (MemberNet), one column each; NaN stands for null in number columns. */
export interface PackedMemberNets {
  /**
   * Which numbering of the store's ASNs `ordinal` is in: the same numbering, the same network
   * shown for the same ordinal, so the page may keep what it made of one for the next answer.
   */
  section: number;
  /** How many ASNs that numbering has: ordinals are below it. */
  sectionSize: number;
  ordinal: Int32Array;
  asn: Float64Array;
  netId: Float64Array;
  /**
   * Row i's name is names.slice(nameStart[i], nameEnd[i]). One string crosses to the page in
   * one copy, where ten thousand cost one each, and the page cuts the names out of it; for a
   * long list it holds every name the store knows, for a short one the rows' only.
   */
  names: string;
  nameStart: Int32Array;
  nameEnd: Int32Array;
  recordAsn: Float64Array;
  /** Indexes into `texts`: few distinct values over many rows. */
  policyGeneral: Int32Array;
  traffic: Int32Array;
  texts: string[];
  /** Indexes into `typeLists`. */
  infoTypes: Int32Array;
  typeLists: string[][];
}

/** The rest of MemberRow: what the member has at the places asked, and the user's marks. */
export interface PackedMemberFacts {
  ixCount: Int32Array;
  bestSpeed: Float64Array;
  sharedFacCount: Int32Array;
  score: Float64Array;
  /** Booleans as 1 or 0. */
  isRsPeer: Uint8Array;
  hasIpv4: Uint8Array;
  hasIpv6: Uint8Array;
  isMine: Uint8Array;
  /** Row i's shared IXPs are sharedIxIds[sharedStart[i]] up to sharedStart[i + 1]. */
  sharedStart: Int32Array;
  sharedIxIds: Float64Array;
  /** The few rows with a mark or a note: their indexes, states and notes. */
  marked: Int32Array;
  peerStates: (PeerStateKind | null)[];
  notes: string[];
}

export type PackedMemberRows = PackedMemberNets &
  PackedMemberFacts & {
    /** Only when the rows carry their connections (the members of one IXP). */
    connections: PackedConnections | null;
  };

export type PackedPeersResult = Omit<PeersResult, 'rows'> & { rows: PackedMemberRows };

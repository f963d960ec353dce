/**
 * The potential-peer score, kept simple enough to explain on screen: points for each IXP and
 * facility shared with my networks, and for an open policy. Every point comes with its reason.
 */
import type { PolicyGeneral } from './peeringdb';

export interface RankReason {
  label: string;
  points: number;
}

export const POINTS_PER_SHARED_IX = 10;
export const POINTS_PER_SHARED_FAC = 4;

const POLICY_POINTS: Record<PolicyGeneral, RankReason | null> = {
  Open: { label: 'Open peering policy', points: 20 },
  Selective: { label: 'Selective peering policy', points: 8 },
  Restrictive: { label: 'Restrictive peering policy', points: -10 },
  No: { label: 'Does not peer (policy "No")', points: -40 },
  '': null,
};

/** The score alone, for ranking long lists without building the explanations. */
export function peerScore(policy: PolicyGeneral, sharedIxCount: number, sharedFacCount: number): number {
  return (
    sharedIxCount * POINTS_PER_SHARED_IX + sharedFacCount * POINTS_PER_SHARED_FAC + (POLICY_POINTS[policy]?.points ?? 0)
  );
}

export function rankPeer(
  policy: PolicyGeneral,
  sharedIxCount: number,
  sharedFacCount: number,
): { score: number; reasons: RankReason[] } {
  const reasons: RankReason[] = [];
  if (sharedIxCount > 0) {
    reasons.push({
      label: `Meets you at ${sharedIxCount} IXP${sharedIxCount === 1 ? '' : 's'}`,
      points: sharedIxCount * POINTS_PER_SHARED_IX,
    });
  }
  if (sharedFacCount > 0) {
    reasons.push({
      label: `${sharedFacCount} shared facilit${sharedFacCount === 1 ? 'y' : 'ies'}`,
      points: sharedFacCount * POINTS_PER_SHARED_FAC,
    });
  }
  const policyReason = POLICY_POINTS[policy] ?? null;
  if (policyReason) reasons.push(policyReason);
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

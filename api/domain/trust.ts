// How much a claim is trusted when no curator has assessed its confidence: a default per
// status. Used by the confidence filter (and by scoring). One place, documented in README.
import type { ClaimStatus } from './model.ts';

export const STATUS_DEFAULT_CONFIDENCE: Record<ClaimStatus, number> = {
  adjudicated: 0.95,
  sanctioned: 0.9,
  'company-confirmed': 0.9,
  // The listing body's own record: firmer than a press report, short of a court or a sanction.
  'officially-listed': 0.85,
  reported: 0.7,
  alleged: 0.5,
  denied: 0.2,
};

export function effectiveConfidence(claim: { confidence?: number | null; status: ClaimStatus }): number {
  return claim.confidence ?? STATUS_DEFAULT_CONFIDENCE[claim.status];
}

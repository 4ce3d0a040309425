// The time and trust filters every graph-returning query takes: asOf, includeUndated,
// statuses and minConfidence. Validated here once, then passed to Cypher as parameters.
import { CLAIM_STATUSES, type ClaimStatus } from '../domain/model.ts';
import { STATUS_DEFAULT_CONFIDENCE } from '../domain/trust.ts';
import { badInput } from '../errors.ts';
import { isPartialDate } from '../exchange/dataset.ts';

export interface ClaimFilterArgs {
  asOf?: string | null;
  statuses?: ClaimStatus[] | null;
  minConfidence?: number | null;
  includeUndated?: boolean | null;
}

export interface ClaimFilter {
  asOf: string | null;
  statuses: ClaimStatus[];
  minConfidence: number;
  /** False leaves out claims with neither a start nor an end date. */
  includeUndated: boolean;
}

export function claimFilter(args: ClaimFilterArgs): ClaimFilter {
  const asOf = args.asOf ?? null;
  if (asOf !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isPartialDate(asOf))) {
    throw badInput(`asOf must be a calendar date as YYYY-MM-DD; got "${asOf}".`, 'asOf');
  }
  const minConfidence = args.minConfidence ?? 0;
  if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
    throw badInput(`minConfidence must be between 0 and 1; got ${minConfidence}.`, 'minConfidence');
  }
  const statuses = args.statuses ?? [];
  return {
    asOf,
    statuses: statuses.filter((s) => CLAIM_STATUSES.includes(s)),
    minConfidence,
    includeUndated: args.includeUndated ?? true,
  };
}

/** The Cypher parameters of cypher/fragments/claim-visible.cypher. */
export function claimFilterParams(filter: ClaimFilter) {
  return { ...filter, statusConfidence: STATUS_DEFAULT_CONFIDENCE };
}


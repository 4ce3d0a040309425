// The complicity score's weights, in one place (documented in the README, "Complicity
// scoring"), and their per-request overrides, validated once here.
import { CLAIM_STATUSES, type ClaimStatus, type RelationType } from '../domain/model.ts';
import { STATUS_DEFAULT_CONFIDENCE } from '../domain/trust.ts';
import { badInput } from '../errors.ts';
import { WALK_RULES, WALKED_RELATIONS } from './directions.ts';

/** Relation types some walk rule follows; only these have a strength. */
export type WalkedRelation = {
  [K in RelationType]: (typeof WALK_RULES)[K]['forward'] extends true
    ? K
    : (typeof WALK_RULES)[K]['backwardOnto'] extends readonly [] ? never : K;
}[RelationType];

/**
 * How strongly one claim of each type ties the entity before it to what comes after, 0..1.
 * Running or supplying the very system used in an abuse counts most; a portfolio holding or
 * an alleged tie least.
 */
export const DEFAULT_RELATION_STRENGTH: Record<WalkedRelation, number> = {
  OPERATES: 1, // runs the system itself
  ALLEGEDLY_USED_IN: 1, // the system used in the harm
  ALLEGEDLY_RESPONSIBLE_FOR: 1, // the actor behind the harm
  SUPPLIES: 0.9, // makes or delivers the system
  COVERS: 0.9, // the contract delivers the system
  PROVIDES_SERVICE_TO: 0.85, // a customer's use of a service
  PARTY_TO: 0.8, // signed the contract (or is its state customer)
  PART_OF: 0.8, // acts within a larger body; an abuse within a conflict
  // An official body's finding of involvement is strong evidence, but it names no system or
  // service, so it ranks below a documented use (1) and above a warned risk (0.5).
  LISTED_AS_INVOLVED_IN: 0.8,
  OWNS: 0.6, // owns or controls, one step removed from operations
  RAISES_RISK_OF: 0.5, // a warned risk, not a documented use
  HOLDS: 0.4, // a portfolio holding, usually a minority stake
  LINKED_TO: 0.4, // alleged ties only
};

/** Each hop after the first multiplies the score by this: longer chains say less. */
export const DEFAULT_HOP_DECAY = 0.85;

export interface ComplicityWeights {
  relationStrength: Record<WalkedRelation, number>;
  /** Confidence of a claim no curator assessed, by status (trust.ts by default). */
  statusConfidence: Record<ClaimStatus, number>;
  hopDecay: number;
}

export const DEFAULT_WEIGHTS: ComplicityWeights = {
  relationStrength: DEFAULT_RELATION_STRENGTH,
  statusConfidence: STATUS_DEFAULT_CONFIDENCE,
  hopDecay: DEFAULT_HOP_DECAY,
};

/** The GraphQL input ComplicityWeightsInput; enum values arrive already mapped. */
export interface WeightsInput {
  relations?: { type: string; strength: number }[] | null;
  statuses?: { status: string; confidence: number }[] | null;
  hopDecay?: number | null;
}

function isWalked(type: string): type is WalkedRelation {
  return (WALKED_RELATIONS as readonly string[]).includes(type);
}

function unitInterval(value: number, argument: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw badInput(`${argument} must be between 0 and 1; got ${value}.`, argument);
  }
  return value;
}

/** The defaults with the request's overrides applied; names the first bad value. */
export function resolveWeights(input: WeightsInput | null | undefined): ComplicityWeights {
  const relationStrength = { ...DEFAULT_RELATION_STRENGTH };
  const statusConfidence = { ...STATUS_DEFAULT_CONFIDENCE };
  const seenTypes = new Set<string>();
  for (const { type, strength } of input?.relations ?? []) {
    const argument = `weights.relations[${type}].strength`;
    if (!isWalked(type)) {
      const why = type in WALK_RULES ? `${type} is never walked by complicity paths` : `${type} is not a relation type`;
      throw badInput(`${why}, so it has no strength to set; types with a strength: ${WALKED_RELATIONS.join(', ')}.`, 'weights.relations');
    }
    if (seenTypes.has(type)) throw badInput(`weights.relations sets ${type} twice.`, 'weights.relations');
    seenTypes.add(type);
    relationStrength[type] = unitInterval(strength, argument);
  }
  const seenStatuses = new Set<string>();
  for (const { status, confidence } of input?.statuses ?? []) {
    if (!(CLAIM_STATUSES as readonly string[]).includes(status)) {
      throw badInput(`${status} is not a claim status; statuses: ${CLAIM_STATUSES.join(', ')}.`, 'weights.statuses');
    }
    if (seenStatuses.has(status)) throw badInput(`weights.statuses sets ${status} twice.`, 'weights.statuses');
    seenStatuses.add(status);
    statusConfidence[status as ClaimStatus] = unitInterval(confidence, `weights.statuses[${status}].confidence`);
  }
  const hopDecay = input?.hopDecay == null ? DEFAULT_HOP_DECAY : unitInterval(input.hopDecay, 'weights.hopDecay');
  return { relationStrength, statusConfidence, hopDecay };
}

// The complicity score of a path: the product of its hops' weights (relation strength ×
// claim confidence), times hopDecay for every hop after the first. Every factor is in 0..1,
// so a longer path or a less certain hop never scores higher: search may prune on it.
import { relationWords, statusWords } from '../domain/words.ts';
import type { ClaimStatus, RelationType } from '../domain/model.ts';
import type { WalkDirection } from './directions.ts';
import type { ComplicityWeights, WalkedRelation } from './weights.ts';

/** A claim as a path walks it: `from` → `to` in walking order, whatever its stored direction. */
export interface WalkEdge {
  claimId: string;
  relation: RelationType;
  direction: WalkDirection;
  from: string;
  fromType: string;
  to: string;
  toType: string;
  status: ClaimStatus;
  /** Curator confidence; null when not assessed. */
  confidence: number | null;
}

export interface HopScore {
  strength: number;
  confidence: number;
  /** True when the status's default stood in for an unassessed confidence. */
  confidenceFromStatus: boolean;
  /** strength × confidence */
  weight: number;
}

export function hopScore(edge: Pick<WalkEdge, 'relation' | 'status' | 'confidence'>, weights: ComplicityWeights): HopScore {
  const strength = weights.relationStrength[edge.relation as WalkedRelation] ?? 0;
  const confidenceFromStatus = edge.confidence == null;
  const confidence = edge.confidence ?? weights.statusConfidence[edge.status] ?? 0;
  return { strength, confidence, confidenceFromStatus, weight: strength * confidence };
}

/**
 * Score of a path whose hops have these weights. Computed left to right exactly as the search
 * extends paths (score × (weight × decay) per further hop), so both agree to the last bit.
 */
export function pathScore(hopWeights: readonly number[], hopDecay: number): number {
  let score = 1;
  hopWeights.forEach((w, i) => {
    score = i === 0 ? w : score * (w * hopDecay);
  });
  return hopWeights.length === 0 ? 0 : score;
}

export interface ScoreBreakdown {
  hopProduct: number;
  hopDecay: number;
  lengthFactor: number;
  score: number;
  explanation: string;
}

const num = (x: number) => String(Math.round(x * 10_000) / 10_000);

export function scoreBreakdown(edges: readonly WalkEdge[], weights: ComplicityWeights): ScoreBreakdown {
  const hops = edges.map((e) => hopScore(e, weights));
  const hopProduct = hops.reduce((p, h) => p * h.weight, 1);
  const lengthFactor = Math.pow(weights.hopDecay, Math.max(0, edges.length - 1));
  const score = pathScore(hops.map((h) => h.weight), weights.hopDecay);
  const terms = edges.map((e, i) => {
    const h = hops[i]!;
    const basis = h.confidenceFromStatus ? `${statusWords(e.status)}, not assessed` : 'assessed';
    return `${relationWords(e.relation)} ${num(h.strength)} × ${num(h.confidence)} (${basis})`;
  });
  const decay = edges.length > 1 ? ` × decay ${num(weights.hopDecay)}^${edges.length - 1}` : '';
  return { hopProduct, hopDecay: weights.hopDecay, lengthFactor, score, explanation: `${terms.join(' · ')}${decay} = ${num(score)}` };
}

// Turns scored paths into API objects: each hop with its entities, its claim (status, dates,
// summary, sources) and its share of the score, plus the weights the score used.
import type { Database } from '../db/database.ts';
import { CLAIM_STATUSES } from '../domain/model.ts';
import { asEntity, withSources, type ApiClaim, type StoredClaim, type StoredEntity } from '../graph/mapping.ts';
import { sourcesByIds } from '../sources/resolvers.ts';
import { WALK_RULES, WALKED_RELATIONS } from './directions.ts';
import type { ScoredPath } from './pathSearch.ts';
import { hopScore, scoreBreakdown, type HopScore, type ScoreBreakdown } from './score.ts';
import type { ComplicityWeights, WalkedRelation } from './weights.ts';

export interface ApiHop extends HopScore {
  from: StoredEntity;
  to: StoredEntity;
  direction: 'FORWARD' | 'BACKWARD';
  claim: ApiClaim;
}

export interface ApiPath {
  score: number;
  breakdown: ScoreBreakdown;
  nodes: StoredEntity[];
  hops: ApiHop[];
}

/** Claims and entities a caller made up (a scenario's simulated ones): shown, never read. */
export interface PresentExtra {
  claims?: readonly ApiClaim[];
  entities?: readonly StoredEntity[];
}

/** Loads what the paths show (full claims with sources, entities) in two reads, then maps them. */
export async function presentPaths(db: Database, paths: ScoredPath[], weights: ComplicityWeights, extra: PresentExtra = {}): Promise<ApiPath[]> {
  const edges = paths.flatMap((p) => p.edges);
  if (edges.length === 0) return [];
  const extraClaims = new Map((extra.claims ?? []).map((c) => [c.id, c]));
  const extraEntities = new Map((extra.entities ?? []).map((e) => [e.id, e]));
  const claims = new Map<string, { id: string; from: string; to: string }>();
  for (const e of edges) {
    if (extraClaims.has(e.claimId)) continue;
    // Stored direction: a hop walked backward runs against its claim.
    const [from, to] = e.direction === 'forward' ? [e.from, e.to] : [e.to, e.from];
    claims.set(e.claimId, { id: e.claimId, from, to });
  }
  const entityIds = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((id) => !extraEntities.has(id));
  const [row] = await db.read('complicity/path-details', { claims: [...claims.values()], entityIds });
  const stored = (row?.claims ?? []) as StoredClaim[];
  const sources = await sourcesByIds(db, stored.flatMap((c) => c.sourceIds));
  const claimById = new Map([...withSources(stored, sources).map((c) => [c.id, c] as const), ...extraClaims]);
  const entityById = new Map([...((row?.entities ?? []) as unknown[]).map(asEntity).map((e) => [e.id, e] as const), ...extraEntities]);
  const entity = (id: string) => {
    const e = entityById.get(id);
    if (!e) throw new Error(`complicity: entity ${id} on a path was not found again`);
    return e;
  };
  return paths.map((p) => ({
    score: p.score,
    breakdown: scoreBreakdown(p.edges, weights),
    nodes: [p.edges[0]!.from, ...p.edges.map((e) => e.to)].map(entity),
    hops: p.edges.map((e) => {
      const claim = claimById.get(e.claimId);
      if (!claim) throw new Error(`complicity: claim ${e.claimId} on a path was not found again`);
      return {
        from: entity(e.from),
        to: entity(e.to),
        direction: e.direction === 'forward' ? 'FORWARD' : 'BACKWARD',
        claim,
        ...hopScore(e, weights),
      };
    }),
  }));
}

function walked(type: WalkedRelation): string {
  const rule = WALK_RULES[type];
  const back = rule.backwardOnto.length > 0 ? `backward onto ${rule.backwardOnto.join(', ')}` : '';
  return [rule.forward ? 'forward' : '', back].filter(Boolean).join('; ');
}

/** The weights a response was scored with, for the client to show next to the scores. */
export function presentWeights(weights: ComplicityWeights) {
  return {
    relations: (WALKED_RELATIONS as WalkedRelation[]).map((type) => ({
      type,
      strength: weights.relationStrength[type],
      walked: walked(type),
      why: WALK_RULES[type].why,
    })),
    statuses: CLAIM_STATUSES.map((status) => ({ status, confidence: weights.statusConfidence[status] })),
    hopDecay: weights.hopDecay,
  };
}

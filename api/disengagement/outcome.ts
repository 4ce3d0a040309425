// Complicity paths before and after a withdrawal, classified: cut (they use a claim the
// withdrawal ends), remaining (they use none) and created (found only after, through a claim a
// sale creates). Pure: it takes the walked claims, the effect and the subjects.
import { isHarm } from '../complicity/directions.ts';
import { kBestPathsIn, pathGraph, type ScoredPath } from '../complicity/pathSearch.ts';
import type { WalkEdge } from '../complicity/score.ts';
import type { ComplicityWeights } from '../complicity/weights.ts';
import type { Effect, Facts, LocalClaim } from './model.ts';

export type SubjectRole = 'COMPANY' | 'INVESTOR' | 'BUYER' | 'BUYER_OWNER';

export interface Subject {
  id: string;
  role: SubjectRole;
}

export interface SubjectPath {
  subject: Subject;
  path: ScoredPath;
}

export interface Outcome {
  cut: SubjectPath[];
  remaining: SubjectPath[];
  created: SubjectPath[];
}

/** Paths listed per subject and side; the k best, so a broad graph stays readable. */
export const PATHS_PER_SUBJECT = 20;

/** A stored claim as a forward walk edge (the relations a sale adds are all walked forward). */
export function forwardEdge(claim: LocalClaim, facts: (id: string) => Facts | undefined): WalkEdge {
  return {
    claimId: claim.id,
    relation: claim.type,
    direction: 'forward',
    from: claim.from,
    fromType: facts(claim.from)?.type ?? '',
    to: claim.to,
    toType: facts(claim.to)?.type ?? '',
    status: claim.status,
    confidence: claim.confidence,
  };
}

const key = (p: ScoredPath) => p.edges.map((e) => `${e.claimId}|${e.direction}`).join('>');

function harmsOf(edges: readonly WalkEdge[]): Set<string> {
  return new Set(edges.filter((e) => isHarm(e.toType)).map((e) => e.to));
}

/**
 * Classifies every subject's k best paths. `before` is what the subjects' walks read; the
 * graph after is that minus the removed claims plus `addedEdges` (the sale's claims, and the
 * buyer's own claims recorded from the sale on).
 */
export function classifyPaths(
  subjects: readonly Subject[],
  before: readonly WalkEdge[],
  effect: Pick<Effect, 'removed'>,
  addedEdges: readonly WalkEdge[],
  opts: { maxHops: number; weights: ComplicityWeights; k?: number; checkTime?: () => unknown },
): Outcome {
  const k = opts.k ?? PATHS_PER_SUBJECT;
  const beforeIds = new Set(before.map((e) => e.claimId));
  const fresh = addedEdges.filter((e) => !beforeIds.has(e.claimId));
  const after = [...before.filter((e) => !effect.removed.has(e.claimId)), ...fresh];
  const freshIds = new Set(fresh.map((e) => e.claimId));
  // One prepared graph per side, shared by every subject's search.
  const search = { maxHops: opts.maxHops, weights: opts.weights, k };
  const beforeGraph = pathGraph(before, harmsOf(before), search);
  const afterGraph = pathGraph(after, harmsOf(after), search);
  const outcome: Outcome = { cut: [], remaining: [], created: [] };
  for (const subject of subjects) {
    opts.checkTime?.();
    const was = kBestPathsIn(beforeGraph, subject.id, search);
    const known = new Set(was.map(key));
    for (const path of was) {
      (path.edges.some((e) => effect.removed.has(e.claimId)) ? outcome.cut : outcome.remaining).push({ subject, path });
    }
    for (const path of kBestPathsIn(afterGraph, subject.id, search)) {
      if (!known.has(key(path)) && path.edges.some((e) => freshIds.has(e.claimId))) outcome.created.push({ subject, path });
    }
  }
  return outcome;
}

// Exposure of many entities at once, for screening: the claims are read for a batch of
// entities in one walk (cypher/complicity/expand.cypher takes a frontier list), then each
// entity's best path to every abuse and conflict is searched in memory over its own ball of
// claims, exactly as `exposure` does for one. Portfolios share much of their neighbourhood
// (the same conflicts, the same big suppliers), so a batch reads each claim once, not once
// per holding.
import { BoundExceeded } from '../complicity/bounds.ts';
import { walkToHarms } from '../complicity/graphWalk.ts';
import { bestPathPerHarm, type ScoredPath } from '../complicity/pathSearch.ts';
import type { WalkEdge } from '../complicity/score.ts';
import type { ComplicityWeights } from '../complicity/weights.ts';
import type { Database } from '../db/database.ts';
import { claimFilterParams, type ClaimFilter } from '../filters/claimFilter.ts';

export interface ExposureOptions {
  maxHops: number;
  filter: ClaimFilter;
  weights: ComplicityWeights;
  /** Called after each batch with the entities done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each batch: the walk stops there once it is aborted. */
  signal?: AbortSignal;
  /** Claims a batch, and a single entity, may read: EXPOSURE_BATCH and `exposure`'s bounds unless set (tests set them low). */
  maxClaims?: { batch: number; entity: number };
}

/**
 * Entities walked together; a batch that reads too much is split in two until one is left.
 * On a generated graph of 100,000 entities a batch of 250 or of 1,000 reads about the same
 * 150,000 claims (4 hops reach most of what leads to a harm), so batches are large.
 */
export const EXPOSURE_BATCH = {
  entities: 1000,
  /** Claims one batch may read; a single entity keeps the bounds of `exposure`. */
  maxClaims: 2_000_000,
  timeoutMs: 300_000,
} as const;

export interface Exposures {
  /** Best path to each harm reached, by entity id (an entity reaching none has an empty map). */
  best: Map<string, Map<string, ScoredPath>>;
  /**
   * Entities whose exposure is too large to work out within the bounds of `exposure`, with the
   * bound's message: one such holding must not stop the screening of all the others.
   */
  unscreened: Map<string, string>;
  /** Claims read from the graph, over all batches. */
  claimsVisited: number;
}

/**
 * The claims a walk of at most maxHops hops from `source` may take, out of a walk from many
 * sources: the walk expanded every entity at its smallest distance from any of them, so this
 * ball holds everything a walk from `source` alone would have read.
 */
export function ballOf(source: string, byFrom: ReadonlyMap<string, readonly WalkEdge[]>, maxHops: number): WalkEdge[] {
  const ball: WalkEdge[] = [];
  const reached = new Set([source]);
  let frontier = [source];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of byFrom.get(id) ?? []) {
        ball.push(edge);
        if (!reached.has(edge.to)) {
          reached.add(edge.to);
          next.push(edge.to);
        }
      }
    }
    frontier = next;
  }
  return ball;
}

async function batchExposure(db: Database, ids: string[], opts: ExposureOptions, single: boolean) {
  const walk = await walkToHarms(db, ids, {
    maxHops: opts.maxHops,
    filter: claimFilterParams(opts.filter),
    // One entity alone gets the bounds `exposure` has; a batch more room before it splits.
    ...(single
      ? opts.maxClaims && { maxClaims: opts.maxClaims.entity }
      : { maxClaims: opts.maxClaims?.batch ?? EXPOSURE_BATCH.maxClaims, timeoutMs: EXPOSURE_BATCH.timeoutMs }),
  });
  const byFrom = new Map<string, WalkEdge[]>();
  for (const edge of walk.edges) {
    const list = byFrom.get(edge.from);
    if (list) list.push(edge);
    else byFrom.set(edge.from, [edge]);
  }
  const best = new Map<string, Map<string, ScoredPath>>();
  const unscreened = new Map<string, string>();
  for (const id of ids) {
    const ball = ids.length === 1 ? walk.edges : ballOf(id, byFrom, opts.maxHops);
    try {
      best.set(id, bestPathPerHarm(ball, id, { maxHops: opts.maxHops, weights: opts.weights }));
    } catch (error) {
      // Too many paths is this entity's alone: the rest of the batch stands.
      if (!(error instanceof BoundExceeded)) throw error;
      unscreened.set(id, error.message);
    }
  }
  return { best, unscreened, claimsVisited: walk.claimsVisited };
}

/**
 * Each entity's best complicity path to every abuse and conflict it reaches (the scoring and
 * walk rules of complicityPaths). A batch past its bounds is split; a single entity past the
 * bounds of `exposure` is listed in `unscreened` with the bound's message.
 */
export async function exposuresOf(db: Database, ids: readonly string[], opts: ExposureOptions): Promise<Exposures> {
  const unique = [...new Set(ids)];
  const result: Exposures = { best: new Map(), unscreened: new Map(), claimsVisited: 0 };
  const done = () => result.best.size + result.unscreened.size;
  const run = async (batch: string[]): Promise<void> => {
    opts.signal?.throwIfAborted();
    try {
      const read = await batchExposure(db, batch, opts, batch.length === 1);
      for (const [id, paths] of read.best) result.best.set(id, paths);
      for (const [id, why] of read.unscreened) result.unscreened.set(id, why);
      result.claimsVisited += read.claimsVisited;
      opts.onProgress?.(done(), unique.length);
    } catch (error) {
      if (!(error instanceof BoundExceeded)) throw error;
      if (batch.length === 1) {
        result.unscreened.set(batch[0]!, error.message);
        opts.onProgress?.(done(), unique.length);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await run(batch.slice(0, half));
      await run(batch.slice(half));
    }
  };
  for (let i = 0; i < unique.length; i += EXPOSURE_BATCH.entities) await run(unique.slice(i, i + EXPOSURE_BATCH.entities));
  return result;
}

// Path search over the claims a walk collected: pure functions, no database. Scores are
// products of factors in 0..1 (score.ts), so extending a path never raises its score; both
// searches pop the most promising partial path first and can stop or prune on that.
import { COMPLICITY_BOUNDS, tooManyPaths } from './bounds.ts';
import { isHarm, isWalkable } from './directions.ts';
import { Heap } from './heap.ts';
import { hopScore, type WalkEdge } from './score.ts';
import type { ComplicityWeights } from './weights.ts';

export interface ScoredPath {
  edges: WalkEdge[];
  score: number;
}

export interface SearchOptions {
  maxHops: number;
  weights: ComplicityWeights;
  /** Partial paths the search may pop before it gives up (BoundExceeded). */
  maxPathsExplored?: number;
}

interface Step {
  edge: WalkEdge;
  /** The hop's weight (strength × confidence); a hop after the first also gets × decay. */
  weight: number;
}

/** A partial path as a linked list back to the start: cheap to extend and share. */
interface Label {
  node: string;
  step: Step | null;
  prev: Label | null;
  hops: number;
  score: number;
  priority: number;
  seq: number;
}

/**
 * Walkable, weighted steps by the entity they leave. Steps back into the start are dropped
 * (a path never revisits it), as are steps the walk rules forbid and zero-weight ones; each
 * list is sorted so results do not depend on the order the database returned claims in.
 */
export function adjacency(edges: readonly WalkEdge[], source: string, weights: ComplicityWeights): Map<string, Step[]> {
  const out = new Map<string, Step[]>();
  const seen = new Set<string>();
  for (const edge of edges) {
    const key = `${edge.claimId}|${edge.direction}`;
    if (seen.has(key) || edge.to === source || edge.from === edge.to) continue;
    if (!isWalkable({ relation: edge.relation, direction: edge.direction, from: edge.fromType as never, to: edge.toType as never })) continue;
    const weight = hopScore(edge, weights).weight;
    if (!(weight > 0)) continue;
    seen.add(key);
    const list = out.get(edge.from) ?? [];
    list.push({ edge, weight });
    out.set(edge.from, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => (a.edge.to < b.edge.to ? -1 : a.edge.to > b.edge.to ? 1 : a.edge.claimId < b.edge.claimId ? -1 : 1));
  }
  return out;
}

function onPath(label: Label, node: string): boolean {
  for (let l: Label | null = label; l; l = l.prev) if (l.node === node) return true;
  return false;
}

function edgesOf(label: Label): WalkEdge[] {
  const edges: WalkEdge[] = [];
  for (let l: Label | null = label; l?.step; l = l.prev) edges.push(l.step.edge);
  return edges.reverse();
}

const better = (a: Label, b: Label) =>
  a.priority !== b.priority ? a.priority > b.priority : a.hops !== b.hops ? a.hops < b.hops : a.seq < b.seq;

/** Score after taking `step` from a path scoring `score` with `hops` hops so far. */
function extend(score: number, hops: number, step: Step, decay: number): number {
  return hops === 0 ? step.weight : score * (step.weight * decay);
}

/**
 * bound[r].get(v): the best score factor any walk of at most r hops from v to a target could
 * add (1 at a target). Walks include every simple path, so it never underestimates: an
 * admissible bound that lets the k-best search pop complete paths in score order.
 */
function completionBounds(adj: Map<string, Step[]>, targets: ReadonlySet<string>, maxHops: number, decay: number) {
  // A hair above the true value so float rounding never makes the bound too low.
  const slack = 1 + 1e-12;
  const bounds: Map<string, number>[] = [new Map([...targets].map((t) => [t, 1]))];
  for (let r = 1; r <= maxHops; r++) {
    const prev = bounds[r - 1]!;
    const cur = new Map<string, number>(prev);
    for (const [node, steps] of adj) {
      let best = cur.get(node) ?? 0;
      for (const s of steps) {
        const b = prev.get(s.edge.to);
        // Never 0 once reachable, even if tiny weights underflow: 0 would read as "no way on".
        if (b !== undefined) best = Math.max(best, Number.MIN_VALUE, Math.min(1, s.weight * decay * b * slack));
      }
      if (best > 0) cur.set(node, best);
    }
    bounds.push(cur);
  }
  return bounds;
}

/**
 * The k highest-scoring simple paths of at most maxHops hops from `source` to any of
 * `targets`, best first (ties: fewer hops first). Best-first over partial paths, ordered by
 * score × the best possible completion; partial paths that cannot reach a target in the hops
 * left are never queued.
 */
export function kBestPaths(
  edges: readonly WalkEdge[],
  source: string,
  targets: ReadonlySet<string>,
  opts: SearchOptions & { k: number },
): ScoredPath[] {
  return kBestPathsIn(pathGraph(edges, targets, opts), source, opts);
}

/** The steps and completion bounds of a set of claims towards targets, to search from many sources. */
export interface PathGraph {
  adj: Map<string, Step[]>;
  bounds: Map<string, number>[];
  targets: ReadonlySet<string>;
}

export function pathGraph(edges: readonly WalkEdge[], targets: ReadonlySet<string>, opts: SearchOptions): PathGraph {
  // No source to leave out: a path's own start is on it, so the search never steps back into it.
  const adj = adjacency(edges, '', opts.weights);
  return { adj, bounds: completionBounds(adj, targets, opts.maxHops, opts.weights.hopDecay), targets };
}

/** kBestPaths over a prepared graph: many sources share one adjacency and one set of bounds. */
export function kBestPathsIn(graph: PathGraph, source: string, opts: SearchOptions & { k: number }): ScoredPath[] {
  const { adj, bounds, targets } = graph;
  const decay = opts.weights.hopDecay;
  const limit = opts.maxPathsExplored ?? COMPLICITY_BOUNDS.maxPathsExplored;
  const found: ScoredPath[] = [];
  let seq = 0;
  let explored = 0;
  const queue = new Heap<Label>(better);
  queue.push({ node: source, step: null, prev: null, hops: 0, score: 1, priority: 1, seq: seq++ });
  while (queue.size > 0 && found.length < opts.k) {
    const label = queue.pop()!;
    if (++explored > limit) throw tooManyPaths(limit);
    if (label.hops > 0 && targets.has(label.node)) found.push({ edges: edgesOf(label), score: label.score });
    if (label.hops >= opts.maxHops) continue;
    const left = bounds[opts.maxHops - label.hops - 1]!;
    for (const step of adj.get(label.node) ?? []) {
      const next = step.edge.to;
      const bound = left.get(next);
      if (bound === undefined || onPath(label, next)) continue;
      const score = extend(label.score, label.hops, step, decay);
      queue.push({ node: next, step, prev: label, hops: label.hops + 1, score, priority: score * bound, seq: seq++ });
    }
  }
  // Float rounding can swap near-equal neighbours; the order promised is by score.
  return found.sort((a, b) => b.score - a.score || a.edges.length - b.edges.length);
}

/**
 * The best simple path of at most maxHops hops from `source` to every abuse and conflict it
 * reaches. Best-first over (entity, hops) labels: a label is dropped when the same entity was
 * already reached with no more hops (and, popped earlier, no lower score). That keeps every
 * path simple: a path that came back to an entity would be dominated by its own earlier visit.
 */
export function bestPathPerHarm(edges: readonly WalkEdge[], source: string, opts: SearchOptions): Map<string, ScoredPath> {
  const decay = opts.weights.hopDecay;
  const adj = adjacency(edges, source, opts.weights);
  const limit = opts.maxPathsExplored ?? COMPLICITY_BOUNDS.maxPathsExplored;
  const fewestHops = new Map<string, number>();
  const best = new Map<string, ScoredPath>();
  let seq = 0;
  let explored = 0;
  const queue = new Heap<Label>(better);
  queue.push({ node: source, step: null, prev: null, hops: 0, score: 1, priority: 1, seq: seq++ });
  while (queue.size > 0) {
    const label = queue.pop()!;
    const settled = fewestHops.get(label.node);
    if (settled !== undefined && settled <= label.hops) continue;
    if (++explored > limit) throw tooManyPaths(limit);
    fewestHops.set(label.node, label.hops);
    if (settled === undefined && label.step && isHarm(label.step.edge.toType)) {
      best.set(label.node, { edges: edgesOf(label), score: label.score });
    }
    if (label.hops >= opts.maxHops) continue;
    for (const step of adj.get(label.node) ?? []) {
      const known = fewestHops.get(step.edge.to);
      if (known !== undefined && known <= label.hops + 1) continue;
      const score = extend(label.score, label.hops, step, decay);
      queue.push({ node: step.edge.to, step, prev: label, hops: label.hops + 1, score, priority: score, seq: seq++ });
    }
  }
  return best;
}

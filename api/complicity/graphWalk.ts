// Reads the claims a complicity search needs from Neo4j, hop by hop, through the named
// query cypher/complicity/expand.cypher: forward from the start towards harms (exposure), or
// from both ends at once, always widening the smaller frontier (paths to known targets).
// Every read counts against the claim bound and runs with what is left of the time bound.
import { cypherInt, isTimeoutError, type Database } from '../db/database.ts';
import { COMPLICITY_BOUNDS, tooManyClaims, tooSlow } from './bounds.ts';
import { isHarm, stepKey, WALK_STEPS, type WalkDirection, type WalkStep } from './directions.ts';
import type { WalkEdge } from './score.ts';

export interface WalkOptions {
  maxHops: number;
  /** claimFilterParams(...) of the request: passed to the claim-visible fragment. */
  filter: Record<string, unknown>;
  maxClaims?: number;
  timeoutMs?: number;
}

export interface WalkResult {
  edges: WalkEdge[];
  claimsVisited: number;
}

/** The expand query's step parameters for a set of allowed steps. */
function stepParams(steps: readonly WalkStep[], outward: boolean) {
  const types = (direction: WalkDirection) => [...new Set(steps.filter((s) => s.direction === direction).map((s) => s.relation))];
  return {
    steps: Object.fromEntries(steps.map((s) => [stepKey(s), true])),
    // Walking out of the frontier follows forward steps along the stored direction and
    // backward steps against it; walking into it, the other way round.
    outTypes: types(outward ? 'forward' : 'backward'),
    inTypes: types(outward ? 'backward' : 'forward'),
  };
}

const PARAMS = {
  out: stepParams(WALK_STEPS, true),
  in: stepParams(WALK_STEPS, false),
  // Exposure's last hop: only a step onto an abuse or conflict can end one of its paths.
  outIntoHarm: stepParams(WALK_STEPS.filter((s) => isHarm(s.to)), true),
};

/** A row of expand.cypher: a walk edge with its direction as F or B. */
type Row = Omit<WalkEdge, 'direction'> & { dir: 'F' | 'B' };

/** One hop's reads, with the shared claim count and deadline. */
class Walker {
  claimsVisited = 0;
  readonly edges: WalkEdge[] = [];
  private readonly seen = new Set<string>();
  private readonly maxClaims: number;
  private readonly timeoutMs: number;
  private readonly deadline: number;

  constructor(
    private readonly db: Database,
    private readonly opts: WalkOptions,
  ) {
    this.maxClaims = opts.maxClaims ?? COMPLICITY_BOUNDS.maxClaimsVisited;
    this.timeoutMs = opts.timeoutMs ?? COMPLICITY_BOUNDS.timeoutMs;
    this.deadline = Date.now() + this.timeoutMs;
  }

  /** Claims out of (outward) or into the frontier; returns the entities they reach. */
  async hop(frontier: string[], outward: boolean, steps = outward ? PARAMS.out : PARAMS.in): Promise<string[]> {
    const left = this.deadline - Date.now();
    if (left <= 0) throw tooSlow(this.timeoutMs);
    let rows: Row[];
    try {
      rows = (await this.db.read(
        'complicity/expand',
        {
          frontier,
          outward,
          ...steps,
          limit: cypherInt(this.maxClaims - this.claimsVisited + 1),
          ...this.opts.filter,
        },
        { timeoutMs: left },
      )) as unknown as Row[];
    } catch (error) {
      if (isTimeoutError(error)) throw tooSlow(this.timeoutMs);
      throw error;
    }
    this.claimsVisited += rows.length;
    if (this.claimsVisited > this.maxClaims) throw tooManyClaims(this.maxClaims);
    const reached = new Set<string>();
    for (const r of rows) {
      reached.add(outward ? r.to : r.from);
      const key = `${r.claimId}|${r.dir}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const { dir, ...edge } = r;
      this.edges.push({ ...edge, direction: dir === 'F' ? 'forward' : 'backward', confidence: r.confidence ?? null });
    }
    return [...reached];
  }
}

/**
 * Every claim a path of at most maxHops hops from `source` to an abuse or conflict may take.
 * Several sources walk together (portfolio screening): the result holds every claim each of
 * them needs, since an entity is expanded at its smallest distance from any source.
 */
export async function walkToHarms(db: Database, source: string | readonly string[], opts: WalkOptions): Promise<WalkResult> {
  const walker = new Walker(db, opts);
  const sources = typeof source === 'string' ? [source] : [...new Set(source)];
  const expanded = new Set(sources);
  let frontier = sources;
  for (let hop = 0; hop < opts.maxHops && frontier.length > 0; hop++) {
    const last = hop === opts.maxHops - 1;
    const reached = await walker.hop(frontier, true, last ? PARAMS.outIntoHarm : PARAMS.out);
    frontier = reached.filter((id) => !expanded.has(id));
    for (const id of frontier) expanded.add(id);
  }
  return { edges: walker.edges, claimsVisited: walker.claimsVisited };
}

/**
 * Every claim on a path of at most maxHops hops from `source` to a target: a ball of radius
 * a around the source and one of radius b around the targets, a + b = maxHops, widening the
 * side with the smaller frontier each time. Any such path has each hop in one of the two.
 */
export async function walkBetween(db: Database, source: string, targets: string[], opts: WalkOptions): Promise<WalkResult> {
  const walker = new Walker(db, opts);
  const sides = [
    { outward: true, expanded: new Set([source]), frontier: [source] },
    { outward: false, expanded: new Set(targets), frontier: targets.filter((t) => t !== source) },
  ];
  for (let hops = 0; hops < opts.maxHops; hops++) {
    if (sides.some((s) => s.frontier.length === 0)) break;
    const side = sides[0]!.frontier.length <= sides[1]!.frontier.length ? sides[0]! : sides[1]!;
    const reached = await walker.hop(side.frontier, side.outward);
    // Walking back past the start is useless: a path never returns to it.
    side.frontier = reached.filter((id) => !side.expanded.has(id) && (side.outward || id !== source));
    for (const id of side.frontier) side.expanded.add(id);
  }
  return { edges: walker.edges, claimsVisited: walker.claimsVisited };
}

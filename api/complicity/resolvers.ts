// complicityPaths and exposure: validate the request, walk the claims from Neo4j, search
// paths in memory (pathSearch.ts), then load and show what the best paths hold.
import type { ApiContext } from '../context.ts';
import { badInput, intInRange, notFound } from '../errors.ts';
import { claimFilter, claimFilterParams, type ClaimFilterArgs } from '../filters/claimFilter.ts';
import { entityById } from '../entity/resolvers.ts';
import { column, type StoredEntity } from '../graph/mapping.ts';
import { BoundExceeded, boundError, COMPLICITY_BOUNDS } from './bounds.ts';
import { walkBetween, walkToHarms } from './graphWalk.ts';
import { bestPathPerHarm, kBestPaths } from './pathSearch.ts';
import { presentPaths, presentWeights } from './present.ts';
import { resolveWeights, type WeightsInput } from './weights.ts';
import { isContested } from '../domain/contested.ts';
import { isUndated } from '../domain/undated.ts';
import type { ApiHop, ApiPath } from './present.ts';

interface SearchArgs extends ClaimFilterArgs {
  maxHops: number;
  weights?: WeightsInput | null;
}

interface PathsArgs extends SearchArgs {
  from: string;
  to: { id?: string | null; abuseCategory?: string | null };
  k: number;
}

interface ExposureArgs extends SearchArgs {
  entityId: string;
  limit: number;
}

/** What both queries take: hop bound, claim filters and weights, each checked at the edge. */
function searchArgs(args: SearchArgs) {
  return {
    maxHops: intInRange('maxHops', args.maxHops, 1, COMPLICITY_BOUNDS.maxHops),
    filter: claimFilterParams(claimFilter(args)),
    weights: resolveWeights(args.weights),
  };
}

/** Bound errors become GraphQL errors naming the bound; the rest pass through. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof BoundExceeded ? boundError(error) : error;
  }
}

/** The ids paths may end at: one entity, or every abuse of a category. */
async function targetIds(ctx: ApiContext, to: PathsArgs['to'], from: StoredEntity): Promise<string[]> {
  const id = to.id ?? null;
  const category = to.abuseCategory ?? null;
  if ((id === null) === (category === null)) {
    throw badInput('to needs exactly one of id (an entity) or abuseCategory (e.g. "mass-surveillance").', 'to');
  }
  if (id !== null) {
    const target = await entityById(ctx, id);
    if (target.id === from.id) throw badInput(`from and to are the same entity ("${target.id}").`, 'to');
    return [target.id];
  }
  const ids = column<string>(await ctx.db.read('complicity/abuses-of-category', { category }), 'id').filter((t) => t !== from.id);
  if (ids.length === 0) {
    const known = (await abuseCategories(ctx)).join(', ');
    throw notFound(`No abuse has the category "${category}". Categories in the graph: ${known || 'none'}.`);
  }
  return ids;
}

async function abuseCategories(ctx: ApiContext): Promise<string[]> {
  return column<string>(await ctx.db.read('complicity/abuse-categories'), 'category');
}

export const complicityResolvers = {
  PathHop: {
    contested: (hop: ApiHop) => isContested(hop.claim),
    undated: (hop: ApiHop) => isUndated(hop.claim),
  },
  ComplicityPath: {
    contested: (path: ApiPath) => path.hops.some((h) => isContested(h.claim)),
    undated: (path: ApiPath) => path.hops.some((h) => isUndated(h.claim)),
  },
  Query: {
    abuseCategories: (_: unknown, __: unknown, ctx: ApiContext) => abuseCategories(ctx),

    async complicityPaths(_: unknown, args: PathsArgs, ctx: ApiContext) {
      const { maxHops, filter, weights } = searchArgs(args);
      const k = intInRange('k', args.k, 1, COMPLICITY_BOUNDS.k);
      const from = await entityById(ctx, args.from);
      const targets = await targetIds(ctx, args.to, from);
      return bounded(async () => {
        const walk = await walkBetween(ctx.db, from.id, targets, { maxHops, filter });
        const found = kBestPaths(walk.edges, from.id, new Set(targets), { maxHops, weights, k });
        return {
          from,
          targetCount: targets.length,
          paths: await presentPaths(ctx.db, found, weights),
          weights: presentWeights(weights),
          claimsVisited: walk.claimsVisited,
        };
      });
    },

    async exposure(_: unknown, args: ExposureArgs, ctx: ApiContext) {
      const { maxHops, filter, weights } = searchArgs(args);
      const limit = intInRange('limit', args.limit, 1, COMPLICITY_BOUNDS.exposureLimit);
      const entity = await entityById(ctx, args.entityId);
      return bounded(async () => {
        const walk = await walkToHarms(ctx.db, entity.id, { maxHops, filter });
        const best = [...bestPathPerHarm(walk.edges, entity.id, { maxHops, weights }).entries()].sort(
          ([a, p], [b, q]) => q.score - p.score || (a < b ? -1 : 1),
        );
        const kept = best.slice(0, limit);
        const paths = await presentPaths(ctx.db, kept.map(([, p]) => p), weights);
        return {
          entity,
          harms: paths.map((path) => ({ harm: path.nodes[path.nodes.length - 1]!, score: path.score, path })),
          reachable: best.length,
          truncated: best.length > limit,
          weights: presentWeights(weights),
          claimsVisited: walk.claimsVisited,
        };
      });
    },
  },
};

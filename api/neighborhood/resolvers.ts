import type { ApiContext } from '../context.ts';
import { cypherInt } from '../db/database.ts';
import { intInRange, notFound } from '../errors.ts';
import { claimFilter, claimFilterParams, type ClaimFilterArgs } from '../filters/claimFilter.ts';
import { asEntity, withSources, type StoredClaim } from '../graph/mapping.ts';
import { resolveEntityId } from '../entity/resolvers.ts';
import { sourcesByIds } from '../sources/resolvers.ts';

export const NEIGHBORHOOD_LIMIT_MAX = 500;

interface NeighborhoodArgs extends ClaimFilterArgs {
  id: string;
  depth: number;
  limit: number;
}

export const neighborhoodResolvers = {
  Query: {
    async neighborhood(_: unknown, args: NeighborhoodArgs, ctx: ApiContext) {
      const depth = intInRange('depth', args.depth, 1, 2);
      const limit = intInRange('limit', args.limit, 1, NEIGHBORHOOD_LIMIT_MAX);
      const filter = claimFilterParams(claimFilter(args));
      const id = await resolveEntityId(ctx, args.id);
      const [row] = await ctx.db.read('neighborhood/neighborhood', {
        id,
        depth: cypherInt(depth),
        limit: cypherInt(limit),
        ...filter,
      });
      if (!row) throw notFound(`No entity with id "${args.id}".`);
      const claims = row.edges as StoredClaim[];
      const sources = await sourcesByIds(ctx.db, claims.flatMap((c) => c.sourceIds));
      return {
        center: asEntity(row.center),
        nodes: (row.nodes as unknown[]).map(asEntity),
        edges: withSources(claims, sources),
        truncated: row.truncated as boolean,
      };
    },
  },
};

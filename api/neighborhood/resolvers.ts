import type { ApiContext } from '../context.ts';
import { cypherInt } from '../db/database.ts';
import { intInRange, notFound } from '../errors.ts';
import { asEntity, withSources, type StoredClaim } from '../graph/mapping.ts';
import { sourcesByIds } from '../sources/resolvers.ts';

export const NEIGHBORHOOD_LIMIT_MAX = 500;

interface NeighborhoodArgs {
  id: string;
  depth: number;
  limit: number;
}

export const neighborhoodResolvers = {
  Query: {
    async neighborhood(_: unknown, args: NeighborhoodArgs, ctx: ApiContext) {
      const depth = intInRange('depth', args.depth, 1, 2);
      const limit = intInRange('limit', args.limit, 1, NEIGHBORHOOD_LIMIT_MAX);
      const [row] = await ctx.db.read('neighborhood/neighborhood', { id: args.id, depth: cypherInt(depth), limit: cypherInt(limit) });
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

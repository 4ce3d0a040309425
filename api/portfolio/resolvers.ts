// screenPortfolio and decideMatch: arguments checked here, the work in screen.ts and store.ts.
import { GraphQLError } from 'graphql';
import { requireEditor } from '../auth/viewer.ts';
import { BoundExceeded, boundError, COMPLICITY_BOUNDS } from '../complicity/bounds.ts';
import { resolveWeights } from '../complicity/weights.ts';
import type { ApiContext } from '../context.ts';
import type { ClaimStatus } from '../domain/model.ts';
import { entityById } from '../entity/resolvers.ts';
import { badInput, intInRange } from '../errors.ts';
import { claimFilter } from '../filters/claimFilter.ts';
import { HoldingsProblems, screenPortfolio, type Screening } from './screen.ts';
import { saveDecision } from './store.ts';

function portfolioName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) throw badInput('portfolio must be a name of 1 to 200 characters.', 'portfolio');
  return name;
}

export function presentScreening(s: Screening) {
  return {
    portfolio: s.portfolio,
    notes: s.notes,
    claimsVisited: s.claimsVisited,
    summary: { ...s.summary, needsReview: s.needsReview, weighting: s.summary.weighting.toUpperCase() },
    holdings: s.holdings.map((h) => ({
      holding: { ...h.holding, key: h.key },
      match: {
        status: h.match.status.toUpperCase(),
        entity: h.entity,
        options: h.match.options.map((o, i) => ({ entity: h.optionEntities[i], score: o.score, reason: o.reason })),
      },
      exposure: h.exposure && {
        ...h.exposure,
        level: h.exposure.level.toUpperCase(),
        harms: h.exposure.harms.map((x) => ({ harm: { id: x.id, type: x.type, name: x.name, category: x.category, aliases: [] }, score: x.score })),
        subsidiaries: h.exposure.subsidiaries.map((s) => ({ entity: { id: s.id, name: s.name, type: 'Company', aliases: [] }, hops: s.hops, share: s.share, chain: s.chain })),
      },
    })),
  };
}

export const portfolioResolvers = {
  Mutation: {
    async screenPortfolio(
      _: unknown,
      args: { portfolio: string; content: string; fileName: string; asOf?: string | null; statuses?: ClaimStatus[] | null; minConfidence?: number | null; maxHops: number },
      ctx: ApiContext,
    ) {
      const portfolio = portfolioName(args.portfolio);
      const filter = claimFilter(args);
      const maxHops = intInRange('maxHops', args.maxHops, 1, COMPLICITY_BOUNDS.maxHops);
      try {
        return presentScreening(await screenPortfolio(ctx.db, { portfolio, content: args.content, fileName: args.fileName, filter, maxHops, weights: resolveWeights(null) }));
      } catch (error) {
        if (error instanceof HoldingsProblems) {
          throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument: 'content', problems: error.problems } });
        }
        if (error instanceof BoundExceeded) throw boundError(error);
        throw error;
      }
    },

    async decideMatch(_: unknown, args: { portfolio: string; holdingKey: string; entityId?: string | null; reject: boolean }, ctx: ApiContext) {
      const by = requireEditor(ctx);
      const portfolio = portfolioName(args.portfolio);
      if (!args.holdingKey) throw badInput('holdingKey is empty.', 'holdingKey');
      if (args.reject === Boolean(args.entityId)) throw badInput('Give exactly one of entityId (this is the holding) or reject: true (none of the options).', 'entityId');
      if (args.entityId) {
        const entity = await entityById(ctx, args.entityId);
        if (entity.type !== 'Company' && entity.type !== 'Investor') throw badInput(`A holding is a company or an investor; "${entity.id}" is a ${entity.type}.`, 'entityId');
        await saveDecision(ctx.db, by, portfolio, args.holdingKey, { entityId: entity.id });
      } else {
        await saveDecision(ctx.db, by, portfolio, args.holdingKey, { rejected: true });
      }
      return true;
    },
  },
};

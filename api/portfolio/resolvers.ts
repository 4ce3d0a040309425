// screenPortfolio and decideMatch: arguments checked here, the work in screen.ts and store.ts.
import { GraphQLError } from 'graphql';
import { requireEditor } from '../auth/viewer.ts';
import { BoundExceeded, boundError, COMPLICITY_BOUNDS } from '../complicity/bounds.ts';
import { presentWeights } from '../complicity/present.ts';
import { resolveWeights } from '../complicity/weights.ts';
import type { ApiContext } from '../context.ts';
import type { ClaimStatus } from '../domain/model.ts';
import { entityById } from '../entity/resolvers.ts';
import { badInput, intInRange } from '../errors.ts';
import { claimFilter } from '../filters/claimFilter.ts';
import { HARMS_LIMIT } from './flagBudget.ts';
import type { Decision } from './matching.ts';
import { pathLoader, type PathLoader } from './pathBatch.ts';
import { REPORT_FLAGS } from './report.ts';
import { HoldingsProblems, screenPortfolio, type Screening, type ScreenOptions } from './screen.ts';
import { saveDecision } from './store.ts';

function portfolioName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) throw badInput('portfolio must be a name of 1 to 200 characters.', 'portfolio');
  return name;
}

/** The API's view of a screening; with `paths`, each flag's path is shown when asked for. */
export function presentScreening(s: Screening, paths?: PathLoader) {
  return {
    portfolio: s.portfolio,
    notes: s.notes,
    claimsVisited: s.claimsVisited,
    summary: { ...s.summary, needsReview: s.needsReview, weighting: s.summary.weighting.toUpperCase() },
    settings: {
      maxHops: s.settings.maxHops,
      asOf: s.settings.filter.asOf,
      statuses: s.settings.filter.statuses,
      minConfidence: s.settings.filter.minConfidence,
      includeUndated: s.settings.filter.includeUndated,
      weights: presentWeights(s.settings.weights),
    },
    holdings: s.holdings.map((h) => ({
      holding: { ...h.holding, key: h.key },
      unscreened: h.unscreened,
      shareOfFile: h.shareOfFile,
      shareOfWhole: h.shareOfWhole,
      match: {
        status: h.match.status.toUpperCase(),
        entity: h.entity,
        options: h.match.options.map((o, i) => ({ entity: h.optionEntities[i], score: o.score, reason: o.reason })),
      },
      exposure: h.exposure && {
        ...h.exposure,
        level: h.exposure.level.toUpperCase(),
        harmCount: h.exposure.harms.length,
        // Functions: GraphQL calls them with the field's arguments, and `path` only when selected.
        harms: (args: { limit?: number | null } = {}) =>
          h.exposure!.harms.slice(0, flagLimit(args.limit)).map((x) => ({
            harm: { id: x.id, type: x.type, name: x.name, category: x.category, aliases: [] },
            score: x.score,
            path: () => (paths ? paths(h.exposure!.paths.get(x.id)!) : null),
          })),
        subsidiaries: h.exposure.subsidiaries.map((s) => ({ entity: { id: s.id, name: s.name, type: 'Company', aliases: [] }, hops: s.hops, share: s.share, chain: s.chain })),
      },
    })),
  };
}

/** `limit` of HoldingExposure.harms, within the bounds the flag budget priced before execution. */
function flagLimit(limit: number | null | undefined): number {
  return intInRange('limit', limit ?? HARMS_LIMIT.default, 1, HARMS_LIMIT.max);
}

/** A presented screening with the best `limit` flags of each holding and their paths loaded, for reports. */
export async function withFlagPaths(presented: ReturnType<typeof presentScreening>, limit = REPORT_FLAGS) {
  const holdings = await Promise.all(
    presented.holdings.map(async (h) => ({
      ...h,
      exposure: h.exposure && { ...h.exposure, harms: await Promise.all(h.exposure.harms({ limit }).map(async (x) => ({ ...x, path: await x.path() }))) },
    })),
  );
  return { ...presented, holdings };
}

/** A presented screening with the best `limit` flags of each holding listed, without their paths. */
export function withFlags(presented: ReturnType<typeof presentScreening>, limit = REPORT_FLAGS) {
  return { ...presented, holdings: presented.holdings.map((h) => ({ ...h, exposure: h.exposure && { ...h.exposure, harms: h.exposure.harms({ limit }).map(({ path: _, ...x }) => x) } })) };
}

interface ScreenArgs {
  portfolio: string;
  content: string;
  fileName: string;
  decisions?: { holdingKey: string; entityId?: string | null; reject?: boolean | null }[] | null;
  asOf?: string | null;
  statuses?: ClaimStatus[] | null;
  minConfidence?: number | null;
  includeUndated?: boolean | null;
  maxHops: number;
}

/** A request's arguments checked, as screenPortfolio's options. */
function screenOptions(args: ScreenArgs): Omit<ScreenOptions, 'onProgress'> {
  const decisions = new Map<string, Decision>();
  for (const [i, d] of (args.decisions ?? []).entries()) {
    if ((d.reject ?? false) === Boolean(d.entityId)) {
      throw badInput(`decisions[${i}] (holding "${d.holdingKey}") needs exactly one of entityId or reject: true.`, 'decisions');
    }
    decisions.set(d.holdingKey, d.entityId ? { entityId: d.entityId } : { rejected: true });
  }
  return {
    portfolio: portfolioName(args.portfolio),
    content: args.content,
    fileName: args.fileName,
    filter: claimFilter(args),
    maxHops: intInRange('maxHops', args.maxHops, 1, COMPLICITY_BOUNDS.maxHops),
    weights: resolveWeights(null),
    decisions,
  };
}

/** Problems in the file and bound overruns become errors a client can act on. */
function screeningError(error: unknown): unknown {
  if (error instanceof HoldingsProblems) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument: 'content', problems: error.problems } });
  }
  if (error instanceof BoundExceeded) return boundError(error);
  return error;
}

/** The screening, presented (the flags a request selects were checked against FLAG_BUDGET before it ran). */
function presented(s: Screening, ctx: ApiContext, weights: ScreenOptions['weights']) {
  return presentScreening(s, pathLoader(ctx.db, weights));
}

/**
 * screenPortfolio as a stream of events: progress while it runs, then the result. The work
 * runs as the stream is read; events wait in a queue until the client takes them. A stream
 * closed early (the client went away: graphql-yoga then returns the iterator) aborts the work
 * at its next step rather than leaving it to run on. `run` is screenPortfolio but for tests.
 */

export async function* screeningEvents(args: ScreenArgs, ctx: ApiContext, run = screenPortfolio) {
  const opts = screenOptions(args);
  const stop = new AbortController();
  const queue: { phase: string; done: number; total: number }[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const work = run(ctx.db, {
    ...opts,
    signal: stop.signal,
    onProgress(done, total, phase) {
      queue.push({ phase: phase.toUpperCase(), done, total });
      wake?.();
    },
  }).finally(() => {
    finished = true;
    wake?.();
  });
  work.catch(() => undefined); // surfaced below, once the queue is drained
  try {
    for (;;) {
      while (queue.length > 0) yield { screenPortfolioProgress: { progress: queue.shift()!, result: null } };
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    try {
      yield { screenPortfolioProgress: { progress: null, result: presented(await work, ctx, opts.weights) } };
    } catch (error) {
      throw screeningError(error);
    }
  } finally {
    // Past the end this changes nothing; before it, the client is gone.
    stop.abort(new Error('The screening stream was closed before the screening ended.'));
  }
}

export const portfolioResolvers = {
  Mutation: {
    async screenPortfolio(_: unknown, args: ScreenArgs, ctx: ApiContext) {
      const opts = screenOptions(args);
      try {
        return presented(await screenPortfolio(ctx.db, { ...opts, signal: ctx.signal }), ctx, opts.weights);
      } catch (error) {
        throw screeningError(error);
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
  Subscription: {
    screenPortfolioProgress: { subscribe: (_: unknown, args: ScreenArgs, ctx: ApiContext) => screeningEvents(args, ctx) },
  },
};

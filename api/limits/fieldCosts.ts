// What each field costs before it runs, priced by the bounds its arguments set. A unit is
// roughly one small indexed read; a plain field costs 1. The expensive fields are priced so
// that the largest request of each kind fits MAX_QUERY_COST alone, and a handful of them
// aliased together does not. graphql-query-complexity walks the document (aliases, fragments,
// variables, argument defaults) and calls `fieldCost` for every field it meets.
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_HOLDINGS } from '../portfolio/holdings.ts';
import { holdingsBound } from '../portfolio/flagBudget.ts';

/** The most one operation may cost; refusals name it (bound: "maxCost"). */
export const MAX_QUERY_COST = 5_000;

/** Operations costing this much or more, or touching an EXPENSIVE_FIELDS field, count as expensive. */
export const EXPENSIVE_COST = 500;

type Args = Record<string, unknown>;
type Price = (args: Args, childCost: number) => number;

const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback);
const hops = (args: Args, fallback: number) => Math.min(num(args.maxHops, fallback), 6);
const textLength = (...values: unknown[]) => values.reduce<number>((sum, v) => sum + (typeof v === 'string' ? v.length : 0), 0);

/** A walk of maxHops claims fans out with each hop: priced by the square of the hops. */
const walk = (maxHops: number) => 25 * maxHops * maxHops;

/** A screening: each holding is matched and walked; its children are paid per holding by the flag budget. */
const screening = (args: Args) => 50 + Math.ceil(0.04 * Math.min(holdingsBound(args.content), MAX_HOLDINGS) * hops(args, 4));

/** A disengagement re-run with its default bounds (a saved scenario's result is computed when asked). */
const SCENARIO_RESULT = 600 + 2 * walk(5);

export const FIELD_PRICES: Record<string, Price> = {
  'Query.search': (args, child) => 2 + Math.min(num(args.limit, 10), 100) * child,
  'Query.neighborhood': (args, child) => {
    const limit = Math.min(num(args.limit, 200), 500);
    return (num(args.depth, 1) >= 2 ? 20 + limit : 5 + limit / 20) + child;
  },
  'Query.sources': (args, child) => 1 + (Array.isArray(args.ids) ? args.ids.length : 1) * child,
  'Query.history': (args, child) => 2 + Math.min(num(args.limit, 100), 1000) / 10 + child,
  'Query.complicityPaths': (args, child) => walk(hops(args, 4)) + 5 * Math.min(num(args.k, 5), 50) + child,
  'Query.exposure': (args, child) => walk(hops(args, 4)) + Math.min(num(args.limit, 100), 500) + child,
  'Query.disengagement': (args, child) => 600 + 2 * walk(hops(args, 5)) + child,
  'Query.disengagementOptions': (_, child) => 50 + child,
  'Query.scenarios': (args, child) => 5 + Math.min(num(args.limit, 100), 500) * child,
  'Query.compareScenarios': (_, child) => 2 * SCENARIO_RESULT + child,
  'Scenario.result': (_, child) => SCENARIO_RESULT + child,
  'Query.exportGraph': (args, child) => {
    // A layout is read and checked node by node, like ids.
    const layout = Array.isArray(args.layout) ? args.layout.length / 5 : 0;
    if (args.all === true) return 3_000 + layout + child;
    if (Array.isArray(args.ids)) return 20 + args.ids.length / 5 + layout + child;
    return (num(args.depth, 1) >= 2 ? 200 : 50) + Math.min(num(args.limit, 500), 5_000) / 10 + layout + child;
  },
  'Mutation.importData': (args, child) =>
    50 + Math.ceil(textLength(args.content, args.relationshipsContent, args.sourcesContent) / 10_000) + child,
  'Mutation.screenPortfolio': (args, child) => screening(args) + child,
  'Subscription.screenPortfolioProgress': (args, child) => screening(args) + child,
  'Mutation.saveScenario': (_, child) => SCENARIO_RESULT + child,
};

/** Fields that make an operation expensive whatever their price (in-flight limits apply). */
export const EXPENSIVE_FIELDS = new Set([
  'Query.complicityPaths',
  'Query.exposure',
  'Query.disengagement',
  'Query.compareScenarios',
  'Scenario.result',
  'Query.exportGraph',
  'Mutation.importData',
  'Mutation.screenPortfolio',
  'Subscription.screenPortfolioProgress',
  'Mutation.saveScenario',
]);

/** The estimator: the table's price for listed fields, else 1 plus what the field selects. */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const price = FIELD_PRICES[`${type.name}.${field.name}`];
  return price ? Math.ceil(price(args, childComplexity)) : 1 + childComplexity;
}

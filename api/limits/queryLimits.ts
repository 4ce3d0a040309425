// Query limits, checked before anything runs: graphql-armor bounds the document's shape
// (aliases, depth, tokens, directives) while it is parsed and validated; then, before
// execution, graphql-query-complexity prices the operation by its fields' bounds
// (fieldCosts.ts), the screening flag budget is worked out, and an anonymous expensive
// request waits for one of a few slots. Every refusal is LIMIT_EXCEEDED naming its bound.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { bracketNesting } from './documentNesting.ts';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import type { ApiContext } from '../context.ts';
import { operationFlagBudgetError } from '../portfolio/flagBudget.ts';
import { EXPENSIVE_COST, EXPENSIVE_FIELDS, fieldCost, MAX_QUERY_COST } from './fieldCosts.ts';
import { ExpensiveRequestSlots } from './inFlight.ts';

/** The document's shape: generous for every query the explorer sends; the standard introspection query is 15 deep. */
export const DOCUMENT_LIMITS = { maxAliases: 20, maxDepth: 16, maxTokens: 4_000, maxDirectives: 20, maxNesting: 64 } as const;

export function limitExceeded(message: string, bound: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', bound, limit } });
}

/**
 * graphql-armor's rejections read "Syntax Error: Aliases limit of 20 exceeded, found 1000."
 * with no code; give them the code and bound every other limit has.
 */
function tagged(bound: keyof typeof DOCUMENT_LIMITS) {
  return [
    (_: unknown, error: GraphQLError) => {
      Object.assign(error.extensions, { code: 'LIMIT_EXCEEDED', bound, limit: DOCUMENT_LIMITS[bound] });
      error.message = error.message.replace(/^Syntax Error: /, '');
    },
  ];
}

/** Refuses a document nested deeper than maxNesting before the parser recurses into it. */
export function documentNestingPlugin(): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const nesting = bracketNesting(source);
      if (nesting > DOCUMENT_LIMITS.maxNesting) {
        throw limitExceeded(
          `The document nests brackets ${nesting} deep; at most ${DOCUMENT_LIMITS.maxNesting} are allowed.`,
          'maxNesting',
          DOCUMENT_LIMITS.maxNesting,
        );
      }
    },
  };
}

export function documentLimitsPlugin(): Plugin {
  return EnvelopArmorPlugin({
    // __typename too (armor allows it by default): 1,000 of them are still 1,000 fields to answer.
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases, allowList: [], onReject: tagged('maxAliases') },
    // Introspection too: a nested ofType chain is the deepest document the schema allows.
    maxDepth: { n: DOCUMENT_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: false, onReject: tagged('maxDepth') },
    maxTokens: { n: DOCUMENT_LIMITS.maxTokens, onReject: tagged('maxTokens') },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives, onReject: tagged('maxDirectives') },
    // Priced per field below instead of armor's flat cost per object.
    costLimit: { enabled: false },
    // The schema is public (introspection is on): suggestions help people, hide nothing.
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}

export interface OperationPrice {
  cost: number;
  expensive: boolean;
}

/** The operation's cost by fieldCosts.ts, and whether it is expensive; null when its variables are invalid (execution says so). */
export function priceOperation(args: ExecutionArgs): OperationPrice | null {
  let touchesExpensive = false;
  const estimator = (options: ComplexityEstimatorArgs) => {
    if (EXPENSIVE_FIELDS.has(`${options.type.name}.${options.field.name}`)) touchesExpensive = true;
    return fieldCost(options);
  };
  try {
    const cost = getComplexity({
      schema: args.schema,
      query: args.document,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
      operationName: args.operationName ?? undefined,
      estimators: [estimator],
    });
    return { cost, expensive: touchesExpensive || cost >= EXPENSIVE_COST };
  } catch {
    return null;
  }
}

/** The first refusal an operation earns before it runs, if any. */
export function operationRefusal(args: ExecutionArgs, price: OperationPrice): GraphQLError | null {
  if (price.cost > MAX_QUERY_COST) {
    const f = (n: number) => n.toLocaleString('en-US');
    return limitExceeded(
      `This request would cost ${f(price.cost)} units, more than the ${f(MAX_QUERY_COST)} one request may: ask for fewer or smaller expensive fields (lower limit, k, maxHops or depth, fewer aliases).`,
      'maxCost',
      MAX_QUERY_COST,
    );
  }
  return operationFlagBudgetError(args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
}

/** Prices every operation before it runs, refuses those past a bound, and holds anonymous expensive ones to a few slots. */
export function operationBudgetPlugin(slots = new ExpensiveRequestSlots()): Plugin<ApiContext> {
  /** A slot for an anonymous expensive request, released once, when it ends or its client goes. */
  async function admit(ctx: ApiContext, price: OperationPrice): Promise<() => void> {
    if (!price.expensive || ctx.viewer.role !== 'anonymous') return () => {};
    const release = await slots.acquire(ctx.clientAddress ?? 'unknown');
    ctx.signal?.addEventListener('abort', release, { once: true });
    return release;
  }

  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const price = priceOperation(args);
      if (!price) return;
      const refusal = operationRefusal(args, price);
      if (refusal) return setResultAndStopExecution({ errors: [refusal] });
      let release: () => void;
      try {
        release = await admit(args.contextValue, price);
      } catch (error) {
        return setResultAndStopExecution({ errors: [error as GraphQLError] });
      }
      setExecuteFn(async (a) => {
        try {
          return await executeFn(a);
        } finally {
          release();
        }
      });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const price = priceOperation(args);
      if (!price) return;
      const refusal = operationRefusal(args, price);
      if (refusal) return setResultAndStopExecution({ errors: [refusal] } as never);
      let release: () => void;
      try {
        release = await admit(args.contextValue, price);
      } catch (error) {
        return setResultAndStopExecution({ errors: [error as GraphQLError] } as never);
      }
      return { onSubscribeResult: () => ({ onEnd: release }), onSubscribeError: release };
    },
  };
}

// How much of a screening a request asks to be sent, worked out from the document before
// anything runs: every selection of a holding's flags (`harms`, under any alias or fragment)
// with its limit, times the most holdings its file can hold. On a dense graph a holding reaches
// thousands of harms and a path with its sources is ~6 kB, so one request could ask for
// gigabytes; it gets one clear error instead, before the screening starts.
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MAX_HOLDINGS } from './holdings.ts';
import { REPORT_FLAGS } from './report.ts';

/** Most flags, and most flag paths, one response may list. */
export const FLAG_BUDGET = {
  /** Enough for the explorer's request (REPORT_FLAGS a holding) on the largest portfolio. */
  flags: MAX_HOLDINGS * REPORT_FLAGS,
  paths: 10_000,
} as const;

/** `HoldingExposure.harms(limit:)`: its default and its most (schema and resolver agree). */
export const HARMS_LIMIT = { default: 100, max: 1_000 } as const;

export interface HarmsSelection {
  /** The `limit` argument, or its default when left out. */
  limit: number;
  withPath: boolean;
}

type Fragments = Record<string, FragmentDefinitionNode | undefined>;
type Variables = Record<string, unknown>;

/** The most holdings a screening file can hold: its non-blank lines, up to MAX_HOLDINGS. */
export function holdingsBound(content: unknown): number {
  if (typeof content !== 'string') return 0;
  let lines = 0;
  for (const line of content.split('\n')) if (line.trim() !== '') lines++;
  return Math.min(lines, MAX_HOLDINGS);
}

/** The fields named `name` in a selection set, through inline and named fragments. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, fragments: Fragments, seen = new Set<string>()): FieldNode[] {
  const found: FieldNode[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD && s.name.value === name) found.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) found.push(...fieldsNamed(s.selectionSet, name, fragments, seen));
    else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      seen.add(s.name.value);
      found.push(...fieldsNamed(fragments[s.name.value]?.selectionSet, name, fragments, seen));
    }
  }
  return found;
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
}

/** Every selection of `harms` at `path` below `fields` (e.g. holdings → exposure → harms). */
export function harmsSelections(fields: readonly FieldNode[], path: readonly string[], fragments: Fragments, variables: Variables): HarmsSelection[] {
  let found = fields;
  for (const name of path) found = found.flatMap((f) => fieldsNamed(f.selectionSet, name, fragments));
  return found.map((f) => {
    const limit = argument(f, 'limit', variables);
    return { limit: typeof limit === 'number' ? limit : HARMS_LIMIT.default, withPath: fieldsNamed(f.selectionSet, 'path', fragments).length > 0 };
  });
}

/** The most flags and flag paths some screenings can list: their holdings times each selection's limit. */
export interface WorstCase {
  flags: number;
  paths: number;
  /** The screenings' holdings, at most, for the message. */
  holdings: number;
}

export function worstCase(holdings: number, selections: readonly HarmsSelection[]): WorstCase {
  let flags = 0;
  let paths = 0;
  for (const s of selections) {
    flags += holdings * s.limit;
    if (s.withPath) paths += holdings * s.limit;
  }
  return { flags, paths, holdings };
}

/** The error for a request whose worst case lists more flags or paths than FLAG_BUDGET allows, else null. */
export function flagBudgetError({ flags, paths, holdings }: WorstCase): GraphQLError | null {
  const f = (n: number) => n.toLocaleString('en-US');
  const worst = `(${f(holdings)} holdings at most in its file)`;
  if (paths > FLAG_BUDGET.paths) {
    return new GraphQLError(
      `This screening could send ${f(paths)} flag paths ${worst}, more than ${f(FLAG_BUDGET.paths)}: ask for a lower harms(limit:), leave out path, or ask exposure(entityId:) for the holdings you open.`,
      { extensions: { code: 'LIMIT_EXCEEDED', bound: 'flagPaths', limit: FLAG_BUDGET.paths } },
    );
  }
  if (flags > FLAG_BUDGET.flags) {
    return new GraphQLError(`This screening could list ${f(flags)} flags ${worst}, more than ${f(FLAG_BUDGET.flags)}: ask for a lower harms(limit:); harmCount counts them all.`, {
      extensions: { code: 'LIMIT_EXCEEDED', bound: 'flags', limit: FLAG_BUDGET.flags },
    });
  }
  return null;
}

/** Where a root field's flags are: screenPortfolio lists holdings, its progress stream a result first. */
const HARMS_PATHS: Record<string, readonly string[]> = {
  screenPortfolio: ['holdings', 'exposure', 'harms'],
  screenPortfolioProgress: ['result', 'holdings', 'exposure', 'harms'],
};

/** The flag budget of a whole operation: every screening field it holds, checked before it runs. */
export function operationFlagBudgetError(document: DocumentNode, variables: Variables, operationName?: string | null): GraphQLError | null {
  const fragments: Fragments = {};
  const operations: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return null;
  const total: WorstCase = { flags: 0, paths: 0, holdings: 0 };
  for (const [name, path] of Object.entries(HARMS_PATHS)) {
    for (const field of fieldsNamed(operation.selectionSet, name, fragments)) {
      // Each screening field lists its own file's holdings.
      const one = worstCase(holdingsBound(argument(field, 'content', variables)), harmsSelections([field], path, fragments, variables));
      total.flags += one.flags;
      total.paths += one.paths;
      total.holdings += one.holdings;
    }
  }
  return flagBudgetError(total);
}

// How much of a screening a request asks to be sent: every selection of a holding's flags
// (`harms`, under any alias or fragment) with its limit, and whether it asks for their paths.
// On a dense graph a holding reaches thousands of harms and a path with its sources is ~6 kB,
// so one request could ask for gigabytes; it gets one clear error instead.
import { GraphQLError, Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { MAX_HOLDINGS } from './holdings.ts';
import { REPORT_FLAGS } from './report.ts';

/** Most flags, and most flag paths, one response may list. */
export const FLAG_BUDGET = {
  /** Enough for the explorer's request (REPORT_FLAGS a holding) on the largest portfolio. */
  flags: MAX_HOLDINGS * REPORT_FLAGS,
  paths: 10_000,
} as const;

export interface HarmsSelection {
  /** The `limit` argument; null for all of them. */
  limit: number | null;
  withPath: boolean;
}

/** The fields named `name` in a selection set, through inline and named fragments. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD && s.name.value === name) found.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) found.push(...fieldsNamed(s.selectionSet, name, info));
    else if (s.kind === Kind.FRAGMENT_SPREAD) found.push(...fieldsNamed(info.fragments[s.name.value]?.selectionSet, name, info));
  }
  return found;
}

/** Every selection of `harms` at `path` below the field being resolved (e.g. holdings → exposure → harms). */
export function harmsSelections(info: GraphQLResolveInfo, path: readonly string[]): HarmsSelection[] {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) fields = fields.flatMap((f) => fieldsNamed(f.selectionSet, name, info));
  return fields.map((f) => {
    const arg = f.arguments?.find((a) => a.name.value === 'limit');
    const limit = arg ? valueFromASTUntyped(arg.value, info.variableValues) : null;
    return { limit: typeof limit === 'number' ? limit : null, withPath: fieldsNamed(f.selectionSet, 'path', info).length > 0 };
  });
}

/** Throws LIMIT_EXCEEDED when the selections would list more flags or paths than FLAG_BUDGET allows. */
export function checkFlagBudget(harmCounts: readonly number[], selections: readonly HarmsSelection[]): void {
  let flags = 0;
  let paths = 0;
  for (const count of harmCounts) {
    for (const s of selections) {
      const listed = s.limit === null ? count : Math.min(count, s.limit);
      flags += listed;
      if (s.withPath) paths += listed;
    }
  }
  const f = (n: number) => n.toLocaleString('en-US');
  if (paths > FLAG_BUDGET.paths) {
    throw new GraphQLError(
      `This screening would send ${f(paths)} flag paths, more than ${f(FLAG_BUDGET.paths)}: ask for a lower harms(limit:), leave out path, or ask exposure(entityId:) for the holdings you open.`,
      { extensions: { code: 'LIMIT_EXCEEDED', bound: 'flagPaths', limit: FLAG_BUDGET.paths } },
    );
  }
  if (flags > FLAG_BUDGET.flags) {
    throw new GraphQLError(`This screening would list ${f(flags)} flags, more than ${f(FLAG_BUDGET.flags)}: ask for a lower harms(limit:); harmCount counts them all.`, {
      extensions: { code: 'LIMIT_EXCEEDED', bound: 'flags', limit: FLAG_BUDGET.flags },
    });
  }
}

// How many flags and flag paths a screening request asks for (api/portfolio/flagBudget.ts):
// every `harms` selection, under aliases and fragments, with its limit from a literal or a
// variable; and the one error past the budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { checkFlagBudget, FLAG_BUDGET, harmsSelections } from '../../api/portfolio/flagBudget.ts';

/** The resolve info of the operation's first field, as graphql-js would give it. */
function infoOf(source: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const doc = parse(source);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, variableValues } as unknown as GraphQLResolveInfo;
}

const PATH = ['holdings', 'exposure', 'harms'];

test('every harms selection is found, with its limit and whether it asks for paths', () => {
  const info = infoOf(
    `mutation($n: Int) { screenPortfolio(portfolio: "p", content: "c") {
      holdings { exposure { all: harms { harm { id } } top: harms(limit: 3) { score path { score } } ...More } }
    } }
    fragment More on HoldingExposure { ... on HoldingExposure { some: harms(limit: $n) { harm { id } } } }`,
    { n: 7 },
  );
  assert.deepEqual(harmsSelections(info, PATH), [
    { limit: null, withPath: false },
    { limit: 3, withPath: true },
    { limit: 7, withPath: false },
  ]);
  assert.deepEqual(harmsSelections(infoOf('mutation { screenPortfolio(portfolio: "p", content: "c") { summary { holdings } } }'), PATH), []);
});

test('the budget counts each holding’s listed flags and paths, and names what to change past it', () => {
  const counts = [50, 2, 0];
  // 52 + 3 + 2 flags; 5 paths.
  assert.doesNotThrow(() => checkFlagBudget(counts, [{ limit: null, withPath: false }, { limit: 3, withPath: true }]));
  const exposed = Array.from({ length: 1000 }, () => 20);
  assert.doesNotThrow(() => checkFlagBudget(exposed, [{ limit: 10, withPath: true }]), '10,000 paths is the budget');
  assert.throws(
    () => checkFlagBudget([...exposed, 1], [{ limit: 10, withPath: true }]),
    (e: Error & { extensions?: Record<string, unknown> }) =>
      e.extensions?.code === 'LIMIT_EXCEEDED' && e.extensions.bound === 'flagPaths' && e.extensions.limit === FLAG_BUDGET.paths && /10,001 flag paths, more than 10,000: ask for a lower harms\(limit:\)/.test(e.message),
  );
  const dense = Array.from({ length: 1000 }, () => 406);
  assert.throws(
    () => checkFlagBudget(dense, [{ limit: null, withPath: false }]),
    (e: Error & { extensions?: Record<string, unknown> }) => e.extensions?.bound === 'flags' && /406,000 flags, more than 400,000/.test(e.message),
  );
  assert.doesNotThrow(() => checkFlagBudget(dense, [{ limit: 20, withPath: false }]));
  assert.doesNotThrow(() => checkFlagBudget(Array.from({ length: 20_000 }, () => 500), [{ limit: 20, withPath: false }]), "the explorer's request on the largest portfolio fits");
});

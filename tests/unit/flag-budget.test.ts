// How many flags and flag paths a screening request could ask for (api/portfolio/flagBudget.ts),
// worked out from the document before it runs: every `harms` selection, under aliases and
// fragments, with its limit from a literal, a variable or its default, times the file's lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, type GraphQLError } from 'graphql';
import { FLAG_BUDGET, HARMS_LIMIT, holdingsBound, operationFlagBudgetError, worstCase, flagBudgetError } from '../../api/portfolio/flagBudget.ts';

const lines = (n: number) => ['name', ...Array.from({ length: n }, (_, i) => `Holding ${i}`)].join('\n');

test('the holdings bound is the non-blank lines of the file, at most 20,000', () => {
  assert.equal(holdingsBound('name\nA\n\n  \nB\n'), 3);
  assert.equal(holdingsBound(lines(30_000)), 20_000);
  assert.equal(holdingsBound(undefined), 0);
});

test('every harms selection counts, with its limit from a literal, a variable or the default', () => {
  const doc = parse(`mutation($n: Int, $c: String!) { screenPortfolio(portfolio: "p", content: $c) {
      holdings { exposure { all: harms { harm { id } } top: harms(limit: 3) { score path { score } } ...More } }
    } }
    fragment More on HoldingExposure { ... on HoldingExposure { some: harms(limit: $n) { harm { id } } } }`);
  // 10 lines: 10 × (100 + 3 + 7) flags, 10 × 3 paths; within the budget.
  assert.equal(operationFlagBudgetError(doc, { n: 7, c: lines(9) }), null);
  assert.deepEqual(worstCase(10, [{ limit: HARMS_LIMIT.default, withPath: false }, { limit: 3, withPath: true }]), { flags: 1030, paths: 30, holdings: 10 });
});

test('past the budget the request is refused before it runs, naming the bound and what to change', () => {
  const paths = operationFlagBudgetError(
    parse('mutation($c: String!) { screenPortfolio(portfolio: "p", content: $c) { holdings { exposure { harms(limit: 10) { path { score } } } } } }'),
    { c: lines(1000) },
  ) as GraphQLError;
  assert.equal(paths.extensions.code, 'LIMIT_EXCEEDED');
  assert.equal(paths.extensions.bound, 'flagPaths');
  assert.equal(paths.extensions.limit, FLAG_BUDGET.paths);
  assert.match(paths.message, /could send 10,010 flag paths \(1,001 holdings at most in its file\), more than 10,000: ask for a lower harms\(limit:\)/);

  const flags = flagBudgetError(worstCase(20_000, [{ limit: 21, withPath: false }])) as GraphQLError;
  assert.equal(flags.extensions.bound, 'flags');
  assert.match(flags.message, /could list 420,000 flags .* more than 400,000/);
  assert.equal(flagBudgetError(worstCase(20_000, [{ limit: 20, withPath: false }])), null, "the explorer's request on the largest portfolio fits");
});

test('the progress stream is counted through its result, and several screenings add up', () => {
  const stream = parse('subscription($c: String!) { screenPortfolioProgress(portfolio: "p", content: $c) { result { holdings { exposure { harms(limit: 20) { path { score } } } } } } }');
  assert.equal((operationFlagBudgetError(stream, { c: lines(600) }) as GraphQLError).extensions.bound, 'flagPaths');
  assert.equal(operationFlagBudgetError(stream, { c: lines(400) }), null);
  const twice = parse('mutation($c: String!) { a: screenPortfolio(portfolio: "p", content: $c) { holdings { exposure { harms(limit: 20) { path { score } } } } } b: screenPortfolio(portfolio: "p", content: $c) { holdings { exposure { harms(limit: 20) { path { score } } } } } }');
  assert.equal((operationFlagBudgetError(twice, { c: lines(299) }) as GraphQLError).extensions.bound, 'flagPaths', '2 × 300 × 20 = 12,000 paths');
  assert.equal(operationFlagBudgetError(parse('{ entity(id: "x") { id } }'), {}), null);
});

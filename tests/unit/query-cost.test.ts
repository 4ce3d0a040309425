// The price of an operation before it runs (api/limits/fieldCosts.ts, queryLimits.ts): the
// largest request of each expensive kind fits the budget alone, a few of them aliased together
// do not, and cheap reads stay cheap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, type ExecutionArgs } from 'graphql';
import { EXPENSIVE_COST, MAX_QUERY_COST } from '../../api/limits/fieldCosts.ts';
import { operationRefusal, priceOperation } from '../../api/limits/queryLimits.ts';
import { executableSchema } from '../../api/schema/executableSchema.ts';

const schema = executableSchema();
const args = (source: string, variableValues: Record<string, unknown> = {}) => ({ schema, document: parse(source), variableValues }) as ExecutionArgs;
const price = (source: string, variables?: Record<string, unknown>) => priceOperation(args(source, variables))!;
const holdings = (n: number) => ['name', ...Array.from({ length: n }, (_, i) => `Holding ${i}`)].join('\n');

const LARGEST: Record<string, string> = {
  complicityPaths: '{ complicityPaths(from: "a", to: { id: "b" }, maxHops: 6, k: 50) { paths { score hops { claim { id sources { url } } } } } }',
  exposure: '{ exposure(entityId: "a", maxHops: 6, limit: 500) { harms { harm { id } score path { score } } } }',
  disengagement: '{ disengagement(companyId: "a", scope: { all: true }, mode: SHUTDOWN, maxHops: 6) { summary removedClaims { reason } } }',
  exportGraph: '{ exportGraph(format: JSON, all: true) { files { name content } } }',
  neighborhood: '{ neighborhood(id: "a", depth: 2, limit: 500) { nodes { id name } edges { id sources { url } } } }',
};

test('the largest request of each expensive kind fits the budget alone and counts as expensive', () => {
  for (const [name, source] of Object.entries(LARGEST)) {
    const p = price(source);
    assert.ok(p.cost <= MAX_QUERY_COST, `${name} costs ${p.cost}`);
    if (name !== 'neighborhood') assert.equal(p.expensive, true, name);
  }
  const screening = price('mutation($c: String!) { screenPortfolio(portfolio: "p", content: $c, maxHops: 6) { summary { holdings } } }', { c: holdings(19_999) });
  assert.ok(screening.cost <= MAX_QUERY_COST && screening.expensive, `the largest screening costs ${screening.cost}`);
});

test('a few of the largest aliased together are refused before running, naming maxCost', () => {
  const body = LARGEST.complicityPaths!.slice(1, -1);
  const five = `{ ${[1, 2, 3, 4, 5].map((i) => `p${i}: ${body}`).join(' ')} }`;
  const refusal = operationRefusal(args(five), price(five));
  assert.equal(refusal?.extensions.code, 'LIMIT_EXCEEDED');
  assert.equal(refusal?.extensions.bound, 'maxCost');
  assert.match(refusal!.message, /would cost [\d,]+ units, more than the 5,000 one request may/);
  const saved = '{ scenarios(limit: 100) { id result { summary } } }';
  assert.equal(operationRefusal(args(saved), price(saved))?.extensions.bound, 'maxCost', 'each saved scenario result is a disengagement run');
});

test('cheap reads stay cheap, and prices follow the bounds asked for', () => {
  const entity = price('{ entity(id: "google") { id name } }');
  assert.ok(entity.cost < 10 && !entity.expensive);
  const search = price('{ search(text: "nimbus", limit: 10) { score entity { id name } } }');
  assert.ok(search.cost < EXPENSIVE_COST && !search.expensive, `search costs ${search.cost}`);
  assert.ok(price('{ complicityPaths(from: "a", to: { id: "b" }, maxHops: 2) { paths { score } } }').cost < price('{ complicityPaths(from: "a", to: { id: "b" }, maxHops: 6) { paths { score } } }').cost);
  assert.ok(price('{ neighborhood(id: "a", depth: 2) { nodes { id } } }').cost > 10 * price('{ neighborhood(id: "a", depth: 1) { nodes { id } } }').cost);
});

test('variables and defaults are priced as execution will see them; invalid variables are left to execution', () => {
  const withVars = price('query($h: Int) { exposure(entityId: "a", maxHops: $h) { harms { score } } }', { h: 6 });
  assert.equal(withVars.cost, price('{ exposure(entityId: "a", maxHops: 6) { harms { score } } }').cost);
  assert.equal(priceOperation(args('query($h: Int) { exposure(entityId: "a", maxHops: $h) { harms { score } } }', { h: 'six' })), null);
});

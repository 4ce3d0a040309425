// The withdrawal rules on small hand-built graphs (fictional names), one rule per test:
// what a shutdown, a sale and a suspension end, create and stop, and which scopes are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveWeights } from '../../api/complicity/weights.ts';
import type { ClaimStatus, RelationType } from '../../api/domain/model.ts';
import type { Buyer, Facts, LocalClaim, Scope, World } from '../../api/disengagement/model.ts';
import { classifyPaths, forwardEdge } from '../../api/disengagement/outcome.ts';
import { footprint, ScopeProblem, simulate } from '../../api/disengagement/simulate.ts';
import { scenarioSummary } from '../../api/disengagement/summary.ts';

type Row = [id: string, type: RelationType, from: string, to: string, status?: ClaimStatus];

function world(entities: Facts[], claims: Row[], group: string[]): World {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    company: byId.get(group[0]!)!,
    group: new Set(group),
    entities: byId,
    claims: new Map(
      claims.map(([id, type, from, to, status]) => [id, { id, type, from, to, status: status ?? 'reported', confidence: null } satisfies LocalClaim]),
    ),
  };
}

const e = (id: string, type: string, extra: Partial<Facts> = {}): Facts => ({ id, type, name: id.replace(/-/g, ' '), ...extra });
const scope = (s: Partial<Scope>): Scope => ({ all: false, countries: [], contracts: [], infrastructure: [], stateBodies: [], ...s });

// Acme (XA) owns Acme Local (XB), which runs a network in XB serving 5 million people and
// used by the Ministry of Order, responsible for an abuse; Acme also runs a cloud in XA
// used by the Ministry, and is party to a contract with it.
const ENTITIES = [
  e('acme', 'Company', { country: 'XA' }),
  e('acme-local', 'Company', { country: 'XB' }),
  e('acme-local-branch', 'Company', { country: 'XB' }),
  e('net', 'Infrastructure', { country: 'XB', kind: 'telecom-network' }),
  e('cloud', 'Infrastructure', { country: 'XA', kind: 'cloud' }),
  e('ministry', 'StateBody', { country: 'XB' }),
  e('police', 'StateBody', { country: 'XB' }),
  e('deal', 'Contract'),
  e('people', 'Population', { size: 5_000_000 }),
  e('abuse', 'Abuse'),
  e('other-abuse', 'Abuse'),
  e('partner', 'Company', { country: 'XC' }),
  e('buyer', 'Company', { country: 'XD' }),
];
const CLAIMS: Row[] = [
  ['c1', 'OWNS', 'acme', 'acme-local'],
  ['c1b', 'OWNS', 'acme-local', 'acme-local-branch'],
  ['c2', 'OPERATES', 'acme-local', 'net'],
  ['c3', 'SERVES', 'net', 'people'],
  ['c4', 'PROVIDES_SERVICE_TO', 'net', 'ministry'],
  ['c5', 'ALLEGEDLY_USED_IN', 'net', 'abuse'],
  ['c6', 'ALLEGEDLY_RESPONSIBLE_FOR', 'ministry', 'abuse'],
  ['c7', 'OPERATES', 'acme', 'cloud'],
  ['c8', 'PROVIDES_SERVICE_TO', 'cloud', 'ministry'],
  ['c9', 'PROVIDES_SERVICE_TO', 'cloud', 'police'],
  ['c10', 'ALLEGEDLY_USED_IN', 'cloud', 'abuse'],
  ['c11', 'ALLEGEDLY_USED_IN', 'cloud', 'other-abuse', 'alleged'],
  ['c12', 'PARTY_TO', 'acme', 'deal'],
  ['c13', 'PARTY_TO', 'ministry', 'deal'],
];
const acme = (extra: Row[] = []) => world(ENTITIES, [...CLAIMS, ...extra], ['acme', 'acme-local', 'acme-local-branch']);
const BUYER: Buyer = { facts: e('buyer', 'Company'), hypothetical: false };

test('the footprint lists what the group runs, signs and serves, and where', () => {
  const fp = footprint(acme());
  assert.deepEqual(fp.subsidiaries, ['acme-local', 'acme-local-branch']);
  assert.deepEqual(fp.infrastructure.sort(), ['cloud', 'net']);
  assert.deepEqual(fp.contracts, ['deal']);
  assert.deepEqual(fp.stateBodies.sort(), ['ministry', 'police']);
  assert.deepEqual(fp.countries, ['XA', 'XB']);
});

test('shutdown in a country: the subsidiary stops, the network nobody else runs stops, its people lose the service', () => {
  const effect = simulate(acme(), scope({ countries: ['XB'] }), 'shutdown', null);
  assert.ok(effect.removed.has('c2'), 'the subsidiary stops operating the network');
  assert.deepEqual(effect.stopped, ['net']);
  for (const id of ['c3', 'c4', 'c5']) assert.ok(effect.removed.has(id), `${id}: every service and use of the stopped network ends`);
  assert.deepEqual(effect.lostServices, [{ population: 'people', infrastructure: 'net', claim: 'c3' }]);
  assert.ok(effect.removed.has('c12'), 'a contract with a state body of the country is left too');
  for (const id of ['c7', 'c8', 'c10']) assert.ok(!effect.removed.has(id), `${id}: outside the country, untouched`);
  assert.deepEqual(effect.added, []);
});

test('shutdown: a network another operator also runs keeps running and serving', () => {
  const effect = simulate(acme([['c20', 'OPERATES', 'partner', 'net']]), scope({ countries: ['XB'] }), 'shutdown', null);
  assert.ok(effect.removed.has('c2'));
  assert.deepEqual(effect.stopped, []);
  assert.deepEqual(effect.lostServices, []);
  assert.ok(!effect.removed.has('c5'));
});

test('suspend services to a state body: the service ends, and uses in harms that body is responsible for', () => {
  const effect = simulate(acme(), scope({ stateBodies: ['ministry'] }), 'suspend', null);
  assert.ok(effect.removed.has('c8') && effect.removed.has('c4'), 'both systems stop serving the ministry');
  assert.ok(effect.removed.has('c10'), 'the cloud’s use in the abuse the ministry is responsible for ends');
  assert.ok(effect.removed.has('c5'));
  assert.ok(!effect.removed.has('c11'), 'a use no cut customer is known responsible for stays');
  assert.ok(!effect.removed.has('c9'), 'the police keep their service');
  assert.ok(!effect.removed.has('c7') && !effect.removed.has('c3'), 'the systems keep running for everyone else');
  assert.deepEqual(effect.lostServices, []);
});

test('suspend a use stays when another customer responsible for the same harm is still served', () => {
  const effect = simulate(acme([['c21', 'ALLEGEDLY_RESPONSIBLE_FOR', 'police', 'abuse']]), scope({ stateBodies: ['ministry'] }), 'suspend', null);
  assert.ok(effect.removed.has('c8'));
  assert.ok(!effect.removed.has('c10'), 'the police, also responsible, still use the cloud');
});

test('suspend a contract: the company leaves it; what it delivers to the state party under it ends', () => {
  const effect = simulate(acme([['c22', 'COVERS', 'deal', 'cloud']]), scope({ contracts: ['deal'] }), 'suspend', null);
  assert.ok(effect.removed.has('c12'));
  assert.ok(effect.removed.has('c8'), 'the cloud covered by the contract stops serving the ministry, its state party');
  assert.ok(!effect.removed.has('c9'));
});

test('sale: ownership of the subsidiary passes to the buyer; what it owns goes with it; services continue', () => {
  const effect = simulate(acme(), scope({ countries: ['XB'] }), 'sale', BUYER);
  assert.deepEqual([...effect.removed.keys()], ['c1', 'c12']);
  assert.deepEqual(effect.added.map((c) => [c.id, c.type, c.from, c.to]), [
    ['scenario:c1', 'OWNS', 'buyer', 'acme-local'],
    // The contract with the country's ministry is part of the business sold.
    ['scenario:c12', 'PARTY_TO', 'buyer', 'deal'],
  ]);
  assert.deepEqual(effect.sold.sort(), ['acme-local', 'acme-local-branch']);
  assert.deepEqual(effect.lostServices, []);
});

test('sale of the company’s own operation: the buyer takes it over', () => {
  const effect = simulate(acme(), scope({ infrastructure: ['cloud'] }), 'sale', BUYER);
  assert.deepEqual(effect.added.map((c) => [c.type, c.from, c.to]), [['OPERATES', 'buyer', 'cloud']]);
  assert.ok(effect.removed.has('c7'));
});

test('scopes the company cannot withdraw from are refused, naming the argument', () => {
  const problem = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof ScopeProblem, String(error));
      return [error.argument, error.message];
    }
    assert.fail('no ScopeProblem');
  };
  assert.deepEqual(problem(() => simulate(acme(), scope({ countries: ['XZ'] }), 'shutdown', null))[0], 'scope.countries');
  assert.match(problem(() => simulate(acme(), scope({ infrastructure: ['elsewhere'] }), 'shutdown', null))[1]!, /acme has no link to "elsewhere"/);
  assert.deepEqual(problem(() => simulate(acme(), scope({ all: true, countries: ['XB'] }), 'shutdown', null))[0], 'scope');
  assert.deepEqual(problem(() => simulate(acme(), scope({}), 'shutdown', null))[0], 'scope');
  assert.deepEqual(problem(() => simulate(acme(), scope({ all: true }), 'suspend', null))[0], 'scope');
  assert.deepEqual(problem(() => simulate(acme(), scope({ stateBodies: ['ministry'] }), 'sale', BUYER))[0], 'scope.stateBodies');
  assert.deepEqual(problem(() => simulate(acme(), scope({ countries: ['XB'] }), 'sale', null))[0], 'buyerId');
  const inGroup: Buyer = { facts: e('acme-local', 'Company'), hypothetical: false };
  assert.deepEqual(problem(() => simulate(acme(), scope({ countries: ['XA'] }), 'sale', inGroup))[0], 'buyerId');
});

test('paths are cut when they use an ended claim, remain otherwise, and are created only through new claims', () => {
  const w = acme([['h1', 'HOLDS', 'fund', 'acme']]);
  w.entities.set('fund', e('fund', 'Investor'));
  const facts = (id: string) => w.entities.get(id);
  const edges = [...w.claims.values()].map((c) => forwardEdge(c, facts));
  const effect = simulate(w, scope({ countries: ['XB'] }), 'sale', BUYER);
  w.entities.set('buyer', BUYER.facts);
  const added = effect.added.map((c) => forwardEdge(c, facts));
  const weights = resolveWeights(null);
  const out = classifyPaths(
    [{ id: 'acme', role: 'COMPANY' }, { id: 'fund', role: 'INVESTOR' }, { id: 'buyer', role: 'BUYER' }],
    edges,
    effect,
    added,
    { maxHops: 4, weights },
  );
  const routes = (list: typeof out.cut) => list.map((p) => `${p.subject.role} ${[p.path.edges[0]!.from, ...p.path.edges.map((x) => x.to)].join('>')}`);
  assert.ok(routes(out.cut).includes('COMPANY acme>acme-local>net>abuse'), JSON.stringify(routes(out.cut)));
  assert.ok(routes(out.cut).includes('INVESTOR fund>acme>acme-local>net>abuse'));
  assert.ok(routes(out.remaining).includes('COMPANY acme>cloud>abuse'), 'the cloud is not sold');
  assert.deepEqual(routes(out.created), ['BUYER buyer>acme-local>net>abuse', 'BUYER buyer>acme-local>net>ministry>abuse']);
  assert.ok(out.created.every((p) => p.path.edges.some((x) => x.claimId.startsWith('scenario:'))));
  // A score in a classified path is the complicity score of that path, unchanged by the scenario.
  for (const p of [...out.cut, ...out.remaining, ...out.created]) assert.ok(p.path.score > 0 && p.path.score <= 1);
});

test('the summary says what is cut, what remains, who loses the service and the buyer risk', () => {
  const sp = (role: 'COMPANY' | 'INVESTOR' | 'BUYER_OWNER') => ({ subject: { id: 'x', role }, path: { edges: [], score: 0.1 } });
  const text = scenarioSummary({
    company: 'Acme',
    mode: 'sale',
    scope: "Acme's operations in XB",
    buyer: 'Buyer Co',
    outcome: { cut: [sp('COMPANY'), sp('COMPANY'), sp('INVESTOR')], remaining: [sp('COMPANY'), sp('BUYER_OWNER')], created: [sp('BUYER_OWNER')] },
    populations: [],
    risks: [{ kind: 'BUYER_TIES', text: 'Owner Co, which owns Buyer Co, is linked to the Ministry (alleged)' }],
  });
  assert.equal(
    text,
    "Selling Acme's operations in XB to Buyer Co cuts 2 paths of Acme and 1 path of its investors; 1 path remains. It creates 1 new path through the buyer. " +
      'No population recorded as served loses a service. Buyer risk: Owner Co, which owns Buyer Co, is linked to the Ministry (alleged).',
  );
});

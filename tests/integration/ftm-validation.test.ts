// The FollowTheMoney export passes FollowTheMoney's own strict validation (the `followthemoney`
// package from PyPI, run by tests/support/ftm_check.py): the seed's export through the API,
// a fictional graph with a claim between every pair of entity types the model allows, and a
// generated one. `npm test` installs the package (support/followthemoney.ts); the tests skip,
// saying why, only when it cannot be installed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { exportDataset, parseImport } from '../../api/exchange/formats/index.ts';
import { generateDataset } from '../../seed/generate.ts';
import type { TestApi } from '../support/api.ts';
import { everyEndpointDataset } from '../support/everyEndpoint.ts';
import { checkWithFollowTheMoney, ensureFollowTheMoney, type FtmProblem } from '../support/followthemoney.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

const setup = process.env.FTM_UNAVAILABLE
  ? ({ ok: false, reason: process.env.FTM_UNAVAILABLE } as const)
  : ensureFollowTheMoney((line) => console.log(`[ftm] ${line}`));
const skip = setup.ok ? false : `FollowTheMoney is not installed: ${setup.reason}`;
const python = setup.ok ? setup.python : '';

let db: Database | undefined;
let api: TestApi | undefined;
let seedLines: Record<string, any>[] = [];
let seedContent = '';

before(async () => {
  if (skip) return;
  ({ db, api } = await startSeededApi());
  const res = await api.gql<{ exportGraph: { files: { content: string }[] } }>(`{ exportGraph(format: FTM, all: true) { files { content } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  seedContent = res.data!.exportGraph.files[0]!.content;
  seedLines = seedContent.trim().split('\n').map((l) => JSON.parse(l));
});

after(() => closeAll(api, db));

const describe = (problems: FtmProblem[]) => JSON.stringify(problems.slice(0, 10), null, 1);

test('the seed exported as FollowTheMoney through the API passes FtM’s strict validation', { skip }, () => {
  const { checked, problems } = checkWithFollowTheMoney(python, seedContent);
  assert.equal(checked, seedLines.length);
  assert.ok(checked > 100, `only ${checked} lines`);
  assert.deepEqual(problems, [], describe(problems));
});

test('in the seed export contracts have a title, state parties are the contract’s authority, and PART_OF between events is no Membership', { skip }, () => {
  const byId = new Map(seedLines.map((l) => [l.id, l]));
  const contracts = seedLines.filter((l) => l.schema === 'Contract');
  assert.ok(contracts.length >= 4);
  for (const c of contracts) assert.deepEqual(c.properties.title, c.properties.name);
  // Project Nimbus: the Government of Israel is a party in the seed, so it is the authority.
  assert.deepEqual(byId.get('contract-nimbus')!.properties.authority, ['gov-israel']);
  for (const award of seedLines.filter((l) => l.schema === 'ContractAward')) {
    assert.notEqual(byId.get(award.properties.supplier[0])!.schema, 'PublicBody', `${award.id}: a state as supplier`);
  }
  const stateParty = seedLines.find((l) => l.conflictLinks?.type === 'PARTY_TO' && l.properties.subject?.[0] === 'gov-israel');
  assert.equal(stateParty?.schema, 'UnknownLink');
  assert.deepEqual(stateParty.properties.role, ['party to']);
  for (const m of seedLines.filter((l) => l.schema === 'Membership')) {
    for (const end of [m.properties.member[0], m.properties.organization[0]]) assert.notEqual(byId.get(end)!.schema, 'Event', m.id);
  }
  const partOfEvents = seedLines.filter((l) => l.conflictLinks?.type === 'PART_OF' && byId.get(l.properties.subject?.[0])?.schema === 'Event');
  assert.ok(partOfEvents.length >= 2);
  for (const link of partOfEvents) assert.equal(link.schema, 'UnknownLink');
});

function checkDataset(ds: Dataset): void {
  const content = exportDataset(ds, 'FTM')[0]!.content;
  const { checked, problems } = checkWithFollowTheMoney(python, content);
  assert.equal(checked, ds.sources.length + ds.entities.length + ds.claims.length);
  assert.deepEqual(problems, [], describe(problems));
  // And our own import still reads it back unchanged.
  const parsed = parseImport('FTM', { fileName: 'x.ftm.json', content });
  assert.deepEqual(parsed.problems, []);
  const back = validateDataset(parsed.raw, 'x.ftm.json');
  assert.ok(back.ok);
  assert.deepEqual(back.dataset, { ...ds, checkedOn: undefined });
}

test('a claim of every relation type between every pair of entity types passes, with ids FtM does not take', { skip }, () => {
  const ds = everyEndpointDataset();
  assert.ok(ds.entities.some((e) => e.id.includes('_')) && ds.claims.length > 150);
  checkDataset(ds);
});

test('a generated fictional graph passes', { skip }, () => {
  const result = validateDataset(generateDataset({ nodes: 300, seed: 11 }), 'generated.json');
  assert.ok(result.ok);
  checkDataset(result.dataset);
});

test('the checker finds what FtM refuses: a bad id, a Contract without title, a Membership of events, an unknown property', { skip }, () => {
  const lines = [
    { id: 'ev-a', schema: 'Event', properties: { name: ['Fictional event A'] } },
    { id: 'ev-b', schema: 'Event', properties: { name: ['Fictional event B'] } },
    { id: 'deal_1', schema: 'Contract', properties: { name: ['Fictional deal'] } },
    { id: 'm-1', schema: 'Membership', properties: { member: ['ev-a'], organization: ['ev-b'], colour: ['red'] } },
  ];
  const { problems } = checkWithFollowTheMoney(python, lines.map((l) => JSON.stringify(l)).join('\n'));
  const said = problems.map((p) => `${p.id}: ${p.problem}`);
  for (const expected of [/^deal_1: id .* is not a valid FtM entity id/, /^deal_1: Contract requires 'title'/, /^m-1: member points at 'ev-a', a Event, not a LegalEntity/, /^m-1: Membership has no property 'colour'/]) {
    assert.ok(said.some((s) => expected.test(s)), `${expected} not in ${JSON.stringify(said, null, 1)}`);
  }
});

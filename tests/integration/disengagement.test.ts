// Disengagement scenarios through the HTTP API on the real Neo4j with the seed data: the known
// cases (Telenor leaving Myanmar by shutdown and by sale to Investcom; Microsoft suspending the
// Azure services to Unit 8200), saved and compared scenarios, and bad scopes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';
import { graphCounts } from '../support/database.ts';

let db: Database;
let api: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'scenario-editor', 'editor');
});

after(() => closeAll(api, db));

const PATH = `subject { id } role path { score nodes { id } hops { claim { id type } } }`;
const RESULT = `
  summary
  removedClaims { reason claim { id type from to sources { url } } }
  simulatedClaims { reason claim { id type from to sources { url } } }
  sold { id } stoppedInfrastructure { id }
  cutPaths { ${PATH} } remainingPaths { ${PATH} } createdPaths { ${PATH} }
  populations { population { id name } size infrastructure { id } claim { id sources { url } } }
  peopleLosingService
  substitutionRisks { kind entity { id } explanation claim { id type status sources { url } } }`;

interface ScenarioPath {
  subject: { id: string };
  role: string;
  path: { score: number; nodes: { id: string }[]; hops: { claim: { id: string; type: string } }[] };
}

async function scenario(args: string, expectErrors = false) {
  const res = await api.gql(`{ disengagement(${args}) { ${RESULT} } }`);
  if (!expectErrors) assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res;
}

const route = (p: ScenarioPath) => p.path.nodes.map((n) => n.id).join(' > ');
const routes = (list: ScenarioPath[], subject?: string) => list.filter((p) => !subject || p.subject.id === subject).map(route);

// Telenor owned its Myanmar arm until the sale closed in March 2022: simulate just before.
const TELENOR_MYANMAR = `companyId: "telenor-group", scope: { countries: ["MM"] }, asOf: "2022-02-15"`;

test('Telenor shutting down in Myanmar: its paths are cut and the 18 million subscribers lose the service', async () => {
  const countsBefore = await graphCounts(db);
  const { data } = await scenario(`${TELENOR_MYANMAR}, mode: SHUTDOWN`);
  const d = data!.disengagement;
  assert.ok(routes(d.cutPaths, 'telenor-group').includes('telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept'), JSON.stringify(routes(d.cutPaths)));
  assert.deepEqual(routes(d.remainingPaths, 'telenor-group'), []);
  assert.deepEqual(d.createdPaths, []);
  assert.deepEqual(d.stoppedInfrastructure.map((e: { id: string }) => e.id), ['telenor-mm-network']);
  assert.deepEqual(d.populations.map((p: { population: { id: string }; size: number }) => [p.population.id, p.size]), [['pop-telenor-mm-users', 18_000_000]]);
  assert.equal(d.peopleLosingService, 18_000_000);
  assert.ok(d.populations[0].claim.sources.length > 0, 'the SERVES claim comes with its sources');
  assert.match(d.summary, /18 million people/);
  assert.ok(d.removedClaims.every((c: { reason: string }) => c.reason.length > 0));
  assert.deepEqual(await graphCounts(db), countsBefore, 'a scenario writes nothing');
});

test('Telenor selling its Myanmar arm to Investcom: the service stays, its paths are cut, the buyer’s owner appears', async () => {
  const { data } = await scenario(`${TELENOR_MYANMAR}, mode: SALE, buyerId: "investcom"`);
  const d = data!.disengagement;
  assert.deepEqual(d.populations, [], 'the network keeps running for its subscribers');
  assert.equal(d.peopleLosingService, 0);
  assert.deepEqual(d.sold.map((e: { id: string }) => e.id), ['telenor-myanmar']);
  assert.ok(routes(d.cutPaths, 'telenor-group').includes('telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept'));
  assert.deepEqual(routes(d.remainingPaths, 'telenor-group'), []);
  // The sale's ownership is simulated, without sources, and shown as such.
  assert.deepEqual(d.simulatedClaims.map((c: { claim: { type: string; from: string; to: string } }) => [c.claim.type, c.claim.from, c.claim.to]), [['OWNS', 'investcom', 'telenor-myanmar']]);
  assert.deepEqual(d.simulatedClaims[0].claim.sources, []);
  // New paths through the buyer, among them from its owner, alleged to be linked to the military.
  const created = d.createdPaths as ScenarioPath[];
  assert.ok(routes(created, 'investcom').includes('investcom > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept'), JSON.stringify(routes(created)));
  const fromOwner = created.filter((p) => p.subject.id === 'shwe-byain-phyu');
  assert.ok(fromOwner.length > 0, JSON.stringify(routes(created)));
  assert.equal(fromOwner[0]!.role, 'BUYER_OWNER');
  assert.ok(fromOwner.every((p) => p.path.hops.some((h) => h.claim.id.startsWith('scenario:'))));
  const ties = d.substitutionRisks.filter((r: { kind: string }) => r.kind === 'BUYER_TIES');
  assert.equal(ties.length, 1, JSON.stringify(d.substitutionRisks));
  assert.equal(ties[0].entity.id, 'shwe-byain-phyu');
  assert.equal(ties[0].claim.type, 'LINKED_TO');
  assert.equal(ties[0].claim.status, 'ALLEGED');
  assert.ok(ties[0].claim.sources.length > 0);
  assert.match(ties[0].explanation, /Shwe Byain Phyu.*owns Investcom.*linked to/);
  assert.match(d.summary, /Buyer risk/);
});

test('Microsoft suspending the Azure services to Unit 8200 cuts its paths to the call surveillance', async () => {
  const { data } = await scenario(`companyId: "microsoft", scope: { stateBodies: ["unit-8200"] }, mode: SUSPEND`);
  const d = data!.disengagement;
  const cut = routes(d.cutPaths, 'microsoft');
  assert.ok(cut.includes('microsoft > azure-8200 > abuse-8200-call-surveillance'), JSON.stringify(cut));
  assert.ok(cut.includes('microsoft > azure-8200 > unit-8200 > abuse-8200-call-surveillance'), JSON.stringify(cut));
  assert.ok(!routes(d.remainingPaths, 'microsoft').some((r) => r.endsWith('abuse-8200-call-surveillance')), JSON.stringify(routes(d.remainingPaths)));
  const removed = d.removedClaims.map((c: { claim: { type: string; from: string; to: string } }) => `${c.claim.from} ${c.claim.type} ${c.claim.to}`);
  assert.ok(removed.includes('azure-8200 PROVIDES_SERVICE_TO unit-8200'), JSON.stringify(removed));
  assert.ok(removed.includes('azure-8200 ALLEGEDLY_USED_IN abuse-8200-call-surveillance'), JSON.stringify(removed));
  assert.deepEqual(d.populations, []);
});

test('disengagementOptions lists what a company is linked to', async () => {
  const res = await api.gql(`{ disengagementOptions(companyId: "telenor-group", asOf: "2022-02-15") {
    subsidiaries { id } infrastructure { id } contracts { id } stateBodies { id } countries } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const o = res.data!.disengagementOptions;
  assert.deepEqual(o.subsidiaries.map((e: { id: string }) => e.id), ['telenor-myanmar']);
  assert.deepEqual(o.infrastructure.map((e: { id: string }) => e.id), ['telenor-mm-network']);
  assert.ok(o.countries.includes('MM'));
});

test('bad scopes and arguments get errors that name what was wrong', async () => {
  const cases: [string, string, RegExp][] = [
    [`companyId: "nobody", scope: { all: true }, mode: SHUTDOWN`, 'NOT_FOUND', /nobody/],
    [`companyId: "unit-8200", scope: { all: true }, mode: SHUTDOWN`, 'BAD_USER_INPUT', /companyId must name a company/],
    [`companyId: "telenor-group", scope: { contracts: ["no-such-contract"] }, mode: SUSPEND`, 'NOT_FOUND', /no-such-contract/],
    [`companyId: "telenor-group", scope: { contracts: ["google"] }, mode: SUSPEND`, 'BAD_USER_INPUT', /scope\.contracts takes Contract ids; "google" is a Company/],
    [`companyId: "telenor-group", scope: { infrastructure: ["nimbus-cloud"] }, mode: SUSPEND`, 'BAD_USER_INPUT', /Telenor Group has no link to "nimbus-cloud"/],
    [`companyId: "telenor-group", scope: { countries: ["IL"] }, mode: SHUTDOWN`, 'BAD_USER_INPUT', /no link to the country IL/],
    [`companyId: "telenor-group", scope: { countries: ["Myanmar"] }, mode: SHUTDOWN`, 'BAD_USER_INPUT', /two-letter ISO codes/],
    [`companyId: "telenor-group", scope: {}, mode: SHUTDOWN`, 'BAD_USER_INPUT', /scope is empty/],
    [`companyId: "telenor-group", scope: { countries: ["MM"] }, mode: SUSPEND`, 'BAD_USER_INPUT', /suspend stops only named services/],
    [`companyId: "telenor-group", scope: { countries: ["MM"] }, mode: SALE`, 'BAD_USER_INPUT', /needs exactly one of buyerId/],
    [`companyId: "telenor-group", scope: { countries: ["MM"] }, mode: SALE, buyerId: "telenor-myanmar"`, 'BAD_USER_INPUT', /part of Telenor Group's own group/],
    [`companyId: "telenor-group", scope: { countries: ["MM"] }, mode: SHUTDOWN, buyerId: "investcom"`, 'BAD_USER_INPUT', /for mode SALE/],
    [`companyId: "telenor-group", scope: { all: true }, mode: SHUTDOWN, asOf: "2022-13-01"`, 'BAD_USER_INPUT', /asOf/],
  ];
  for (const [args, code, message] of cases) {
    const res = await scenario(args, true);
    assert.ok(res.errors?.length, `no error for ${args}`);
    assert.equal(res.errors![0]!.extensions?.code, code, `${args}: ${JSON.stringify(res.errors)}`);
    assert.match(res.errors![0]!.message, message, args);
  }
});

test('a sale to a buyer not in the graph creates no new paths and no buyer risk', async () => {
  const { data } = await scenario(`${TELENOR_MYANMAR}, mode: SALE, buyerName: "Fictional Acquirer Ltd"`);
  const d = data!.disengagement;
  assert.deepEqual(d.simulatedClaims.map((c: { claim: { from: string } }) => c.claim.from), ['scenario:buyer']);
  assert.ok(d.cutPaths.length > 0);
  // The network keeps running under the new owner: paths from the buyer through it are new.
  assert.ok((d.createdPaths as ScenarioPath[]).every((p) => p.subject.id === 'scenario:buyer'));
  assert.deepEqual(d.substitutionRisks.filter((r: { kind: string }) => r.kind === 'BUYER_TIES'), []);
});

test('scenarios are saved by editors, listed, compared, and never change the claims', async () => {
  const SAVE = `mutation($name: String!, $input: DisengagementInput!) { saveScenario(name: $name, input: $input) { id name createdBy input { mode scope { countries stateBodies } } } }`;
  const forbidden = await api.gql(SAVE, { name: 'x', input: { companyId: 'telenor-group', scope: { countries: ['MM'] }, mode: 'SHUTDOWN' } });
  assert.equal(forbidden.errors?.[0]?.extensions?.code, 'FORBIDDEN');

  const counts = await graphCounts(db);
  const exit = await api.gql(SAVE, { name: 'Exit Myanmar', input: { companyId: 'telenor-group', scope: { countries: ['MM'] }, mode: 'SHUTDOWN', asOf: '2022-02-15' } }, editor);
  assert.equal(exit.errors, undefined, JSON.stringify(exit.errors));
  assert.equal(exit.data!.saveScenario.createdBy, 'scenario-editor');
  assert.equal(exit.data!.saveScenario.input.mode, 'SHUTDOWN');
  const suspend = await api.gql(SAVE, { name: 'Suspend the network only', input: { companyId: 'telenor-group', scope: { infrastructure: ['telenor-mm-network'] }, mode: 'SUSPEND', asOf: '2022-02-15' } }, editor);
  assert.equal(suspend.errors, undefined, JSON.stringify(suspend.errors));
  const bad = await api.gql(SAVE, { name: 'Bad', input: { companyId: 'telenor-group', scope: { countries: ['IL'] }, mode: 'SHUTDOWN' } }, editor);
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'a scenario that cannot run is not saved');
  assert.deepEqual(await graphCounts(db), counts, 'saving scenarios never changes entities, claims or sources');

  // Each listed result is a disengagement run: priced before it runs, so a list of results is asked for with a small limit.
  const unbounded = await api.gql(`{ scenarios(companyId: "telenor-group") { name result { peopleLosingService } } }`);
  assert.equal(unbounded.errors?.[0]?.extensions?.bound, 'maxCost', 'up to 100 scenario runs in one request is refused');
  const list = await api.gql(`{ scenarios(companyId: "telenor-group", limit: 2) { name result { peopleLosingService } } }`);
  assert.equal(list.errors, undefined, JSON.stringify(list.errors));
  assert.deepEqual(list.data!.scenarios.map((s: { name: string }) => s.name).sort(), ['Exit Myanmar', 'Suspend the network only']);

  const compared = await api.gql(`query($a: ID!, $b: ID!) { compareScenarios(a: $a, b: $b) { summary cutByBoth { ${PATH} } cutOnlyByA { ${PATH} } cutOnlyByB { ${PATH} } } }`, {
    a: exit.data!.saveScenario.id,
    b: suspend.data!.saveScenario.id,
  });
  assert.equal(compared.errors, undefined, JSON.stringify(compared.errors));
  const c = compared.data!.compareScenarios;
  assert.ok(c.cutByBoth.length > 0, 'stopping the network cuts the paths through it either way');
  assert.match(c.summary, /^"Exit Myanmar" cuts \d+ paths, creates no path and raises [^;]+; 18,000,000 people lose a service\./);

  // A sale to Investcom cuts what the shutdown cuts, and creates paths through the buyer and its owners.
  const sale = await api.gql(SAVE, { name: 'Sell to Investcom', input: { companyId: 'telenor-group', scope: { countries: ['MM'] }, mode: 'SALE', buyerId: 'investcom', asOf: '2022-02-15' } }, editor);
  assert.equal(sale.errors, undefined, JSON.stringify(sale.errors));
  const SIDE = 'peopleLosingService substitutionRisks { kind explanation claim { contested contestedBecause } }';
  const versus = await api.gql(
    `query($a: ID!, $b: ID!) { compareScenarios(a: $a, b: $b) { summary resultA { ${SIDE} } resultB { ${SIDE} }
      cutByBoth { ${PATH} } cutOnlyByA { ${PATH} } cutOnlyByB { ${PATH} }
      createdByBoth { ${PATH} } createdOnlyByA { ${PATH} } createdOnlyByB { role path { contested nodes { id } } } } }`,
    { a: exit.data!.saveScenario.id, b: sale.data!.saveScenario.id },
  );
  assert.equal(versus.errors, undefined, JSON.stringify(versus.errors));
  const v = versus.data!.compareScenarios;
  assert.ok(v.cutByBoth.length > 0 && v.cutOnlyByA.length === 0 && v.cutOnlyByB.length === 0, 'both cut the same paths');
  assert.deepEqual([v.createdByBoth.length, v.createdOnlyByA.length], [0, 0]);
  assert.ok(v.createdOnlyByB.length > 0, 'the sale creates paths the shutdown does not');
  // The created paths run through the sold network; none of their claims is disputed.
  assert.ok(v.createdOnlyByB.every((p: { path: { contested: boolean } }) => !p.path.contested));
  assert.ok(v.createdOnlyByB.some((p: { role: string; path: { nodes: { id: string }[] } }) => p.role === 'BUYER_OWNER' && p.path.nodes[0]!.id === 'shwe-byain-phyu'));
  assert.equal(v.resultA.peopleLosingService, 18_000_000);
  assert.equal(v.resultB.peopleLosingService, 0);
  // The buyer's owner's tie to the military is a risk, and its claim is contested (a company representative denied the links).
  const tie = v.resultB.substitutionRisks.find((r: { kind: string; explanation: string }) => r.kind === 'BUYER_TIES' && /Shwe Byain Phyu Group/.test(r.explanation));
  assert.equal(tie.claim.contested, true);
  assert.match(tie.claim.contestedBecause, /a company representative denied links to the military/);
  assert.match(
    v.summary,
    new RegExp(`"Sell to Investcom" cuts \\d+ paths, creates ${v.createdOnlyByB.length} new paths \\(the strongest 0\\.\\d{3}\\) and raises 1 substitution risk \\(buyer risk: Shwe Byain Phyu Group, which owns Investcom Pte Ltd, is linked to Myanmar military \\(alleged\\), [^;]+; the claim of that tie is contested\\)`),
  );
  assert.match(v.summary, /no population recorded as served loses a service\. Paths left or created: after "Exit Myanmar" /);
  assert.match(v.summary, new RegExp(`Created: 0 by both, 0 only by "Exit Myanmar", ${v.createdOnlyByB.length} only by "Sell to Investcom"\\.$`));

  const missing = await api.gql(`{ scenario(id: "scn-none") { id } }`);
  assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const deleted = await api.gql(`mutation($id: ID!) { deleteScenario(id: $id) }`, { id: suspend.data!.saveScenario.id }, editor);
  assert.equal(deleted.data?.deleteScenario, true);
});

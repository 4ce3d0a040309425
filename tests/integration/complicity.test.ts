// Complicity paths and exposure through the HTTP API, on the real Neo4j loaded with the seed
// data: the known cases of seed/seed-facts.json, filters, weights and bad input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BoundExceeded } from '../../api/complicity/bounds.ts';
import { walkToHarms } from '../../api/complicity/graphWalk.ts';
import type { Database } from '../../api/db/database.ts';
import { claimFilter, claimFilterParams } from '../../api/filters/claimFilter.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startSeededApi()));

after(() => closeAll(api, db));

interface Hop {
  direction: string;
  from: { id: string };
  to: { id: string };
  strength: number;
  confidence: number;
  confidenceFromStatus: boolean;
  weight: number;
  claim: { type: string; status: string; start: string | null; end: string | null; summary: string; sources: { id: string; url: string }[] };
}
interface Path {
  score: number;
  breakdown: { hopProduct: number; lengthFactor: number; score: number; explanation: string };
  nodes: { id: string }[];
  hops: Hop[];
}

const PATH_FIELDS = `
  score
  breakdown { hopProduct hopDecay lengthFactor score explanation }
  nodes { id }
  hops {
    direction from { id } to { id } strength confidence confidenceFromStatus weight
    claim { type status start end summary sources { id url } }
  }`;

async function paths(args: string): Promise<Path[]> {
  const res = await api.gql(`{ complicityPaths(${args}) { paths { ${PATH_FIELDS} } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.complicityPaths.paths;
}

const route = (p: Path) => p.nodes.map((n) => n.id).join(' > ');

test('Google reaches the Gaza war through the Nimbus cloud, directly and through the Project Nimbus contract', async () => {
  const found = await paths(`from: "google", to: { id: "conflict-israel-gaza" }`);
  assert.deepEqual(found.map(route), [
    'google > nimbus-cloud > conflict-israel-gaza',
    'google > contract-nimbus > nimbus-cloud > conflict-israel-gaza',
    // Added with the December 2026 seed: the IDF's reported use of cloud services for surveillance.
    'google > nimbus-cloud > idf > abuse-gaza-cloud-surveillance > conflict-israel-gaza',
  ]);
  const [best, viaContract] = found as [Path, Path];
  assert.equal(best.score, 0.7 * (0.7 * 0.85));
  assert.equal(best.breakdown.score, best.score);
  assert.match(best.breakdown.explanation, /^operates 1 × 0\.7 \(reported, not assessed\) · is allegedly used in 1 × 0\.7/);
  assert.ok(viaContract.score < best.score);
  const [party, covers, used] = viaContract.hops as [Hop, Hop, Hop];
  assert.deepEqual([party.claim.type, covers.claim.type, used.claim.type], ['PARTY_TO', 'COVERS', 'ALLEGEDLY_USED_IN']);
  assert.equal(party.direction, 'FORWARD');
  assert.equal(party.claim.status, 'REPORTED');
  assert.equal(party.claim.start, '2021');
  assert.deepEqual(party.claim.sources.map((s) => s.id), ['src-wired-nimbus-idf', 'src-972-nimbus-controls']);
  assert.deepEqual([party.strength, party.confidence, party.confidenceFromStatus], [0.8, 0.7, true]);
  assert.equal(Math.round(viaContract.breakdown.hopProduct * viaContract.breakdown.lengthFactor * 1e9), Math.round(viaContract.score * 1e9));
});

test('Microsoft reaches the surveillance of Palestinians’ calls through Azure, and through Azure and Unit 8200', async () => {
  const found = await paths(`from: "microsoft", to: { id: "abuse-8200-call-surveillance" }`);
  assert.deepEqual(found.map(route), [
    'microsoft > azure-8200 > abuse-8200-call-surveillance',
    'microsoft > azure-8200 > unit-8200 > abuse-8200-call-surveillance',
  ]);
  const viaUnit = found[1]!;
  assert.deepEqual(viaUnit.hops.map((h) => [h.claim.type, h.claim.status]), [
    ['OPERATES', 'REPORTED'],
    ['PROVIDES_SERVICE_TO', 'COMPANY_CONFIRMED'],
    ['ALLEGEDLY_RESPONSIBLE_FOR', 'REPORTED'],
  ]);
  assert.equal(viaUnit.hops[1]!.confidence, 0.9, 'company-confirmed default confidence');
  // Microsoft's disengagement from the unit records a cut: never a path.
  assert.ok(found.every((p) => p.hops.every((h) => h.claim.type !== 'DISENGAGED_FROM')));
});

test("Telenor reaches the junta's intercept demands through its former Myanmar network", async () => {
  const found = await paths(`from: "telenor-group", to: { id: "abuse-myanmar-intercept" }`);
  assert.deepEqual(found.map(route), ['telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept']);
  const [owns, operates, risk] = found[0]!.hops as [Hop, Hop, Hop];
  assert.deepEqual([owns.claim.type, owns.claim.end], ['OWNS', '2022-03']);
  assert.equal(operates.claim.type, 'OPERATES');
  assert.deepEqual([risk.claim.type, risk.claim.status, risk.confidence], ['RAISES_RISK_OF', 'ALLEGED', 0.5]);
});

test('paths may end at any abuse of a category, and the categories can be listed', async () => {
  const categories = await api.gql(`{ abuseCategories }`);
  assert.deepEqual(categories.data!.abuseCategories, [
    'atrocity-crimes',
    'censorship',
    'corruption',
    'incitement',
    'internet-shutdown',
    'mass-detention-and-surveillance',
    'mass-surveillance',
    'surveillance-of-dissidents',
    'surveillance-of-political-opposition',
    'targeted-surveillance',
    'targeting-of-journalists',
    'targeting-of-political-opposition',
  ]);
  const res = await api.gql(`{
    t: complicityPaths(from: "telenor-group", to: { abuseCategory: "mass-surveillance" }) { targetCount paths { nodes { id } } }
    m: complicityPaths(from: "microsoft", to: { abuseCategory: "mass-surveillance" }, k: 1) { paths { nodes { id } } }
  }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.equal(res.data!.t.targetCount, 3);
  assert.deepEqual(res.data!.t.paths.map(route), ['telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept']);
  assert.deepEqual(res.data!.m.paths.map(route), ['microsoft > azure-8200 > abuse-8200-call-surveillance']);
});

test('exposure lists every abuse and conflict reachable, each with its best path, best first', async () => {
  const res = await api.gql(`{
    g: exposure(entityId: "google") { reachable truncated harms { harm { id type } score path { nodes { id } } } }
    m: exposure(entityId: "microsoft") { harms { harm { id } path { nodes { id } } } }
    t: exposure(entityId: "telenor-group") { harms { harm { id } path { nodes { id } } } }
    h: exposure(entityId: "hikvision") { harms { harm { id } path { nodes { id } } } }
  }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const harms = (key: string) => res.data![key].harms.map((h: { harm: { id: string }; path: Path }) => `${h.harm.id}: ${route(h.path)}`);
  assert.deepEqual(harms('g'), [
    'abuse-smart-voting-removal: google > google-play-russia > abuse-smart-voting-removal',
    'conflict-israel-gaza: google > nimbus-cloud > conflict-israel-gaza',
    'abuse-gaza-cloud-surveillance: google > nimbus-cloud > idf > abuse-gaza-cloud-surveillance',
    'abuse-saudi-dissident-surveillance: google > gcp-saudi-region > abuse-saudi-dissident-surveillance',
  ]);
  assert.equal(res.data!.g.reachable, 4);
  assert.equal(res.data!.g.truncated, false);
  const scores = res.data!.g.harms.map((h: { score: number }) => h.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  assert.deepEqual(harms('m'), [
    'abuse-8200-call-surveillance: microsoft > azure-8200 > abuse-8200-call-surveillance',
    'conflict-israel-gaza: microsoft > azure-idf > conflict-israel-gaza',
    'abuse-gaza-cloud-surveillance: microsoft > azure-idf > idf > abuse-gaza-cloud-surveillance',
    'abuse-saudi-dissident-surveillance: microsoft > azure-saudi-region > abuse-saudi-dissident-surveillance',
  ]);
  assert.deepEqual(harms('t'), [
    'abuse-myanmar-2021-shutdowns: telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-2021-shutdowns',
    'conflict-myanmar: telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-2021-shutdowns > conflict-myanmar',
    'abuse-myanmar-intercept: telenor-group > telenor-myanmar > telenor-mm-network > abuse-myanmar-intercept',
  ]);
  // Sanctions are not a route: Hikvision's only harm is through the system it supplies.
  assert.deepEqual(harms('h'), ['abuse-xinjiang-repression: hikvision > xinjiang-video-surveillance > abuse-xinjiang-repression']);
});

test('a conflict is never a shortcut: a company linked to it reaches nothing through it', async () => {
  const res = await api.gql(`{ complicityPaths(from: "google", to: { id: "unit-8200" }, maxHops: 6) { paths { nodes { id } } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.deepEqual(res.data!.complicityPaths.paths, []);
  const limited = await api.gql(`{ exposure(entityId: "telenor-group", maxHops: 3, limit: 1) { reachable truncated harms { harm { id } } } }`);
  assert.deepEqual(limited.data!.exposure, { reachable: 2, truncated: true, harms: [{ harm: { id: 'abuse-myanmar-2021-shutdowns' } }] });
  const cut = await api.gql(`{ exposure(entityId: "telenor-group", limit: 1) { reachable truncated harms { harm { id } } } }`);
  assert.deepEqual(cut.data!.exposure, { reachable: 3, truncated: true, harms: [{ harm: { id: 'abuse-myanmar-2021-shutdowns' } }] });
});

test('filters change the paths: a date before the contract, after the sale, a confidence floor, statuses', async () => {
  // Before the contract (2021) and before the war began (2023-10) no path reaches the war, though
  // the claims into it are undated: an undated claim holds only while both its ends exist.
  assert.deepEqual(await paths(`from: "google", to: { id: "conflict-israel-gaza" }, asOf: "2020-06-01"`), []);
  const duringWar = await paths(`from: "google", to: { id: "conflict-israel-gaza" }, asOf: "2024-06-01"`);
  assert.ok(duringWar.map(route).includes('google > contract-nimbus > nimbus-cloud > conflict-israel-gaza'));
  assert.deepEqual(await paths(`from: "telenor-group", to: { id: "abuse-myanmar-intercept" }, asOf: "2023-01-01"`), []);
  assert.equal((await paths(`from: "telenor-group", to: { id: "abuse-myanmar-intercept" }, asOf: "2022-02-15"`)).length, 1);
  assert.deepEqual(await paths(`from: "telenor-group", to: { id: "abuse-myanmar-intercept" }, minConfidence: 0.6`), []);
  const reportedOnly = await paths(`from: "microsoft", to: { id: "abuse-8200-call-surveillance" }, statuses: [REPORTED]`);
  assert.deepEqual(reportedOnly.map(route), ['microsoft > azure-8200 > abuse-8200-call-surveillance']);
});

test('weights can be overridden per request and come back with the response', async () => {
  const res = await api.gql(`{
    complicityPaths(from: "google", to: { id: "conflict-israel-gaza" },
      weights: { relations: [{ type: OPERATES, strength: 0.1 }], statuses: [{ status: REPORTED, confidence: 1 }], hopDecay: 1 }) {
      paths { score nodes { id } }
      weights { hopDecay relations { type strength walked why } statuses { status confidence } }
    }
  }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const out = res.data!.complicityPaths;
  assert.deepEqual(out.paths.map(route), [
    'google > contract-nimbus > nimbus-cloud > conflict-israel-gaza',
    'google > nimbus-cloud > conflict-israel-gaza',
    'google > nimbus-cloud > idf > abuse-gaza-cloud-surveillance > conflict-israel-gaza',
  ]);
  assert.ok(Math.abs(out.paths[0].score - 0.8 * 0.9 * 1) < 1e-12);
  assert.equal(out.weights.hopDecay, 1);
  const operates = out.weights.relations.find((r: { type: string }) => r.type === 'OPERATES');
  assert.equal(operates.strength, 0.1);
  const partyTo = out.weights.relations.find((r: { type: string }) => r.type === 'PARTY_TO');
  assert.equal(partyTo.walked, 'forward; backward onto Government, StateBody');
  assert.ok(!out.weights.relations.some((r: { type: string }) => r.type === 'LOCATED_IN'));
  assert.deepEqual(out.weights.statuses.find((s: { status: string }) => s.status === 'REPORTED'), { status: 'REPORTED', confidence: 1 });
});

test('bad input gets a clear error naming what was wrong', async () => {
  const cases: [string, RegExp, string, string?][] = [
    [`complicityPaths(from: "nobody", to: { id: "conflict-myanmar" })`, /No entity with id "nobody"/, 'NOT_FOUND'],
    [`complicityPaths(from: "google", to: { id: "nowhere" })`, /No entity with id "nowhere"/, 'NOT_FOUND'],
    [`complicityPaths(from: "google", to: { abuseCategory: "jaywalking" })`, /No abuse has the category "jaywalking". Categories in the graph: .*mass-surveillance/, 'NOT_FOUND'],
    [`complicityPaths(from: "google", to: {})`, /to needs exactly one of id .* or abuseCategory/, 'BAD_USER_INPUT', 'to'],
    [`complicityPaths(from: "google", to: { id: "conflict-myanmar", abuseCategory: "mass-surveillance" })`, /exactly one/, 'BAD_USER_INPUT', 'to'],
    [`complicityPaths(from: "google", to: { id: "google" })`, /from and to are the same entity/, 'BAD_USER_INPUT', 'to'],
    [`complicityPaths(from: "google", to: { id: "conflict-myanmar" }, maxHops: 7)`, /maxHops must be a whole number from 1 to 6; got 7/, 'BAD_USER_INPUT', 'maxHops'],
    [`complicityPaths(from: "google", to: { id: "conflict-myanmar" }, k: 51)`, /k must be a whole number from 1 to 50; got 51/, 'BAD_USER_INPUT', 'k'],
    [`exposure(entityId: "google", maxHops: 0)`, /maxHops must be a whole number from 1 to 6; got 0/, 'BAD_USER_INPUT', 'maxHops'],
    [`exposure(entityId: "google", limit: 501)`, /limit must be a whole number from 1 to 500/, 'BAD_USER_INPUT', 'limit'],
    [`exposure(entityId: "nobody")`, /No entity with id "nobody"/, 'NOT_FOUND'],
    [`exposure(entityId: "google", asOf: "2020")`, /asOf must be a calendar date/, 'BAD_USER_INPUT', 'asOf'],
    [`exposure(entityId: "google", weights: { relations: [{ type: OWNS, strength: 1.5 }] })`, /weights\.relations\[OWNS\]\.strength must be between 0 and 1; got 1\.5/, 'BAD_USER_INPUT'],
    [`exposure(entityId: "google", weights: { hopDecay: -0.5 })`, /weights\.hopDecay must be between 0 and 1; got -0\.5/, 'BAD_USER_INPUT', 'weights.hopDecay'],
    [`exposure(entityId: "google", weights: { relations: [{ type: LOCATED_IN, strength: 0.5 }] })`, /LOCATED_IN is never walked by complicity paths/, 'BAD_USER_INPUT', 'weights.relations'],
    [`exposure(entityId: "google", weights: { statuses: [{ status: DENIED, confidence: 2 }] })`, /weights\.statuses\[denied\]\.confidence must be between 0 and 1; got 2/, 'BAD_USER_INPUT'],
  ];
  for (const [call, message, code, argument] of cases) {
    const res = await api.gql(`{ ${call} { __typename } }`);
    assert.match(res.errors?.[0]?.message ?? '', message, call);
    assert.equal(res.errors?.[0]?.extensions?.code, code, call);
    if (argument) assert.equal(res.errors?.[0]?.extensions?.argument, argument, call);
  }
  // An unknown relation type is caught by the schema itself, which names it.
  const unknownType = await api.gql(`{ exposure(entityId: "google", weights: { relations: [{ type: FUNDS, strength: 0.5 }] }) { __typename } }`);
  assert.match(unknownType.errors?.[0]?.message ?? '', /"FUNDS" does not exist in "RelationType" enum/);
});

test('user text never becomes Cypher: a category is only ever a parameter', async () => {
  const res = await api.gql(`query($c: String) { complicityPaths(from: "google", to: { abuseCategory: $c }) { targetCount } }`, {
    c: `x" }) MATCH (n) DETACH DELETE n //`,
  });
  assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  assert.equal((await api.gql(`{ entity(id: "google") { name } }`)).data!.entity.name, 'Google');
});

test('the walk stops at its claim bound and its time bound, naming them', async () => {
  const filter = claimFilterParams(claimFilter({}));
  await assert.rejects(
    walkToHarms(db, 'google', { maxHops: 4, filter, maxClaims: 3 }),
    (e: unknown) => e instanceof BoundExceeded && e.bound === 'maxClaimsVisited' && /more than 3 claims;/.test(e.message),
  );
  await assert.rejects(
    walkToHarms(db, 'google', { maxHops: 4, filter, timeoutMs: 0 }),
    (e: unknown) => e instanceof BoundExceeded && e.bound === 'timeoutMs',
  );
  const ok = await walkToHarms(db, 'google', { maxHops: 4, filter });
  assert.ok(ok.claimsVisited > 3);
});

// Time means time, pinned on the seed through the HTTP API. A claim without dates holds only
// while both its ends exist; a claim with one date is bounded on its open side by its ends'
// dates; undated claims are marked and a reader can leave them out.
//   - Israel-Gaza war: Conflict from 2023-10; the four claims into it (Nimbus and Azure used in
//     it, two abuses part of it) are undated.
//   - Telenor's sale in Myanmar: Contract 2021-07 to 2022-03; Telenor and M1 PARTY_TO it from
//     2021-07, with no end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => {
  ({ db, api } = await startSeededApi());
});

after(() => closeAll(api, db));

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!;
}

interface Edge { from: string; to: string; type: string; start: string | null; end: string | null; undated: boolean }

async function edgesAround(id: string, asOf: string | null, includeUndated?: boolean): Promise<Edge[]> {
  const data = await gql(
    'query($id: ID!, $asOf: String, $u: Boolean) { neighborhood(id: $id, asOf: $asOf, includeUndated: $u) { edges { from to type start end undated } } }',
    { id, asOf, u: includeUndated },
  );
  return data.neighborhood.edges;
}

const PATHS = 'query($asOf: String, $u: Boolean) { complicityPaths(from: "google", to: { id: "conflict-israel-gaza" }, k: 5, asOf: $asOf, includeUndated: $u) { paths { undated nodes { id } hops { undated claim { start end undated } } } } }';

test('at the end of 2021 no path links Google to a war that began in October 2023', async () => {
  const before = await gql(PATHS, { asOf: '2021-12-31' });
  assert.deepEqual(before.complicityPaths.paths, []);
  const during = await gql(PATHS, { asOf: '2024-06-30' });
  assert.ok(during.complicityPaths.paths.length > 0, 'the war is reached once it has begun');
  // Every path there ends through an undated claim into the war, and says so on the hop and the path.
  for (const path of during.complicityPaths.paths) {
    assert.equal(path.undated, true);
    for (const hop of path.hops) assert.equal(hop.undated, hop.claim.start === null && hop.claim.end === null);
  }
  // Without undated claims the war is out of reach on any date.
  const dated = await gql(PATHS, { asOf: '2024-06-30', u: false });
  assert.deepEqual(dated.complicityPaths.paths, []);
});

test("an undated claim holds only while both its ends exist", async () => {
  const key = (e: Edge) => `${e.from} ${e.type} ${e.to}`;
  // Before the war began: nothing joins it, though both claims into it are undated.
  assert.deepEqual((await edgesAround('conflict-israel-gaza', '2023-09-30')).map(key), []);
  // From October 2023 they show, marked undated.
  const from = await edgesAround('conflict-israel-gaza', '2023-10-01');
  assert.deepEqual(from.map(key).sort(), [
    'abuse-8200-call-surveillance PART_OF conflict-israel-gaza',
    'abuse-gaza-cloud-surveillance PART_OF conflict-israel-gaza',
    'azure-idf ALLEGEDLY_USED_IN conflict-israel-gaza',
    'nimbus-cloud ALLEGEDLY_USED_IN conflict-israel-gaza',
  ]);
  assert.ok(from.every((e) => e.undated));
  // A date of the month the war began counts at the month's precision, as claims' dates do.
  assert.equal((await edgesAround('conflict-israel-gaza', '2023-10-31')).length, 4);
});

test("a claim's open side is bounded by its ends: no party to a sale after the sale ended", async () => {
  const parties = async (asOf: string) =>
    (await edgesAround('contract-telenor-mm-sale', asOf)).filter((e) => e.type === 'PARTY_TO').map((e) => e.from).sort();
  assert.deepEqual(await parties('2021-06-30'), [], 'before the claims start');
  assert.deepEqual(await parties('2021-12-31'), ['m1-group', 'telenor-group']);
  assert.deepEqual(await parties('2022-03-15'), ['m1-group', 'telenor-group'], 'the contract ends in March 2022, at month precision');
  assert.deepEqual(await parties('2023-06-30'), [], 'after the contract ended');
});

test('with no date chosen every claim shows; leaving out undated claims keeps exactly the dated ones', async () => {
  const own = (edges: Edge[]) => edges.filter((e) => e.from === 'google' || e.to === 'google');
  const all = own(await edgesAround('google', null));
  const dated = own(await edgesAround('google', null, false));
  assert.ok(all.some((e) => e.undated) && all.some((e) => !e.undated), 'Google has dated and undated claims');
  assert.deepEqual(dated.map((e) => `${e.from} ${e.type} ${e.to}`).sort(), all.filter((e) => !e.undated).map((e) => `${e.from} ${e.type} ${e.to}`).sort());
  for (const e of all) assert.equal(e.undated, e.start === null && e.end === null);
});

test('exports, screening and scenarios take the same choice, and the screening says which it ran with', async () => {
  const exported = async (u: boolean) => {
    const data = await gql('query($u: Boolean) { exportGraph(format: JSON, all: true, includeUndated: $u) { files { content } } }', { u });
    const graph = JSON.parse(data.exportGraph.files[0].content) as { edges: { attributes: { start?: string; end?: string } }[] };
    return graph.edges.map((e) => e.attributes);
  };
  const withAll = await exported(true);
  const withDated = await exported(false);
  const undatedCount = withAll.filter((r) => !r.start && !r.end).length;
  assert.ok(undatedCount > 0);
  assert.equal(withDated.length, withAll.length - undatedCount);
  assert.ok(withDated.every((r) => r.start || r.end));

  const screen = (u: boolean) =>
    gql('mutation($u: Boolean) { screenPortfolio(portfolio: "Time test", content: "name,weight\\nGoogle,100\\n", includeUndated: $u) { settings { includeUndated } holdings { exposure { harmCount } } } }', { u });
  const kept = (await screen(true)).screenPortfolio;
  const left = (await screen(false)).screenPortfolio;
  assert.deepEqual([kept.settings.includeUndated, left.settings.includeUndated], [true, false]);
  assert.ok(left.holdings[0].exposure.harmCount < kept.holdings[0].exposure.harmCount, 'fewer flags without undated claims');

  const scenario = (u: boolean) =>
    gql('query($u: Boolean) { disengagement(companyId: "google", scope: { all: true }, mode: SHUTDOWN, includeUndated: $u) { cutPaths { path { score } } } }', { u });
  const cutAll = (await scenario(true)).disengagement.cutPaths.length;
  const cutDated = (await scenario(false)).disengagement.cutPaths.length;
  assert.ok(cutDated < cutAll, `a shutdown cuts fewer paths when undated claims are left out (${cutDated} < ${cutAll})`);
});

test('includeUndated must be a boolean', async () => {
  const res = await api.gql('query($u: Boolean) { neighborhood(id: "google", includeUndated: $u) { edges { id } } }', { u: 'no' });
  assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res.errors));
});

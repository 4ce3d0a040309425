// Contested evidence and what the screening says, through the HTTP API on the seed: a path
// through the Shwe Byain Phyu tie (its sources record that a company representative denied
// links to the military) is marked contested, as is one through a denied claim; a file whose
// weights do not add up to 100 % gets both shares, the unmatched and to-review holdings with
// their weights, and the settings it ran with. Added claims and companies are fictional.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'contested-editor', 'editor');
});

after(() => closeAll(api, db));

const HOPS = 'score contested nodes { id } hops { contested from { id } to { id } claim { id type status contested contestedBecause } }';

async function gql(query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await api.gql(query, variables, token);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!;
}

test('a path through a claim whose sources record a denial is contested, hop and claim saying why', async () => {
  const data = await gql(`{ complicityPaths(from: "shwe-byain-phyu", to: { id: "abuse-myanmar-intercept" }, k: 3) { paths { ${HOPS} } } }`);
  const path = data.complicityPaths.paths[0];
  assert.deepEqual(path.nodes.map((n: { id: string }) => n.id), ['shwe-byain-phyu', 'myanmar-military', 'abuse-myanmar-intercept']);
  assert.equal(path.contested, true);
  assert.deepEqual(path.hops.map((h: { contested: boolean }) => h.contested), [true, false]);
  assert.equal(path.hops[0].claim.contestedBecause, 'Its sources record a response: "a company representative denied links to the military".');
  assert.equal(path.hops[1].claim.contestedBecause, null);

  // Google's best path to the Gaza war has no disputed hop.
  const google = await gql(`{ complicityPaths(from: "google", to: { id: "conflict-israel-gaza" }, k: 1) { paths { ${HOPS} } } }`);
  assert.equal(google.complicityPaths.paths[0].contested, false);
  // The neighbourhood's claims carry it too: Google's response on the Nimbus service to the army.
  const hood = await gql(`{ neighborhood(id: "nimbus-cloud") { edges { from to contested contestedBecause } } }`);
  const toArmy = hood.neighborhood.edges.find((e: { to: string }) => e.to === 'idf');
  assert.deepEqual([toArmy.contested, toArmy.contestedBecause], [true, 'Its sources record a response: "Google has said the contract is not aimed at military work".']);
});

test('a denied claim makes the path through it contested', async () => {
  const company = await gql(`mutation { createEntity(input: { id: "fictional-denier", type: Company, name: "Fictional Denier Ltd" }) { id } }`, undefined, editor);
  assert.equal(company.createEntity.id, 'fictional-denier');
  await gql(
    `mutation { addClaim(input: { from: "fictional-denier", type: SUPPLIES, to: "xinjiang-video-surveillance", status: DENIED,
      summary: "A fictional test claim of supply.", sourceIds: ["src-sourcesecurity-hikvision"] }) { id } }`,
    undefined,
    editor,
  );
  const data = await gql(`{ complicityPaths(from: "fictional-denier", to: { id: "abuse-xinjiang-repression" }, k: 1) { paths { ${HOPS} } } }`);
  const path = data.complicityPaths.paths[0];
  assert.equal(path.contested, true);
  assert.equal(path.hops[0].claim.status, 'DENIED');
  assert.equal(path.hops[0].claim.contestedBecause, 'Its status is denied.');
});

const SCREEN = `mutation($portfolio: String!, $content: String!, $asOf: String, $maxHops: Int) {
  screenPortfolio(portfolio: $portfolio, content: $content, asOf: $asOf, maxHops: $maxHops) {
    notes
    settings { maxHops asOf statuses minConfidence weights { hopDecay statuses { status confidence } } }
    summary { holdings exposed exposedWeightShare fileShareOfWhole
      parts { exposed { holdings shareOfFile shareOfWhole } unmatched { holdings shareOfFile shareOfWhole } toReview { holdings shareOfFile shareOfWhole } unscreened { holdings } }
      byConflict { key weightShare shareOfWhole } }
    holdings { holding { line name } match { status } shareOfFile shareOfWhole
      exposure { bestPath { contested hops { claim { contested } } } } }
  } }`;

test('a file that is 60 % of a fund: shares of the file and of the whole, what was not screened, and the settings', async () => {
  // Google 30 and Shwe Byain Phyu 10 are matched; Microsfot 10 waits for review; Fictional Widgets 10 matches nothing.
  const content = ['name,weight', 'Google LLC,30', 'Shwe Byain Phyu Group,10', 'Microsfot,10', 'Fictional Widgets Inc.,10'].join('\n');
  const s = (await gql(SCREEN, { portfolio: 'sixty-fund', content, asOf: '2024-06-01', maxHops: 4 })).screenPortfolio;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);
  assert.equal(round(s.summary.fileShareOfWhole), 0.6);
  assert.ok(s.notes.some((n: string) => /^the weights add up to 60\.0% of the portfolio \(read as percentages\), not 100%/.test(n)), JSON.stringify(s.notes));
  const part = (p: { holdings: number; shareOfFile: number; shareOfWhole: number | null }) => [p.holdings, round(p.shareOfFile), round(p.shareOfWhole)];
  assert.deepEqual(part(s.summary.parts.exposed), [2, 0.6667, 0.4]);
  assert.deepEqual(part(s.summary.parts.toReview), [1, 0.1667, 0.1]);
  assert.deepEqual(part(s.summary.parts.unmatched), [1, 0.1667, 0.1]);
  assert.equal(s.summary.parts.unscreened.holdings, 0);
  const gaza = s.summary.byConflict.find((c: { key: string }) => c.key === 'conflict-israel-gaza');
  assert.deepEqual([round(gaza.weightShare), round(gaza.shareOfWhole)], [0.5, 0.3]);
  assert.deepEqual(
    s.holdings.map((h: { holding: { name: string }; match: { status: string }; shareOfFile: number; shareOfWhole: number }) => [h.holding.name, h.match.status, round(h.shareOfFile), round(h.shareOfWhole)]),
    [
      ['Google LLC', 'MATCHED', 0.5, 0.3],
      ['Shwe Byain Phyu Group', 'MATCHED', 0.1667, 0.1],
      ['Microsfot', 'WEAK', 0.1667, 0.1],
      ['Fictional Widgets Inc.', 'UNMATCHED', 0.1667, 0.1],
    ],
  );
  assert.deepEqual(s.settings, {
    maxHops: 4,
    asOf: '2024-06-01',
    statuses: [],
    minConfidence: 0,
    weights: { hopDecay: 0.85, statuses: s.settings.weights.statuses },
  });
  assert.deepEqual(s.settings.weights.statuses.find((x: { status: string }) => x.status === 'DENIED'), { status: 'DENIED', confidence: 0.2 });
  // Shwe Byain Phyu's best path goes through its contested tie to the military; Google's does not.
  const best = (name: string) => s.holdings.find((h: { holding: { name: string } }) => h.holding.name === name).exposure.bestPath;
  assert.equal(best('Shwe Byain Phyu Group').contested, true);
  assert.equal(best('Google LLC').contested, false);
});

test('weights adding up to 100 % need no note, and both shares agree', async () => {
  const s = (await gql(SCREEN, { portfolio: 'whole-fund', content: ['name,weight', 'Google LLC,60%', 'Fictional Widgets Inc.,40%'].join('\n') })).screenPortfolio;
  assert.equal(s.summary.fileShareOfWhole, 1);
  assert.ok(!s.notes.some((n: string) => /add up to/.test(n)), JSON.stringify(s.notes));
  assert.deepEqual([s.summary.parts.exposed.shareOfFile, s.summary.parts.exposed.shareOfWhole], [0.6, 0.6]);
  assert.deepEqual([s.settings.maxHops, s.settings.asOf], [4, null]);
});

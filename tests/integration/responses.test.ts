// Company responses and the OHCHR listing through the HTTP API on the real Neo4j: the shipped
// OHCHR table imported into the seed, a listed enterprise's listing claim carries its response,
// the path finder reaches the settlements from a listed company (a listing, at its own
// strength), a screening of its name flags it with the response on the hop, a removal is a
// disengagement; a fictional file's responses ride through import, paths, a withdrawal and the
// JSON export, and a bad response writes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import { projectRoot } from '../../api/config.ts';
import { importOfficialList } from '../../api/datasets/importList.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { graphCounts } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

const AHAVA = 'ahava-dead-sea-laboratories-ltd';
const AHAVA_LISTING = `${AHAVA}--listed-as-involved-in--settlements-opt`;
const RESPONSES = 'responses { kind date text sources { id publisher } }';
const HOPS = `score hops { strength weight contested claim { id type status ${RESPONSES} } }`;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'responses-editor', 'editor');
  const text = readFileSync(join(projectRoot, 'seed/datasets/ohchr-settlement-database/table.csv'), 'utf8');
  const { report } = await importOfficialList(db, 'ohchr-settlements', text, 'table.csv', { by: 'import:table.csv', dryRun: false });
  assert.deepEqual(report.problems, []);
  assert.equal(report.applied, true);
});

after(() => closeAll(api, db));

async function gql(query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await api.gql(query, variables, token);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!;
}

const OHCHR_RESPONSE = { kind: 'RESPONDED', date: '2025-09-23', text: null, sources: [{ id: 'src-ohchr-bhr-database', publisher: 'Office of the United Nations High Commissioner for Human Rights (OHCHR)' }] };

test("a listed enterprise's listing claim carries OHCHR's record of its response; one without a response has none", async () => {
  const data = await gql(`{ claim(id: "${AHAVA_LISTING}") { type status contested ${RESPONSES} }
    airbnb: claim(id: "airbnb-inc--listed-as-involved-in--settlements-opt") { ${RESPONSES} } }`);
  assert.equal(data.claim.type, 'LISTED_AS_INVOLVED_IN');
  assert.equal(data.claim.status, 'OFFICIALLY_LISTED');
  assert.equal(data.claim.contested, false);
  assert.deepEqual(data.claim.responses, [OHCHR_RESPONSE]);
  assert.deepEqual(data.airbnb.responses, []);
});

test('a listed company gets a path to the settlements at the listing strength, its hop carrying the response', async () => {
  const data = await gql(`{ complicityPaths(from: "${AHAVA}", to: { id: "settlements-opt" }, k: 3) { paths { ${HOPS} } } }`);
  const [path] = data.complicityPaths.paths;
  assert.equal(data.complicityPaths.paths.length, 1);
  assert.equal(path.hops.length, 1);
  // strength 0.8 × the officially-listed default confidence 0.85, one hop.
  assert.equal(path.hops[0].strength, 0.8);
  assert.equal(Number(path.score.toFixed(4)), 0.68);
  assert.equal(path.hops[0].claim.id, AHAVA_LISTING);
  assert.deepEqual(path.hops[0].claim.responses, [OHCHR_RESPONSE]);
});

test("a screening of the listed enterprise's name flags it with the settlements, the flag's hop carrying the response", async () => {
  const content = ['name,weight', 'Ahava Dead Sea Laboratories Ltd,10', 'Fictional Widgets Inc.,5'].join('\n');
  const data = await gql(
    `mutation($content: String!) { screenPortfolio(portfolio: "listed", content: $content) {
      holdings { holding { name } match { status entity { id } } exposure { harms { harm { id } path { ${HOPS} } } } } } }`,
    { content },
  );
  const [ahava, widgets] = data.screenPortfolio.holdings;
  assert.equal(ahava.match.entity.id, AHAVA);
  const flag = ahava.exposure.harms.find((h: { harm: { id: string } }) => h.harm.id === 'settlements-opt');
  assert.ok(flag, JSON.stringify(ahava.exposure));
  assert.equal(flag.path.hops[0].claim.type, 'LISTED_AS_INVOLVED_IN');
  assert.deepEqual(flag.path.hops[0].claim.responses, [OHCHR_RESPONSE]);
  assert.equal(widgets.exposure, null);
});

test('a removed enterprise: its listing ends on the removal date and a disengagement from the settlements starts then, citing OHCHR', async () => {
  const data = await gql(`{ listing: claim(id: "kardan-n-v--listed-as-involved-in--settlements-opt") { end }
    disengaged: claim(id: "kardan-n-v--disengaged-from--settlements-opt") { type status start summary sources { id } } }`);
  assert.equal(data.listing.end, '2025-09-26');
  assert.equal(data.disengaged.type, 'DISENGAGED_FROM');
  assert.equal(data.disengaged.status, 'OFFICIALLY_LISTED');
  assert.equal(data.disengaged.start, '2025-09-26');
  assert.deepEqual(data.disengaged.sources, [{ id: 'src-ohchr-bhr-database' }]);
  // After the removal no path reaches the settlements from it; before it, the listing does.
  const later = await gql(`{ complicityPaths(from: "kardan-n-v", to: { id: "settlements-opt" }, asOf: "2026-01-01") { paths { score } } }`);
  assert.deepEqual(later.complicityPaths.paths, []);
  const earlier = await gql(`{ complicityPaths(from: "kardan-n-v", to: { id: "settlements-opt" }, asOf: "2025-06-01") { paths { score } } }`);
  assert.equal(earlier.complicityPaths.paths.length, 1);
});

// A fictional case: Fictional Optics Ltd runs checkpoint cameras used in a fictional occupation,
// and denied it in a statement of its own; a second response cites the monitor's report.
const fictional = {
  sources: [
    { id: 'src-fictional-monitor', publisher: 'Example Monitor', title: 'A fictional report on checkpoint cameras', url: 'https://example.org/monitor', date: '2025-05' },
    { id: 'src-fictional-reply', publisher: 'Fictional Optics Ltd', title: '[Statement in reply to Example Monitor]', url: 'https://example.org/reply', date: '2025-06-02', kind: 'company' },
  ],
  entities: [
    { id: 'fictional-optics', type: 'Company', name: 'Fictional Optics Ltd' },
    { id: 'fictional-checkpoint-cameras', type: 'Infrastructure', name: 'Fictional checkpoint cameras', kind: 'surveillance-system' },
    { id: 'fictional-occupation', type: 'Conflict', name: 'Occupation of Fictional Province (Ruritania)' },
  ],
  relations: [
    { from: 'fictional-optics', type: 'OPERATES', to: 'fictional-checkpoint-cameras', status: 'reported', summary: 'Example Monitor reports that Fictional Optics Ltd runs the cameras.', sources: ['src-fictional-monitor'] },
    { from: 'fictional-checkpoint-cameras', type: 'ALLEGEDLY_USED_IN', to: 'fictional-occupation', status: 'alleged', summary: 'Example Monitor reports the cameras are used at checkpoints.', sources: ['src-fictional-monitor'] },
  ],
  responses: [
    { claim: 'fictional-optics--operates--fictional-checkpoint-cameras', kind: 'denied', date: '2025-06-02', text: 'We sold the cameras and do not run them.', sources: ['src-fictional-reply'] },
    { claim: 'fictional-optics--operates--fictional-checkpoint-cameras', kind: 'declined', date: '2025-07', sources: ['src-fictional-monitor'] },
  ],
};
const IMPORT = `mutation($content: String!, $dryRun: Boolean) { importData(format: JSON, fileName: "fictional.json", content: $content, dryRun: $dryRun) {
  applied problems { item reason } summary { claims { created updated unchanged } } } }`;
const DENIAL = { kind: 'DENIED', date: '2025-06-02', text: 'We sold the cameras and do not run them.', sources: [{ id: 'src-fictional-reply', publisher: 'Fictional Optics Ltd' }] };
const DECLINED = { kind: 'DECLINED', date: '2025-07', text: null, sources: [{ id: 'src-fictional-monitor', publisher: 'Example Monitor' }] };

test('a bad response refuses the whole file and writes nothing', async () => {
  const before = await graphCounts(db);
  const bad = { ...fictional, responses: [{ ...fictional.responses[0], kind: 'ignored' }, { claim: 'fictional-optics--supplies--fictional-occupation', kind: 'denied', date: '2025', sources: ['src-fictional-reply'] }] };
  const data = await gql(IMPORT, { content: JSON.stringify(bad) }, editor);
  assert.equal(data.importData.applied, false);
  assert.deepEqual(data.importData.problems.map((p: { reason: string }) => p.reason), [
    'the response kind must be one of responded, declined, no-response-recorded, denied; got "ignored"',
    'answers claim "fictional-optics--supplies--fictional-occupation", which is no relation of this file; a response is imported with the claim it answers',
  ]);
  assert.deepEqual(await graphCounts(db), before);
});

test("a fictional file's responses ride through import, the path, a withdrawal and the JSON export; a second import changes nothing", async () => {
  const content = JSON.stringify(fictional);
  const first = await gql(IMPORT, { content }, editor);
  assert.deepEqual(first.importData.problems, []);
  assert.equal(first.importData.applied, true);
  const again = await gql(IMPORT, { content }, editor);
  assert.deepEqual(again.importData.summary.claims, { created: 0, updated: 0, unchanged: 2 });

  const paths = await gql(`{ complicityPaths(from: "fictional-optics", to: { id: "fictional-occupation" }, k: 1) { paths { contested hops { contested claim { id contestedBecause ${RESPONSES} } } } } }`);
  const [path] = paths.complicityPaths.paths;
  assert.equal(path.contested, true);
  assert.deepEqual(path.hops[0].claim.responses, [DENIAL, DECLINED]);
  assert.equal(path.hops[0].claim.contestedBecause, 'A company response of 2 June 2025 denies it: "We sold the cameras and do not run them".');
  assert.deepEqual(path.hops[1].claim.responses, []);

  const scenario = await gql(`{ disengagement(companyId: "fictional-optics", scope: { all: true }, mode: SHUTDOWN) {
    removedClaims { claim { id ${RESPONSES} } } cutPaths { path { hops { claim { id ${RESPONSES} } } } } } }`);
  const removed = scenario.disengagement.removedClaims.find((c: { claim: { id: string } }) => c.claim.id === 'fictional-optics--operates--fictional-checkpoint-cameras');
  assert.ok(removed, JSON.stringify(scenario.disengagement.removedClaims));
  assert.deepEqual(removed.claim.responses, [DENIAL, DECLINED]);
  const cut = scenario.disengagement.cutPaths[0].path.hops[0].claim;
  assert.deepEqual([cut.id, cut.responses], ['fictional-optics--operates--fictional-checkpoint-cameras', [DENIAL, DECLINED]]);

  // The JSON export carries the responses and the source only a response cites, and reads back.
  const exported = await gql(`{ exportGraph(format: JSON, ids: ["fictional-optics", "fictional-checkpoint-cameras"]) { files { content } sources } }`);
  const graph = JSON.parse(exported.exportGraph.files[0].content);
  assert.deepEqual(graph.attributes.sources.map((s: { id: string }) => s.id).sort(), ['src-fictional-monitor', 'src-fictional-reply']);
  assert.deepEqual(graph.edges[0].attributes.responses, [
    { kind: 'denied', date: '2025-06-02', text: 'We sold the cameras and do not run them.', sources: ['src-fictional-reply'] },
    { kind: 'declined', date: '2025-07', sources: ['src-fictional-monitor'] },
  ]);
  const back = await gql(`mutation($content: String!) { importData(format: GRAPHOLOGY, fileName: "back.graphology.json", content: $content, dryRun: true) {
    problems { reason } summary { claims { created updated unchanged } } } }`, { content: exported.exportGraph.files[0].content }, editor);
  assert.deepEqual(back.importData.problems, []);
  assert.deepEqual(back.importData.summary.claims, { created: 0, updated: 0, unchanged: 1 });
});

test('a correction of the claim keeps its responses', async () => {
  const data = await gql(`mutation { updateClaim(id: "fictional-optics--operates--fictional-checkpoint-cameras", patch: { confidence: 0.6 }) { confidence ${RESPONSES} } }`, undefined, editor);
  assert.equal(data.updateClaim.confidence, 0.6);
  assert.deepEqual(data.updateClaim.responses, [DENIAL, DECLINED]);
});

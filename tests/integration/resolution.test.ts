// One entity, many sources, on the real Neo4j through the GraphQL API: the shipped lists load
// onto the seed, the FCC's "Hangzhou Hikvision Digital Technology Company" becomes the seed's
// Hikvision (its id keeps resolving), Booking Holdings and Booking.com stay two, every import is
// recorded with its licence and counts, and an editor's decisions on the review queue are kept
// when the lists are imported again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { loadShippedLists } from '../../seed/shippedLists.ts';
import type { TestApi } from '../support/api.ts';
import { graphCounts } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'resolution-editor', 'editor');
  await loadShippedLists(db);
});

after(() => closeAll(api, db));

const ENTITY = `query($id: ID!) { entity(id: $id) { id name aliases } }`;
const CLAIMS = `query($id: ID!) { neighborhood(id: $id) { edges { type from to sources { id licence } } } }`;

test("the FCC list's Hikvision is the seed's Hikvision: one entity, the list's name an alias, its id resolving", async () => {
  const { data, errors } = await api.gql(ENTITY, { id: 'hangzhou-hikvision-digital-technology-company' });
  assert.equal(errors, undefined);
  assert.equal(data!.entity.id, 'hikvision');
  assert.equal(data!.entity.name, 'Hangzhou Hikvision Digital Technology');
  assert.ok(data!.entity.aliases.includes('Hangzhou Hikvision Digital Technology Company'), data!.entity.aliases.join(', '));
  const claims = await api.gql(CLAIMS, { id: 'hikvision' });
  const listed = claims.data!.neighborhood.edges.filter((c: any) => c.type === 'SANCTIONED_BY' && c.from === 'hikvision' && c.to === 'us-fcc');
  assert.equal(listed.length, 1);
  assert.equal(listed[0].sources[0].licence, 'A US government work.');
});

test('Booking Holdings Inc. and Booking.com B.V. stay two entities, and no pair joins them', async () => {
  const a = await api.gql(ENTITY, { id: 'booking-holdings-inc' });
  const b = await api.gql(ENTITY, { id: 'booking-com-b-v' });
  assert.equal(a.data!.entity.id, 'booking-holdings-inc');
  assert.equal(b.data!.entity.id, 'booking-com-b-v');
  const { data } = await api.gql(`{ entityPairs(limit: 1000) { incomingId candidateId } }`);
  const joined = data!.entityPairs.filter((p: any) => [p.incomingId, p.candidateId].includes('booking-holdings-inc') && [p.incomingId, p.candidateId].includes('booking-com-b-v'));
  assert.deepEqual(joined, []);
});

test('every import is recorded: publisher, page, licence, version, digest and what it came to', async () => {
  const { data, errors } = await api.gql(`{ datasets { name publisher sourcePage licence version fileName fileSha256 importedBy entities { created updated unchanged } claims { created } merged sentToReview reported readerCounts } }`);
  assert.equal(errors, undefined);
  const fcc = data!.datasets.find((d: any) => d.name === 'fcc-covered-list');
  const ohchr = data!.datasets.find((d: any) => d.name === 'ohchr-settlements');
  assert.equal(ohchr.publisher, 'Office of the United Nations High Commissioner for Human Rights (OHCHR)');
  assert.equal(ohchr.sourcePage, 'https://www.ohchr.org/en/business/bhr-database');
  assert.equal(ohchr.licence, 'A public UN document; cite OHCHR as the source.');
  assert.equal(ohchr.entities.created, 166);
  assert.equal(ohchr.claims.created, 177);
  assert.deepEqual(JSON.parse(ohchr.readerCounts), { rows: 165, listed: 153, removed: 12, responses: 5, reported: 0, problems: 0 });
  const sha = (path: string) => import('node:crypto').then(({ createHash }) => createHash('sha256').update(readFileSync(join(projectRoot, path), 'utf8')).digest('hex'));
  assert.equal(ohchr.fileSha256, await sha('seed/datasets/ohchr-settlement-database/table.csv'));
  // Hikvision, Huawei and Dahua of the FCC list are the seed's: folded, three stored entities gaining an alias.
  assert.equal(fcc.merged, 3);
  assert.equal(fcc.entities.updated, 3);
  assert.equal(fcc.reported.length, 4, fcc.reported.join('\n'));
  assert.match(fcc.reported[0], /^line \d+: /);
});

// Fictional enterprises in the OHCHR table's shape: each the name of a stored (fictional) company
// in another home state, so each is uncertain and goes to review.
const LOOK_ALIKES = [
  'no,business_enterprise,listed_activity_subparagraph_of_paragraph_96,home_state,response_from_business_enterprise',
  '1,Zephyr Optics Technology Ltd.,(b),Germany,',
  '2,Vantor Mapping Systems Ltd.,(e),France,',
  '',
].join('\n');

const IMPORT_OHCHR = `mutation($c: String!) { importOfficialList(list: OHCHR_SETTLEMENTS, fileName: "look-alikes.csv", content: $c) { applied problems { reason } notes summary { entities { created updated unchanged } } } }`;

test("an editor's decisions on the review queue: 'different' keeps two apart on the next import, 'same' merges and is re-applied", async () => {
  for (const [id, name] of [['zephyr-optics-technology', 'Zephyr Optics Technology'], ['vantor-mapping-systems', 'Vantor Mapping Systems']]) {
    const created = await api.gql(`mutation($i: EntityInput!) { createEntity(input: $i) { id } }`, { i: { id, type: 'Company', name, country: 'XA' } }, editor);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
  }
  const first = await api.gql(IMPORT_OHCHR, { c: LOOK_ALIKES }, editor);
  assert.equal(first.data!.importOfficialList.applied, true, JSON.stringify(first));
  assert.deepEqual(first.data!.importOfficialList.summary.entities.created, 2, 'uncertain: each written as its own entity meanwhile');
  assert.ok(first.data!.importOfficialList.notes.some((n: string) => /2 possible duplicate pair\(s\) for 2 entities sent to review/.test(n)));

  const queue = await api.gql(`{ entityPairs { key score reason doubt dataset incoming { id name country } candidate { id name country } status } }`);
  assert.equal(queue.errors, undefined);
  const pair = (incoming: string) => queue.data!.entityPairs.find((p: any) => p.incoming.id === incoming);
  const apart = pair('zephyr-optics-technology-ltd');
  const together = pair('vantor-mapping-systems-ltd');
  assert.deepEqual([apart.candidate.id, apart.incoming.country, apart.candidate.country, apart.dataset, apart.status], ['zephyr-optics-technology', 'DE', 'XA', 'ohchr-settlements', 'OPEN']);
  assert.ok(apart.score >= 0.7 && apart.score < 1 && /legal form/.test(apart.reason), JSON.stringify(apart));
  assert.equal(apart.doubt, 'the countries differ (DE and XA)');
  assert.equal(together.candidate.id, 'vantor-mapping-systems');

  const anonymous = await api.gql(`mutation($k: ID!) { decideEntityPair(key: $k, same: false) { status } }`, { k: apart.key });
  assert.ok(anonymous.errors?.length, 'deciding needs the editor role');
  const d1 = await api.gql(`mutation($k: ID!) { decideEntityPair(key: $k, same: false) { status decidedBy } }`, { k: apart.key }, editor);
  assert.deepEqual(d1.data!.decideEntityPair, { status: 'DIFFERENT', decidedBy: 'resolution-editor' });
  const again = await api.gql(`mutation($k: ID!) { decideEntityPair(key: $k, same: true) { status } }`, { k: apart.key }, editor);
  assert.match(again.errors![0]!.message, /already decided \(different\)/);
  const unknown = await api.gql(`mutation { decideEntityPair(key: "no|such", same: true) { status } }`, {}, editor);
  assert.match(unknown.errors![0]!.message, /No pair "no\|such"/);

  const d2 = await api.gql(`mutation($k: ID!) { decideEntityPair(key: $k, same: true) { status incoming { id } candidate { id aliases } } }`, { k: together.key }, editor);
  assert.equal(d2.errors, undefined, JSON.stringify(d2.errors));
  assert.deepEqual(d2.data!.decideEntityPair, { status: 'SAME', incoming: null, candidate: { id: 'vantor-mapping-systems', aliases: ['Vantor Mapping Systems Ltd.'] } });
  assert.equal((await api.gql(ENTITY, { id: 'vantor-mapping-systems-ltd' })).data!.entity.id, 'vantor-mapping-systems', 'the merged id resolves to the survivor');
  const moved = await api.gql(CLAIMS, { id: 'vantor-mapping-systems' });
  assert.ok(moved.data!.neighborhood.edges.some((e: any) => e.from === 'vantor-mapping-systems' && e.to === 'settlements-opt'), 'its listing moved to the survivor');

  const before = await graphCounts(db);
  const second = await api.gql(IMPORT_OHCHR, { c: LOOK_ALIKES }, editor);
  assert.equal(second.data!.importOfficialList.applied, true);
  assert.deepEqual(second.data!.importOfficialList.summary.entities, { created: 0, updated: 0, unchanged: 3 }, 'the settlements, the pair kept apart, and the survivor the merge is re-applied to');
  assert.deepEqual(await graphCounts(db), before);
  const open = await api.gql(`{ entityPairs { key } }`);
  const keys = open.data!.entityPairs.map((p: any) => p.key);
  assert.ok(!keys.includes(apart.key) && !keys.includes(together.key), 'decided pairs are not queued again');
  const decided = await api.gql(`{ entityPairs(status: DIFFERENT) { key } }`);
  assert.deepEqual(decided.data!.entityPairs.map((p: any) => p.key), [apart.key]);
});

test('importOfficialList through the API: editor role, dry run, problems by line, nothing written on a bad file', async () => {
  const text = readFileSync(join(projectRoot, 'seed/datasets/fcc-covered-list/table.csv'), 'utf8');
  const IMPORT = `mutation($c: String!, $d: Boolean) { importOfficialList(list: FCC_COVERED_LIST, fileName: "table.csv", content: $c, dryRun: $d) { applied dryRun problems { item reason } summary { entities { created updated unchanged } } notes } }`;
  const anonymous = await api.gql(IMPORT, { c: text, d: true });
  assert.ok(anonymous.errors?.length);
  const dry = await api.gql(IMPORT, { c: text, d: true }, editor);
  assert.equal(dry.errors, undefined);
  assert.equal(dry.data!.importOfficialList.applied, false);
  assert.deepEqual(dry.data!.importOfficialList.summary.entities, { created: 0, updated: 0, unchanged: 14 });
  const before = await graphCounts(db);
  const recorded = (await api.gql(`{ datasets(limit: 1000) { id } }`)).data!.datasets.length;
  const bad = await api.gql(IMPORT, { c: text.replace('March 12, 2021', 'someday'), d: false }, editor);
  assert.equal(bad.data!.importOfficialList.applied, false);
  assert.ok(bad.data!.importOfficialList.problems.length > 0 || bad.data!.importOfficialList.notes.some((n: string) => /line \d+/.test(n)));
  const wrong = await api.gql(IMPORT, { c: 'a,b\n1,2\n', d: false }, editor);
  assert.match(wrong.data!.importOfficialList.problems[0].reason, /covered_equipment_or_services, date_of_inclusion_on_covered_list/);
  assert.deepEqual(await graphCounts(db), before);
  assert.equal((await api.gql(`{ datasets(limit: 1000) { id } }`)).data!.datasets.length, recorded, 'a refused or dry import is not recorded');
});

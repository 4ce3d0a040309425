// Curation through the API on the real Neo4j: tokens, edits, merges, retractions, audit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken, revokeToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;
let reader: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'alice', 'editor');
  reader = await createToken(db, 'bob', 'reader');
});

after(() => closeAll(api, db));

async function fingerprint(): Promise<string> {
  return JSON.stringify(await db.read('exchange/fingerprint'));
}

const CREATE = `mutation($input: EntityInput!) { createEntity(input: $input) { id type name ... on Company { sector } } }`;
const fictional = { id: 'acme-fictional-cloud', type: 'Company', name: 'Acme Fictional Cloud', sector: 'cloud' };

test('writes need an editor token; the error says how to get one', async () => {
  const anonymous = await api.gql(CREATE, { input: fictional });
  assert.equal(anonymous.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  assert.match(anonymous.errors![0]!.message, /needs a token with the editor role.*npm run token -- create/);
  const asReader = await api.gql(CREATE, { input: fictional }, reader);
  assert.match(asReader.errors![0]!.message, /The token "bob" has the reader role/);
  const bogus = await api.gql(CREATE, { input: fictional }, 'cl_not-a-token');
  assert.equal(bogus.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  const check = await api.gql(`{ search(text: "Acme Fictional") { entity { id } } }`);
  assert.deepEqual(check.data!.search, []);
});

test('tokens are stored hashed, and a revoked token stops working', async () => {
  const rows = await db.read('auth/list-tokens');
  assert.ok(!JSON.stringify(rows).includes(editor));
  const temp = await createToken(db, 'temp-editor', 'editor');
  await revokeToken(db, 'temp-editor');
  const res = await api.gql(CREATE, { input: fictional }, temp);
  assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
});

test('an editor creates and corrects an entity, and history shows who, when, before and after', async () => {
  const created = await api.gql(CREATE, { input: fictional }, editor);
  assert.deepEqual(created.data!.createEntity, { id: fictional.id, type: 'Company', name: fictional.name, sector: 'cloud' });
  const again = await api.gql(CREATE, { input: fictional }, editor);
  assert.match(again.errors![0]!.message, /already exists/);
  const updated = await api.gql(
    `mutation { updateEntity(id: "${fictional.id}", patch: { sector: null, description: "A fictional cloud firm." }) { id description ... on Company { sector } } }`,
    {},
    editor,
  );
  assert.deepEqual(updated.data!.updateEntity, { id: fictional.id, description: 'A fictional cloud firm.', sector: null });
  const history = await api.gql(`{ history(id: "${fictional.id}") { action by at before after } }`);
  const [update, create] = history.data!.history;
  assert.equal(update.action, 'update');
  assert.equal(update.by, 'alice');
  assert.equal(JSON.parse(update.before).sector, 'cloud');
  assert.equal(JSON.parse(update.after).sector, undefined);
  assert.equal(create.action, 'create');
  assert.equal(create.before, null);
});

test('entity input is validated with the model: fields of another type are refused', async () => {
  const res = await api.gql(CREATE, { input: { id: 'fictional-pop', type: 'Population', name: 'P', sector: 'x' } }, editor);
  assert.match(res.errors![0]!.message, /unknown field "sector" for a Population/);
  const badId = await api.gql(CREATE, { input: { id: 'Bad Id', type: 'Company', name: 'X' } }, editor);
  assert.match(badId.errors![0]!.message, /id "Bad Id" must be lower-case/);
});

test('entity and claim input is checked like an import: codes, identifiers, addresses and bounds', async () => {
  const before = await fingerprint();
  const refused = async (query: string, variables: Record<string, unknown>, message: RegExp) => {
    const res = await api.gql(query, variables, editor);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res));
    assert.match(res.errors![0]!.message, message);
  };
  await refused(CREATE, { input: { id: 'fictional-narnia-co', type: 'Company', name: 'Fictional Narnia Co', country: 'Narnia' } }, /"country" must be an ISO 3166-1 alpha-2 country code .*; got "Narnia"/);
  await refused(CREATE, { input: { id: 'fictional-bad-isin', type: 'Company', name: 'Fictional Co', isin: 'XA0000000018' } }, /"isin" must be a valid ISIN .*; got "XA0000000018": its check digit does not match/);
  await refused(CREATE, { input: { id: 'fictional-bad-deal', type: 'Contract', name: 'Fictional deal', value: -5 } }, /"value" must be a number ≥ 0; got -5/);
  const UPDATE = `mutation($id: ID!, $patch: EntityPatch!) { updateEntity(id: $id, patch: $patch) { id } }`;
  await refused(UPDATE, { id: fictional.id, patch: { website: 'ftp://x' } }, /"website" must be an http\(s\) address; got "ftp:\/\/x"/);
  await refused(
    `mutation { addClaim(input: { from: "${fictional.id}", type: OWNS, to: "google", status: REPORTED, summary: "s", percentage: 150, sourceIds: ["src-wired-nimbus-idf"] }) { id } }`,
    {},
    /"percentage" must be between 0 and 100; got 150/,
  );
  assert.equal(await fingerprint(), before, 'nothing written');
});

test('a claim needs at least one source, and is added with a new source in one step', async () => {
  const noSource = await api.gql(
    `mutation { addClaim(input: { from: "${fictional.id}", type: OPERATES, to: "nimbus-cloud", status: ALLEGED, summary: "s" }) { id } }`,
    {},
    editor,
  );
  assert.match(noSource.errors![0]!.message, /must cite at least one source/);
  const before = await fingerprint();
  const missingSource = await api.gql(
    `mutation { addClaim(input: { from: "${fictional.id}", type: OPERATES, to: "nimbus-cloud", status: ALLEGED, summary: "s", sourceIds: ["src-nope"] }) { id } }`,
    {},
    editor,
  );
  assert.match(missingSource.errors![0]!.message, /cites source "src-nope", which does not exist/);
  assert.equal(await fingerprint(), before, 'nothing written');

  const added = await api.gql(
    `mutation($s: SourceInput!) { addClaim(input: { from: "${fictional.id}", type: SUPPLIES, to: "xinjiang-video-surveillance",
       status: ALLEGED, confidence: 0.4, summary: "A fictional report says Acme supplied cameras.", newSources: [$s] }) {
       id status confidence recordedBy sources { id publisher } } }`,
    { s: { id: 'src-fictional-report', publisher: 'Fictional Wire', title: 'A fictional report', url: 'https://example.org/fictional' } },
    editor,
  );
  assert.equal(added.errors, undefined, JSON.stringify(added.errors));
  assert.deepEqual(added.data!.addClaim, {
    id: 'acme-fictional-cloud--supplies--xinjiang-video-surveillance',
    status: 'ALLEGED',
    confidence: 0.4,
    recordedBy: 'alice',
    sources: [{ id: 'src-fictional-report', publisher: 'Fictional Wire' }],
  });
  const hood = await api.gql(`{ neighborhood(id: "${fictional.id}") { edges { id } } }`);
  assert.deepEqual(hood.data!.neighborhood.edges.map((e: { id: string }) => e.id), [added.data!.addClaim.id]);
});

test('an editor corrects a claim; the correction is audited', async () => {
  const id = 'acme-fictional-cloud--supplies--xinjiang-video-surveillance';
  const res = await api.gql(`mutation { updateClaim(id: "${id}", patch: { confidence: 0.3, start: "2020-01" }) { confidence start updatedBy } }`, {}, editor);
  assert.deepEqual(res.data!.updateClaim, { confidence: 0.3, start: '2020-01', updatedBy: 'alice' });
  const history = await api.gql(`{ history(id: "${id}") { action } }`);
  assert.deepEqual(history.data!.history.map((h: { action: string }) => h.action), ['update-claim', 'add-claim']);
});

test('a retracted claim disappears from views but keeps its history', async () => {
  const id = 'acme-fictional-cloud--supplies--xinjiang-video-surveillance';
  const noReason = await api.gql(`mutation { retractClaim(id: "${id}", reason: "") { id } }`, {}, editor);
  assert.match(noReason.errors![0]!.message, /Say why/);
  const res = await api.gql(`mutation { retractClaim(id: "${id}", reason: "Source withdrew the report.") { retractedBy retractionReason } }`, {}, editor);
  assert.deepEqual(res.data!.retractClaim, { retractedBy: 'alice', retractionReason: 'Source withdrew the report.' });
  const hood = await api.gql(`{ neighborhood(id: "xinjiang-video-surveillance") { edges { id } } }`);
  assert.ok(!hood.data!.neighborhood.edges.some((e: { id: string }) => e.id === id));
  const claim = await api.gql(`{ claim(id: "${id}") { retractedAt summary } }`);
  assert.ok(claim.data!.claim.retractedAt);
  const history = await api.gql(`{ history(id: "${id}") { action reason } }`);
  assert.equal(history.data!.history[0].action, 'retract');
});

test('merging duplicates moves claims to the survivor and keeps the old id resolving', async () => {
  // A fictional duplicate of Telenor Group, with one claim of its own and one the survivor shares.
  const dup = { id: 'telenor-dup-fictional', type: 'Company', name: 'Telenor Grp (duplicate)' };
  assert.equal((await api.gql(CREATE, { input: dup }, editor)).errors, undefined);
  const add = (type: string, to: string) =>
    api.gql(
      `mutation { addClaim(input: { from: "${dup.id}", type: ${type}, to: "${to}", status: REPORTED, summary: "dup claim", sourceIds: ["src-fictional-report"] }) { id } }`,
      {},
      editor,
    );
  assert.equal((await add('OWNS', 'telenor-myanmar')).errors, undefined);
  assert.equal((await add('SUPPLIES', 'mytel')).errors, undefined);

  const merged = await api.gql(
    `mutation { mergeEntities(survivorId: "telenor-group", duplicateId: "${dup.id}") { id name aliases } }`,
    {},
    editor,
  );
  assert.equal(merged.errors, undefined, JSON.stringify(merged.errors));
  assert.ok(merged.data!.mergeEntities.aliases.includes(dup.name));
  const resolved = await api.gql(`{ entity(id: "${dup.id}") { id } }`);
  assert.equal(resolved.data!.entity.id, 'telenor-group');
  const owns = await api.gql(`{ claim(id: "telenor-group--owns--telenor-myanmar") { sourceIds: sources { id } note } }`);
  const ids = owns.data!.claim.sourceIds.map((s: { id: string }) => s.id);
  assert.ok(ids.includes('src-fictional-report') && ids.includes('src-reuters-telenor-sbp'), 'sources combined');
  const moved = await api.gql(`{ claim(id: "telenor-group--supplies--mytel") { summary } }`);
  assert.equal(moved.data!.claim.summary, 'dup claim');
  const hood = await api.gql(`{ neighborhood(id: "${dup.id}") { center { id } } }`);
  assert.equal(hood.data!.neighborhood.center.id, 'telenor-group');
  const history = await api.gql(`{ history(id: "${dup.id}") { action } }`);
  assert.equal(history.data!.history[0].action, 'merged-into');
});

test('filters: asOf hides claims not valid then, statuses and minConfidence narrow the view', async () => {
  const edges = async (args: string) =>
    (await api.gql(`{ neighborhood(id: "telenor-myanmar"${args}) { edges { id } } }`)).data!.neighborhood.edges.map(
      (e: { id: string }) => e.id,
    ) as string[];
  const in2021 = await edges(', asOf: "2021-06-01"');
  assert.ok(in2021.includes('telenor-group--owns--telenor-myanmar'), 'Telenor owned it in 2021');
  assert.ok(!in2021.includes('investcom--owns--telenor-myanmar'), 'Investcom only from 2022-03');
  const in2023 = await edges(', asOf: "2023-01-01"');
  assert.ok(!in2023.includes('telenor-group--owns--telenor-myanmar'), 'ended 2022-03');
  assert.ok(in2023.includes('investcom--owns--telenor-myanmar'));
  const during = await edges(', asOf: "2022-03-15"');
  assert.ok(during.includes('telenor-group--owns--telenor-myanmar'), 'an end month includes its days');
  const confirmed = await edges(', statuses: [COMPANY_CONFIRMED]');
  assert.deepEqual(confirmed, ['telenor-group--disengaged-from--telenor-myanmar']);
  const strong = await edges(', minConfidence: 0.8');
  assert.deepEqual(strong, ['telenor-group--disengaged-from--telenor-myanmar']);
  const bad = await api.gql(`{ neighborhood(id: "google", asOf: "2021") { truncated } }`);
  assert.match(bad.errors![0]!.message, /asOf must be a calendar date as YYYY-MM-DD; got "2021"/);
  const bad2 = await api.gql(`{ neighborhood(id: "google", minConfidence: 2) { truncated } }`);
  assert.match(bad2.errors![0]!.message, /minConfidence must be between 0 and 1/);
});

test('with read tokens on, anonymous reads are refused and a reader token is enough', async () => {
  const locked = await startTestApi(db, { requireReadToken: true });
  try {
    const anonymous = await locked.gql(`{ entity(id: "google") { name } }`);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const ok = await locked.gql(`{ entity(id: "google") { name } }`, {}, reader);
    assert.equal(ok.data!.entity.name, 'Google');
  } finally {
    await locked.close();
  }
});

// The first cut of the API, through HTTP, on the real Neo4j loaded with the seed data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startSeededApi()));

after(() => closeAll(api, db));

test('searching "Nimbus" finds the Project Nimbus contract first', async () => {
  const res = await api.gql(`{ search(text: "Nimbus") { score entity { id type name ... on Contract { value currency } } } }`);
  assert.equal(res.errors, undefined);
  const [first] = res.data!.search;
  assert.deepEqual(first.entity, { id: 'contract-nimbus', type: 'Contract', name: 'Project Nimbus', value: 1200000000, currency: 'USD' });
});

test('search matches aliases, prefixes and small typos, and filters by type', async () => {
  const ids = async (text: string, types?: string) =>
    (await api.gql(`{ search(text: "${text}"${types ? `, types: [${types}]` : ''}) { entity { id } } }`)).data!.search.map(
      (h: { entity: { id: string } }) => h.entity.id,
    );
  assert.ok((await ids('Tatmadaw')).includes('myanmar-military'), 'alias');
  assert.ok((await ids('Palan')).includes('palantir'), 'prefix');
  assert.ok((await ids('Hikvison')).includes('hikvision'), 'typo');
  const onlyInfra = await ids('Nimbus', 'Infrastructure');
  assert.deepEqual(onlyInfra, ['nimbus-cloud']);
});

test("Google's neighbourhood includes the Project Nimbus contract with its sources", async () => {
  const res = await api.gql(`{
    neighborhood(id: "google") {
      center { id name }
      truncated
      nodes { id type }
      edges { id type from to status start summary sources { id publisher title date url } }
    }
  }`);
  assert.equal(res.errors, undefined);
  const hood = res.data!.neighborhood;
  assert.equal(hood.center.name, 'Google');
  assert.equal(hood.truncated, false);
  assert.ok(hood.nodes.some((n: { id: string }) => n.id === 'contract-nimbus'));
  const partyTo = hood.edges.find((e: { from: string; to: string }) => e.from === 'google' && e.to === 'contract-nimbus');
  assert.equal(partyTo.type, 'PARTY_TO');
  assert.equal(partyTo.status, 'REPORTED');
  assert.equal(partyTo.start, '2021');
  assert.deepEqual(
    partyTo.sources.map((s: { id: string }) => s.id),
    ['src-wired-nimbus-idf', 'src-972-nimbus-controls'],
  );
  const wired = partyTo.sources[0];
  assert.equal(wired.publisher, 'WIRED Middle East');
  assert.equal(wired.url, 'https://wired.me/business/what-hides-behind-google-and-amazons-project-nimbus');
});

test('depth 2 reaches the neighbours of neighbours, and the limit truncates', async () => {
  const d1 = (await api.gql(`{ neighborhood(id: "microsoft", depth: 1) { nodes { id } } }`)).data!.neighborhood;
  const d2 = (await api.gql(`{ neighborhood(id: "microsoft", depth: 2) { nodes { id } edges { from to } } }`)).data!.neighborhood;
  const ids1 = d1.nodes.map((n: { id: string }) => n.id);
  const ids2 = d2.nodes.map((n: { id: string }) => n.id);
  assert.ok(!ids1.includes('abuse-8200-call-surveillance'));
  assert.ok(ids2.includes('abuse-8200-call-surveillance'));
  for (const e of d2.edges) assert.ok(ids2.includes(e.from) && ids2.includes(e.to), 'edges only join returned nodes');
  const cut = (await api.gql(`{ neighborhood(id: "microsoft", depth: 2, limit: 2) { nodes { id } truncated } }`)).data!.neighborhood;
  assert.equal(cut.nodes.length, 3);
  assert.equal(cut.truncated, true);
});

test('entity(id) returns typed fields, and an unknown id is a NOT_FOUND error', async () => {
  const pop = await api.gql(`{ entity(id: "pop-telenor-mm-users") { id type ... on Population { size country } } }`);
  assert.deepEqual(pop.data!.entity, { id: 'pop-telenor-mm-users', type: 'Population', size: 18000000, country: 'MM' });
  const res = await api.gql(`{ entity(id: "no-such-company") { id } }`);
  assert.equal(res.errors?.[0]?.message, 'No entity with id "no-such-company".');
  assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
});

test('sources(ids) keeps the order asked and names unknown ids', async () => {
  const res = await api.gql(`{ sources(ids: ["src-jpost-nso", "src-wired-nimbus-idf"]) { id publisher } }`);
  assert.deepEqual(res.data!.sources.map((s: { id: string }) => s.id), ['src-jpost-nso', 'src-wired-nimbus-idf']);
  const bad = await api.gql(`{ sources(ids: ["src-jpost-nso", "src-nope"]) { id } }`);
  assert.equal(bad.errors?.[0]?.message, 'No source with id "src-nope".');
});

test('bad arguments get specific messages naming the argument', async () => {
  const cases: [string, RegExp, string][] = [
    [`{ search(text: "   ") { score } }`, /Search text is empty/, 'text'],
    [`{ search(text: "nimbus", limit: 0) { score } }`, /limit must be a whole number from 1 to 100; got 0/, 'limit'],
    [`{ neighborhood(id: "google", depth: 3) { truncated } }`, /depth must be a whole number from 1 to 2; got 3/, 'depth'],
    [`{ neighborhood(id: "google", limit: 100000) { truncated } }`, /limit must be a whole number from 1 to 500/, 'limit'],
  ];
  for (const [query, message, argument] of cases) {
    const res = await api.gql(query);
    assert.match(res.errors?.[0]?.message ?? '', message, query);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(res.errors?.[0]?.extensions?.argument, argument);
  }
  const unknownNode = await api.gql(`{ neighborhood(id: "nobody") { truncated } }`);
  assert.equal(unknownNode.errors?.[0]?.extensions?.code, 'NOT_FOUND');
});

test('user text never becomes Cypher: injection attempts are plain search text', async () => {
  for (const text of [`') MATCH (n) DETACH DELETE n //`, `nimbus\\" OR 1=1`, `*:*`]) {
    const res = await api.gql(`query($t: String!) { search(text: $t) { entity { id } } }`, { t: text });
    assert.ok(!res.errors || res.errors[0]?.extensions?.code === 'BAD_USER_INPUT', JSON.stringify(res.errors));
  }
  const still = await api.gql(`{ entity(id: "google") { name } }`);
  assert.equal(still.data!.entity.name, 'Google');
  const weirdId = await api.gql(`query($id: ID!) { entity(id: $id) { id } }`, { id: `google"}) RETURN 1 //` });
  assert.equal(weirdId.errors?.[0]?.extensions?.code, 'NOT_FOUND');
});

test('an unexpected failure inside a resolver reaches the client masked, without its message or a stack trace', async () => {
  // The real resolvers and server over a database whose reads fail with an internal error.
  const secret = 'TypeError: cannot read properties of undefined (reading "id") at /srv/api/search/resolvers.ts:22:5';
  const failing = await startTestApi({
    ...db,
    read: async () => {
      throw new TypeError(secret);
    },
  });
  try {
    const res = await failing.gql(`{ search(text: "nimbus", limit: 5) { entity { id } } }`);
    assert.equal(res.errors?.length, 1);
    assert.equal(res.errors![0]!.message, 'Unexpected error.');
    const text = JSON.stringify(res);
    assert.ok(!text.includes('cannot read properties'), 'the internal message stays in the log');
    assert.ok(!text.includes('resolvers.ts'), 'no stack trace or file');
    // The server is still there for the next request.
    const after = await api.gql(`{ entity(id: "google") { id } }`);
    assert.equal(after.data!.entity.id, 'google');
  } finally {
    await failing.close();
  }
});

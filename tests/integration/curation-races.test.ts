// Concurrent curation writes on the real Neo4j, through the API: each race is run for real
// (all requests in flight at once) and the outcome must be what some serial order gives.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken, refuseDuplicateTokenNames, revokeToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import { applySchema } from '../../api/db/schema.ts';
import type { GraphQLResponse, TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'race-editor', 'editor');
});

after(() => closeAll(api, db));

type Res = GraphQLResponse<Record<string, any>>;
const write = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, editor);
/** OK, or the error's code; an error without one (masked) reads NO_CODE. */
const outcome = (res: Res) => (res.errors ? (res.errors[0]?.extensions?.code ?? 'NO_CODE') : 'OK');
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CREATE = `mutation($input: EntityInput!) { createEntity(input: $input) { id } }`;
const ADD_SOURCE = `mutation($input: SourceInput!) { addSource(input: $input) { id } }`;
const ADD_CLAIM = `mutation($input: ClaimInput!) { addClaim(input: $input) { id } }`;
const MERGE = `mutation($s: ID!, $d: ID!) { mergeEntities(survivorId: $s, duplicateId: $d) { id } }`;

function fictionalSource(id: string) {
  return { id, publisher: 'Fictional Wire', title: `Fictional report ${id}`, url: `https://example.org/race/${id}` };
}

async function ok(res: Promise<Res>): Promise<Record<string, any>> {
  const r = await res;
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data!;
}

const company = (id: string) => ok(write(CREATE, { input: { id, type: 'Company', name: `Race ${id}` } }));

function claimInput(from: string, type: string, to: string, summary = 'A fictional report says so.') {
  return { from, type, to, status: 'REPORTED', summary, sourceIds: ['src-race-base'] };
}

async function history(id: string): Promise<{ action: string; before: string | null; after: string | null; reason: string | null }[]> {
  const data = await ok(api.gql(`query($id: ID!) { history(id: $id, limit: 1000) { action before after reason } }`, { id }));
  return data.history;
}

/** JSON with keys sorted, so two records of the same state compare equal. */
function canonical(json: string | null): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(json === null ? null : JSON.parse(json)));
}

/** Follows the records from `first` (each before is the previous after); returns the last state. */
function chain(first: string, records: { before: string | null; after: string | null }[]): string {
  const byBefore = new Map(records.map((r) => [canonical(r.before), r]));
  assert.equal(byBefore.size, records.length, 'two records start from the same state: one overwrote the other');
  let state = canonical(first);
  for (const step of range(records.length)) {
    const next = byBefore.get(state);
    assert.ok(next, `record ${step + 1} of ${records.length}: no record starts from the state the previous one left`);
    state = canonical(next.after);
  }
  return state;
}

test('setup: a source every race claim cites', async () => {
  await ok(write(ADD_SOURCE, { input: fictionalSource('src-race-base') }));
});

test('20 concurrent updateClaim, each adding a new source, leave 21 sources and 20 chained audit records', async () => {
  await company('race-supplier');
  await company('race-buyer');
  const { addClaim } = await ok(write(ADD_CLAIM, { input: claimInput('race-supplier', 'SUPPLIES', 'race-buyer') }));
  const results = await Promise.all(
    range(20).map((i) =>
      write(`mutation($id: ID!, $s: SourceInput!) { updateClaim(id: $id, patch: { newSources: [$s] }) { id } }`, {
        id: addClaim.id,
        s: fictionalSource(`src-race-${i + 1}`),
      }),
    ),
  );
  assert.deepEqual(results.map(outcome), range(20).map(() => 'OK'));
  const { claim } = await ok(api.gql(`query($id: ID!) { claim(id: $id) { sources { id } } }`, { id: addClaim.id }));
  const cited = claim.sources.map((s: { id: string }) => s.id).sort();
  assert.deepEqual(cited, ['src-race-base', ...range(20).map((i) => `src-race-${i + 1}`)].sort());
  const records = await history(addClaim.id);
  const updates = records.filter((r) => r.action === 'update-claim');
  assert.equal(updates.length, 20);
  const last = JSON.parse(chain(records.find((r) => r.action === 'add-claim')!.after!, updates));
  assert.deepEqual([...last.sourceIds].sort(), cited);
});

test('30 concurrent updateEntity, each setting another field, lose nothing', async () => {
  const ids = range(5).map((i) => `race-patched-${i}`);
  for (const id of ids) await company(id);
  const patches = (id: string) => [
    { name: `Race ${id} renamed` },
    { aliases: [`${id} alias`] },
    { description: `A fictional company, ${id}.` },
    { ticker: 'RACE' },
    { website: `https://example.org/${id}` },
    { sector: 'cloud' },
  ];
  const results = await Promise.all(
    ids.flatMap((id) => patches(id).map((patch) => write(`mutation($id: ID!, $p: EntityPatch!) { updateEntity(id: $id, patch: $p) { id } }`, { id, p: patch }))),
  );
  assert.deepEqual(results.map(outcome), range(30).map(() => 'OK'));
  for (const id of ids) {
    const { entity } = await ok(api.gql(`query($id: ID!) { entity(id: $id) { name aliases description ... on Company { ticker website sector } } }`, { id }));
    assert.deepEqual(entity, Object.assign({}, ...patches(id)), `every field of ${id} kept`);
    const records = await history(id);
    chain(records.find((r) => r.action === 'create')!.after!, records.filter((r) => r.action === 'update'));
  }
});

test('10 concurrent addClaim of one claim: one is created, nine are CONFLICT', async () => {
  await company('race-twin-a');
  await company('race-twin-b');
  const results = await Promise.all(range(10).map((i) => write(ADD_CLAIM, { input: claimInput('race-twin-a', 'LINKED_TO', 'race-twin-b', `Attempt ${i}.`) })));
  assert.deepEqual(results.map(outcome).sort(), [...range(9).map(() => 'CONFLICT'), 'OK']);
  const conflict = results.find((r) => r.errors)!;
  assert.match(conflict.errors![0]!.message, /race-twin-a--linked-to--race-twin-b.*already exists/);
  const records = await history('race-twin-a--linked-to--race-twin-b');
  assert.deepEqual(records.map((r) => r.action), ['add-claim']);
});

test('addClaim on a duplicate racing its merge: the claim ends on the survivor or the add is a CONFLICT, and history accounts for it', async (t) => {
  const tally = { movedWithTheMerge: 0, conflict: 0 };
  for (const round of range(8)) {
    const [keep, dup, peer] = ['keep', 'dup', 'peer'].map((r) => `race-${r}-${round}`) as [string, string, string];
    for (const id of [keep, dup, peer]) await company(id);
    await ok(write(ADD_CLAIM, { input: claimInput(dup, 'SUPPLIES', peer) }));
    const add = write(ADD_CLAIM, { input: claimInput(dup, 'LINKED_TO', peer, 'Added during the merge.') });
    const merge = pause(round % 4).then(() => write(MERGE, { s: keep, d: dup }));
    const [added, merged] = await Promise.all([add, merge]);
    assert.equal(outcome(merged), 'OK', JSON.stringify(merged.errors));
    const onSurvivor = await api.gql(`query($id: ID!) { claim(id: $id) { summary } }`, { id: `${keep}--linked-to--${peer}` });
    const addRecords = (await history(`${dup}--linked-to--${peer}`)).map((r) => r.action);
    if (outcome(added) === 'OK') {
      tally.movedWithTheMerge += 1;
      assert.equal(onSurvivor.data?.claim?.summary, 'Added during the merge.', `round ${round}: the added claim was lost`);
      assert.deepEqual(addRecords.sort(), ['add-claim', 'move-claim'], `round ${round}: history of the added claim`);
      assert.deepEqual((await history(`${keep}--linked-to--${peer}`)).map((r) => r.action), ['move-claim']);
    } else {
      tally.conflict += 1;
      assert.equal(outcome(added), 'CONFLICT', JSON.stringify(added.errors));
      assert.match(added.errors![0]!.message, new RegExp(`"${dup}" was merged into "${keep}"`));
      assert.equal(outcome(onSurvivor), 'NOT_FOUND');
      assert.deepEqual(addRecords, []);
    }
    const moved = await api.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: `${keep}--supplies--${peer}` });
    assert.equal(outcome(moved), 'OK', `round ${round}: the duplicate's own claim moved`);
    assert.deepEqual((await history(`${dup}--supplies--${peer}`)).map((r) => r.action).sort(), ['add-claim', 'move-claim']);
  }
  t.diagnostic(`outcomes over 8 rounds: ${JSON.stringify(tally)}`);
});

test('updateClaim on a duplicate\'s claim racing its merge: the correction moves with the claim or is a CONFLICT naming its new id', async (t) => {
  const tally = { movedWithTheMerge: 0, conflict: 0 };
  for (const round of range(6)) {
    const [keep, dup, peer] = ['keep', 'dup', 'peer'].map((r) => `race-fix-${r}-${round}`) as [string, string, string];
    for (const id of [keep, dup, peer]) await company(id);
    const { addClaim } = await ok(write(ADD_CLAIM, { input: claimInput(dup, 'SUPPLIES', peer) }));
    const fix = write(`mutation($id: ID!) { updateClaim(id: $id, patch: { note: "Corrected during the merge." }) { id } }`, { id: addClaim.id });
    const merge = pause(round % 3).then(() => write(MERGE, { s: keep, d: dup }));
    const [fixed, merged] = await Promise.all([fix, merge]);
    assert.equal(outcome(merged), 'OK', JSON.stringify(merged.errors));
    const moved = await ok(api.gql(`query($id: ID!) { claim(id: $id) { note } }`, { id: `${keep}--supplies--${peer}` }));
    if (outcome(fixed) === 'OK') {
      tally.movedWithTheMerge += 1;
      assert.equal(moved.claim.note, 'Corrected during the merge.', `round ${round}: the correction was lost`);
    } else {
      tally.conflict += 1;
      assert.equal(outcome(fixed), 'CONFLICT', JSON.stringify(fixed.errors));
      assert.match(fixed.errors![0]!.message, new RegExp(`"${dup}" was merged into "${keep}", so it is now "${keep}--supplies--${peer}"`));
      assert.equal(moved.claim.note, null);
    }
  }
  t.diagnostic(`outcomes over 6 rounds: ${JSON.stringify(tally)}`);
});

test('the same merge twice at once: one succeeds, the other is a CONFLICT naming the survivor', async () => {
  for (const round of range(3)) {
    const [keep, dup] = [`race-again-keep-${round}`, `race-again-dup-${round}`];
    await company(keep);
    await company(dup);
    await ok(write(ADD_CLAIM, { input: claimInput(dup, 'LINKED_TO', 'race-supplier') }));
    await ok(write(ADD_CLAIM, { input: claimInput(dup, 'LINKED_TO', keep) }));
    const results = await Promise.all([write(MERGE, { s: keep, d: dup }), write(MERGE, { s: keep, d: dup })]);
    assert.deepEqual(results.map(outcome).sort(), ['CONFLICT', 'OK'], JSON.stringify(results));
    assert.match(results.find((r) => r.errors)!.errors![0]!.message, new RegExp(`"${dup}" was merged into "${keep}"`));
    assert.deepEqual((await history(dup)).map((r) => r.action), ['merged-into', 'create']);
    // The claim between the two is gone, and its history says why.
    const between = `${dup}--linked-to--${keep}`;
    assert.equal(outcome(await api.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: between })), 'NOT_FOUND');
    assert.deepEqual((await history(between)).map((r) => r.action).sort(), ['add-claim', 'drop-claim']);
  }
});

test('overlapping merges A <- B and B <- C at once: each is applied or refused with a code, and no claim is lost', async () => {
  for (const round of range(4)) {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `race-chain-${x}-${round}`) as [string, string, string];
    for (const id of [a, b, c]) await company(id);
    await ok(write(ADD_CLAIM, { input: claimInput(b, 'SUPPLIES', 'race-buyer') }));
    await ok(write(ADD_CLAIM, { input: claimInput(c, 'LINKED_TO', 'race-buyer') }));
    const [ab, bc] = await Promise.all([write(MERGE, { s: a, d: b }), pause(round % 2).then(() => write(MERGE, { s: b, d: c }))]);
    assert.equal(outcome(ab), 'OK', JSON.stringify(ab.errors));
    assert.ok(['OK', 'CONFLICT', 'NOT_FOUND'].includes(outcome(bc)), JSON.stringify(bc.errors));
    const cHome = outcome(bc) === 'OK' ? a : c;
    const resolve = async (id: string) => (await ok(api.gql(`query($id: ID!) { entity(id: $id) { id } }`, { id }))).entity.id;
    assert.equal(await resolve(b), a);
    assert.equal(await resolve(c), cHome);
    await ok(api.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: `${a}--supplies--race-buyer` }));
    await ok(api.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: `${cHome}--linked-to--race-buyer` }));
  }
});

test('5 concurrent createEntity with one id: one is created, four are CONFLICT', async () => {
  const input = { id: 'race-same-id', type: 'Company', name: 'Race Same Id' };
  const results = await Promise.all(range(5).map(() => write(CREATE, { input })));
  assert.deepEqual(results.map(outcome).sort(), ['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  assert.match(results.find((r) => r.errors)!.errors![0]!.message, /"race-same-id" already exists/);
  assert.deepEqual((await history('race-same-id')).map((r) => r.action), ['create']);
});

test('a token name is taken once: by an active token, by a revoked one, or by a racing create', async () => {
  await createToken(db, 'race-name', 'reader');
  await assert.rejects(createToken(db, 'race-name', 'editor'), /A token named "race-name" already exists/);
  await revokeToken(db, 'race-name');
  await assert.rejects(createToken(db, 'race-name', 'editor'), /"race-name" was used by a token revoked on .*pick another/);
  const results = await Promise.allSettled(range(5).map(() => createToken(db, 'race-name-2', 'reader')));
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) if (r.status === 'rejected') assert.match(String(r.reason), /A token named "race-name-2" already exists/);
});

test('a database whose tokens share a name is refused with the names, before the schema would fail', async () => {
  await db.autoCommit('auth/drop-name-constraint');
  for (const hash of ['hash-1', 'hash-2']) {
    await db.write('auth/create-token', { name: 'race-twice', role: 'reader', hash, createdAt: '2024-01-01T00:00:00Z' });
  }
  await assert.rejects(applySchema(db), /api_token_name|already exists|ApiToken/);
  await assert.rejects(refuseDuplicateTokenNames(db), /these are each held by more than one token: "race-twice" \(2 tokens, 0 revoked\)\. Rename all but one/);
});

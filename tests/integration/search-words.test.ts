// Search finds names with hyphens and ampersands, through the HTTP API on the seed: typed text
// is cut where the full-text index cuts names. The added companies are fictional.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { resetToSeed } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => {
  ({ db, api } = await startSeededApi());
  const editor = await createToken(db, 'search-editor', 'editor');
  for (const [id, name] of [['fictional-ab-telecom', 'Fictional A&B Telecom'], ['fictional-zed-mobile', 'Zed-Mobile Fictional Networks']]) {
    const res = await api.gql('mutation($input: EntityInput!) { createEntity(input: $input) { id } }', { input: { id, type: 'Company', name } }, editor);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  }
});

after(async () => {
  if (db) await resetToSeed(db);
  await closeAll(api, db);
});

async function found(text: string): Promise<string[]> {
  const res = await api.gql('query($t: String!) { search(text: $t) { entity { id } } }', { t: text });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.search.map((h: { entity: { id: string } }) => h.entity.id);
}

test('a hyphenated name is found as typed, and by either half', async () => {
  for (const text of ['Israel-Gaza', 'israel-gaza war', 'Gaza', 'Israel Gaza']) {
    assert.equal((await found(text))[0], 'conflict-israel-gaza', text);
  }
  assert.equal((await found('Zed-Mobile'))[0], 'fictional-zed-mobile');
  assert.equal((await found('zed-mob'))[0], 'fictional-zed-mobile', 'as a prefix while typing');
});

test('an ampersand name is found as typed, with or without spaces', async () => {
  for (const text of ['A&B', 'A&B Telecom', 'a & b telecom']) assert.equal((await found(text))[0], 'fictional-ab-telecom', text);
});

test('Lucene syntax around such names is still plain text', async () => {
  assert.deepEqual(await found('A&&B'), await found('A&B'));
  assert.equal((await found('"Zed-Mobile"'))[0], 'fictional-zed-mobile');
  assert.equal((await found('(Zed-Mobile)*~'))[0], 'fictional-zed-mobile');
});

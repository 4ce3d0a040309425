// Search through the API on the real Neo4j: names with hyphens, ampersands, dots, apostrophes and
// CJK find their entity, every word typed is required, and the phrase typed ranks first. The
// seed has "Israel-Gaza war (2023-)" and "Intellexa S.A."; the other names are fictional
// entities created through the curation API, and the seed is restored afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { resetToSeed } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

const FICTIONAL = [
  { id: 'fictional-ab-telecom', type: 'Company', name: 'Fictional A&B Telecom' },
  { id: 'zed-mobile-fictional', type: 'Company', name: 'Zed-Mobile Fictional Networks' },
  // The same two words in the other order, in a shorter name (which ranks higher on its own).
  { id: 'mobile-zed-fictional', type: 'Company', name: 'Mobile Zed Fictional' },
  { id: 'acme-fictional-sa', type: 'Company', name: 'Acme Fictional S.A.' },
  { id: 'fictional-kakuu-tsushin', type: 'Company', name: '架空通信株式会社', aliases: ["O'Fictional Telecom"] },
];

before(async () => {
  ({ db, api } = await startSeededApi());
  const editor = await createToken(db, 'search-editor', 'editor');
  for (const input of FICTIONAL) {
    const created = await api.gql(`mutation($input: EntityInput!) { createEntity(input: $input) { id } }`, { input }, editor);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
  }
});

after(async () => {
  if (db) await resetToSeed(db);
  await closeAll(api, db);
});

async function found(text: string): Promise<string[]> {
  const res = await api.gql(`query($text: String!) { search(text: $text, limit: 10) { entity { id } } }`, { text });
  assert.equal(res.errors, undefined, `${text}: ${JSON.stringify(res.errors)}`);
  return res.data!.search.map((hit: { entity: { id: string } }) => hit.entity.id);
}

test('hyphenated names are found as typed, with or without the hyphen, and by either half', async () => {
  for (const text of ['Israel-Gaza', 'Israel-Gaza war', 'israel-gaza war', 'Israel-Gaza war (2023-)', 'israel gaza', 'Israel–Gaza', 'Gaza']) {
    assert.equal((await found(text))[0], 'conflict-israel-gaza', text);
  }
  assert.equal((await found('Zed-Mobile'))[0], 'zed-mobile-fictional');
  assert.equal((await found('Zed-Mobile Fictional Networks'))[0], 'zed-mobile-fictional');
});

test('ampersand names are found, and Lucene operators typed into them stay text', async () => {
  for (const text of ['A&B', 'A&B Telecom', 'a & b telecom', 'A&&B', 'A||B', '(A&B)', 'A&B~', 'A&B*']) {
    assert.equal((await found(text))[0], 'fictional-ab-telecom', text);
  }
  assert.deepEqual(await found('"Zed-Mobile"'), await found('Zed-Mobile'));
  assert.equal((await found('(Zed-Mobile)*~'))[0], 'zed-mobile-fictional');
});

test('while typing, the last word is a prefix', async () => {
  // Lucene's query syntax has no phrase with a prefix in it, so a half-typed phrase ranks as loose words.
  assert.deepEqual((await found('Zed-Mob')).sort(), ['mobile-zed-fictional', 'zed-mobile-fictional']);
  assert.equal((await found('Israel-Gaza w'))[0], 'conflict-israel-gaza');
  assert.equal((await found('A&B Tele'))[0], 'fictional-ab-telecom');
});

test('every word typed is required', async () => {
  assert.deepEqual(await found('Zed-Mobile Telecom'), []);
  assert.deepEqual(await found('A&B Networks'), []);
  // A one-letter word matches only itself unless it is the last: "T-Mobile" is not "Mobile Zed".
  assert.deepEqual(await found('T-Mobile'), []);
});

test('the words in the order typed rank first, before a shorter name holding them apart', async () => {
  assert.deepEqual(await found('Zed-Mobile'), ['zed-mobile-fictional', 'mobile-zed-fictional']);
  assert.deepEqual(await found('Mobile Zed'), ['mobile-zed-fictional', 'zed-mobile-fictional']);
  // One word alone: the shorter name is the better match.
  assert.equal((await found('Zed'))[0], 'mobile-zed-fictional');
});

test('dots, apostrophes and CJK names are cut the way the index cuts them', async () => {
  assert.deepEqual((await found('S.A.')).sort(), ['acme-fictional-sa', 'intellexa']);
  assert.equal((await found('Acme S.A'))[0], 'acme-fictional-sa');
  assert.equal((await found('Intellexa S.A.'))[0], 'intellexa');
  assert.equal((await found("People's"))[0], 'xinjiang-psb');
  assert.equal((await found("O'Fictional"))[0], 'fictional-kakuu-tsushin');
  assert.equal((await found('high-technology surveillance'))[0], 'abuse-xinjiang-repression');
  for (const text of ['架空通信', '架空', '株式会社']) assert.equal((await found(text))[0], 'fictional-kakuu-tsushin', text);
});

test('text without a letter or digit is refused as empty, whatever symbols or syntax it holds', async () => {
  for (const text of ['*:*', '/.*/', '.', '🙂']) {
    const res = await api.gql(`query($text: String!) { search(text: $text) { entity { id } } }`, { text });
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', text);
    assert.match(res.errors![0]!.message, /type at least one letter or digit/);
  }
});

// The words a search is cut into are the words the full-text index holds: api/search/indexWords.ts
// against the index's own analyzer (Neo4j's 'standard-no-stop-words', run from the jars the test
// Neo4j runs on), over the seed's names, aliases and descriptions, names of the shapes people
// search for, and generated mixtures of scripts and punctuation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import { cypherInt } from '../../api/db/database.ts';
import { indexWords } from '../../api/search/indexWords.ts';
import { escapeTerm } from '../../api/search/luceneQuery.ts';
import { seedPath } from '../../seed/seed.ts';
import { openTestDatabase, resetToSeed } from '../support/database.ts';
import { analyzeLikeIndex } from '../support/indexAnalyzer.ts';

let db: Database;

before(async () => {
  db = await openTestDatabase();
  await resetToSeed(db);
});

after(() => db?.close());

const SHAPES = [
  'Fictional A&B Telecom', 'Zed-Mobile Fictional', 'Israel-Gaza war (2023-)', 'Müller Fictional GmbH',
  'Mu\u0308ller Fictional', 'NSO-like Fictional Group', "O'Fictional People's Bureau", 'Fictional People’s Office',
  "Fictionals' Union", 'Acme Fictional S.A.', 'U.S.A. Fictional Corp.', 'Unit 1234 Fictional', '1,200 3.5 v1.2',
  'Fictional_Systems__Ltd', 'fictional@example.org', 'https://fictional.example/x-y', 'Acme™ Fictional © 2020',
  'Fictional 🙂 Co 👍🏽 🇫🇷 1️⃣', '架空通信株式会社', 'カクウ・テレコム', 'ひらがな架空', '가상통신', 'SK가상텔레콤',
  'บริษัทสมมติ จำกัด', 'ကုမ္ပဏီ', 'ក្រុមហ៊ុន', 'חברה בדיונית בע"מ', 'צה"ל', 'ש"ש"ש"ש', 'א"ב.ג"ד', 'Шаблон-Фикция', 'Εταιρεία Φανταστική',
  'شركة خيالية', 'काल्पनिक कंपनी', 'Ｆｉｃｔｉｏｎａｌ', 'ﬁctional x² ½', 'İstanbul Fictional ΟΔΟΣ', 'name:fictional AND OR',
];

const PIECES = ['Acme', 'AT', 'T', 'Mobile', 'S', 'A', '8200', '1', '200', 'v1', 'Müller', 'O', 'Neil', '架空', '通信',
  'ひらがな', 'カタカナ', 'ภาษาไทย', '๒๕๖๖', 'ລາວ', 'မြန်မာ', '한국어', 'SK', 'שלום', 'צה"ל', 'Ελλάδα', 'Москва', 'العربية',
  '٣٤', 'हिन्दी', '™', '🙂', '👍🏽', '🇫🇷', '1️⃣', '__', 'Ｔｏｙｏｔａ', 'İ', 'e\u0301', 'a\u00adb'];
const JOINERS = ['', '', ' ', '-', '&', "'", '’', '.', ',', ':', ';', '_', '/', '@', '"', '(', ')', '+', '·', '\u200b', '\u00a0', '\u3000', '—', '#', '*'];

/** The same few thousand mixtures on every run: pieces of many scripts glued by punctuation. */
function mixtures(count: number): string[] {
  let state = 12345;
  // A linear congruential generator; its high bits, as its low ones repeat quickly.
  const next = (n: number) => Math.floor(((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  return Array.from({ length: count }, () => {
    let text = '';
    for (let parts = 1 + next(6); parts > 0; parts--) text += JOINERS[next(JOINERS.length)]! + PIECES[next(PIECES.length)]!;
    return text + JOINERS[next(JOINERS.length)]!;
  });
}

function seedTexts(): string[] {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { entities: { name: string; aliases?: string[]; description?: string }[] };
  return seed.entities.flatMap((e) => [e.name, ...(e.aliases ?? []), ...(e.description ?? '').split(/[\r\n]+/)]).filter(Boolean);
}

test('the search index uses the analyzer the search is written for', async () => {
  const [row] = await db.read('search/index-analyzer');
  assert.equal(row?.analyzer, 'standard-no-stop-words');
});

test('typed text is cut into exactly the words the index holds (symbols and emoji aside)', () => {
  const texts = [...seedTexts(), ...SHAPES, ...mixtures(3000)];
  const analyzed = analyzeLikeIndex(texts);
  const differ = texts.flatMap((text, i) => {
    const expected = analyzed[i]!.filter((w) => w.type !== '<EMOJI>').map((w) => w.original);
    const got = indexWords(text);
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${JSON.stringify(text)}: index ${JSON.stringify(expected)}, search ${JSON.stringify(got)}`];
  });
  assert.deepEqual(differ, [], `${differ.length} of ${texts.length} texts cut differently`);
  // The shapes this is about, as the index holds them.
  const words = (text: string) => analyzed[texts.indexOf(text)]!.map((w) => w.word);
  assert.deepEqual(words('Fictional A&B Telecom'), ['fictional', 'a', 'b', 'telecom']);
  assert.deepEqual(words('Zed-Mobile Fictional'), ['zed', 'mobile', 'fictional']);
  assert.deepEqual(words('Israel-Gaza war (2023-)'), ['israel', 'gaza', 'war', '2023']);
  assert.deepEqual(words('架空通信株式会社'), ['架', '空', '通', '信', '株', '式', '会', '社']);
});

test('every search word of a seed name is a word of the index, matched without Lucene analyzing it', async () => {
  // A prefix or typo query is not analyzed by Lucene: it finds only what is already an index
  // word. "~0" is such a query (no typo allowed), so each word must find its entity as typed.
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { entities: { id: string; name: string; aliases?: string[] }[] };
  const missing: string[] = [];
  for (const entity of seed.entities) {
    for (const word of [entity.name, ...(entity.aliases ?? [])].flatMap(indexWords)) {
      const rows = await db.read('search/search-entities', { query: `${escapeTerm(word)}~0`, types: [], limit: cypherInt(100) });
      if (!rows.some((row) => (row.entity as { id: string }).id === entity.id)) missing.push(`${entity.id}: "${word}"`);
    }
  }
  assert.deepEqual(missing, []);
});

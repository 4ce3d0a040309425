// The words a search is cut into: the full-text index's own (Lucene's StandardTokenizer). Each
// expectation is what the index's analyzer gives for the same text (lower-cased there; case is
// left to Lucene here); tests/integration/search-analyzer.test.ts runs the analyzer itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzedWords, indexWords } from '../../api/search/indexWords.ts';

test('hyphens, ampersands, brackets and slashes cut words', () => {
  assert.deepEqual(indexWords('AT&T'), ['AT', 'T']);
  assert.deepEqual(indexWords('T-Mobile'), ['T', 'Mobile']);
  assert.deepEqual(indexWords('Israel-Gaza war (2023-)'), ['Israel', 'Gaza', 'war', '2023']);
  assert.deepEqual(indexWords('a@b.com x/y'), ['a', 'b.com', 'x', 'y']);
});

test('an apostrophe, a dot or a colon between letters keeps one word; at its end it is dropped', () => {
  assert.deepEqual(indexWords("People's O'Neil's"), ["People's", "O'Neil's"]);
  assert.deepEqual(indexWords('People’s'), ['People’s']);
  assert.deepEqual(indexWords("Palestinians'"), ['Palestinians']);
  assert.deepEqual(indexWords('Acme S.A.'), ['Acme', 'S.A']);
  assert.deepEqual(indexWords('U.S.A.'), ['U.S.A']);
  assert.deepEqual(indexWords('name:google'), ['name:google']);
});

test('numbers keep their separators, letters and digits join, underscores join anything', () => {
  assert.deepEqual(indexWords('1,200 3.5 v1.2 Unit 8200'), ['1,200', '3.5', 'v1.2', 'Unit', '8200']);
  assert.deepEqual(indexWords('M1 Group'), ['M1', 'Group']);
  assert.deepEqual(indexWords('__init__ _'), ['__init__']);
});

test('accents stay on their letters, whether precomposed or combining', () => {
  assert.deepEqual(indexWords('Müller'), ['Müller']);
  assert.deepEqual(indexWords('Mu\u0308ller'), ['Mu\u0308ller']);
  assert.deepEqual(indexWords('Société Générale'), ['Société', 'Générale']);
});

test('Han and Hiragana are a word per letter, Katakana and Hangul runs one word', () => {
  assert.deepEqual(indexWords('株式会社日立'), ['株', '式', '会', '社', '日', '立']);
  assert.deepEqual(indexWords('ひらがなカタカナ'), ['ひ', 'ら', 'が', 'な', 'カタカナ']);
  assert.deepEqual(indexWords('ソニー株式会社'), ['ソニー', '株', '式', '会', '社']);
  assert.deepEqual(indexWords('한국어 텔레노'), ['한국어', '텔레노']);
  // Hangul is a letter like any other to Lucene: glued to Latin it is one word.
  assert.deepEqual(indexWords('SK텔레콤'), ['SK텔레콤']);
});

test('Thai, Lao, Myanmar and Khmer runs are one word each, digits apart', () => {
  assert.deepEqual(indexWords('ภาษาไทย ง่าย'), ['ภาษาไทย', 'ง่าย']);
  assert.deepEqual(indexWords('မြန်မာ'), ['မြန်မာ']);
  assert.deepEqual(indexWords('ไทย๒๕๖๖'), ['ไทย', '๒๕๖๖']);
});

test('Hebrew keeps its gershayim and geresh inside a word', () => {
  assert.deepEqual(indexWords('צה"ל'), ['צה"ל']);
  assert.deepEqual(indexWords('שָׁלוֹם'), ['שָׁלוֹם']);
  // Lucene allows one gershayim per run of letters: after it, no "." or second quote joins.
  assert.deepEqual(indexWords('א"ב.ג"ד'), ['א"ב', 'ג"ד']);
  assert.deepEqual(indexWords('ש"ש"ש"ש'), ['ש"ש', 'ש"ש']);
});

test('emoji and symbols such as ™ are words to the index but not words a search needs', () => {
  assert.deepEqual(
    analyzedWords('Acme™ 🙂').map((w) => [w.text, w.kind]),
    [['Acme', 'word'], ['™', 'emoji'], ['🙂', 'emoji']],
  );
  assert.deepEqual(indexWords('Acme™ Corp 👍🏽 🇫🇷 1️⃣'), ['Acme', 'Corp']);
  assert.deepEqual(indexWords('x² ½'), ['x']);
});

test('text without a letter or digit has no words', () => {
  for (const text of ['', '   ', '*:*', '/.*/', '()', '🙂', '- & -']) assert.deepEqual(indexWords(text), [], text);
});

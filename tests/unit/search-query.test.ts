import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeTerm, luceneQuery, searchWords } from '../../api/search/luceneQuery.ts';

test('each word matches exactly, as a prefix, or with one typo when long enough', () => {
  assert.equal(luceneQuery('Nimbus'), '+(Nimbus^3 OR Nimbus* OR Nimbus~1)');
  assert.equal(luceneQuery('ai'), '+(ai^3 OR ai*)');
});

test('all words are required, and the whole phrase is ranked first', () => {
  assert.equal(luceneQuery('unit 8200'), '+(unit^3 OR unit* OR unit~1) +(8200^3 OR 8200* OR 8200~1) "unit 8200"^4');
});

test('hyphenated and ampersand names become the words the index holds', () => {
  assert.equal(luceneQuery('AT&T'), '+(AT^3 OR AT*) +(T^3 OR T*) "AT T"^4');
  assert.equal(luceneQuery('Israel-Gaza'), '+(Israel^3 OR Israel* OR Israel~1) +(Gaza^3 OR Gaza* OR Gaza~1) "Israel Gaza"^4');
});

test('a one-letter word is a prefix only while it is the last word typed', () => {
  assert.equal(luceneQuery('T-Mobile'), '+(T^3) +(Mobile^3 OR Mobile* OR Mobile~1) "T Mobile"^4');
  assert.equal(luceneQuery('A&B Telecom'), '+(A^3) +(B^3) +(Telecom^3 OR Telecom* OR Telecom~1) "A B Telecom"^4');
  assert.equal(luceneQuery('T-M'), '+(T^3) +(M^3 OR M*) "T M"^4');
});

test('Lucene syntax in a word is escaped, never interpreted', () => {
  assert.equal(escapeTerm('name:google'), 'name\\:google');
  assert.equal(escapeTerm('צה"ל'), 'צה\\"ל');
  assert.equal(luceneQuery('name:google'), '+(name\\:google^3 OR name\\:google* OR name\\:google~1)');
  // Operators typed as words are searched as words.
  assert.equal(luceneQuery('AND OR NOT'), '+(\\AND^3 OR \\AND*) +(\\OR^3 OR \\OR*) +(\\NOT^3 OR \\NOT*) "\\AND \\OR \\NOT"^4');
  assert.equal(luceneQuery('nimbus) OR name:*'), '+(nimbus^3 OR nimbus* OR nimbus~1) +(\\OR^3 OR \\OR*) +(name^3 OR name* OR name~1) "nimbus \\OR name"^4');
  assert.equal(luceneQuery('"") AND (*'), '+(\\AND^3 OR \\AND*)');
  // Every operator character is escaped when a word holds it.
  assert.equal(escapeTerm('+-&|!(){}[]^"~*?:\\/'), '\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
});

test('text with nothing searchable gives no query: no letter or digit, only symbols or syntax', () => {
  for (const text of ['   ', '*** ()', '/.*/', '🙂', '.']) assert.equal(luceneQuery(text), null, text);
});

test('a word typed twice is required once, the phrase keeps it', () => {
  assert.equal(luceneQuery('t t T'), '+(t^3 OR t*) "t t T"^4');
});

test('at most eight words are used', () => {
  assert.equal(searchWords('a b c d e f g h i j').length, 8);
  assert.equal(searchWords('株式会社日立製作所').length, 8);
});

test('words are cut where the index cuts names; case is left to Lucene', () => {
  assert.deepEqual(searchWords('AT&T'), ['AT', 'T']);
  assert.deepEqual(searchWords('Israel-Gaza war (2023-)'), ['Israel', 'Gaza', 'war', '2023']);
  // Kept whole, as the analyzer keeps them: apostrophes and dots inside a word, decimals.
  assert.deepEqual(searchWords("O'Brien S.A. 3.5G Müller"), ["O'Brien", 'S.A', '3.5G', 'Müller']);
  // Han characters are one word each in the index, so a prefix query must use them one by one.
  assert.deepEqual(searchWords('東京電力'), ['東', '京', '電', '力']);
});

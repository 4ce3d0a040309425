import assert from 'node:assert/strict';
import { test } from 'node:test';
import { luceneQuery, searchTerms } from '../../api/search/luceneQuery.ts';

test('each word matches exactly, as a prefix, or with one typo when long enough', () => {
  assert.equal(luceneQuery('Nimbus'), '(nimbus^3 OR nimbus* OR nimbus~1)');
  assert.equal(luceneQuery('ai'), '(ai^3 OR ai*)');
});

test('all words must match', () => {
  assert.equal(luceneQuery('unit 8200'), '(unit^3 OR unit* OR unit~1) AND (8200^3 OR 8200* OR 8200~1)');
});

test('Lucene operators in user text are stripped, never interpreted', () => {
  assert.deepEqual(searchTerms('nimbus) OR name:*'), ['nimbus', 'or', 'name']);
  assert.equal(luceneQuery('"") AND (*'), '(and^3 OR and*)');
  assert.ok(!/[:"()\\]/.test(searchTerms('a:b "c" (d) \\e').join('')));
});

test('text with nothing searchable gives no query', () => {
  assert.equal(luceneQuery('   '), null);
  assert.equal(luceneQuery('*** ()'), null);
});

test('at most eight words are used', () => {
  assert.equal(searchTerms('a b c d e f g h i j').length, 8);
});

test('words are cut where the index cuts names: hyphens, ampersands, brackets (UAX #29, as Lucene does)', () => {
  assert.deepEqual(searchTerms('AT&T'), ['at', 't']);
  assert.deepEqual(searchTerms('T-Mobile'), ['t', 'mobile']);
  assert.deepEqual(searchTerms('Israel-Gaza war (2023-)'), ['israel', 'gaza', 'war', '2023']);
  assert.equal(luceneQuery('AT&T'), '(at^3 OR at*) AND (t^3 OR t*)');
  // Kept whole, as the analyzer keeps them: apostrophes and dots inside a word, decimals.
  assert.deepEqual(searchTerms("O'Brien S.A. 3.5G Müller"), ["o'brien", 's.a', '3.5g', 'müller']);
  // Han characters are one token each in the index, so a prefix query must use them one by one.
  assert.deepEqual(searchTerms('東京電力'), ['東', '京', '電', '力']);
  assert.deepEqual(searchTerms('t t T'), ['t'], 'a word typed twice counts once');
});

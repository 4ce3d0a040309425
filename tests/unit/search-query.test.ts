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

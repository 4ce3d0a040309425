// What readers see: statuses, relations, types, countries and numbers in words, never enum
// names, ISO codes alone or float noise; server messages without shell commands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLAIM_STATUSES, ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES } from '../../api/domain/model.ts';
import { countryLabel, entityTypeWords, readableNumber, relationWords, statusWords } from '../../api/domain/words.ts';
import { scoreBreakdown } from '../../api/complicity/score.ts';
import { DEFAULT_WEIGHTS } from '../../api/complicity/weights.ts';
import { readerMessage } from '../../web/src/api.ts';

const ENUM_LIKE = /\b[A-Z]{2,}(_[A-Z]+)+\b|\b(OPERATES|REPORTED|ALLEGED|DENIED|OWNS)\b/;

test('every status, relation and entity type has words a reader reads', () => {
  for (const s of CLAIM_STATUSES) {
    assert.doesNotMatch(statusWords(s), /[-_]|[A-Z]/, s);
    assert.equal(statusWords(s.toUpperCase().replace(/-/g, '_')), statusWords(s), 'the GraphQL name reads the same');
  }
  assert.equal(statusWords('COMPANY_CONFIRMED'), 'confirmed by the company');
  for (const t of RELATION_TYPE_NAMES) assert.doesNotMatch(relationWords(t), ENUM_LIKE, t);
  assert.equal(relationWords('PROVIDES_SERVICE_TO'), 'provides a service to');
  for (const t of ENTITY_TYPE_NAMES) assert.match(entityTypeWords(t), /^[a-z ]+$/, t);
  assert.equal(entityTypeWords('StateBody'), 'state body');
});

test('countries are named, with their code; user-assigned codes say so', () => {
  assert.equal(countryLabel('MM'), 'Myanmar (MM)');
  assert.equal(countryLabel('US'), 'United States (US)');
  assert.equal(countryLabel('IL'), 'Israel (IL)');
  assert.equal(countryLabel('XA'), 'XA (a user-assigned code)', 'not ICU’s "Pseudo-Accents"');
  assert.equal(countryLabel('ZZ'), 'ZZ (a user-assigned code)');
});

test('numbers read without float noise', () => {
  assert.equal(readableNumber(0.044000000000000004), '0.044');
  assert.equal(readableNumber(0.7 * 0.7 * 0.85), '0.417');
  assert.equal(readableNumber(1), '1');
  assert.equal(readableNumber(18_000_000), '18,000,000');
  assert.equal(readableNumber(0.123456, 2), '0.12');
});

test("a score's explanation is in words", () => {
  const edge = (relation: string, status: string) => ({ relation, status, confidence: null }) as never;
  const b = scoreBreakdown([edge('PROVIDES_SERVICE_TO', 'company-confirmed'), edge('ALLEGEDLY_USED_IN', 'alleged')], DEFAULT_WEIGHTS);
  assert.doesNotMatch(b.explanation, ENUM_LIKE);
  assert.match(b.explanation, /^provides a service to .* \(confirmed by the company, not assessed\) · is allegedly used in .* \(alleged, not assessed\)/);
  assert.doesNotMatch(b.explanation, /\d\.\d{5,}/);
});

test('server messages meant for operators reach a reader without shell commands', () => {
  const forbidden = readerMessage('FORBIDDEN', 'The token "bob" has the reader role; changing the graph needs a token with the editor role. Create one with `npm run token -- create --name NAME --role editor` and send it as "Authorization: Bearer TOKEN".');
  assert.doesNotMatch(forbidden, /npm run|`/);
  assert.match(forbidden, /editor’s token/);
  assert.doesNotMatch(readerMessage('UNAUTHENTICATED', 'This server needs a token for every request, reads included (`npm run token -- create --name NAME --role reader` makes one).'), /npm run|`/);
  assert.equal(readerMessage('NOT_FOUND', 'No entity has the id "x".'), 'No entity has the id "x".');
  assert.equal(readerMessage('BAD_USER_INPUT', 'The file is too large. Import it with `npm run import -- FILE`.'), 'The file is too large.');
});

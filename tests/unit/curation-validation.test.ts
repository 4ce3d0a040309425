// Curation inputs (createEntity, updateEntity, addClaim, new sources) are checked with the
// same field rules as imports: identifiers, codes, bounds and addresses. Fictional records.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { checkClaim, checkEntity, checkSources } from '../../api/curation/validation.ts';
import type { EntityType } from '../../api/domain/model.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GraphQLError, String(error));
    assert.equal(error.extensions.code, 'BAD_USER_INPUT');
    return error.message;
  }
  assert.fail('expected the input to be refused');
}

const company = { id: 'acme', type: 'Company', name: 'Acme Widgets' };
const known = { entities: new Map<string, EntityType>([['fund', 'Investor'], ['acme', 'Company']]), sources: new Set(['src-a']) };
const holding = { from: 'fund', type: 'HOLDS', to: 'acme', status: 'reported', summary: 'Holds shares.', sources: ['src-a'] };

test('an entity with valid identifiers, codes and numbers is taken as it is', () => {
  const fields = { country: 'XA', isin: 'XA0000000017', lei: '9999SYN0000000000127', website: 'https://acme.example' };
  assert.deepEqual(checkEntity({ ...company, ...fields }).props, { id: 'acme', name: 'Acme Widgets', ...fields });
  assert.equal(checkEntity({ id: 'deal', type: 'Contract', name: 'Grid deal', value: 0, currency: 'XTS' }).props.value, 0);
});

test('entity fields that break a standard or a bound are refused, each named with what is allowed', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ id: 'deal', type: 'Contract', name: 'Grid deal', value: -5 }, '"value" must be a number ≥ 0; got -5.'],
    [{ id: 'deal', type: 'Contract', name: 'Grid deal', currency: 'NOTACURRENCY' }, '"currency" must be an ISO 4217 currency code (three capital letters, e.g. "USD"); got "NOTACURRENCY".'],
    [{ ...company, isin: 'bad' }, '"isin" must be a valid ISIN (2 letters, 9 letters or digits, a check digit); got "bad".'],
    [{ ...company, lei: 'x' }, '"lei" must be a valid LEI (18 letters or digits, 2 check digits); got "x".'],
    [{ ...company, website: 'javascript:alert(1)' }, '"website" must be an http(s) address; got "javascript:alert(1)".'],
    [{ id: 'users', type: 'Population', name: 'Grid users', size: -1 }, '"size" must be a whole number ≥ 0; got -1.'],
  ];
  for (const [input, message] of cases) assert.equal(refusal(() => checkEntity(input)), message);
  assert.match(refusal(() => checkEntity({ ...company, country: 'Narnia' })), /^"country" must be an ISO 3166-1 alpha-2 country code .*; got "Narnia"\.$/);
});

test('a claim with a share over 100% is refused; 0 and 100 are taken', () => {
  assert.equal(refusal(() => checkClaim({ ...holding, percentage: 150 }, known.entities, known.sources)), '"percentage" must be between 0 and 100; got 150.');
  for (const percentage of [0, 100]) assert.equal(checkClaim({ ...holding, percentage }, known.entities, known.sources).percentage, percentage);
});

test('a new source must be an http(s) page', () => {
  const source = { id: 'src-b', publisher: 'Freedonia Gazette', title: 'A report', url: 'ftp://x' };
  assert.equal(refusal(() => checkSources([source])), '"url" must be an http(s) address; got "ftp://x".');
  assert.equal(checkSources([{ ...source, url: 'https://gazette.example/b' }])[0]!.url, 'https://gazette.example/b');
});

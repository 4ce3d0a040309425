import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isPartialDate, validateDataset, type ValidationProblem } from '../../api/exchange/dataset.ts';
import { seedPath } from '../../seed/seed.ts';

const source = { id: 'src-a', publisher: 'Example Wire', title: 'A report', url: 'https://example.org/a', date: '2024-05' };
const entities = [
  { id: 'acme', type: 'Company', name: 'Acme Fictional Cloud' },
  { id: 'ministry-x', type: 'StateBody', name: 'Fictional Ministry' },
  { id: 'deal', type: 'Contract', name: 'Fictional deal', value: 10, currency: 'USD' },
];
const claim = { from: 'acme', type: 'PARTY_TO', to: 'deal', status: 'reported', summary: 'Acme signed.', sources: ['src-a'] };

function problems(data: unknown): ValidationProblem[] {
  const result = validateDataset(data, 'test.json');
  assert.equal(result.ok, false, 'expected the dataset to be rejected');
  return result.ok ? [] : result.problems;
}

test('the shipped seed data is valid and keeps every source', () => {
  const raw = JSON.parse(readFileSync(seedPath, 'utf8'));
  const result = validateDataset(raw, seedPath);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems, null, 1));
  assert.equal(result.dataset.sources.length, raw.sources.length);
  assert.equal(result.dataset.entities.length, raw.entities.length);
  assert.equal(result.dataset.claims.length, raw.relations.length);
});

test('a sound dataset passes, with a deterministic claim id', () => {
  const result = validateDataset({ sources: [source], entities, relations: [claim] }, 'test.json');
  assert.ok(result.ok);
  assert.equal(result.dataset.claims[0]?.id, 'acme--party-to--deal');
});

test('a relation citing a missing source is rejected, naming the file, the item and the source', () => {
  const [p] = problems({ sources: [source], entities, relations: [{ ...claim, sources: ['src-missing'] }] });
  assert.equal(p?.file, 'test.json');
  assert.equal(p?.item, 'relations[0] (acme PARTY_TO deal)');
  assert.match(p!.reason, /src-missing.*does not exist/);
});

test('a relation must cite at least one source', () => {
  assert.match(problems({ sources: [source], entities, relations: [{ ...claim, sources: [] }] })[0]!.reason, /at least one source/);
});

test('a relation pointing at an unknown entity is rejected', () => {
  assert.match(problems({ sources: [source], entities, relations: [{ ...claim, to: 'nowhere' }] })[0]!.reason, /"to" points at "nowhere"/);
});

test('a relation may point at an entity already in the database', () => {
  const known = { entities: new Map([['stored', 'Contract' as const]]) };
  const result = validateDataset({ sources: [source], entities, relations: [{ ...claim, to: 'stored' }] }, 't', known);
  assert.ok(result.ok);
});

test('unknown entity and relationship types are rejected, listing the allowed ones', () => {
  assert.match(problems({ entities: [{ id: 'x', type: 'Spaceship', name: 'X' }] })[0]!.reason, /unknown entity type "Spaceship"; allowed: Company/);
  assert.match(
    problems({ sources: [source], entities, relations: [{ ...claim, type: 'LIKES' }] })[0]!.reason,
    /unknown relationship type "LIKES"; allowed: OWNS/,
  );
});

test('a relationship between types it cannot join is rejected', () => {
  const p = problems({ sources: [source], entities, relations: [{ ...claim, type: 'SERVES' }] });
  assert.match(p[0]!.reason, /SERVES cannot join a Company to a Contract/);
});

test('duplicate ids, unknown fields, bad dates and bad statuses are each reported', () => {
  const p = problems({
    sources: [source, source],
    entities: [...entities, { id: 'acme', type: 'Company', name: 'Again' }, { id: 'y', type: 'Company', name: 'Y', colour: 'red' }],
    relations: [{ ...claim, start: '2024-13', status: 'rumoured' }],
  });
  const reasons = p.map((x) => x.reason).join('\n');
  assert.match(reasons, /duplicate source id "src-a"/);
  assert.match(reasons, /duplicate entity id "acme"/);
  assert.match(reasons, /unknown field "colour" for a Company/);
  assert.match(reasons, /"start" must be a date/);
  assert.match(reasons, /status must be one of reported, alleged/);
});

test('wrong value types and out-of-range numbers are rejected', () => {
  const p = problems({
    sources: [source],
    entities: [...entities, { id: 'pop', type: 'Population', name: 'P', size: 'many' }],
    relations: [{ ...claim, confidence: 1.5 }],
  });
  const reasons = p.map((x) => x.reason).join('\n');
  assert.match(reasons, /"size" must be a whole number/);
  assert.match(reasons, /"confidence" must be between 0 and 1; got 1.5/);
});

test('a file that is not an object of lists is rejected', () => {
  assert.match(problems([1, 2])[0]!.reason, /must be a JSON object/);
  assert.match(problems({ entities: 'none' })[0]!.reason, /"entities" must be a list/);
});

test('partial dates must exist in the calendar', () => {
  for (const ok of ['2021', '2021-07', '2024-02-29']) assert.ok(isPartialDate(ok), ok);
  for (const bad of ['2021-00', '2023-02-29', '21-07', '2021/07', '2021-7']) assert.ok(!isPartialDate(bad), bad);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { planImport, planSummary, type Existing } from '../../api/exchange/importPlan.ts';

const raw = {
  sources: [{ id: 'src-a', publisher: 'Fictional Wire', title: 'T', url: 'https://example.org/a' }],
  entities: [
    { id: 'acme', type: 'Company', name: 'Acme Fictional' },
    { id: 'sys', type: 'Infrastructure', name: 'Fictional System', kind: 'cloud' },
  ],
  relations: [{ from: 'acme', type: 'OPERATES', to: 'sys', status: 'reported', summary: 'Runs it.', sources: ['src-a'] }],
};
const stamp = { by: 'import:test', at: '2026-01-01T00:00:00Z' };

function dataset(data: unknown = raw): Dataset {
  const result = validateDataset(data, 'test.json');
  assert.ok(result.ok);
  return result.dataset;
}

const empty: Existing = { entities: [], merged: [], sources: [], claims: [] };

test('into an empty database everything is new, and claims are stamped with who recorded them', () => {
  const plan = planImport(dataset(), empty, 'test.json', stamp);
  assert.deepEqual(planSummary(plan), {
    sources: { created: 1, updated: 0, unchanged: 0 },
    entities: { created: 2, updated: 0, unchanged: 0 },
    claims: { created: 1, updated: 0, unchanged: 0 },
  });
  assert.equal(plan.claims[0]!.after.recordedBy, 'import:test');
});

test('the same records already stored are unchanged, so a second import writes nothing', () => {
  const first = planImport(dataset(), empty, 'test.json', stamp);
  const stored: Existing = {
    entities: first.entities.map((c) => c.after as never),
    merged: [],
    sources: first.sources.map((c) => c.after as never),
    claims: first.claims.map((c) => c.after as never),
  };
  const second = planImport(dataset(), stored, 'test.json', stamp);
  assert.equal(second.entities.length + second.claims.length + second.sources.length, 0);
  assert.deepEqual(second.unchanged, { sources: 1, entities: 2, claims: 1 });
});

test('a changed claim keeps who first recorded it and any retraction, and notes the update', () => {
  const stored: Existing = {
    ...empty,
    claims: [
      {
        id: 'acme--operates--sys', type: 'OPERATES', from: 'acme', to: 'sys', status: 'alleged', summary: 'Runs it.',
        sourceIds: ['src-a'], recordedBy: 'alice', recordedAt: '2025-01-01', retractedAt: '2025-02-01',
      },
    ],
  };
  const plan = planImport(dataset(), stored, 'test.json', stamp);
  const change = plan.claims[0]!;
  assert.equal(change.after.status, 'reported');
  assert.equal(change.after.recordedBy, 'alice');
  assert.equal(change.after.retractedAt, '2025-02-01');
  assert.equal(change.after.updatedBy, 'import:test');
});

test('an import cannot change an entity type or write to an id merged away', () => {
  const plan = planImport(
    dataset(),
    { ...empty, entities: [{ id: 'acme', type: 'StateBody', name: 'Acme' }], merged: [['sys', 'other-sys']] },
    'test.json',
    stamp,
  );
  const reasons = plan.problems.map((p) => p.reason).join('\n');
  assert.match(reasons, /is a StateBody in the database but a Company in the file/);
  assert.match(reasons, /"sys" was merged into "other-sys"/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planMerge } from '../../api/curation/mergePlan.ts';
import type { StoredClaim, StoredEntity } from '../../api/graph/mapping.ts';

const survivor: StoredEntity = { id: 'acme', type: 'Company', name: 'Acme', aliases: ['ACME'] };
const duplicate: StoredEntity = { id: 'acme-inc', type: 'Company', name: 'Acme Inc.', aliases: ['Acme'] };
const stamp = { by: 'alice', at: '2026-01-01T00:00:00Z' };

function claim(from: string, type: string, to: string, sourceIds = ['s1'], summary = 'x'): StoredClaim {
  return { id: `${from}--${type.toLowerCase().replace(/_/g, '-')}--${to}`, type, from, to, status: 'reported', sourceIds, summary };
}

test("the duplicate's names become aliases of the survivor, without repeating its own name", () => {
  const plan = planMerge(survivor, duplicate, [], [], stamp);
  assert.deepEqual(plan.survivor.aliases, ['ACME', 'Acme Inc.']);
});

test('claims of the duplicate move to the survivor with new ids, in both directions', () => {
  const plan = planMerge(survivor, duplicate, [], [claim('acme-inc', 'OPERATES', 'sys'), claim('fund', 'OWNS', 'acme-inc')], stamp);
  assert.deepEqual(
    plan.moved.map((m) => m.after.id),
    ['acme--operates--sys', 'fund--owns--acme'],
  );
  assert.equal(plan.moved[0]!.after.updatedBy, 'alice');
  assert.equal(plan.moved[0]!.before.id, 'acme-inc--operates--sys');
});

test('a claim the survivor already has absorbs the duplicate one: sources combined, summary kept in a note', () => {
  const mine = claim('acme', 'OPERATES', 'sys', ['s1'], 'mine');
  const theirs = claim('acme-inc', 'OPERATES', 'sys', ['s2', 's1'], 'theirs');
  const plan = planMerge(survivor, duplicate, [mine], [theirs], stamp);
  assert.equal(plan.moved.length, 0);
  assert.equal(plan.combined.length, 1);
  const { after } = plan.combined[0]!;
  assert.deepEqual(after.sourceIds, ['s1', 's2']);
  assert.equal(after.summary, 'mine');
  assert.match(after.note!, /Combined with acme-inc--operates--sys in a merge: theirs/);
});

test('claims between the two entities are dropped, not turned into self-loops', () => {
  const plan = planMerge(survivor, duplicate, [], [claim('acme', 'OWNS', 'acme-inc')], stamp);
  assert.equal(plan.dropped.length, 1);
  assert.equal(plan.moved.length, 0);
});

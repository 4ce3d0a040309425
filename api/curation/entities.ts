// Creating, correcting and merging entities. Each write reads what it depends on inside its
// own transaction, under the locks of api/curation/locks.ts.
import { isDeepStrictEqual } from 'node:util';
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database, TxRunner } from '../db/database.ts';
import { badInput, conflict } from '../errors.ts';
import { entityRows } from '../exchange/rows.ts';
import { asEntity, type StoredEntity } from '../graph/mapping.ts';
import { unlessTaken } from '../uniqueness.ts';
import { claimRow } from './claimRows.ts';
import { liveEntity, lockEntities } from './locks.ts';
import { planMerge, type MergePlan } from './mergePlan.ts';
import { claimsOf } from './store.ts';
import { checkEntity } from './validation.ts';

function rowOf(entity: ReturnType<typeof checkEntity>) {
  return entityRows({ entities: [entity] })[0]!;
}

export async function createEntity(db: Database, by: string, input: Record<string, unknown>): Promise<StoredEntity> {
  const entity = checkEntity(input);
  const taken = () => conflict(`An entity with id "${entity.id}" already exists (or was merged away); pick another id.`);
  return db.writeTransaction(async (run) => {
    const [found] = await run('curation/entity-exists', { id: entity.id });
    if (found?.taken) throw taken();
    const [created] = await unlessTaken(run('curation/create-entity', rowOf(entity)), taken);
    const stored = asEntity(created!.entity);
    await appendAudit(run, auditRecords(by, [{ targetId: entity.id, targetKind: 'entity', action: 'create', before: null, after: stored }]));
    return stored;
  });
}

export async function updateEntity(db: Database, by: string, id: string, patch: Record<string, unknown>): Promise<StoredEntity> {
  return db.writeTransaction(async (run) => {
    const current = liveEntity(await lockEntities(run, [id]), id, (survivor) => `edit "${survivor}" instead.`);
    // A patch that changes nothing writes nothing: no update, no audit record of a non-event.
    const changes = Object.entries(patch).some(([key, value]) =>
      value === null ? (current as Record<string, unknown>)[key] !== undefined : !isDeepStrictEqual((current as Record<string, unknown>)[key], value),
    );
    if (!changes) return current;
    const next: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    if (!next.name) throw badInput('An entity must keep a name.', 'name');
    const [updated] = await run('curation/replace-entity', { id, props: rowOf(checkEntity(next)).props });
    const stored = asEntity(updated!.entity);
    await appendAudit(run, auditRecords(by, [{ targetId: id, targetKind: 'entity', action: 'update', before: current, after: stored }]));
    return stored;
  });
}

function mergeAudit(plan: MergePlan, survivor: StoredEntity, duplicate: StoredEntity): AuditEntry[] {
  return [
    { targetId: survivor.id, targetKind: 'entity', action: 'merge', before: survivor, after: plan.survivor, reason: `merged ${duplicate.id} into it` },
    { targetId: duplicate.id, targetKind: 'entity', action: 'merged-into', before: duplicate, after: { mergedInto: survivor.id } },
    ...plan.moved.flatMap(({ before, after }): AuditEntry[] => [
      { targetId: before.id, targetKind: 'claim', action: 'move-claim', before, after: null, reason: `moved to ${after.id}` },
      { targetId: after.id, targetKind: 'claim', action: 'move-claim', before: null, after, reason: `moved from ${before.id}` },
    ]),
    ...plan.combined.flatMap(({ absorbed, before, after }): AuditEntry[] => [
      { targetId: absorbed.id, targetKind: 'claim', action: 'combine-claim', before: absorbed, after: null, reason: `combined into ${after.id}` },
      { targetId: after.id, targetKind: 'claim', action: 'combine-claim', before, after, reason: `absorbed ${absorbed.id}` },
    ]),
    ...plan.dropped.map((c): AuditEntry => ({
      targetId: c.id, targetKind: 'claim', action: 'drop-claim', before: c, after: null, reason: 'joined the two merged entities',
    })),
  ];
}

/** Merges under the locks of both entities, planning from every claim either has at that moment. */
export async function mergeEntities(
  db: Database,
  by: string,
  survivorId: string,
  duplicateId: string,
  /** A write that belongs to the merge (a review decision), in its transaction. */
  alsoWrite?: (run: TxRunner) => Promise<void>,
): Promise<StoredEntity> {
  if (survivorId === duplicateId) throw badInput('survivorId and duplicateId are the same entity.', 'duplicateId');
  return db.writeTransaction(async (run) => {
    const locked = await lockEntities(run, [survivorId, duplicateId]);
    const survivor = liveEntity(locked, survivorId, (into) => `merge "${duplicateId}" into "${into}" instead.`);
    const duplicate = liveEntity(locked, duplicateId, (into) =>
      into === survivorId ? 'there is nothing left to merge.' : `merge "${into}" into "${survivorId}" instead, if they are one.`,
    );
    if (survivor.type !== duplicate.type) {
      throw badInput(`Only entities of one type can be merged: "${survivorId}" is a ${survivor.type}, "${duplicateId}" a ${duplicate.type}.`);
    }
    const at = new Date().toISOString();
    const plan = planMerge(survivor, duplicate, await claimsOf(run, survivorId), await claimsOf(run, duplicateId), { by, at });
    const gone = [...plan.moved.map((m) => m.before), ...plan.combined.map((c) => c.absorbed), ...plan.dropped];
    if (gone.length > 0) await run('curation/delete-claims', { rows: gone.map(claimRow) });
    const rows = [...plan.moved.map((m) => claimRow(m.after)), ...plan.combined.map((c) => claimRow(c.after))];
    if (rows.length > 0) await run('exchange/merge-claims', { rows });
    await run('curation/retire-merged-entity', { id: duplicateId, survivorId, name: duplicate.name, at, by });
    const { type: _type, ...props } = plan.survivor;
    const [updated] = await run('curation/replace-entity', { id: survivorId, props: { ...props, type: survivor.type } });
    await appendAudit(run, auditRecords(by, mergeAudit(plan, survivor, duplicate), at));
    await alsoWrite?.(run);
    return asEntity(updated!.entity);
  });
}

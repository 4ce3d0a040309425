// Creating, correcting and merging entities.
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { badInput } from '../errors.ts';
import { entityRows } from '../exchange/rows.ts';
import { asEntity, type StoredEntity } from '../graph/mapping.ts';
import { claimRow } from './claimRows.ts';
import { planMerge } from './mergePlan.ts';
import { claimsOf, liveEntity } from './store.ts';
import { checkEntity } from './validation.ts';

function rowOf(entity: ReturnType<typeof checkEntity>) {
  return entityRows({ entities: [entity] })[0]!;
}

export async function createEntity(db: Database, by: string, input: Record<string, unknown>): Promise<StoredEntity> {
  const entity = checkEntity(input);
  const [taken] = await db.read('curation/entity-exists', { id: entity.id });
  if (taken?.taken) throw badInput(`An entity with id "${entity.id}" already exists (or was merged away); pick another id.`, 'id');
  return db.writeTransaction(async (run) => {
    const row = rowOf(entity);
    const [created] = await run('curation/create-entity', row);
    await appendAudit(run, auditRecords(by, [{ targetId: entity.id, targetKind: 'entity', action: 'create', before: null, after: row.props }]));
    return asEntity(created!.entity);
  });
}

export async function updateEntity(
  db: Database,
  by: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<StoredEntity> {
  const current = await liveEntity(db, id);
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (!next.name) throw badInput('An entity must keep a name.', 'name');
  const entity = checkEntity(next);
  const row = rowOf(entity);
  return db.writeTransaction(async (run) => {
    const [updated] = await run('curation/replace-entity', { id, props: row.props });
    await appendAudit(run, auditRecords(by, [{ targetId: id, targetKind: 'entity', action: 'update', before: current, after: row.props }]));
    return asEntity(updated!.entity);
  });
}

export async function mergeEntities(db: Database, by: string, survivorId: string, duplicateId: string): Promise<StoredEntity> {
  if (survivorId === duplicateId) throw badInput('survivorId and duplicateId are the same entity.', 'duplicateId');
  const survivor = await liveEntity(db, survivorId);
  const duplicate = await liveEntity(db, duplicateId);
  if (survivor.type !== duplicate.type) {
    throw badInput(`Only entities of one type can be merged: "${survivorId}" is a ${survivor.type}, "${duplicateId}" a ${duplicate.type}.`);
  }
  const at = new Date().toISOString();
  const plan = planMerge(survivor, duplicate, await claimsOf(db, survivorId), await claimsOf(db, duplicateId), { by, at });
  const entries: AuditEntry[] = [
    { targetId: survivorId, targetKind: 'entity', action: 'merge', before: survivor, after: plan.survivor, reason: `merged ${duplicateId} into it` },
    { targetId: duplicateId, targetKind: 'entity', action: 'merged-into', before: duplicate, after: { mergedInto: survivorId } },
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
  return db.writeTransaction(async (run) => {
    const old = [...plan.moved.map((m) => m.before), ...plan.combined.map((c) => c.absorbed)];
    if (old.length > 0) await run('curation/delete-claims', { rows: old.map(claimRow) });
    const rows = [...plan.moved.map((m) => claimRow(m.after)), ...plan.combined.map((c) => claimRow(c.after))];
    if (rows.length > 0) await run('exchange/merge-claims', { rows });
    await run('curation/retire-merged-entity', { id: duplicateId, survivorId, name: duplicate.name, at, by });
    const { type: _type, ...props } = plan.survivor;
    const [updated] = await run('curation/replace-entity', { id: survivorId, props: { ...props, type: survivor.type } });
    await appendAudit(run, auditRecords(by, entries, at));
    return asEntity(updated!.entity);
  });
}

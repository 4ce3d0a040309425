// Reads the curation needs before it writes: entities, claims, known ids.
import type { Database, TxRunner } from '../db/database.ts';
import type { EntityType } from '../domain/model.ts';
import { parseClaimId } from '../domain/model.ts';
import { notFound } from '../errors.ts';
import { asEntity, type StoredClaim, type StoredEntity } from '../graph/mapping.ts';

export async function knownIds(db: Database, entityIds: string[], sourceIds: string[]) {
  const [row] = await db.read('exchange/known-ids', { entityIds, sourceIds });
  return {
    entities: new Map((row?.entities as [string, EntityType][]) ?? []),
    sources: new Set((row?.sources as string[]) ?? []),
  };
}

export async function liveEntity(db: Database, id: string): Promise<StoredEntity> {
  const [row] = await db.read('entity/entity-by-id', { id });
  const entity = row ? asEntity(row.entity) : null;
  if (!entity || entity.id !== id) {
    throw notFound(entity ? `"${id}" was merged into "${entity.id}"; edit that one.` : `No entity with id "${id}".`);
  }
  return entity;
}

export async function claimById(read: Database['read'] | TxRunner, id: string): Promise<StoredClaim> {
  const parsed = parseClaimId(id);
  if (!parsed) throw notFound(`No claim with id "${id}" (claim ids look like "google--party-to--contract-nimbus").`);
  const [row] = await read('curation/claim-by-id', { id, ...parsed });
  if (!row) throw notFound(`No claim with id "${id}".`);
  return row.claim as StoredClaim;
}

export async function claimsOf(db: Database, id: string): Promise<StoredClaim[]> {
  return (await db.read('curation/claims-of-entity', { id })).map((r) => r.claim as StoredClaim);
}

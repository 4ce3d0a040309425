// What curation and imports read: known ids, one claim, the claims of an entity.
import type { Database, TxRunner } from '../db/database.ts';
import type { EntityType } from '../domain/model.ts';
import { parseClaimId } from '../domain/model.ts';
import { notFound } from '../errors.ts';
import type { StoredClaim, StoredSource } from '../graph/mapping.ts';

export async function knownIds(db: Database, entityIds: string[], sourceIds: string[]) {
  const [row] = await db.read('exchange/known-ids', { entityIds, sourceIds });
  return {
    entities: new Map((row?.entities as [string, EntityType][]) ?? []),
    sources: new Set((row?.sources as string[]) ?? []),
  };
}

export async function claimById(read: Database['read'] | TxRunner, id: string): Promise<StoredClaim> {
  const parsed = parseClaimId(id);
  if (!parsed) throw notFound(`No claim with id "${id}" (claim ids look like "google--party-to--contract-nimbus").`);
  const [row] = await read('curation/claim-by-id', { id, ...parsed });
  if (!row) throw notFound(`No claim with id "${id}".`);
  return row.claim as StoredClaim;
}

/** Every claim touching an entity, read in the caller's transaction (after it locked the entity). */
export async function claimsOf(run: TxRunner, id: string): Promise<StoredClaim[]> {
  return (await run('curation/claims-of-entity', { id })).map((r) => r.claim as StoredClaim);
}

/** Stored sources among `ids`, read in the caller's transaction. */
export async function storedSources(run: TxRunner, ids: string[]): Promise<Map<string, StoredSource>> {
  if (ids.length === 0) return new Map();
  const rows = await run('sources/sources-by-ids', { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [(r.source as StoredSource).id, r.source as StoredSource]));
}

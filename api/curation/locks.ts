// How a curation write reads what it changes: inside its own write transaction, after taking
// Neo4j's write lock on the entities involved. Writers of the same entity (or of a claim on
// it) then run one after the other, each seeing what the one before committed. Every claim
// write locks both ends, and a merge locks both entities, so a merge and any write to a claim
// of either entity queue as well. Locks are taken in id order so two writers do not wait on
// each other in a circle; a deadlock Neo4j still finds is transient, and executeWrite reruns
// the whole work function, which therefore only reads and writes through its transaction.
import type { TxRunner } from '../db/database.ts';
import { claimId, parseClaimId, type EntityType } from '../domain/model.ts';
import { conflict, notFound } from '../errors.ts';
import { asEntity, type StoredClaim, type StoredEntity } from '../graph/mapping.ts';

/** An entity as found under its lock: live, merged away into a survivor, or never there. */
export type LockedEntity = { entity: StoredEntity } | { mergedInto: string } | { missing: true };

/** Locks each entity (in id order) and reads it under the lock. */
export async function lockEntities(run: TxRunner, ids: string[]): Promise<Map<string, LockedEntity>> {
  const locked = new Map<string, LockedEntity>();
  for (const id of [...new Set(ids)].sort()) {
    const [row] = await run('curation/lock-entity', { id });
    const entity = row?.entity as StoredEntity | null | undefined;
    if (entity?.id) {
      locked.set(id, { entity: asEntity(entity) });
      continue;
    }
    const [marker] = await run('curation/merged-into', { id });
    locked.set(id, marker ? { mergedInto: marker.mergedInto as string } : { missing: true });
  }
  return locked;
}

/** The live entity, else NOT_FOUND, or CONFLICT naming the survivor and what to do there. */
export function liveEntity(locked: Map<string, LockedEntity>, id: string, instead: (survivor: string) => string): StoredEntity {
  const found = locked.get(id);
  if (found && 'entity' in found) return found.entity;
  if (found && 'mergedInto' in found) throw mergedAway(id, found.mergedInto, instead(found.mergedInto));
  throw notFound(`No entity with id "${id}".`);
}

export function mergedAway(id: string, survivor: string, instead: string) {
  return conflict(`"${id}" was merged into "${survivor}"; ${instead}`);
}

/** Entity types of the live ones, as claim validation wants them. */
export function liveTypes(locked: Map<string, LockedEntity>): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const [id, found] of locked) if ('entity' in found) types.set(id, found.entity.type as EntityType);
  return types;
}

export interface LockedClaim {
  claim: StoredClaim;
  ends: Map<string, LockedEntity>;
}

/** Locks both ends of a claim and reads it; a claim a merge has moved is a CONFLICT naming its new id. */
export async function lockClaim(run: TxRunner, id: string): Promise<LockedClaim> {
  const parsed = parseClaimId(id);
  if (!parsed) throw notFound(`No claim with id "${id}" (claim ids look like "google--party-to--contract-nimbus").`);
  const ends = await lockEntities(run, [parsed.from, parsed.to]);
  const home = (end: string) => {
    const found = ends.get(end)!;
    return 'mergedInto' in found ? found.mergedInto : end;
  };
  for (const end of [parsed.from, parsed.to]) {
    const found = ends.get(end)!;
    if (!('mergedInto' in found)) continue;
    const [from, to] = [home(parsed.from), home(parsed.to)];
    const now = from === to ? 'it was dropped (it joined the two merged entities)' : `it is now "${claimId(from, parsed.type, to)}"`;
    throw conflict(`Claim "${id}" went with a merge: "${end}" was merged into "${found.mergedInto}", so ${now}; history("${id}") shows it.`);
  }
  const [row] = await run('curation/claim-by-id', { id, ...parsed });
  if (!row) throw notFound(`No claim with id "${id}".`);
  return { claim: row.claim as StoredClaim, ends };
}

/** A claim as the write query returned it, with the type and ends its id names. */
export function storedClaim(row: Record<string, unknown> | undefined, claim: Pick<StoredClaim, 'type' | 'from' | 'to'>): StoredClaim {
  return { ...(row?.claim as StoredClaim), type: claim.type, from: claim.from, to: claim.to };
}

// Plans the merge of a duplicate entity into its survivor, without touching the database:
// which claims move, which combine with a claim the survivor already has, which are dropped
// (those between the two), and the survivor's new aliases. Pure, so each rule is tested alone.
import { claimId, type RelationType } from '../domain/model.ts';
import type { StoredClaim, StoredEntity } from '../graph/mapping.ts';

export interface MergePlan {
  survivor: StoredEntity;
  /** Claims of the duplicate, rewritten to the survivor. */
  moved: { before: StoredClaim; after: StoredClaim }[];
  /** Survivor claims that absorb a duplicate's claim of the same type and other end. */
  combined: { absorbed: StoredClaim; before: StoredClaim; after: StoredClaim }[];
  /** Claims between the two, meaningless once they are one entity. */
  dropped: StoredClaim[];
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function planMerge(
  survivor: StoredEntity,
  duplicate: StoredEntity,
  survivorClaims: StoredClaim[],
  duplicateClaims: StoredClaim[],
  stamp: { by: string; at: string },
): MergePlan {
  const aliases = union(survivor.aliases ?? [], [duplicate.name, ...(duplicate.aliases ?? [])]).filter(
    (a) => a !== survivor.name,
  );
  const plan: MergePlan = { survivor: { ...survivor, aliases }, moved: [], combined: [], dropped: [] };
  const existing = new Map(survivorClaims.map((c) => [c.id, c]));
  const ends = new Set([survivor.id, duplicate.id]);
  for (const claim of duplicateClaims) {
    if (ends.has(claim.from) && ends.has(claim.to)) {
      plan.dropped.push(claim);
      continue;
    }
    const from = claim.from === duplicate.id ? survivor.id : claim.from;
    const to = claim.to === duplicate.id ? survivor.id : claim.to;
    const id = claimId(from, claim.type as RelationType, to);
    const twin = existing.get(id);
    if (twin) {
      const note = [twin.note, `Combined with ${claim.id} in a merge: ${claim.summary}`].filter(Boolean).join(' | ');
      const after = { ...twin, sourceIds: union(twin.sourceIds, claim.sourceIds), note, updatedBy: stamp.by, updatedAt: stamp.at };
      plan.combined.push({ absorbed: claim, before: twin, after });
      existing.set(id, after);
    } else {
      plan.moved.push({ before: claim, after: { ...claim, id, from, to, updatedBy: stamp.by, updatedAt: stamp.at } });
    }
  }
  return plan;
}

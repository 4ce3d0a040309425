// An entity's own claims as sentences a reader can check against the sources: "Google
// operates Project Nimbus cloud services", always from the claim's `from` to its `to`, grouped
// by relation. Claims between the entity's neighbours are not its own and are left out.
import { RELATION_TYPES, RELATION_TYPE_NAMES, type RelationType } from '../../api/domain/model.ts';

export interface SentenceClaim {
  id: string;
  type: string;
  from: string;
  to: string;
}

export interface ClaimSentence {
  from: { id: string; name: string };
  verb: string;
  to: { id: string; name: string };
}

export interface RelationGroup<C extends SentenceClaim> {
  type: RelationType;
  /** The relation in words, for a heading: "Operates", "Is a party to". */
  heading: string;
  claims: C[];
}

export function relationVerb(type: string): string {
  return type in RELATION_TYPES ? RELATION_TYPES[type as RelationType].verb : type.toLowerCase().replace(/_/g, ' ');
}

export function claimSentence(claim: SentenceClaim, names: ReadonlyMap<string, string>): ClaimSentence {
  const end = (id: string) => ({ id, name: names.get(id) ?? id });
  return { from: end(claim.from), verb: relationVerb(claim.type), to: end(claim.to) };
}

/** The claims that start or end at the entity, by relation in the model's order; the rest are counted. */
export function ownClaimsByRelation<C extends SentenceClaim>(entityId: string, claims: readonly C[]): { groups: RelationGroup<C>[]; others: number } {
  const own = claims.filter((c) => c.from === entityId || c.to === entityId);
  const groups = RELATION_TYPE_NAMES.map((type) => {
    const verb = RELATION_TYPES[type].verb;
    return { type, heading: verb[0]!.toUpperCase() + verb.slice(1), claims: own.filter((c) => c.type === type) };
  }).filter((g) => g.claims.length > 0);
  return { groups, others: claims.length - own.length };
}

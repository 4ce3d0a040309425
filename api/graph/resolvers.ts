// Resolvers for the domain types themselves: the Entity interface, claim statuses, and the
// sources of a claim when a query did not resolve them already.
import type { ApiContext } from '../context.ts';
import { contestedBecause } from '../domain/contested.ts';
import { evidenceOf } from '../domain/evidence.ts';
import { CLAIM_STATUSES, ENTITY_TYPES, ENTITY_TYPE_NAMES, type FieldSpec } from '../domain/model.ts';
import { RESPONSE_KINDS, responsesOf, type CompanyResponse } from '../domain/responses.ts';
import { isUndated } from '../domain/undated.ts';
import { statusToEnum } from '../schema/entitySdl.ts';
import { sourcesByIds } from '../sources/resolvers.ts';
import type { StoredClaim, StoredEntity, StoredSource } from './mapping.ts';

/** A type's own list fields (topics) read as an empty list on entities stored without them, as GraphQL lists are non-null. */
const listFieldResolvers = Object.fromEntries(
  ENTITY_TYPE_NAMES.flatMap((type) => {
    const lists = Object.entries(ENTITY_TYPES[type].fields as Record<string, FieldSpec>).filter(([, spec]) => spec.kind === 'stringList');
    if (lists.length === 0) return [];
    return [[type, Object.fromEntries(lists.map(([field]) => [field, (entity: StoredEntity) => (entity[field] as string[] | undefined) ?? []]))]];
  }),
);

export const graphResolvers = {
  ...listFieldResolvers,
  Entity: {
    __resolveType: (entity: StoredEntity) => entity.type,
  },
  Claim: {
    contested: (claim: StoredClaim) => contestedBecause(claim) !== null,
    contestedBecause: (claim: StoredClaim) => contestedBecause(claim),
    undated: (claim: StoredClaim) => isUndated(claim),
    evidence: (claim: StoredClaim) => evidenceOf(claim),
    // A response usually cites the claim's own sources: those already resolved are handed on.
    responses: (claim: StoredClaim & { sources?: StoredSource[] }) => responsesOf(claim).map((r) => ({ ...r, resolved: claim.sources })),
    async sources(claim: StoredClaim & { sources?: StoredSource[] }, _: unknown, ctx: ApiContext) {
      if (claim.sources) return claim.sources;
      const found = new Map((await sourcesByIds(ctx.db, claim.sourceIds)).map((s) => [s.id, s]));
      return claim.sourceIds.map((id) => found.get(id)).filter((s) => s !== undefined);
    },
  },
  CompanyResponse: {
    async sources(response: CompanyResponse & { resolved?: StoredSource[] }, _: unknown, ctx: ApiContext) {
      const known = new Map((response.resolved ?? []).map((s) => [s.id, s]));
      const missing = response.sourceIds.filter((id) => !known.has(id));
      const found = new Map([...known, ...(await sourcesByIds(ctx.db, missing)).map((s) => [s.id, s] as const)]);
      return response.sourceIds.map((id) => found.get(id)).filter((s) => s !== undefined);
    },
  },
  // GraphQL shows COMPANY_CONFIRMED; storage and resolvers use "company-confirmed".
  ClaimStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [statusToEnum(s), s])),
  ResponseKind: Object.fromEntries(RESPONSE_KINDS.map((k) => [statusToEnum(k), k])),
};

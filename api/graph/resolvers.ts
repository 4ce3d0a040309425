// Resolvers for the domain types themselves: the Entity interface and claim statuses.
import { CLAIM_STATUSES } from '../domain/model.ts';
import { statusToEnum } from '../schema/entitySdl.ts';
import type { StoredEntity } from './mapping.ts';

export const graphResolvers = {
  Entity: {
    __resolveType: (entity: StoredEntity) => entity.type,
  },
  // GraphQL shows COMPANY_CONFIRMED; storage and resolvers use "company-confirmed".
  ClaimStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [statusToEnum(s), s])),
};

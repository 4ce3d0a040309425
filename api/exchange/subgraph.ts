// Reads a subgraph from the database as a Dataset, the shape every export format takes.
import type { Database } from '../db/database.ts';
import { CLAIM_FIELDS, type ClaimStatus, type EntityType, type RelationType } from '../domain/model.ts';
import type { ClaimFilter } from '../filters/claimFilter.ts';
import { claimFilterParams } from '../filters/claimFilter.ts';
import type { StoredClaim, StoredEntity, StoredSource } from '../graph/mapping.ts';
import type { ClaimRecord, Dataset, EntityProps, EntityRecord, SourceRecord } from './dataset.ts';

const OPTIONAL_CLAIM_FIELDS = ['confidence', 'start', 'end', 'percentage', 'note'] as const satisfies readonly (keyof typeof CLAIM_FIELDS)[];

export function toEntityRecord(stored: StoredEntity): EntityRecord {
  const { type, ...props } = stored;
  const clean = Object.fromEntries(
    Object.entries(props).filter(([k, v]) => v !== null && v !== undefined && !(k === 'aliases' && Array.isArray(v) && v.length === 0)),
  );
  return { id: stored.id, type: type as EntityType, name: stored.name, props: clean as EntityProps };
}

export function toClaimRecord(stored: StoredClaim): ClaimRecord {
  const claim: ClaimRecord = {
    id: stored.id,
    type: stored.type as RelationType,
    from: stored.from,
    to: stored.to,
    status: stored.status as ClaimStatus,
    sourceIds: stored.sourceIds,
    summary: stored.summary,
  };
  for (const key of OPTIONAL_CLAIM_FIELDS) {
    const value = stored[key];
    if (value !== undefined && value !== null) (claim as unknown as Record<string, unknown>)[key] = value;
  }
  if (stored.evidenceSourceIds?.length) {
    claim.evidenceSourceIds = stored.evidenceSourceIds;
    claim.evidenceQuotes = stored.evidenceQuotes ?? [];
  }
  if (stored.responseKinds?.length) {
    claim.responseKinds = [...stored.responseKinds];
    claim.responseDates = [...(stored.responseDates ?? [])];
    claim.responseTexts = [...(stored.responseTexts ?? [])];
    claim.responseSourceIds = [...(stored.responseSourceIds ?? [])];
  }
  return claim;
}

function toSourceRecord(stored: StoredSource): SourceRecord {
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== null && v !== undefined)) as unknown as SourceRecord;
}

export async function readSubgraph(db: Database, selection: { ids: string[] } | { all: true }, filter: ClaimFilter): Promise<Dataset> {
  const [row] = await db.read('exchange/subgraph', {
    ids: 'ids' in selection ? selection.ids : [],
    all: 'all' in selection,
    ...claimFilterParams(filter),
  });
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    sources: ((row?.sources as StoredSource[]) ?? []).map(toSourceRecord).sort(byId),
    entities: ((row?.entities as StoredEntity[]) ?? []).map(toEntityRecord).sort(byId),
    claims: ((row?.claims as StoredClaim[]) ?? []).map(toClaimRecord).sort(byId),
  };
}

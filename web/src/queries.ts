// The GraphQL documents the explorer sends. The per-type field selections are derived from
// the domain model, so a field added there shows up in the side panel without edits here.
import { RESPONSE_FIELDS, type ResponseView } from './claimResponses.ts';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES } from '../../api/domain/model.ts';
import type { EntityType } from '../../api/domain/model.ts';

const COMMON = 'id type name aliases description country';

/** `... on Company { isin ticker ... }` for every type with fields of its own. */
const TYPED_FIELDS = ENTITY_TYPE_NAMES.map((type) => {
  const own = Object.keys(ENTITY_TYPES[type].fields);
  return own.length ? `... on ${type} { ${own.join(' ')} }` : '';
}).join(' ');

const ENTITY_FIELDS = `${COMMON} ${TYPED_FIELDS}`;
const SOURCE_FIELDS = 'id publisher title date url kind licence';
const CLAIM_FIELDS = `id type from to status confidence start end summary percentage note contested contestedBecause evidence { sourceId quote } ${RESPONSE_FIELDS} sources { ${SOURCE_FIELDS} }`;

export const SEARCH = `query Search($text: String!, $limit: Int) {
  search(text: $text, limit: $limit) { score entity { id type name country } }
}`;

export const ENTITY = `query Entity($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } }`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $limit: Int, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean) {
  neighborhood(id: $id, depth: $depth, limit: $limit, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated) {
    center { ${ENTITY_FIELDS} }
    nodes { ${ENTITY_FIELDS} }
    edges { ${CLAIM_FIELDS} }
    truncated
  }
}`;

export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  url: string;
  kind: string | null;
  /** The terms of reuse its publisher states, where stated. */
  licence?: string | null;
}

export interface EntityView {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string | null;
  country: string | null;
  [field: string]: unknown;
}

/** GraphQL's status enum value, e.g. COMPANY_CONFIRMED. */
export type StatusName = 'REPORTED' | 'ALLEGED' | 'COMPANY_CONFIRMED' | 'ADJUDICATED' | 'SANCTIONED' | 'OFFICIALLY_LISTED' | 'DENIED';

export interface ClaimView {
  id: string;
  type: string;
  from: string;
  to: string;
  status: StatusName;
  confidence: number | null;
  start: string | null;
  end: string | null;
  summary: string;
  percentage: number | null;
  note: string | null;
  /** Denied, or its sources record a response disputing it (api/domain/contested.ts). */
  contested: boolean;
  contestedBecause: string | null;
  /** The sources' words the claim was checked against, where recorded. */
  evidence: { sourceId: string; quote: string }[];
  /** The company's responses to it (api/domain/responses.ts). */
  responses: ResponseView[];
  sources: SourceView[];
}

export interface NeighborhoodView {
  center: EntityView;
  nodes: EntityView[];
  edges: ClaimView[];
  truncated: boolean;
}

export interface SearchHitView {
  score: number;
  entity: Pick<EntityView, 'id' | 'type' | 'name' | 'country'>;
}

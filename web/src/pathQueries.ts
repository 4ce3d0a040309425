// GraphQL documents and shapes of the path finder.
import { RESPONSE_FIELDS } from './claimResponses.ts';
import type { ClaimView, EntityView } from './queries.ts';

const ENTITY = 'id type name';
const CLAIM = `id type from to status confidence start end summary percentage note contested contestedBecause evidence { sourceId quote } ${RESPONSE_FIELDS} sources { id publisher title date url kind }`;
const PATH = `score contested breakdown { hopProduct hopDecay lengthFactor score explanation }
  nodes { ${ENTITY} }
  hops { from { ${ENTITY} } to { ${ENTITY} } direction strength confidence confidenceFromStatus weight contested claim { ${CLAIM} } }`;

export const COMPLICITY_PATHS = `query Paths($from: ID!, $to: PathTarget!, $maxHops: Int, $k: Int, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean) {
  complicityPaths(from: $from, to: $to, maxHops: $maxHops, k: $k, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated) {
    targetCount claimsVisited paths { ${PATH} }
  }
}`;

export const ABUSE_CATEGORIES = `{ abuseCategories }`;

export type PathEntity = Pick<EntityView, 'id' | 'type' | 'name'>;

export interface PathHopView {
  from: PathEntity;
  to: PathEntity;
  direction: 'FORWARD' | 'BACKWARD';
  strength: number;
  confidence: number;
  confidenceFromStatus: boolean;
  weight: number;
  /** The claim is denied or its sources record a response disputing it (claim.contestedBecause says which). */
  contested: boolean;
  claim: PathClaimView;
}

export type PathClaimView = ClaimView & { contested: boolean; contestedBecause: string | null };

export interface PathView {
  score: number;
  /** A hop goes through a contested claim. */
  contested: boolean;
  breakdown: { hopProduct: number; hopDecay: number; lengthFactor: number; score: number; explanation: string };
  nodes: PathEntity[];
  hops: PathHopView[];
}

export interface PathsResult {
  targetCount: number;
  claimsVisited: number;
  paths: PathView[];
}

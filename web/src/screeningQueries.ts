// GraphQL documents and shapes of portfolio screening. The result's shape is the one the
// report writers take (api/portfolio/report.ts), so the explorer's exports are the CLI's.
import { RESPONSE_FIELDS, type ResponseView } from './claimResponses.ts';
import { REPORT_FLAGS, type ReportScreening } from '../../api/portfolio/report.ts';

const ENTITY = 'id type name';
const SOURCE = 'publisher title date url';
const PATH = `score nodes { ${ENTITY} } hops { claim { id type status start end summary sources { ${SOURCE} } ${RESPONSE_FIELDS} } }`;

const PART = 'holdings shareOfFile shareOfWhole';
const SHARE = 'key name weightShare shareOfWhole holdings';
const SCREENING = `portfolio notes claimsVisited
  summary { holdings exposed needsReview weighting exposedWeightShare unscreened unscreenedWeightShare fileShareOfWhole
    parts { exposed { ${PART} } unmatched { ${PART} } toReview { ${PART} } unscreened { ${PART} } }
    byConflict { ${SHARE} } byCategory { ${SHARE} } }
  settings { maxHops asOf statuses minConfidence includeUndated weights { relations { type strength } statuses { status confidence } hopDecay } }
  holdings {
    holding { line name isin ticker lei weight value key }
    unscreened shareOfFile shareOfWhole
    match { status entity { ${ENTITY} } options { entity { ${ENTITY} } score reason } }
    exposure {
      severity level evidenceCount harmCount
      harms(limit: ${REPORT_FLAGS}) { harm { ${ENTITY} ... on Abuse { category } } score }
      bestPath { ${PATH} }
      subsidiaries { entity { ${ENTITY} } hops share }
    }
  }`;

const ARGS = '$portfolio: String!, $content: String!, $fileName: String, $decisions: [MatchDecisionInput!], $maxHops: Int, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean';
const PASS = 'portfolio: $portfolio, content: $content, fileName: $fileName, decisions: $decisions, maxHops: $maxHops, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated';

/** Streamed as server-sent events: progress, then the result. */
export const SCREEN_WITH_PROGRESS = `subscription Screen(${ARGS}) {
  screenPortfolioProgress(${PASS}) { progress { phase done total } result { ${SCREENING} } }
}`;

/**
 * A holding's listed flags with their paths, asked for when the holding is opened or the report
 * written (a screening sends only the best path of each: every flag's would be far too much).
 * The same search and scoring as the screening's, so the same paths.
 */
export const FLAG_PATHS = `query FlagPaths($id: ID!, $limit: Int, $maxHops: Int, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean) {
  exposure(entityId: $id, limit: $limit, maxHops: $maxHops, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated) { harms { harm { id } score path { ${PATH} } } }
}`;

export const DECIDE_MATCH = `mutation Decide($portfolio: String!, $holdingKey: String!, $entityId: ID, $reject: Boolean) {
  decideMatch(portfolio: $portfolio, holdingKey: $holdingKey, entityId: $entityId, reject: $reject)
}`;

export interface EntityRef {
  id: string;
  type: string;
  name: string;
}

export interface PathView {
  score: number;
  nodes: EntityRef[];
  hops: { claim: { id: string; type: string; status: string; start: string | null; end: string | null; summary: string; sources: { publisher: string; title: string; date: string | null; url: string }[]; responses: ResponseView[] } }[];
}

export interface FlagView {
  harm: EntityRef & { category?: string | null };
  score: number;
  /** Loaded when the holding is opened or the report written (FLAG_PATHS). */
  path?: PathView | null;
}

export interface HoldingView {
  holding: { line: number; name: string | null; isin: string | null; ticker: string | null; lei: string | null; weight: number | null; value: number | null; key: string };
  match: { status: MatchStatus; entity: EntityRef | null; options: { entity: EntityRef; score: number; reason: string }[] };
  exposure: {
    severity: number;
    level: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
    evidenceCount: number;
    /** All its flags; `harms` lists the strongest REPORT_FLAGS of them. */
    harmCount: number;
    harms: FlagView[];
    bestPath: PathView | null;
    subsidiaries: { entity: EntityRef; hops: number; share: number | null }[];
  } | null;
  /** Why its exposure is unknown (past the search bounds), when it is. */
  unscreened: string | null;
  /** Its share of the file's weight, and of the whole portfolio when the weight column says it. */
  shareOfFile: number;
  shareOfWhole: number | null;
}

export type MatchStatus = 'MATCHED' | 'CONFIRMED' | 'AMBIGUOUS' | 'WEAK' | 'UNMATCHED' | 'REJECTED';

export interface ScreeningView extends ReportScreening {
  notes: string[];
  claimsVisited: number;
  holdings: HoldingView[];
}

export interface ScreeningEventView {
  progress: { phase: 'MATCHING' | 'EXPOSURE'; done: number; total: number } | null;
  result: ScreeningView | null;
}

/** A person's choice for a holding: an entity, or none of the options. */
export type Choice = { entityId: string } | { reject: true };

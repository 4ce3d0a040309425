// GraphQL documents and shapes of the disengagement scenario panel.
import { RESPONSE_FIELDS } from './claimResponses.ts';
import type { PathClaimView, PathEntity, PathView } from './pathQueries.ts';
import type { ClaimView } from './queries.ts';

const ENTITY = 'id type name';
const CLAIM = `id type from to status confidence start end summary percentage note contested contestedBecause evidence { sourceId quote } ${RESPONSE_FIELDS} sources { id publisher title date url kind }`;
const PATH = `score contested breakdown { hopProduct hopDecay lengthFactor score explanation }
  nodes { ${ENTITY} }
  hops { from { ${ENTITY} } to { ${ENTITY} } direction strength confidence confidenceFromStatus weight contested claim { ${CLAIM} } }`;
const SCENARIO_PATH = `subject { ${ENTITY} } role path { ${PATH} }`;

export const RESULT = `
  summary
  company { ${ENTITY} }
  removedClaims { reason claim { ${CLAIM} } }
  simulatedClaims { reason claim { ${CLAIM} } }
  sold { ${ENTITY} } stoppedInfrastructure { ${ENTITY} }
  cutPaths { ${SCENARIO_PATH} } remainingPaths { ${SCENARIO_PATH} } createdPaths { ${SCENARIO_PATH} }
  populations { population { ${ENTITY} } size infrastructure { ${ENTITY} } claim { ${CLAIM} } }
  peopleLosingService
  substitutionRisks { kind entity { ${ENTITY} } explanation claim { ${CLAIM} } }`;

export const DISENGAGEMENT = `query Scenario($companyId: ID!, $scope: DisengagementScopeInput!, $mode: DisengagementMode!, $buyerId: ID, $buyerName: String, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean) {
  disengagement(companyId: $companyId, scope: $scope, mode: $mode, buyerId: $buyerId, buyerName: $buyerName, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated) { ${RESULT} }
}`;

export const OPTIONS = `query Options($companyId: ID!, $asOf: String) {
  disengagementOptions(companyId: $companyId, asOf: $asOf) {
    subsidiaries { ${ENTITY} } infrastructure { ${ENTITY} } contracts { ${ENTITY} } stateBodies { ${ENTITY} } countries
  }
}`;

const SAVED = `id name createdBy createdAt input { companyId mode buyerId buyerName asOf scope { all countries contracts infrastructure stateBodies } }`;
export const SAVE_SCENARIO = `mutation Save($name: String!, $input: DisengagementInput!) { saveScenario(name: $name, input: $input) { ${SAVED} } }`;
export const SCENARIOS = `query Saved($companyId: ID) { scenarios(companyId: $companyId) { ${SAVED} } }`;
export const ENTITY_NAME = `query Name($id: ID!) { entity(id: $id) { id name } }`;
export const SCENARIO = `query One($id: ID!) { scenario(id: $id) { ${SAVED} } }`;
const SIDE = `peopleLosingService substitutionRisks { kind entity { ${ENTITY} } explanation claim { ${CLAIM} } }`;
export const COMPARE = `query Compare($a: ID!, $b: ID!) { compareScenarios(a: $a, b: $b) { summary
  a { id name } b { id name } resultA { ${SIDE} } resultB { ${SIDE} }
  cutByBoth { ${SCENARIO_PATH} } cutOnlyByA { ${SCENARIO_PATH} } cutOnlyByB { ${SCENARIO_PATH} }
  createdByBoth { ${SCENARIO_PATH} } createdOnlyByA { ${SCENARIO_PATH} } createdOnlyByB { ${SCENARIO_PATH} } } }`;

export type Mode = 'SHUTDOWN' | 'SALE' | 'SUSPEND';

export interface ScopeValue {
  all: boolean;
  countries: string[];
  contracts: string[];
  infrastructure: string[];
  stateBodies: string[];
}

export interface ScenarioInput {
  companyId: string;
  mode: Mode;
  scope: ScopeValue;
  buyerId: string | null;
  buyerName: string | null;
  asOf: string | null;
}

export interface SavedScenario {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  input: ScenarioInput;
}

export interface ScenarioPathView {
  subject: PathEntity;
  role: 'COMPANY' | 'INVESTOR' | 'BUYER' | 'BUYER_OWNER';
  path: PathView;
}

export interface ClaimChange {
  reason: string;
  claim: ClaimView;
}

export interface ScenarioResult {
  summary: string;
  company: PathEntity;
  removedClaims: ClaimChange[];
  simulatedClaims: ClaimChange[];
  sold: PathEntity[];
  stoppedInfrastructure: PathEntity[];
  cutPaths: ScenarioPathView[];
  remainingPaths: ScenarioPathView[];
  createdPaths: ScenarioPathView[];
  populations: { population: PathEntity; size: number | null; infrastructure: PathEntity; claim: ClaimView }[];
  peopleLosingService: number;
  substitutionRisks: { kind: 'OTHER_PROVIDER' | 'BUYER_TIES'; entity: PathEntity; explanation: string; claim: PathClaimView | null }[];
}

export interface ScenarioOptions {
  subsidiaries: PathEntity[];
  infrastructure: PathEntity[];
  contracts: PathEntity[];
  stateBodies: PathEntity[];
  countries: string[];
}

type ComparedSide = Pick<ScenarioResult, 'peopleLosingService' | 'substitutionRisks'>;

export interface Comparison {
  summary: string;
  a: { id: string; name: string };
  b: { id: string; name: string };
  resultA: ComparedSide;
  resultB: ComparedSide;
  cutByBoth: ScenarioPathView[];
  cutOnlyByA: ScenarioPathView[];
  cutOnlyByB: ScenarioPathView[];
  createdByBoth: ScenarioPathView[];
  createdOnlyByA: ScenarioPathView[];
  createdOnlyByB: ScenarioPathView[];
}

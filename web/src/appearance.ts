// How the graph looks: one colour per entity type, one style per claim status. Both maps are
// typed by the domain model, so adding a type or status there fails the build until it has a
// look here.
import { relationWords } from '../../api/domain/words.ts';
import { CLAIM_STATUSES, type ClaimStatus, type EntityType } from '../../api/domain/model.ts';
import type { StatusName } from './queries.ts';

export const TYPE_COLORS: Record<EntityType, string> = {
  Company: '#1f77b4',
  Investor: '#17becf',
  Person: '#8c564b',
  Government: '#9467bd',
  StateBody: '#b07cc6',
  ArmedGroup: '#7f3b08',
  Infrastructure: '#2ca02c',
  Contract: '#bcbd22',
  Abuse: '#d62728',
  Conflict: '#e7298a',
  Country: '#7f7f7f',
  Population: '#ff7f0e',
};

export interface StatusStyle {
  label: string;
  color: string;
  /** Drawn dashed: the claim is contested or not established. */
  dashed: boolean;
}

export const STATUS_STYLES: Record<ClaimStatus, StatusStyle> = {
  adjudicated: { label: 'Adjudicated by a court', color: '#111111', dashed: false },
  sanctioned: { label: 'Sanctioned', color: '#5b2a86', dashed: false },
  'company-confirmed': { label: 'Confirmed by the company', color: '#333333', dashed: false },
  reported: { label: 'Reported', color: '#666666', dashed: false },
  alleged: { label: 'Alleged', color: '#c0392b', dashed: true },
  denied: { label: 'Denied', color: '#aaaaaa', dashed: true },
};

export { CLAIM_STATUSES };

/** COMPANY_CONFIRMED -> company-confirmed. */
export function statusFromName(name: StatusName): ClaimStatus {
  return name.toLowerCase().replace(/_/g, '-') as ClaimStatus;
}

/** company-confirmed -> COMPANY_CONFIRMED. */
export function statusName(status: ClaimStatus): StatusName {
  return status.toUpperCase().replace(/-/g, '_') as StatusName;
}

/** "PROVIDES_SERVICE_TO" -> "provides a service to": the domain's words for the relation. */
export const relationLabel = relationWords;

/** How a disengagement scenario marks claims: those it ends, and those a sale creates. */
export const SCENARIO_STYLES = {
  removed: { color: '#9e9e9e', dashed: true, label: 'Ended by the scenario' },
  simulated: { color: '#7b1fa2', dashed: true, label: 'Simulated by the scenario' },
} as const;

// How the graph looks: the colours, status styles and sizes are said once in
// api/domain/appearance.ts, shared with the GEXF and GraphML exports; this adds the explorer's
// own names and styles.
import { relationWords } from '../../api/domain/words.ts';
import { CLAIM_STATUSES, type ClaimStatus } from '../../api/domain/model.ts';
import type { StatusName } from './queries.ts';

export { EDGE_SIZE, NODE_SIZE, STATUS_STYLES, TYPE_COLORS, type StatusStyle } from '../../api/domain/appearance.ts';
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

// What the legend says, for the legend over the graph and for pictures: a dot per entity type,
// a line per claim status, and how a scenario marks claims, only while a scenario is drawn.
// Pure, in the model's order, so the screen and a picture always agree.
import { CLAIM_STATUSES, ENTITY_TYPE_NAMES, type ClaimStatus, type EntityType } from '../../api/domain/model.ts';
import { capitalised, entityTypeWords } from '../../api/domain/words.ts';
import { SCENARIO_STYLES, STATUS_STYLES, TYPE_COLORS } from './appearance.ts';
import { FADED } from './graphStyle.ts';

export interface LegendEntry {
  kind: 'entity' | 'claim' | 'scenario';
  /** The type or status it stands for ("StateBody", "alleged", "removed"). */
  key: string;
  label: string;
  color: string;
  dashed: boolean;
}

/** Only what is drawn; without `drawn`, every type and status (the legend over the graph). */
export interface Drawn {
  types: ReadonlySet<EntityType>;
  statuses: ReadonlySet<ClaimStatus>;
  /** Some entities are greyed by a highlight (paths, a selection, a scenario's focus). */
  faded?: boolean;
}

export function legendEntries(drawn: Drawn | null, scenarioShown: boolean): LegendEntry[] {
  const types = ENTITY_TYPE_NAMES.filter((t) => !drawn || drawn.types.has(t)).map(
    (type): LegendEntry => ({ kind: 'entity', key: type, label: capitalised(entityTypeWords(type)), color: TYPE_COLORS[type], dashed: false }),
  );
  const statuses = CLAIM_STATUSES.filter((s) => !drawn || drawn.statuses.has(s)).map(
    (status): LegendEntry => ({ kind: 'claim', key: status, label: STATUS_STYLES[status].label, color: STATUS_STYLES[status].color, dashed: STATUS_STYLES[status].dashed }),
  );
  const marks = scenarioShown
    ? Object.entries(SCENARIO_STYLES).map(([key, style]): LegendEntry => ({ kind: 'scenario', key, label: style.label, color: style.color, dashed: style.dashed }))
    : [];
  const greyed: LegendEntry[] = drawn?.faded ? [{ kind: 'entity', key: 'faded', label: 'Greyed: outside the highlight', color: FADED.pathNode, dashed: false }] : [];
  return [...types, ...greyed, ...statuses, ...marks];
}

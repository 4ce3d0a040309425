// Which claims a complicity path may walk, and in which direction. One rule per relation
// type of api/domain/model.ts (the `satisfies` below fails to compile when a type is added
// without a decision here); the concrete steps are derived from the model's endpoints.
import { RELATION_TYPES, type EntityType, type RelationType } from '../domain/model.ts';

export interface WalkRule {
  /** Walk with the claim: from its `from` entity to its `to` entity. */
  forward: boolean;
  /** Walk against the claim (from its `to` to its `from`), only onto these types of `from`. */
  backwardOnto: readonly EntityType[];
  /** Why, in a line: shown in the README and next to the weights. */
  why: string;
}

export const WALK_RULES = {
  OWNS: { forward: true, backwardOnto: [], why: 'An owner profits from and controls what it owns (owner → owned).' },
  HOLDS: { forward: true, backwardOnto: [], why: 'An investor finances the companies it holds (investor → holding).' },
  OPERATES: { forward: true, backwardOnto: [], why: 'An operator runs the system that is used (operator → system).' },
  PROVIDES_SERVICE_TO: {
    forward: true,
    backwardOnto: [],
    why: "A provider enables what its customer does with the service (provider → customer).",
  },
  PARTY_TO: {
    forward: true,
    backwardOnto: ['Government', 'StateBody'],
    why: 'A party is bound to its contract (party → contract); from a contract only on to its state party, the customer, never to a co-vendor.',
  },
  COVERS: { forward: true, backwardOnto: [], why: 'A contract delivers the systems it covers (contract → system).' },
  SUPPLIES: { forward: true, backwardOnto: [], why: 'A supplier equips the system or body it supplies (supplier → supplied).' },
  LOCATED_IN: { forward: false, backwardOnto: [], why: 'Sharing a country ties nobody to anything: never walked.' },
  PART_OF: {
    forward: true,
    backwardOnto: [],
    why: 'A part acts within the whole (unit → army, system → larger system, abuse → conflict).',
  },
  ALLEGEDLY_USED_IN: { forward: true, backwardOnto: [], why: 'The system or service used in the abuse or conflict (system → harm).' },
  ALLEGEDLY_RESPONSIBLE_FOR: { forward: true, backwardOnto: [], why: 'The actor allegedly responsible (actor → harm).' },
  LISTED_AS_INVOLVED_IN: { forward: true, backwardOnto: [], why: 'An official listing of the company as involved in the harm (company → harm).' },
  RAISES_RISK_OF: { forward: true, backwardOnto: [], why: 'A warned risk, weaker than a documented use (system → harm).' },
  LINKED_TO: { forward: true, backwardOnto: [], why: 'Alleged ties, walked only as recorded (tied party → actor).' },
  SERVES: { forward: false, backwardOnto: [], why: 'The people a system serves depend on it; they are not a route to a harm.' },
  DISENGAGED_FROM: { forward: false, backwardOnto: [], why: 'A withdrawal records a cut, not a link: never walked.' },
  SANCTIONED_BY: { forward: false, backwardOnto: [], why: 'The sanctioning body is not part of the harm: never walked.' },
} as const satisfies Record<RelationType, WalkRule>;

/** Abuses and conflicts: what paths lead to. */
export const HARM_TYPES: readonly EntityType[] = ['Abuse', 'Conflict'];
/** Never on a path at all: places are not actors. (Sources are evidence, never entities.) */
export const NEVER_VISITED: readonly EntityType[] = ['Country'];

export function isHarm(type: string): boolean {
  return (HARM_TYPES as readonly string[]).includes(type);
}

export type WalkDirection = 'forward' | 'backward';

/** One allowed step: walking a claim of `relation` from an entity of type `from` to one of type `to`. */
export interface WalkStep {
  relation: RelationType;
  direction: WalkDirection;
  from: EntityType;
  to: EntityType;
}

/** The key the expand query computes for a candidate step; see cypher/complicity/expand.cypher. */
export function stepKey(step: WalkStep): string {
  return `${step.relation}:${step.direction === 'forward' ? 'F' : 'B'}:${step.from}:${step.to}`;
}

/**
 * A harm is an end point: once on an abuse or conflict a path may only go on to a larger
 * harm (abuse → conflict it is part of), never back out to an actor, so two companies linked
 * to the same conflict are never joined through it.
 */
function stepAllowed(from: EntityType, to: EntityType): boolean {
  if (NEVER_VISITED.includes(from) || NEVER_VISITED.includes(to)) return false;
  return !isHarm(from) || isHarm(to);
}

function deriveSteps(): WalkStep[] {
  const steps: WalkStep[] = [];
  for (const relation of Object.keys(WALK_RULES) as RelationType[]) {
    const rule: WalkRule = WALK_RULES[relation];
    const spec = RELATION_TYPES[relation];
    for (const a of spec.from) {
      for (const b of spec.to) {
        if (rule.forward && stepAllowed(a, b)) steps.push({ relation, direction: 'forward', from: a, to: b });
        if (rule.backwardOnto.includes(a) && stepAllowed(b, a)) steps.push({ relation, direction: 'backward', from: b, to: a });
      }
    }
  }
  return steps;
}

export const WALK_STEPS: readonly WalkStep[] = deriveSteps();
const STEP_KEYS = new Set(WALK_STEPS.map(stepKey));

export function isWalkable(step: WalkStep): boolean {
  return STEP_KEYS.has(stepKey(step));
}

/** The relation types some step walks: the only ones a request may weigh. */
export const WALKED_RELATIONS: readonly RelationType[] = [...new Set(WALK_STEPS.map((s) => s.relation))];

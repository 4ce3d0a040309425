// Checks curation inputs with the same rules as file imports, so an entity or claim is
// valid in exactly one sense wherever it comes from.
import type { EntityType } from '../domain/model.ts';
import { badInput } from '../errors.ts';
import {
  validateDataset,
  type ClaimRecord,
  type EntityRecord,
  type SourceRecord,
  type ValidationProblem,
} from '../exchange/dataset.ts';

function reject(problems: ValidationProblem[]): never {
  throw badInput(problems.map((p) => p.reason).join('; ') + '.');
}

/** Drops keys whose value is null or undefined: GraphQL sends absent optional fields so. */
export function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}

export function checkEntity(raw: Record<string, unknown>): EntityRecord {
  const result = validateDataset({ entities: [compact(raw)] }, 'input');
  if (!result.ok) reject(result.problems);
  return result.dataset.entities[0]!;
}

export function checkSources(raw: Record<string, unknown>[]): SourceRecord[] {
  const result = validateDataset({ sources: raw.map(compact) }, 'input');
  if (!result.ok) reject(result.problems);
  return result.dataset.sources;
}

export function checkClaim(
  raw: Record<string, unknown>,
  entities: Map<string, EntityType>,
  sources: Set<string>,
): ClaimRecord {
  const result = validateDataset({ relations: [compact(raw)] }, 'input', { entities, sources });
  if (!result.ok) reject(result.problems);
  return result.dataset.claims[0]!;
}

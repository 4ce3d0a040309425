// Helpers every format shares: the entity fields of the model in a stable order, a claim's
// optional fields, and the sources a claim cites.
import { evidenceOf } from '../../domain/evidence.ts';
import { responsesOf, responseToRaw } from '../../domain/responses.ts';
import { COMMON_FIELDS, ENTITY_TYPES, ENTITY_TYPE_NAMES, entityFields, type FieldKind } from '../../domain/model.ts';
import type { ClaimRecord, Dataset, EntityRecord, SourceRecord } from '../dataset.ts';

/**
 * Every entity field except id and name, across all types, in model order (common fields
 * first). A field name means the same kind of value in every type that has it.
 */
export const ENTITY_FIELD_NAMES: readonly string[] = (() => {
  const names = new Set<string>(Object.keys(COMMON_FIELDS));
  for (const type of ENTITY_TYPE_NAMES) for (const name of Object.keys(ENTITY_TYPES[type].fields)) names.add(name);
  names.delete('id');
  names.delete('name');
  return [...names];
})();

/** The kind of every entity field, by name (see ENTITY_FIELD_NAMES). */
export const ENTITY_FIELD_KINDS: Readonly<Record<string, FieldKind>> = (() => {
  const kinds: Record<string, FieldKind> = {};
  for (const type of ENTITY_TYPE_NAMES) {
    for (const [name, spec] of Object.entries(entityFields(type))) {
      const known = kinds[name];
      if (known && known !== spec.kind) throw new Error(`field "${name}" is a ${known} in one type and a ${spec.kind} in another`);
      kinds[name] = spec.kind;
    }
  }
  return kinds;
})();

export const OPTIONAL_CLAIM_FIELDS = ['confidence', 'start', 'end', 'percentage', 'note'] as const;

/** The entity's field values (id and name excluded), in model order, absent ones left out. */
export function entityValues(entity: EntityRecord): [string, string | number | string[]][] {
  const fields = entityFields(entity.type);
  const values: [string, string | number | string[]][] = [];
  for (const name of Object.keys(fields)) {
    if (name === 'id' || name === 'name') continue;
    const value = entity.props[name];
    if (value !== undefined && value !== null) values.push([name, value]);
  }
  return values;
}

export function sourcesById(ds: Pick<Dataset, 'sources'>): Map<string, SourceRecord> {
  return new Map(ds.sources.map((s) => [s.id, s]));
}

/** The cited sources of a claim, in citation order; ids the dataset lacks are skipped. */
export function citedSources(claim: ClaimRecord, sources: Map<string, SourceRecord>): SourceRecord[] {
  return claim.sourceIds.flatMap((id) => {
    const s = sources.get(id);
    return s ? [s] : [];
  });
}

/** The claim as a relation of the project's JSON import shape. */
export function claimToRaw(claim: ClaimRecord): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    from: claim.from,
    type: claim.type,
    to: claim.to,
    status: claim.status,
    summary: claim.summary,
    sources: [...claim.sourceIds],
  };
  for (const key of OPTIONAL_CLAIM_FIELDS) if (claim[key] !== undefined) raw[key] = claim[key];
  const evidence = evidenceOf(claim);
  if (evidence.length) raw.evidence = evidence.map((e) => ({ source: e.sourceId, quote: e.quote }));
  const responses = responsesOf(claim);
  if (responses.length) raw.responses = responses.map(responseToRaw);
  return raw;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "3 entities" / "1 entity". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "line 4" or "lines 4, 9, 12" (at most `max` listed). */
export function lineList(lines: number[], max = 20): string {
  const shown = lines.slice(0, max).join(', ');
  const more = lines.length > max ? ` and ${lines.length - max} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}

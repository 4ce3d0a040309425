// The project's own data format (seed/seed-facts.json and JSON imports) and its validation.
// Validation is pure and complete: it reports every problem with the file, the item and the
// reason, so a loader can refuse to write anything unless the whole file is sound.
import {
  CLAIM_FIELDS,
  ENTITY_TYPE_NAMES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  CLAIM_STATUSES,
  SOURCE_FIELDS,
  claimId,
  entityFields,
  isClaimStatus,
  isEntityType,
  isRelationType,
  isValidId,
  ID_RULE,
  relationAllows,
  type ClaimStatus,
  type EntityType,
  type FieldSpec,
  type RelationType,
} from '../domain/model.ts';
import { evidenceLists, evidenceProblems } from '../domain/evidence.ts';
import { MAX_RESPONSES_PER_CLAIM, responseLists, responseProblems, toResponse, type CompanyResponse } from '../domain/responses.ts';
import { fieldProblem, isPartialDate } from '../domain/fieldRules.ts';

// Where dates are checked outside a dataset too (filters, CLIs).
export { isPartialDate };

export interface SourceRecord {
  id: string;
  publisher: string;
  title: string;
  url: string;
  date?: string;
  kind?: string;
  /** The terms of reuse its publisher states; absent when none is stated. */
  licence?: string;
}

export type EntityProps = Record<string, string | number | string[]>;

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  props: EntityProps;
}

export interface ClaimRecord {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  status: ClaimStatus;
  sourceIds: string[];
  summary: string;
  confidence?: number;
  start?: string;
  end?: string;
  percentage?: number;
  note?: string;
  /** The quotes the claim was checked against, aligned: evidenceQuotes[i] quotes evidenceSourceIds[i]. */
  evidenceSourceIds?: string[];
  evidenceQuotes?: string[];
  /** The company's responses, aligned lists (api/domain/responses.ts). */
  responseKinds?: string[];
  responseDates?: string[];
  responseTexts?: string[];
  responseSourceIds?: string[];
}

export interface Dataset {
  checkedOn?: string;
  sources: SourceRecord[];
  entities: EntityRecord[];
  claims: ClaimRecord[];
}

export interface ValidationProblem {
  file: string;
  /** Where in the file: e.g. "relations[3] (google PARTY_TO contract-nimbus)". */
  item: string;
  reason: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: ValidationProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  readonly problems: ValidationProblem[] = [];
  constructor(private readonly file: string) {}
  add(item: string, reason: string): void {
    this.problems.push({ file: this.file, item, reason });
  }
}

function validateSources(raw: unknown[], out: Collector): SourceRecord[] {
  const seen = new Set<string>();
  const sources: SourceRecord[] = [];
  raw.forEach((value, i) => {
    const where = `sources[${i}]${isRecord(value) && typeof value.id === 'string' ? ` (${value.id})` : ''}`;
    if (!isRecord(value)) return out.add(where, 'must be an object');
    let sound = true;
    for (const required of ['id', 'publisher', 'title', 'url']) {
      if (typeof value[required] !== 'string' || (value[required] as string).trim() === '') {
        out.add(where, `missing required "${required}"`);
        sound = false;
      }
    }
    for (const [key, v] of Object.entries(value)) {
      const spec = (SOURCE_FIELDS as Record<string, FieldSpec>)[key];
      if (!spec) {
        out.add(where, `unknown field "${key}"; allowed: ${Object.keys(SOURCE_FIELDS).join(', ')}`);
        sound = false;
        continue;
      }
      const problem = v === null ? null : fieldProblem(key, spec, v);
      if (problem) {
        out.add(where, problem);
        sound = false;
      }
    }
    const id = value.id as string;
    if (typeof id === 'string' && !isValidId(id)) {
      out.add(where, `id "${id}" must be ${ID_RULE}`);
      sound = false;
    }
    if (seen.has(id)) {
      out.add(where, `duplicate source id "${id}"`);
      sound = false;
    }
    seen.add(id);
    // A null field (e.g. "date": null for a page without a date) is a field not given.
    if (sound) sources.push(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as unknown as SourceRecord);
  });
  return sources;
}

function validateEntities(raw: unknown[], out: Collector): EntityRecord[] {
  const seen = new Set<string>();
  const entities: EntityRecord[] = [];
  raw.forEach((value, i) => {
    const where = `entities[${i}]${isRecord(value) && typeof value.id === 'string' ? ` (${value.id})` : ''}`;
    if (!isRecord(value)) return out.add(where, 'must be an object');
    const { type, ...rest } = value;
    if (typeof type !== 'string' || !isEntityType(type)) {
      return out.add(where, `unknown entity type ${JSON.stringify(type)}; allowed: ${ENTITY_TYPE_NAMES.join(', ')}`);
    }
    let sound = true;
    const fields = entityFields(type);
    for (const required of ['id', 'name']) {
      if (typeof rest[required] !== 'string' || (rest[required] as string).trim() === '') {
        out.add(where, `missing required "${required}"`);
        sound = false;
      }
    }
    const props: EntityProps = {};
    for (const [key, v] of Object.entries(rest)) {
      const spec = fields[key];
      if (!spec) {
        out.add(where, `unknown field "${key}" for a ${type}; allowed: ${Object.keys(fields).join(', ')}`);
        sound = false;
        continue;
      }
      if (v === null || v === undefined) continue;
      const problem = fieldProblem(key, spec, v);
      if (problem) {
        out.add(where, problem);
        sound = false;
      } else props[key] = v as string | number | string[];
    }
    const id = rest.id;
    if (typeof id === 'string' && !isValidId(id)) {
      out.add(where, `id "${id}" must be ${ID_RULE}`);
      sound = false;
    }
    if (typeof id === 'string' && seen.has(id)) {
      out.add(where, `duplicate entity id "${id}"`);
      sound = false;
    }
    if (typeof id === 'string') seen.add(id);
    if (typeof props.start === 'string' && typeof props.end === 'string' && props.end < props.start) {
      out.add(where, `end ${props.end} is before start ${props.start}`);
      sound = false;
    }
    if (sound) entities.push({ id: id as string, type, name: rest.name as string, props });
  });
  return entities;
}

// Claim ids are derived from (from, type, to), never given.
const CLAIM_INPUT_FIELDS = new Set(['from', 'to', 'type', 'sources', 'evidence', 'responses', ...Object.keys(CLAIM_FIELDS).filter((k) => k !== 'id')]);

function validateClaims(
  raw: unknown[],
  entityTypes: Map<string, EntityType>,
  sourceIds: Set<string>,
  out: Collector,
  answers: Map<number, CompanyResponse[]> = new Map(),
): ClaimRecord[] {
  const seen = new Set<string>();
  const claims: ClaimRecord[] = [];
  raw.forEach((value, i) => {
    if (!isRecord(value)) return out.add(`relations[${i}]`, 'must be an object');
    const where = `relations[${i}] (${String(value.from)} ${String(value.type)} ${String(value.to)})`;
    const problems: string[] = [];
    for (const key of Object.keys(value)) {
      if (!CLAIM_INPUT_FIELDS.has(key)) problems.push(`unknown field "${key}"; allowed: ${[...CLAIM_INPUT_FIELDS].join(', ')}`);
    }
    const { type, from, to } = value;
    if (typeof type !== 'string' || !isRelationType(type)) {
      problems.push(`unknown relationship type ${JSON.stringify(type)}; allowed: ${RELATION_TYPE_NAMES.join(', ')}`);
    }
    for (const [end, id] of [['from', from], ['to', to]] as const) {
      if (typeof id !== 'string' || id === '') problems.push(`missing required "${end}"`);
      else if (!entityTypes.has(id)) problems.push(`"${end}" points at "${id}", which is not an entity in this file or the database`);
    }
    if (typeof from === 'string' && from !== '' && from === to) problems.push('a claim cannot join an entity to itself');
    if (typeof type === 'string' && isRelationType(type) && typeof from === 'string' && typeof to === 'string') {
      const fromType = entityTypes.get(from);
      const toType = entityTypes.get(to);
      if (fromType && toType && !relationAllows(type, fromType, toType)) {
        const spec = RELATION_TYPES[type];
        problems.push(
          `${type} cannot join a ${fromType} to a ${toType}; it joins ${spec.from.join('/')} to ${spec.to.join('/')}`,
        );
      }
    }
    const cited = value.sources ?? value.sourceIds;
    if (!Array.isArray(cited) || cited.length === 0) problems.push('must cite at least one source in "sources"');
    else {
      for (const s of cited) {
        if (typeof s !== 'string' || !sourceIds.has(s)) problems.push(`cites source ${JSON.stringify(s)}, which does not exist`);
      }
    }
    if (typeof value.status !== 'string' || !isClaimStatus(value.status)) {
      problems.push(`status must be one of ${CLAIM_STATUSES.join(', ')}; got ${JSON.stringify(value.status)}`);
    }
    if (typeof value.summary !== 'string' || value.summary.trim() === '') problems.push('missing required "summary"');
    for (const key of ['confidence', 'start', 'end', 'percentage', 'note'] as const) {
      if (value[key] === undefined || value[key] === null) continue;
      const problem = fieldProblem(key, CLAIM_FIELDS[key], value[key]);
      if (problem) problems.push(problem);
    }
    if (typeof value.start === 'string' && typeof value.end === 'string' && value.end < value.start) {
      problems.push(`end ${value.end} is before start ${value.start}`);
    }
    if (value.evidence !== undefined && value.evidence !== null) {
      problems.push(...evidenceProblems(value.evidence, Array.isArray(cited) ? (cited as string[]) : []));
    }
    const responses = relationResponses(value.responses, sourceIds, problems);
    if (problems.length > 0) return problems.forEach((p) => out.add(where, p));

    const id = claimId(from as string, type as RelationType, to as string);
    if (seen.has(id)) return out.add(where, `duplicate claim "${id}" (same type between the same entities)`);
    seen.add(id);
    const claim: ClaimRecord = {
      id,
      type: type as RelationType,
      from: from as string,
      to: to as string,
      status: value.status as ClaimStatus,
      sourceIds: cited as string[],
      summary: value.summary as string,
    };
    for (const key of ['confidence', 'start', 'end', 'percentage', 'note'] as const) {
      if (value[key] !== undefined && value[key] !== null) (claim as unknown as Record<string, unknown>)[key] = value[key];
    }
    if (Array.isArray(value.evidence) && value.evidence.length > 0) Object.assign(claim, evidenceLists(value.evidence as { source: string; quote: string }[]));
    const all = [...responses, ...(answers.get(i) ?? [])];
    if (all.length > MAX_RESPONSES_PER_CLAIM) return out.add(where, `has ${all.length} responses; at most ${MAX_RESPONSES_PER_CLAIM}`);
    Object.assign(claim, responseLists(all));
    claims.push(claim);
  });
  return claims;
}

/** A relation's own `responses`, validated (problems added to the relation's). */
function relationResponses(value: unknown, sourceIds: Set<string>, problems: string[]): CompanyResponse[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push('"responses" must be a list of { "kind", "date", "text", "sources" }');
    return [];
  }
  const found = value.flatMap((r, i) => responseProblems(r, `responses[${i}]`, (id) => sourceIds.has(id)));
  if (found.length > 0) {
    problems.push(...found);
    return [];
  }
  return value.map((r) => toResponse(r as Record<string, unknown>));
}

/** The claim id a raw relation will get, when its ends and type are usable. */
function rawClaimId(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const { from, type, to } = value;
  return typeof from === 'string' && typeof to === 'string' && typeof type === 'string' && isRelationType(type) ? claimId(from, type, to) : null;
}

/**
 * The file's top-level `responses`, each naming the claim it answers (`claim`: its id), by
 * the index of that claim's relation in the file. A response is imported with the claim it
 * answers, so one naming no relation of the file is a problem.
 */
function fileResponses(raw: unknown[], relations: unknown[], sourceIds: Set<string>, out: Collector): Map<number, CompanyResponse[]> {
  const indexOf = new Map<string, number>();
  relations.forEach((r, i) => {
    const id = rawClaimId(r);
    if (id && !indexOf.has(id)) indexOf.set(id, i);
  });
  const answers = new Map<number, CompanyResponse[]>();
  raw.forEach((value, i) => {
    const claim = isRecord(value) ? value.claim : undefined;
    const where = `responses[${i}]${typeof claim === 'string' ? ` (${claim})` : ''}`;
    if (!isRecord(value)) return out.add(where, 'must be an object with "claim", "kind", "date", "sources" and optionally "text"');
    const problems = responseProblems(value, 'the response', (id) => sourceIds.has(id), true);
    if (typeof claim !== 'string' || claim === '') problems.push('must name the claim it answers in "claim" (the claim id, e.g. "acme--supplies--ruritania-army")');
    else if (!indexOf.has(claim)) problems.push(`answers claim "${claim}", which is no relation of this file; a response is imported with the claim it answers`);
    if (problems.length > 0) return problems.forEach((p) => out.add(where, p));
    const index = indexOf.get(claim as string)!;
    answers.set(index, [...(answers.get(index) ?? []), toResponse(value)]);
  });
  return answers;
}

export interface KnownIds {
  /** Entities already in the database, by id, that relations in the file may point at. */
  entities?: Map<string, EntityType>;
  sources?: Set<string>;
}

/** Validates a parsed dataset file. Entities and sources already stored may be referenced. */
export function validateDataset(data: unknown, file: string, known: KnownIds = {}): ValidationResult {
  const out = new Collector(file);
  if (!isRecord(data)) {
    out.add('(top level)', 'must be a JSON object with "sources", "entities" and "relations" lists');
    return { ok: false, problems: out.problems };
  }
  const allowedTop = new Set(['about', 'checkedOn', 'sources', 'entities', 'relations', 'responses', 'notConfirmed']);
  for (const key of Object.keys(data)) {
    if (!allowedTop.has(key)) out.add('(top level)', `unknown key "${key}"; allowed: ${[...allowedTop].join(', ')}`);
  }
  const list = (key: string): unknown[] => {
    const value = data[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      out.add('(top level)', `"${key}" must be a list`);
      return [];
    }
    return value;
  };
  const rawSources = list('sources');
  const rawEntities = list('entities');
  const rawRelations = list('relations');
  if (data.checkedOn !== undefined && (typeof data.checkedOn !== 'string' || !isPartialDate(data.checkedOn))) {
    out.add('(top level)', '"checkedOn" must be a date as YYYY-MM-DD');
  }

  const sources = validateSources(rawSources, out);
  const entities = validateEntities(rawEntities, out);
  const entityTypes = new Map(known.entities ?? []);
  for (const e of entities) entityTypes.set(e.id, e.type);
  const sourceIds = new Set([...(known.sources ?? []), ...sources.map((s) => s.id)]);
  const answers = fileResponses(list('responses'), rawRelations, sourceIds, out);
  const claims = validateClaims(rawRelations, entityTypes, sourceIds, out, answers);

  if (out.problems.length > 0) return { ok: false, problems: out.problems };
  return {
    ok: true,
    dataset: { checkedOn: data.checkedOn as string | undefined, sources, entities, claims },
  };
}

export function formatProblems(problems: ValidationProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.item}: ${p.reason}`).join('\n');
}

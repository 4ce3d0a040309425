// The attributes GraphML and GEXF carry, one flat text per value: every node has its type,
// name and every field of the model; every edge its relation type, status, the claim's
// fields, its effective confidence, the cited sources as a JSON string and their addresses
// for reading. Lists use the cell list codec ("a; b", or a JSON array when that would be
// ambiguous). A field named like a drawing attribute (Population's `size`) is written as
// `entitySize`, as in the graphology export, so Gephi does not take it for the node's size.
import { CLAIM_FIELDS, type FieldKind } from '../../domain/model.ts';
import { responsesOf, responseToRaw } from '../../domain/responses.ts';
import { effectiveConfidence } from '../../domain/trust.ts';
import type { ClaimRecord, EntityRecord, SourceRecord } from '../dataset.ts';
import { ENTITY_FIELD_KINDS, ENTITY_FIELD_NAMES, OPTIONAL_CLAIM_FIELDS, citedSources, entityValues } from './common.ts';
import { encodeList, numberCell } from './cells.ts';
import { fieldAttribute } from './graphologyJson.ts';

export interface GraphAttribute {
  /** Unique among the attributes of its kind (node or edge). */
  name: string;
  kind: FieldKind;
}

export const NODE_ATTRIBUTES: readonly GraphAttribute[] = [
  { name: 'type', kind: 'string' },
  { name: 'name', kind: 'string' },
  ...ENTITY_FIELD_NAMES.map((name) => ({ name: fieldAttribute(name), kind: ENTITY_FIELD_KINDS[name]! })),
];

export const EDGE_ATTRIBUTES: readonly GraphAttribute[] = [
  // "relation", not "type": Gephi and NetworkX readers give an edge's "type" other meanings.
  { name: 'relation', kind: 'string' },
  { name: 'status', kind: 'string' },
  { name: 'summary', kind: 'string' },
  ...OPTIONAL_CLAIM_FIELDS.flatMap((name) => {
    const field = { name, kind: CLAIM_FIELDS[name].kind };
    // The confidence a curator assessed, then the one every view uses (the status default without it).
    return name === 'confidence' ? [field, { name: 'effectiveConfidence', kind: 'float' as const }] : [field];
  }),
  { name: 'sourceIds', kind: 'stringList' },
  /** The cited sources as a JSON list of {id, publisher, title, date, url, kind}. */
  { name: 'sources', kind: 'string' },
  /** Their addresses, separated by spaces (an address has none). */
  { name: 'sourceUrls', kind: 'string' },
  /** The company's responses as a JSON list of {kind, date, text, sources}; absent when none. */
  { name: 'responses', kind: 'string' },
];

export function attributeText(value: string | number | readonly string[]): string {
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'string') return value;
  return encodeList(value);
}

/** A node's attribute values by name, absent ones left out. */
export function nodeAttributeValues(entity: EntityRecord): Map<string, string> {
  const values = new Map<string, string>([
    ['type', entity.type],
    ['name', entity.name],
  ]);
  for (const [name, value] of entityValues(entity)) values.set(fieldAttribute(name), attributeText(value));
  return values;
}

/** An edge's attribute values by name, absent ones left out. */
export function edgeAttributeValues(claim: ClaimRecord, sources: Map<string, SourceRecord>): Map<string, string> {
  const cited = citedSources(claim, sources);
  const values = new Map<string, string>([
    ['relation', claim.type],
    ['status', claim.status],
    ['summary', claim.summary],
  ]);
  for (const key of OPTIONAL_CLAIM_FIELDS) if (claim[key] !== undefined) values.set(key, attributeText(claim[key]!));
  values.set('effectiveConfidence', attributeText(effectiveConfidence(claim)));
  values.set('sourceIds', attributeText(claim.sourceIds));
  values.set('sources', JSON.stringify(cited));
  values.set('sourceUrls', cited.map((s) => s.url).join(' '));
  const responses = responsesOf(claim);
  if (responses.length) values.set('responses', JSON.stringify(responses.map(responseToRaw)));
  return values;
}

// One FollowTheMoney line at a time: a document as a source, an entity as an entity of the
// model (its type from the conflictLinks block, else from the schema; fields from the FtM
// properties of the same meaning, then the block's fields). Pure; ftmParse.ts puts them together.
import { entityFields, isEntityType } from '../../domain/model.ts';
import { parseNumberCell } from './cells.ts';
import { ENTITY_FIELD_KINDS } from './common.ts';
import { FIELD_PROPS, entityTypeForSchema } from './ftmMapping.ts';
import type { FtmRecord } from './ftmLines.ts';

/** FtM dates may carry a time; the model keeps the date. */
export function dateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The project id of an FtM id (see ftmIdResolver). */
export type IdOf = (ftmRef: string) => string;

/** A source from a document line, or null when it has no public address to cite. */
export function ftmSource(rec: FtmRecord, idOf: IdOf): Record<string, unknown> | null {
  const p = rec.properties;
  const url = p.sourceUrl?.[0];
  if (!url) return null;
  const source: Record<string, unknown> = {
    id: idOf(rec.id),
    publisher: p.publisher?.[0] ?? p.author?.[0] ?? hostOf(url),
    title: p.title?.[0] ?? p.name?.[0] ?? p.fileName?.[0] ?? `[Document at ${url}]`,
    url,
  };
  const date = dateOf(p.publishedAt?.[0] ?? p.date?.[0]);
  if (date) source.date = date;
  if (typeof rec.block.kind === 'string') source.kind = rec.block.kind;
  if (typeof rec.block.licence === 'string') source.licence = rec.block.licence;
  return source;
}

function fieldValue(field: string, values: string[]): unknown {
  const first = values[0];
  switch (ENTITY_FIELD_KINDS[field]) {
    case 'stringList':
      return values;
    case 'int':
    case 'float':
      // Not a number: kept as text, so validateDataset says which field and why.
      return first === undefined ? undefined : (parseNumberCell(first) ?? first);
    case 'date':
      return dateOf(first);
    default:
      return field === 'country' && first !== undefined && /^[a-z]{2}$/.test(first) ? first.toUpperCase() : first;
  }
}

export type FtmEntityResult =
  | { entity: Record<string, unknown>; defaultedTo: string | null; ignoredProps: string[] }
  | { leftOut: 'needs-type' | 'unmapped' };

export function ftmEntity(rec: FtmRecord, idOf: IdOf): FtmEntityResult {
  let type: string;
  let defaultedTo: string | null = null;
  if (typeof rec.block.type === 'string') type = rec.block.type;
  else {
    const choice = entityTypeForSchema(rec.schema);
    if (choice.type === null) return { leftOut: choice.candidates.length > 0 ? 'needs-type' : 'unmapped' };
    if (choice.defaulted) defaultedTo = choice.type;
    type = choice.type;
  }
  // An unknown type from the block still goes on, for validateDataset to report with the line.
  const fields: Record<string, unknown> = isEntityType(type) ? entityFields(type) : {};
  // FtM names a Contract by its title; our export writes both.
  const names = rec.properties.name ?? (rec.schema === 'Contract' ? rec.properties.title : undefined) ?? [];
  const [name, ...otherNames] = names;
  const entity: Record<string, unknown> = { id: idOf(rec.id), type, name };
  const used = new Set(['name']);
  if (rec.schema === 'Contract') used.add('title');
  // In our own export a contract's authority repeats its state parties' PARTY_TO claims.
  if (rec.schema === 'Contract' && typeof rec.block.type === 'string') used.add('authority');
  for (const m of FIELD_PROPS) {
    const values = rec.properties[m.prop];
    if (values === undefined || !(m.field in fields) || (m.schemata && !m.schemata.includes(rec.schema))) continue;
    entity[m.field] = fieldValue(m.field, values);
    used.add(m.prop);
  }
  if (otherNames.length > 0 && 'aliases' in fields) entity.aliases = [...((entity.aliases as string[]) ?? []), ...otherNames];
  const blockFields = rec.block.fields;
  if (typeof blockFields === 'object' && blockFields !== null) Object.assign(entity, blockFields);
  return { entity, defaultedTo, ignoredProps: Object.keys(rec.properties).filter((p) => !used.has(p)) };
}

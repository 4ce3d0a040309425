// FollowTheMoney JSON lines: one line per source (an Article), entity and claim (an interval
// such as Ownership, or UnknownLink), every property a list of strings. The mapping and the
// "conflictLinks" block are explained in ftmMapping.ts.
import type { ClaimRecord, Dataset, EntityRecord, SourceRecord } from '../dataset.ts';
import { citedSources, entityValues, sourcesById } from './common.ts';
import { numberCell } from './cells.ts';
import { BLOCK, LINK_SCHEMATA, SOURCE_SCHEMA, entitySchema, linkSchema, propForField, relationRole } from './ftmMapping.ts';
import type { ExportFile } from './types.ts';

type Properties = Record<string, string[]>;

interface FtmLine {
  id: string;
  schema: string;
  properties: Properties;
  [BLOCK]?: Record<string, unknown>;
}

/** The value as FtM strings, or null when FtM's property could not hold it unchanged. */
function ftmStrings(field: string, value: string | number | string[]): string[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number') return [numberCell(value)];
  // FtM writes countries as lower-case ISO codes; anything else stays in the block.
  if (field === 'country') return /^[A-Z]{2}$/.test(value) ? [value.toLowerCase()] : null;
  return [value];
}

function sourceLine(source: SourceRecord): FtmLine {
  const properties: Properties = { title: [source.title], publisher: [source.publisher], sourceUrl: [source.url] };
  if (source.date) properties.publishedAt = [source.date];
  return { id: source.id, schema: SOURCE_SCHEMA, properties, ...(source.kind ? { [BLOCK]: { kind: source.kind } } : {}) };
}

function entityLine(entity: EntityRecord): FtmLine {
  const schema = entitySchema(entity.type);
  const properties: Properties = { name: [entity.name] };
  const fields: Record<string, unknown> = {};
  for (const [field, value] of entityValues(entity)) {
    const prop = propForField(field, schema);
    const strings = prop ? ftmStrings(field, value) : null;
    if (prop && strings) properties[prop] = strings;
    else fields[field] = value;
  }
  const block: Record<string, unknown> = { type: entity.type };
  if (Object.keys(fields).length > 0) block.fields = fields;
  return { id: entity.id, schema, properties, [BLOCK]: block };
}

function claimLine(claim: ClaimRecord, entityNames: Map<string, string>, sources: Map<string, SourceRecord>): FtmLine {
  const schema = linkSchema(claim.type);
  const link = LINK_SCHEMATA[schema]!;
  const cited = citedSources(claim, sources);
  const properties: Properties = { [link.from]: [claim.from] };
  const block: Record<string, unknown> = { type: claim.type, status: claim.status };
  if (link.to) properties[link.to] = [claim.to];
  else {
    // Sanction names its authority as text; the block keeps which entity it is.
    properties.authority = [entityNames.get(claim.to) ?? claim.to];
    block.to = claim.to;
  }
  properties.status = [claim.status];
  if (link.hasRole) properties.role = [relationRole(claim.type)];
  properties.summary = [claim.summary];
  if (claim.note !== undefined) properties.description = [claim.note];
  if (claim.start !== undefined) properties.startDate = [claim.start];
  if (claim.end !== undefined) properties.endDate = [claim.end];
  if (claim.percentage !== undefined && schema === 'Ownership') properties.percentage = [numberCell(claim.percentage)];
  else if (claim.percentage !== undefined) block.percentage = claim.percentage;
  if (claim.confidence !== undefined) block.confidence = claim.confidence;
  properties.proof = [...claim.sourceIds];
  if (cited.length > 0) {
    properties.sourceUrl = cited.map((s) => s.url);
    properties.publisher = [...new Set(cited.map((s) => s.publisher))];
  }
  return { id: claim.id, schema, properties, [BLOCK]: block };
}

export function ftmExport(ds: Dataset): ExportFile[] {
  const sources = sourcesById(ds);
  const names = new Map(ds.entities.map((e) => [e.id, e.name]));
  const lines = [
    ...ds.sources.map(sourceLine),
    ...ds.entities.map(entityLine),
    ...ds.claims.map((c) => claimLine(c, names, sources)),
  ];
  return [
    {
      name: 'conflict-links.ftm.json',
      mediaType: 'application/x-ndjson',
      content: lines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    },
  ];
}

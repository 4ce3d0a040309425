// FollowTheMoney JSON lines: one line per source (an Article), entity and claim (an interval
// such as Ownership, or UnknownLink), every property a list of strings, written so that FtM's
// own model accepts every line (tests/support/ftm_check.py checks it): ids FtM can take
// (ftmIds.ts), a Contract's required `title`, each claim in a schema whose ends fit
// (claimSchema), and a state party to a contract named as the contract's `authority`. The
// mapping and the "conflictLinks" block are explained in ftmMapping.ts.
import { isAssignedCountryCode } from '../../domain/standards.ts';
import { effectiveConfidence } from '../../domain/trust.ts';
import type { ClaimRecord, Dataset, EntityRecord, SourceRecord } from '../dataset.ts';
import { citedSources, entityValues, sourcesById } from './common.ts';
import { numberCell } from './cells.ts';
import { ftmId } from './ftmIds.ts';
import { BLOCK, LINK_SCHEMATA, SOURCE_SCHEMA, STATE_TYPES, claimSchema, entitySchema, propForField, relationRole } from './ftmMapping.ts';
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
  // FtM writes countries as lower-case ISO codes and knows only assigned ones: a user-assigned
  // code (XA, of a fictional country) stays in the block.
  if (field === 'country') return isAssignedCountryCode(value) ? [value.toLowerCase()] : null;
  return [value];
}

/** The block's project id, when the FtM id had to differ from it. */
function idBlock(id: string): Record<string, unknown> {
  return ftmId(id) === id ? {} : { id };
}

function sourceLine(source: SourceRecord): FtmLine {
  const properties: Properties = { title: [source.title], publisher: [source.publisher], sourceUrl: [source.url] };
  if (source.date) properties.publishedAt = [source.date];
  const block = { ...idBlock(source.id), ...(source.kind ? { kind: source.kind } : {}), ...(source.licence ? { licence: source.licence } : {}) };
  return { id: ftmId(source.id), schema: SOURCE_SCHEMA, properties, ...(Object.keys(block).length > 0 ? { [BLOCK]: block } : {}) };
}

function entityLine(entity: EntityRecord, authorities: readonly string[]): FtmLine {
  const schema = entitySchema(entity.type);
  const properties: Properties = { name: [entity.name] };
  // FtM requires a Contract's title; the name is what the model calls it.
  if (schema === 'Contract') properties.title = [entity.name];
  if (authorities.length > 0) properties.authority = authorities.map(ftmId);
  const fields: Record<string, unknown> = {};
  for (const [field, value] of entityValues(entity)) {
    const prop = propForField(field, schema);
    const strings = prop ? ftmStrings(field, value) : null;
    if (prop && strings) properties[prop] = strings;
    else fields[field] = value;
  }
  const block: Record<string, unknown> = { ...idBlock(entity.id), type: entity.type };
  if (Object.keys(fields).length > 0) block.fields = fields;
  return { id: ftmId(entity.id), schema, properties, [BLOCK]: block };
}

function claimLine(claim: ClaimRecord, entities: Map<string, EntityRecord>, sources: Map<string, SourceRecord>): FtmLine {
  const from = entities.get(claim.from);
  const to = entities.get(claim.to);
  if (!from || !to) throw new Error(`claim "${claim.id}" joins an entity the dataset lacks`);
  const schema = claimSchema(claim.type, from.type, to.type);
  const link = LINK_SCHEMATA[schema]!;
  const cited = citedSources(claim, sources);
  const properties: Properties = { [link.from]: [ftmId(claim.from)] };
  // A claim's id is derived from its ends and type on import, so its FtM id needs no block entry.
  const block: Record<string, unknown> = { type: claim.type, status: claim.status };
  if (link.to) properties[link.to] = [ftmId(claim.to)];
  else {
    // Sanction names its authority as text; the block keeps which entity it is.
    properties.authority = [to.name];
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
  block.effectiveConfidence = effectiveConfidence(claim);
  properties.proof = claim.sourceIds.map(ftmId);
  if (cited.length > 0) {
    properties.sourceUrl = cited.map((s) => s.url);
    properties.publisher = [...new Set(cited.map((s) => s.publisher))];
  }
  return { id: ftmId(claim.id), schema, properties, [BLOCK]: block };
}

/** The states party to each contract, by contract id: FtM's Contract.authority. */
function contractAuthorities(ds: Dataset, entities: Map<string, EntityRecord>): Map<string, string[]> {
  const byContract = new Map<string, string[]>();
  for (const c of ds.claims) {
    const party = entities.get(c.from);
    if (c.type !== 'PARTY_TO' || !party || !STATE_TYPES.has(party.type)) continue;
    const list = byContract.get(c.to) ?? [];
    if (!list.includes(c.from)) list.push(c.from);
    byContract.set(c.to, list);
  }
  return byContract;
}

export function ftmExport(ds: Dataset): ExportFile[] {
  const sources = sourcesById(ds);
  const entities = new Map(ds.entities.map((e) => [e.id, e]));
  const authorities = contractAuthorities(ds, entities);
  const lines = [
    ...ds.sources.map(sourceLine),
    ...ds.entities.map((e) => entityLine(e, authorities.get(e.id) ?? [])),
    ...ds.claims.map((c) => claimLine(c, entities, sources)),
  ];
  return [
    {
      name: 'conflict-links.ftm.json',
      mediaType: 'application/x-ndjson',
      content: lines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    },
  ];
}

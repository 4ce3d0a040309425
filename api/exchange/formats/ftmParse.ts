// Reads FollowTheMoney JSON lines into the project's records (mapping in ftmMapping.ts):
// documents become sources, entities of mapped schemata entities (ftmRecords.ts), interval
// schemata such as Ownership, Directorship, ContractAward and Sanction claims (ftmClaims.ts).
// What cannot be mapped is left out and said in the notes with counts and lines, never
// silently, and so are links to what was left out. A claim cites its proof documents, else
// sources made from its sourceUrl addresses, else the default source, else it is a problem.
import { RELATION_TYPES, type EntityType } from '../../domain/model.ts';
import type { SourceRecord } from '../dataset.ts';
import { lineList, plural } from './common.ts';
import { ftmClaim } from './ftmClaims.ts';
import { DOCUMENT_SCHEMATA, LINK_SCHEMATA, TYPES_BY_SCHEMA, entityTypeForSchema, shortHash, slug } from './ftmMapping.ts';
import { ftmIdResolver } from './ftmIds.ts';
import { readFtmLines, type FtmRecord } from './ftmLines.ts';
import { ftmEntity, ftmSource, hostOf } from './ftmRecords.ts';
import { emptyResult, type Origin, type ParseResult } from './types.ts';

export interface FtmOptions {
  defaultSource?: SourceRecord;
}

/** Lines by a label, for notes like "3 Vessel (lines 4, 9, 12)". */
class Tally {
  private readonly lines = new Map<string, number[]>();
  private readonly plurals = new Map<string, string>();
  add(label: string, line: number, plural = label): void {
    const lines = this.lines.get(label);
    if (lines) lines.push(line);
    else {
      this.lines.set(label, [line]);
      this.plurals.set(label, plural);
    }
  }
  get size(): number {
    return this.lines.size;
  }
  labels(): string[] {
    return [...this.lines.keys()];
  }
  describe(): string {
    return [...this.lines]
      .map(([label, lines]) => `${lines.length} ${lines.length === 1 ? label : this.plurals.get(label)} (${lineList(lines, 10)})`)
      .join(', ');
  }
}

const AUTHORITY_TYPES = RELATION_TYPES.SANCTIONED_BY.to as readonly string[];
// A sanctioning authority named only by text is a state body, as an FtM PublicBody would be.
const AUTHORITY_TYPE = entityTypeForSchema('PublicBody').type as EntityType;

export function parseFtm(content: string, file: string, opts: FtmOptions = {}): ParseResult {
  const result = emptyResult();
  const { records, problems } = readFtmLines(content, file);
  result.problems.push(...problems);
  const idOf = ftmIdResolver(records);
  const origins: { sources: Origin[]; entities: Origin[]; relations: Origin[] } = { sources: [], entities: [], relations: [] };
  const at = (line: number): Origin => ({ file, item: `line ${line}` });
  const tallies = {
    unmapped: new Tally(),
    needsType: new Tally(),
    defaulted: new Tally(),
    noAddress: new Tally(),
    linksLeftOut: new Tally(),
    authorities: new Tally(),
    defaultStatus: new Tally(),
    madeSources: new Tally(),
    usedDefault: new Tally(),
  };
  const ignoredProps = new Map<string, number>();
  const leftOut = new Set<string>();

  // Sources first, so claims can cite them by id or by address.
  const sourceByUrl = new Map<string, string>();
  for (const rec of records.filter((r) => DOCUMENT_SCHEMATA.has(r.schema))) {
    const source = ftmSource(rec, idOf);
    if (!source) {
      tallies.noAddress.add('document', rec.line, 'documents');
      leftOut.add(idOf(rec.id));
      continue;
    }
    sourceByUrl.set(source.url as string, source.id as string);
    result.raw.sources.push(source);
    origins.sources.push(at(rec.line));
  }

  const byName = new Map<string, { id: string; type: unknown }>();
  for (const rec of records.filter((r) => !DOCUMENT_SCHEMATA.has(r.schema) && !LINK_SCHEMATA[r.schema])) {
    const read = ftmEntity(rec, idOf);
    if ('leftOut' in read) {
      (read.leftOut === 'needs-type' ? tallies.needsType : tallies.unmapped).add(rec.schema, rec.line);
      leftOut.add(idOf(rec.id));
      continue;
    }
    if (read.defaultedTo) tallies.defaulted.add(`${rec.schema} as ${read.defaultedTo}`, rec.line);
    for (const prop of read.ignoredProps) ignoredProps.set(prop, (ignoredProps.get(prop) ?? 0) + 1);
    if (typeof read.entity.name === 'string') byName.set(read.entity.name.trim().toLowerCase(), { id: read.entity.id as string, type: read.entity.type });
    result.raw.entities.push(read.entity);
    origins.entities.push(at(rec.line));
  }

  const entityIds = new Set(result.raw.entities.map((e) => (e as { id: string }).id));
  const authorityId = (name: string, line: number): string => {
    const known = byName.get(name.toLowerCase());
    if (known && AUTHORITY_TYPES.includes(known.type as string)) return known.id;
    const base = slug(name);
    const id = base && !entityIds.has(base) ? base : `${base || 'authority'}-${shortHash(name)}`;
    entityIds.add(id);
    byName.set(name.toLowerCase(), { id, type: AUTHORITY_TYPE });
    result.raw.entities.push({ id, type: AUTHORITY_TYPE, name });
    origins.entities.push(at(line));
    tallies.authorities.add('sanctioning authority', line, 'sanctioning authorities');
    return id;
  };
  const cited = (rec: FtmRecord): string[] => {
    const proof = (rec.properties.proof ?? []).map(idOf).filter((id) => !leftOut.has(id));
    if (proof.length > 0) return proof;
    const publishers = rec.properties.publisher ?? [];
    const fromUrls = (rec.properties.sourceUrl ?? []).map((url, i) => {
      const known = sourceByUrl.get(url);
      if (known) return known;
      const id = `src-${slug(hostOf(url)) || 'web'}-${shortHash(url)}`;
      const publisher = publishers[i] ?? publishers[0] ?? hostOf(url);
      result.raw.sources.push({ id, publisher, title: `[Source of a FollowTheMoney ${rec.schema} record]`, url });
      origins.sources.push(at(rec.line));
      sourceByUrl.set(url, id);
      tallies.madeSources.add('source', rec.line, 'sources');
      return id;
    });
    if (fromUrls.length > 0) return fromUrls;
    if (!opts.defaultSource) return [];
    tallies.usedDefault.add('claim', rec.line, 'claims');
    return [opts.defaultSource.id];
  };

  for (const rec of records.filter((r) => LINK_SCHEMATA[r.schema])) {
    const read = ftmClaim(rec, (name) => authorityId(name, rec.line), idOf);
    if ('problem' in read) {
      result.problems.push({ file, item: `line ${rec.line}`, reason: read.problem });
      continue;
    }
    const { relation } = read;
    if (leftOut.has(relation.from as string) || leftOut.has(relation.to as string)) {
      tallies.linksLeftOut.add('link', rec.line, 'links');
      continue;
    }
    relation.sources = cited(rec);
    if ((relation.sources as string[]).length === 0) {
      result.problems.push({
        file,
        item: `line ${rec.line}`,
        reason: `"${rec.id}" (${rec.schema}) cites no source: give it a "proof" document or a "sourceUrl", or import with a default source`,
      });
      continue;
    }
    if (read.defaultedStatus) tallies.defaultStatus.add('claim', rec.line, 'claims');
    result.raw.relations.push(relation);
    origins.relations.push(at(rec.line));
  }
  const fallback = opts.defaultSource;
  if (fallback && tallies.usedDefault.size > 0 && !result.raw.sources.some((s) => (s as { id: string }).id === fallback.id)) {
    result.raw.sources.push({ ...fallback });
    origins.sources.push({ file, item: 'the default source' });
  }
  result.origins = origins;
  result.notes.push(
    `Read ${plural(result.raw.entities.length, 'entity', 'entities')}, ${plural(result.raw.relations.length, 'claim', 'claims')} and ${plural(result.raw.sources.length, 'source', 'sources')} from ${plural(records.length, 'FollowTheMoney line', 'FollowTheMoney lines')}.`,
    ...mappingNotes(tallies, ignoredProps, fallback),
  );
  return result;
}

function mappingNotes(t: Record<string, Tally>, ignoredProps: Map<string, number>, fallback: SourceRecord | undefined): string[] {
  const choices = (labels: string[]) =>
    [...new Set(labels.map((l) => l.split(' ')[0]!))].map((schema) => `${schema}: ${(TYPES_BY_SCHEMA.get(schema) ?? []).join(', ')}`).join('; ');
  const notes: string[] = [];
  const when = (tally: Tally, note: () => string) => tally.size > 0 && notes.push(note());
  when(t.unmapped!, () => `Left out schemata the model has no type for: ${t.unmapped!.describe()}.`);
  when(t.needsType!, () => `Left out ${t.needsType!.describe()}: the schema alone does not say which type; add "conflictLinks": {"type": ...} to a line to import it (${choices(t.needsType!.labels())}).`);
  when(t.defaulted!, () => `Imported ${t.defaulted!.describe()}; add "conflictLinks": {"type": ...} to a line to choose another type (${choices(t.defaulted!.labels())}).`);
  when(t.noAddress!, () => `Left out ${t.noAddress!.describe()} without a sourceUrl: a source needs a public address.`);
  when(t.linksLeftOut!, () => `Left out ${t.linksLeftOut!.describe()} to entities that were left out.`);
  when(t.authorities!, () => `Added ${t.authorities!.describe()} as ${AUTHORITY_TYPE}, named in Sanction lines.`);
  when(t.defaultStatus!, () => `Set the status of ${t.defaultStatus!.describe()} without a project status to "reported" ("sanctioned" for a Sanction).`);
  when(t.madeSources!, () => `Made ${t.madeSources!.describe()} from sourceUrl addresses; their titles are descriptions in [brackets].`);
  when(t.usedDefault!, () => `Cited the default source "${fallback?.id}" for ${t.usedDefault!.describe()}.`);
  if (ignoredProps.size > 0) {
    notes.push(`Ignored FollowTheMoney properties the model has no field for: ${[...ignoredProps].map(([p, n]) => `${p} (${n})`).join(', ')}.`);
  }
  return notes;
}

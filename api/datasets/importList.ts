// An official list through the one import pipeline: its reader turns the file into the
// project's records, a feed that is one of many (OpenSanctions) adds to the entities stored
// under its ids (storedEntities.ts), its companies are resolved against the stored ones (api/resolution), then
// importDataset validates against the model and the database, plans and writes all of it or
// nothing (dry runs included), with the list's provenance record, merged ids and review pairs
// in the same transaction. A file the reader cannot read writes nothing. An entity the graph
// already holds keeps the fields the list does not give (storedFields.ts).
import type { Database } from '../db/database.ts';
import type { Dataset } from '../exchange/dataset.ts';
import { plural } from '../exchange/formats/common.ts';
import { locateProblems, type Origin } from '../exchange/formats/types.ts';
import { EMPTY_SUMMARY, existingRecords, importDataset, type ImportOptions, type ImportReport } from '../exchange/importDataset.ts';
import { resolveIncoming, type Resolution } from '../resolution/resolve.ts';
import { readGraphState, writeResolution } from '../resolution/store.ts';
import { readFccCoveredList } from './fccCoveredList.ts';
import { readGleifLei } from './gleifLei.ts';
import { readGleifRelationships } from './gleifRelationships.ts';
import { readOhchrSettlements } from './ohchrSettlements.ts';
import { readOpenSanctions } from './opensanctions.ts';
import { readSiiTransfers } from './siiTransfers.ts';
import { withStoredFields } from './storedFields.ts';
import { endListings, listingsToEnd, type EndedListing, type ListingsToEnd } from './endedListings.ts';
import { importRecord, recordImport } from './provenance.ts';
import { retractSuperseded, supersededClaims } from './supersededClaims.ts';
import { datasetToRaw, type DatasetReading } from './reading.ts';
import { addToStored, renamedToStored } from './storedEntities.ts';

export const OFFICIAL_LISTS = {
  'ohchr-settlements': readOhchrSettlements,
  'fcc-covered-list': readFccCoveredList,
  opensanctions: readOpenSanctions,
  'pi-surveillance-index': readSiiTransfers,
  'gleif-lei': readGleifLei,
  'gleif-relationships': readGleifRelationships,
} as const satisfies Record<string, (text: string, file: string) => DatasetReading>;

/** Lists that are one of many naming the same entity: they add to a stored entity (storedEntities.ts). */
const ADDS_TO_STORED: ReadonlySet<string> = new Set(['opensanctions']);

/** Reads before the write get the import's time bound, as importDataset's planning does. */
function planner(db: Database, opts: ImportOptions): Database {
  return opts.timeoutMs ? { ...db, read: (q, p, o) => db.read(q, p, o ?? { timeoutMs: opts.timeoutMs }) } : db;
}

async function withStored(db: Database, reading: DatasetReading, opts: ImportOptions, notes: string[]): Promise<Dataset> {
  const formerIds = reading.formerIds ?? {};
  const ids = [...new Set([...reading.dataset.entities.map((e) => e.id), ...Object.values(formerIds).flat()])];
  const existing = await existingRecords(planner(db, opts), ids, [], []);
  const dataset = renamedToStored(reading.dataset, formerIds, new Set(existing.entities.map((e) => e.id)));
  const kept = dataset.entities.flatMap((e, i) => (e.id !== reading.dataset.entities[i]!.id ? [`${reading.dataset.entities[i]!.id} as ${e.id}`] : []));
  if (kept.length > 0) {
    const which = `${kept.slice(0, 10).join(', ')}${kept.length > 10 ? ` and ${kept.length - 10} more` : ''}`;
    notes.push(`Kept the stored id of ${plural(kept.length, 'entity', 'entities')} the list now names by another id, the stored one among its former ids: ${which}.`);
  }
  return addToStored(dataset, existing.entities);
}

/**
 * Validation problems ("entities[3] (acme)") pointed at the line of the list each record came
 * from. Claims and sources keep their places through the resolution; an entity is found by
 * its id, or by the id it was folded into. One the list did not bring keeps its item.
 */
function onLines(report: ImportReport, reading: DatasetReading, read: Dataset, resolution: Resolution, file: string): ImportReport {
  const lines = reading.lines;
  if (!lines) return report;
  // locateProblems keeps the item of a record without an origin.
  const at = (line: number | undefined): Origin => (line === undefined ? (undefined as unknown as Origin) : { file, item: `line ${line}` });
  const lineOf = new Map(read.entities.map((e, i) => [e.id, lines.entities[i]]));
  for (const m of resolution.merged) if (!lineOf.has(m.into)) lineOf.set(m.into, lineOf.get(m.id));
  const origins = {
    sources: lines.sources.map(at),
    entities: resolution.dataset.entities.map((e) => at(lineOf.get(e.id))),
    relations: lines.claims.map(at),
  };
  return { ...report, problems: locateProblems(report.problems, { origins }) };
}

export type OfficialListName = keyof typeof OFFICIAL_LISTS;

export function isOfficialListName(name: string): name is OfficialListName {
  return Object.prototype.hasOwnProperty.call(OFFICIAL_LISTS, name);
}

export interface OfficialListImport {
  reading: DatasetReading;
  report: ImportReport;
  /** Null when the file could not be read. */
  resolution: Resolution | null;
}

function endedNote(claims: EndedListing[], ending: ListingsToEnd, verb: string): string {
  const shown = claims.slice(0, 20).map((c) => c.id).join(', ');
  const more = claims.length > 20 ? ` and ${claims.length - 20} more` : '';
  return `${claims.length} claim(s) of an earlier copy no longer in the list ${verb} on ${ending.end} (kept, not deleted): ${shown}${more}`;
}

function supersededNote(ids: string[], verb: string): string {
  const more = ids.length > 20 ? ` and ${ids.length - 20} more` : '';
  return `${ids.length} claim(s) an earlier reader recorded under another type ${verb} (kept for their history): ${ids.slice(0, 20).join(', ')}${more}`;
}

// A removal recorded as a disengagement is an event, not a standing listing: a newer copy that
// drops the row does not undo it, so only the other types of the list are ended.
const endsWithTheList = (type: string) => type !== 'DISENGAGED_FROM';

function resolutionNotes(resolution: Resolution): string[] {
  const merged = resolution.merged.map((m) => `"${m.name}" is stored as ${m.into} (${m.reason}); "${m.id}" resolves to it`);
  const pairs = new Set(resolution.review.map((p) => p.incomingId)).size;
  const review = resolution.review.length > 0 ? [`${resolution.review.length} possible duplicate pair(s) for ${pairs} entities sent to review (query entityPairs)`] : [];
  return [...merged, ...review];
}

/** A list that is read whole: a stored entity keeps the fields the list does not give. */
async function keepingStoredFields(db: Database, reading: DatasetReading, opts: ImportOptions): Promise<Dataset> {
  const existing = await existingRecords(planner(db, opts), reading.dataset.entities.map((e) => e.id), [], []);
  return { ...reading.dataset, entities: withStoredFields(reading.dataset.entities, existing.entities) };
}

export async function importOfficialList(
  db: Database,
  list: OfficialListName,
  text: string,
  fileName: string,
  opts: ImportOptions,
): Promise<OfficialListImport> {
  const reading = OFFICIAL_LISTS[list](text, fileName);
  const notes = [...(reading.notes ?? reading.reported.map((r) => `line ${r.line} not imported: ${r.reason}`))];
  if (reading.problems.length > 0) {
    const problems = reading.problems.map((p) => ({ file: fileName, item: `line ${p.line}`, reason: p.reason }));
    return { reading, resolution: null, report: { file: fileName, dryRun: opts.dryRun, applied: false, summary: EMPTY_SUMMARY, problems, notes } };
  }
  // A feed that is one of many joins what it says to the entity stored under its id; any other
  // list leaves a stored entity the fields it does not give.
  const dataset = ADDS_TO_STORED.has(list) ? await withStored(db, reading, opts, notes) : await keepingStoredFields(db, reading, opts);
  const resolution = resolveIncoming(dataset, await readGraphState(db));
  const ending: ListingsToEnd | null = reading.provenance.listSourceId
    ? { sourceId: reading.provenance.listSourceId, keptIds: resolution.dataset.claims.map((c) => c.id), types: [...new Set(resolution.dataset.claims.map((c) => c.type).filter(endsWithTheList))], end: new Date().toISOString().slice(0, 10), fileName }
    : null;
  const endNotes: string[] = [];
  const report = await importDataset(
    db,
    datasetToRaw(resolution.dataset),
    fileName,
    {
      ...opts,
      alsoWrite: async (run, summary, at) => {
        await opts.alsoWrite?.(run, summary, at);
        await writeResolution(run, resolution.merged, resolution.review, { by: opts.by, at, dataset: list });
        const ended = ending ? await endListings(run, ending, opts.by, at) : [];
        if (ended.length > 0) endNotes.push(endedNote(ended, ending!, 'ended'));
        const retracted = await retractSuperseded(run, reading.provenance, opts.by, at, fileName);
        if (retracted.length > 0) endNotes.push(supersededNote(retracted, 'retracted'));
        const record = importRecord(
          { provenance: reading.provenance, fileName, text, by: opts.by, merged: resolution.merged.length, sentToReview: resolution.review.length, ended: ended.length, reported: reading.reported },
          summary,
          at,
        );
        await recordImport(run, record);
      },
    },
    [...notes, ...resolutionNotes(resolution)],
  );
  if (opts.dryRun && report.problems.length === 0 && ending) {
    const toEnd = await listingsToEnd(db, ending);
    if (toEnd.length > 0) report.notes.push(endedNote(toEnd, ending, 'would end'));
    const toRetract = await supersededClaims(db, reading.provenance);
    if (toRetract.length > 0) report.notes.push(supersededNote(toRetract, 'would be retracted'));
  }
  report.notes.push(...endNotes);
  if (reading.lines) return { reading, report: onLines(report, reading, dataset, resolution, fileName), resolution };
  // The import's own problems ("relations[3] ...") name the line of the list they came from;
  // entities are not located, as resolution reorders them.
  const origins = reading.origins && { ...reading.origins, entities: [] };
  return { reading, report: { ...report, problems: locateProblems(report.problems, { origins }) }, resolution };
}

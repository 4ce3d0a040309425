// An official list through the one import pipeline: its reader turns the file into the
// project's records, its companies are resolved against the stored ones (api/resolution), then
// importDataset validates against the model and the database, plans and writes all of it or
// nothing (dry runs included), with the list's provenance record, merged ids and review pairs
// in the same transaction. A file the reader cannot read writes nothing. An entity the graph
// already holds keeps the fields the list does not give (storedFields.ts).
import type { Database } from '../db/database.ts';
import { EMPTY_SUMMARY, importDataset, type ImportOptions, type ImportReport } from '../exchange/importDataset.ts';
import { locateProblems } from '../exchange/formats/types.ts';
import type { StoredEntity } from '../graph/mapping.ts';
import { resolveIncoming, type Resolution } from '../resolution/resolve.ts';
import { readGraphState, writeResolution } from '../resolution/store.ts';
import { readFccCoveredList } from './fccCoveredList.ts';
import { readGleifLei } from './gleifLei.ts';
import { readGleifRelationships } from './gleifRelationships.ts';
import { readOhchrSettlements } from './ohchrSettlements.ts';
import { readSiiTransfers } from './siiTransfers.ts';
import { withStoredFields } from './storedFields.ts';
import { endListings, listingsToEnd, type EndedListing, type ListingsToEnd } from './endedListings.ts';
import { importRecord, recordImport } from './provenance.ts';
import { datasetToRaw, type DatasetReading } from './reading.ts';

export const OFFICIAL_LISTS = {
  'ohchr-settlements': readOhchrSettlements,
  'fcc-covered-list': readFccCoveredList,
  'pi-surveillance-index': readSiiTransfers,
  'gleif-lei': readGleifLei,
  'gleif-relationships': readGleifRelationships,
} as const satisfies Record<string, (text: string, file: string) => DatasetReading>;

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

function resolutionNotes(resolution: Resolution): string[] {
  const merged = resolution.merged.map((m) => `"${m.name}" is stored as ${m.into} (${m.reason}); "${m.id}" resolves to it`);
  const pairs = new Set(resolution.review.map((p) => p.incomingId)).size;
  const review = resolution.review.length > 0 ? [`${resolution.review.length} possible duplicate pair(s) for ${pairs} entities sent to review (query entityPairs)`] : [];
  return [...merged, ...review];
}

/** Ids per read of what is stored, as importDataset reads them. */
const READ_BATCH = 10_000;

async function storedEntities(db: Database, ids: string[]): Promise<StoredEntity[]> {
  const stored: StoredEntity[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const [row] = await db.read('exchange/existing-records', { entityIds: ids.slice(i, i + READ_BATCH), sourceIds: [], claims: [] });
    stored.push(...((row?.entities ?? []) as StoredEntity[]));
  }
  return stored;
}

export async function importOfficialList(
  db: Database,
  list: OfficialListName,
  text: string,
  fileName: string,
  opts: ImportOptions,
): Promise<OfficialListImport> {
  const reading = OFFICIAL_LISTS[list](text, fileName);
  const notes = reading.reported.map((r) => `line ${r.line} not imported: ${r.reason}`);
  if (reading.problems.length > 0) {
    const problems = reading.problems.map((p) => ({ file: fileName, item: `line ${p.line}`, reason: p.reason }));
    return { reading, resolution: null, report: { file: fileName, dryRun: opts.dryRun, applied: false, summary: EMPTY_SUMMARY, problems, notes } };
  }
  const stored = await storedEntities(db, reading.dataset.entities.map((e) => e.id));
  const dataset = { ...reading.dataset, entities: withStoredFields(reading.dataset.entities, stored) };
  const resolution = resolveIncoming(dataset, await readGraphState(db));
  const ending: ListingsToEnd | null = reading.provenance.listSourceId
    ? { sourceId: reading.provenance.listSourceId, keptIds: resolution.dataset.claims.map((c) => c.id), types: [...new Set(resolution.dataset.claims.map((c) => c.type))], end: new Date().toISOString().slice(0, 10), fileName }
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
  }
  report.notes.push(...endNotes);
  // The import's own problems ("relations[3] ...") name the line of the list they came from;
  // entities are not located, as resolution reorders them.
  const origins = reading.origins && { ...reading.origins, entities: [] };
  return { reading, report: { ...report, problems: locateProblems(report.problems, { origins }) }, resolution };
}

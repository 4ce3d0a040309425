// An official list through the one import pipeline: its reader turns the file into the
// project's records, its companies are resolved against the stored ones (api/resolution), then
// importDataset validates against the model and the database, plans and writes all of it or
// nothing (dry runs included), with the list's provenance record, merged ids and review pairs
// in the same transaction. A file the reader cannot read writes nothing.
import type { Database } from '../db/database.ts';
import { EMPTY_SUMMARY, importDataset, type ImportOptions, type ImportReport } from '../exchange/importDataset.ts';
import { resolveIncoming, type Resolution } from '../resolution/resolve.ts';
import { readGraphState, writeResolution } from '../resolution/store.ts';
import { readFccCoveredList } from './fccCoveredList.ts';
import { readOhchrSettlements } from './ohchrSettlements.ts';
import { importRecord, recordImport } from './provenance.ts';
import { datasetToRaw, type DatasetReading } from './reading.ts';

export const OFFICIAL_LISTS = {
  'ohchr-settlements': readOhchrSettlements,
  'fcc-covered-list': readFccCoveredList,
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

function resolutionNotes(resolution: Resolution): string[] {
  const merged = resolution.merged.map((m) => `"${m.name}" is stored as ${m.into} (${m.reason}); "${m.id}" resolves to it`);
  const pairs = new Set(resolution.review.map((p) => p.incomingId)).size;
  const review = resolution.review.length > 0 ? [`${resolution.review.length} possible duplicate pair(s) for ${pairs} entities sent to review (query entityPairs)`] : [];
  return [...merged, ...review];
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
  const resolution = resolveIncoming(reading.dataset, await readGraphState(db));
  const report = await importDataset(
    db,
    datasetToRaw(resolution.dataset),
    fileName,
    {
      ...opts,
      alsoWrite: async (run, summary, at) => {
        await opts.alsoWrite?.(run, summary, at);
        await writeResolution(run, resolution.merged, resolution.review, { by: opts.by, at, dataset: list });
        const record = importRecord(
          { provenance: reading.provenance, fileName, text, by: opts.by, merged: resolution.merged.length, sentToReview: resolution.review.length, reported: reading.reported },
          summary,
          at,
        );
        await recordImport(run, record);
      },
    },
    [...notes, ...resolutionNotes(resolution)],
  );
  return { reading, report, resolution };
}

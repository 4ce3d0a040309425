// An official list through the one import pipeline: its reader turns the file into the
// project's records, then importDataset validates against the model and the database, plans
// and writes all of it or nothing (dry runs included). A file the reader cannot read writes nothing.
import type { Database } from '../db/database.ts';
import { EMPTY_SUMMARY, importDataset, type ImportOptions, type ImportReport } from '../exchange/importDataset.ts';
import { readFccCoveredList } from './fccCoveredList.ts';
import { readOhchrSettlements } from './ohchrSettlements.ts';
import { datasetToRaw, type DatasetReading } from './reading.ts';

export const OFFICIAL_LISTS = {
  'ohchr-settlements': readOhchrSettlements,
  'fcc-covered-list': readFccCoveredList,
} as const satisfies Record<string, (text: string, file: string) => DatasetReading>;

export type OfficialListName = keyof typeof OFFICIAL_LISTS;

export function isOfficialListName(name: string): name is OfficialListName {
  return Object.prototype.hasOwnProperty.call(OFFICIAL_LISTS, name);
}

export async function importOfficialList(
  db: Database,
  list: OfficialListName,
  text: string,
  fileName: string,
  opts: ImportOptions,
): Promise<{ reading: DatasetReading; report: ImportReport }> {
  const reading = OFFICIAL_LISTS[list](text, fileName);
  const notes = reading.reported.map((r) => `line ${r.line} not imported: ${r.reason}`);
  if (reading.problems.length > 0) {
    const problems = reading.problems.map((p) => ({ file: fileName, item: `line ${p.line}`, reason: p.reason }));
    return { reading, report: { file: fileName, dryRun: opts.dryRun, applied: false, summary: EMPTY_SUMMARY, problems, notes } };
  }
  const report = await importDataset(db, datasetToRaw(reading.dataset), fileName, opts, notes);
  return { reading, report };
}

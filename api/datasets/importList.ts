// An official list through the one import pipeline: its reader turns the file into the
// project's records, then importDataset validates against the model and the database, plans
// and writes all of it or nothing (dry runs included). A file the reader cannot read writes nothing.
import type { Database } from '../db/database.ts';
import type { Dataset } from '../exchange/dataset.ts';
import { plural } from '../exchange/formats/common.ts';
import { locateProblems } from '../exchange/formats/types.ts';
import { EMPTY_SUMMARY, existingRecords, importDataset, type ImportOptions, type ImportReport } from '../exchange/importDataset.ts';
import { readFccCoveredList } from './fccCoveredList.ts';
import { readOhchrSettlements } from './ohchrSettlements.ts';
import { readOpenSanctions } from './opensanctions.ts';
import { datasetToRaw, type DatasetReading } from './reading.ts';
import { addToStored, renamedToStored } from './storedEntities.ts';

export const OFFICIAL_LISTS = {
  'ohchr-settlements': readOhchrSettlements,
  'fcc-covered-list': readFccCoveredList,
  opensanctions: readOpenSanctions,
} as const satisfies Record<string, (text: string, file: string) => DatasetReading>;

/** Lists that are one of many naming the same entity: they add to a stored entity (storedEntities.ts). */
const ADDS_TO_STORED: ReadonlySet<string> = new Set(['opensanctions']);

async function withStored(db: Database, reading: DatasetReading, opts: ImportOptions, notes: string[]): Promise<Dataset> {
  const planner: Database = opts.timeoutMs ? { ...db, read: (q, p, o) => db.read(q, p, o ?? { timeoutMs: opts.timeoutMs }) } : db;
  const formerIds = reading.formerIds ?? {};
  const ids = [...new Set([...reading.dataset.entities.map((e) => e.id), ...Object.values(formerIds).flat()])];
  const existing = await existingRecords(planner, ids, [], []);
  const dataset = renamedToStored(reading.dataset, formerIds, new Set(existing.entities.map((e) => e.id)));
  const kept = dataset.entities.flatMap((e, i) => (e.id !== reading.dataset.entities[i]!.id ? [`${reading.dataset.entities[i]!.id} as ${e.id}`] : []));
  if (kept.length > 0) {
    const which = `${kept.slice(0, 10).join(', ')}${kept.length > 10 ? ` and ${kept.length - 10} more` : ''}`;
    notes.push(`Kept the stored id of ${plural(kept.length, 'entity', 'entities')} the list now names by another id, the stored one among its former ids: ${which}.`);
  }
  return addToStored(dataset, existing.entities);
}

/** Validation problems ("entities[3] (acme)") pointed at the line of the list they came from. */
function onLines(report: ImportReport, reading: DatasetReading, file: string): ImportReport {
  const lines = reading.lines;
  if (!lines) return report;
  const at = (line: number) => ({ file, item: `line ${line}` });
  const origins = { sources: lines.sources.map(at), entities: lines.entities.map(at), relations: lines.claims.map(at) };
  return { ...report, problems: locateProblems(report.problems, { origins }) };
}

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
  const notes = [...(reading.notes ?? reading.reported.map((r) => `line ${r.line} not imported: ${r.reason}`))];
  if (reading.problems.length > 0) {
    const problems = reading.problems.map((p) => ({ file: fileName, item: `line ${p.line}`, reason: p.reason }));
    return { reading, report: { file: fileName, dryRun: opts.dryRun, applied: false, summary: EMPTY_SUMMARY, problems, notes } };
  }
  const dataset = ADDS_TO_STORED.has(list) ? await withStored(db, reading, opts, notes) : reading.dataset;
  const report = await importDataset(db, datasetToRaw(dataset), fileName, opts, notes);
  return { reading, report: onLines(report, reading, fileName) };
}

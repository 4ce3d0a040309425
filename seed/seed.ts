// Loads the sourced seed data (seed/seed-facts.json, copied from shared/seed so the app runs
// on its own) through the same validated, all-or-nothing import as any other file.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import type { Database } from '../api/db/database.ts';
import { formatProblems } from '../api/exchange/dataset.ts';
import { importDataset, type ImportReport } from '../api/exchange/importDataset.ts';

export const seedPath = join(projectRoot, 'seed/seed-facts.json');

export class DatasetRejected extends Error {
  override name = 'DatasetRejected';
}

export async function loadDatasetFile(db: Database, path: string, by: string): Promise<ImportReport> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatasetRejected(`${path}: not valid JSON: ${(error as Error).message}. Nothing was written.`);
  }
  const report = await importDataset(db, data, path, { by, dryRun: false });
  if (report.problems.length > 0) {
    throw new DatasetRejected(`${formatProblems(report.problems)}\n${report.problems.length} problem(s); nothing was written.`);
  }
  return report;
}

export function loadSeed(db: Database): Promise<ImportReport> {
  return loadDatasetFile(db, seedPath, `seed:${basename(seedPath)}`);
}

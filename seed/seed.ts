// Loads the sourced seed data (seed/seed-facts.json, copied from shared/seed so the app runs
// on its own). Validated whole before anything is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import type { Database } from '../api/db/database.ts';
import { formatProblems, validateDataset } from '../api/exchange/dataset.ts';
import { loadDataset, type LoadReport } from '../api/exchange/loadDataset.ts';

export const seedPath = join(projectRoot, 'seed/seed-facts.json');

export class DatasetRejected extends Error {
  override name = 'DatasetRejected';
}

export async function loadDatasetFile(db: Database, path: string, recordedBy: string): Promise<LoadReport> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatasetRejected(`${path}: not valid JSON: ${(error as Error).message}. Nothing was written.`);
  }
  const result = validateDataset(data, path);
  if (!result.ok) {
    throw new DatasetRejected(`${formatProblems(result.problems)}\n${result.problems.length} problem(s); nothing was written.`);
  }
  const recordedAt = result.dataset.checkedOn ?? '1970-01-01';
  return loadDataset(db, result.dataset, { recordedBy, recordedAt });
}

export function loadSeed(db: Database): Promise<LoadReport> {
  return loadDatasetFile(db, seedPath, 'seed:seed-facts.json');
}

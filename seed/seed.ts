// Loads the sourced seed data (seed/seed-facts.json, copied from shared/seed so the app runs
// on its own) through the same validated, all-or-nothing import as any other file.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import type { Database } from '../api/db/database.ts';
import { formatProblems } from '../api/exchange/dataset.ts';
import { importDataset, type ImportReport } from '../api/exchange/importDataset.ts';

export const seedPath = join(projectRoot, 'seed/seed-facts.json');
/** The quotes each seed claim was checked against, kept beside the facts as shared/seed ships them. */
export const evidencePath = join(projectRoot, 'seed/evidence.json');

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

interface EvidenceRow {
  relation: { from: string; type: string; to: string };
  sourceId: string;
  quote: string;
}

/** The seed's facts with each relation's quotes from evidence.json as its `evidence`; a quote for no relation is refused. */
export function seedWithEvidence(facts: unknown, evidence: unknown): unknown {
  if (!Array.isArray(evidence)) throw new DatasetRejected(`${evidencePath}: must be a JSON list. Nothing was written.`);
  const relations = (facts as { relations?: Record<string, unknown>[] }).relations ?? [];
  const byKey = new Map(relations.map((r) => [`${String(r.from)} ${String(r.type)} ${String(r.to)}`, { ...r }]));
  (evidence as EvidenceRow[]).forEach((row, i) => {
    const key = `${row?.relation?.from} ${row?.relation?.type} ${row?.relation?.to}`;
    const relation = byKey.get(key);
    if (!relation) throw new DatasetRejected(`${evidencePath}: item ${i + 1} quotes "${key}", which is no relation of the seed. Nothing was written.`);
    relation.evidence = [...((relation.evidence as unknown[]) ?? []), { source: row.sourceId, quote: row.quote }];
  });
  return { ...(facts as object), relations: [...byKey.values()] };
}

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatasetRejected(`${path}: not valid JSON: ${(error as Error).message}. Nothing was written.`);
  }
}

export async function loadSeed(db: Database): Promise<ImportReport> {
  const data = seedWithEvidence(readJson(seedPath), readJson(evidencePath));
  const report = await importDataset(db, data, seedPath, { by: `seed:${basename(seedPath)}`, dryRun: false });
  if (report.problems.length > 0) {
    throw new DatasetRejected(`${formatProblems(report.problems)}\n${report.problems.length} problem(s); nothing was written.`);
  }
  return report;
}

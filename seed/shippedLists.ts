// The official lists the project ships (seed/datasets/, copied verbatim from shared/datasets)
// and their loading at start, after the seed: each through its reader and the one
// all-or-nothing import, so a second start finds everything unchanged and writes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import type { Database } from '../api/db/database.ts';
import { formatProblems } from '../api/exchange/dataset.ts';
import type { ImportReport } from '../api/exchange/importDataset.ts';
import { importOfficialList, OFFICIAL_LISTS, type OfficialListName } from '../api/datasets/importList.ts';
import { validateDataset, type EntityRecord } from '../api/exchange/dataset.ts';
import { resolveIncoming } from '../api/resolution/resolve.ts';
import { DatasetRejected, readJson, seedPath } from './seed.ts';

export interface ShippedList {
  list: OfficialListName;
  /** Relative to the project root. */
  path: string;
}

export const SHIPPED_LISTS: readonly ShippedList[] = [
  { list: 'ohchr-settlements', path: 'seed/datasets/ohchr-settlement-database/table.csv' },
  { list: 'fcc-covered-list', path: 'seed/datasets/fcc-covered-list/table.csv' },
];

export async function loadShippedLists(db: Database, onLoaded: (list: ShippedList, report: ImportReport) => void = () => {}): Promise<void> {
  for (const shipped of SHIPPED_LISTS) {
    const text = readFileSync(join(projectRoot, shipped.path), 'utf8');
    const { report } = await importOfficialList(db, shipped.list, text, shipped.path, { by: `dataset:${shipped.list}`, dryRun: false });
    if (report.problems.length > 0) {
      throw new DatasetRejected(`${formatProblems(report.problems)}\n${report.problems.length} problem(s) in ${shipped.path}; nothing of it was written.`);
    }
    onLoaded(shipped, report);
  }
}

/**
 * The companies and investors `npm start` serves, worked out without a database: the seed's,
 * then each shipped list's after resolution against those before it, as loading resolves them.
 * For measuring matching on the default graph (scripts/eval-matching.ts, the labelled test).
 */
export function shippedCompanies(): EntityRecord[] {
  const seed = validateDataset(readJson(seedPath), seedPath);
  if (!seed.ok) throw new DatasetRejected(formatProblems(seed.problems));
  const resolvable = (e: EntityRecord) => e.type === 'Company' || e.type === 'Investor';
  const byId = new Map(seed.dataset.entities.filter(resolvable).map((e) => [e.id, e]));
  const mergedInto = new Map<string, string>();
  for (const shipped of SHIPPED_LISTS) {
    const reading = OFFICIAL_LISTS[shipped.list](readFileSync(join(projectRoot, shipped.path), 'utf8'), shipped.path);
    const { dataset, merged } = resolveIncoming(reading.dataset, { stored: [...byId.values()], mergedInto, decisions: new Map() });
    for (const m of merged) mergedInto.set(m.id, m.into);
    for (const e of dataset.entities) if (resolvable(e)) byId.set(e.id, e);
  }
  return [...byId.values()];
}

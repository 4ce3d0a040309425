// What the benchmark scripts share: loading a generated graph without outgrowing a small
// heap, and running a script's main with a clean exit code.
import type { Database } from '../api/db/database.ts';
import { importDataset } from '../api/exchange/importDataset.ts';
import type { SyntheticDataset } from '../seed/generate.ts';

/**
 * Imports through importDataset in parts (the sources, then entities and claims 20,000 at a
 * time) so that no transaction outgrows the heap of a laptop-sized Neo4j. Throws on a refusal.
 */
export async function importInParts(db: Database, data: SyntheticDataset, by: string): Promise<void> {
  const PART = 20_000;
  const parts: SyntheticDataset[] = [{ ...data, entities: [], relations: [] }];
  for (let i = 0; i < data.entities.length; i += PART) parts.push({ ...data, sources: [], entities: data.entities.slice(i, i + PART), relations: [] });
  for (let i = 0; i < data.relations.length; i += PART) parts.push({ ...data, sources: [], entities: [], relations: data.relations.slice(i, i + PART) });
  for (const part of parts) {
    const report = await importDataset(db, part, `synthetic-${data.entities.length}.json`, { by, dryRun: false });
    if (!report.applied) throw new Error(`The synthetic import was refused: ${JSON.stringify(report.problems.slice(0, 5))}`);
  }
}

/** Runs a script's main: its return value is the exit code; an error is printed in one line. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`${error.name}: ${error.message}`);
      process.exit(1);
    },
  );
}

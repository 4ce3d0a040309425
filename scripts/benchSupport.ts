// What the benchmark scripts share: a private Neo4j for the run, loading a generated graph
// without outgrowing a small heap, and running a script's main with a clean exit code.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import { openDatabase, waitUntilReady, type Database } from '../api/db/database.ts';
import { startLocalNeo4j } from '../api/db/localNeo4j.ts';
import { applySchema } from '../api/db/schema.ts';
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

export interface BenchNeo4j {
  /** Folder under .neo4j/ for the bench's private Neo4j. */
  name: string;
  port: number;
  /** Heap when NEO4J_LOCAL_HEAP is not set. */
  heap: string;
  /** Wipe its data first (false keeps an imported graph for --reuse). */
  wipe: boolean;
}

/**
 * Runs `work` against a private Neo4j started for it (schema applied), then stops it. The
 * import runs in long transactions, so the driver's timeout is long; searches bring their own.
 */
export async function withBenchNeo4j(opts: BenchNeo4j, work: (db: Database, settings: { heap: string; pageCache: string }) => Promise<number>): Promise<number> {
  const homeDir = join(projectRoot, '.neo4j', opts.name);
  if (opts.wipe) rmSync(join(homeDir, 'data'), { recursive: true, force: true });
  const heap = process.env.NEO4J_LOCAL_HEAP || opts.heap;
  const pageCache = process.env.NEO4J_LOCAL_PAGECACHE || '1g';
  const server = await startLocalNeo4j({ homeDir, boltPort: opts.port, heap, pageCache, log: (l) => console.log(`  ${l}`) });
  const db = openDatabase({ uri: server.uri, user: 'neo4j', password: '', timeoutMs: 900_000 });
  try {
    await waitUntilReady(db);
    await applySchema(db);
    return await work(db, { heap, pageCache });
  } finally {
    await db.close();
    await server.stop();
  }
}

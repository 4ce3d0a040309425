// `npm run bench:import [-- --nodes 100000 --seed 42]`: import throughput on a synthetic graph
// (seed/generate.ts). Starts its own Neo4j (.neo4j/bench, wiped first; port 7726) unless
// NEO4J_URI is set, imports the dataset through importDataset (one transaction), imports it
// again (idempotent: nothing changes), and prints entities/s, relationships/s and memory peaks.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../api/config.ts';
import { openDatabase, waitUntilReady, type Database } from '../api/db/database.ts';
import { startLocalNeo4j, type RunningNeo4j } from '../api/db/localNeo4j.ts';
import { applySchema } from '../api/db/schema.ts';
import { importDataset, type ImportReport } from '../api/exchange/importDataset.ts';
import { generateDataset } from '../seed/generate.ts';
import { runMain } from './benchSupport.ts';

const { values } = parseArgs({
  options: { nodes: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' }, port: { type: 'string', default: '7726' } },
});
const nodes = Number(values.nodes);
const seed = Number(values.seed);
const f = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => (bytes > 0 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : 'n/a');

/** Samples this process's memory; resourceUsage().maxRSS catches peaks between samples. */
function memoryPeaks() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    peak,
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak, maxRss: process.resourceUsage().maxRSS * 1024 };
    },
  };
}

/** Samples the largest transaction's heap estimate on the server (what dbms.memory.transaction.total.max caps). */
function transactionMemoryPeak(db: Database) {
  let peak = 0;
  let running = true;
  // One question at a time: a server busy committing must not collect a queue of them.
  const loop = (async () => {
    while (running) {
      try {
        const [row] = await db.read('system/transaction-memory');
        peak = Math.max(peak, Number(row?.heap ?? 0));
      } catch {
        // A sample lost while the server is busy is no loss.
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

async function openBenchDatabase(): Promise<{ db: Database; server?: RunningNeo4j; where: string }> {
  const target = loadConfig().neo4j;
  if (target.kind === 'external') {
    console.log(`Using NEO4J_URI=${target.uri}; the synthetic records are merged into that database.`);
    const db = openDatabase(target);
    await waitUntilReady(db);
    return { db, where: target.uri };
  }
  const homeDir = join(projectRoot, '.neo4j/bench');
  rmSync(join(homeDir, 'data'), { recursive: true, force: true });
  // One all-or-nothing transaction of 100,000 entities and 285,000 claims (with their audit
  // records) needs more than the 700 MB a 1 GB heap allows a transaction.
  const heap = process.env.NEO4J_LOCAL_HEAP || '4g';
  const pageCache = process.env.NEO4J_LOCAL_PAGECACHE || '512m';
  const server = await startLocalNeo4j({ homeDir, boltPort: Number(values.port), heap, pageCache, log: (l) => console.log(`  ${l}`) });
  const db = openDatabase({ uri: server.uri, user: 'neo4j', password: '' });
  await waitUntilReady(db);
  return { db, server, where: `${server.uri} (local, empty, heap ${heap}, page cache ${pageCache})` };
}

async function timedImport(db: Database, raw: unknown, label: string): Promise<{ report: ImportReport; seconds: number; checkSeconds: number }> {
  const began = performance.now();
  let writeBegan = 0;
  let lastPrint = 0;
  const report = await importDataset(db, raw, `synthetic-${nodes}.json`, {
    by: 'bench:import',
    dryRun: false,
    timeoutMs: 2 * 60 * 60_000,
    onProgress(phase, done, total) {
      writeBegan ||= performance.now();
      if (done === total || performance.now() - lastPrint > 5_000) {
        lastPrint = performance.now();
        console.log(`  ${label}: ${phase} ${f(done)}/${f(total)} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
      }
    },
  });
  const end = performance.now();
  return { report, seconds: (end - began) / 1000, checkSeconds: ((writeBegan || end) - began) / 1000 };
}

function line(label: string, run: Awaited<ReturnType<typeof timedImport>>, entities: number, relations: number): string {
  const s = run.report.summary;
  return (
    `${label}: ${run.seconds.toFixed(1)} s (validate + plan ${run.checkSeconds.toFixed(1)} s, write ${(run.seconds - run.checkSeconds).toFixed(1)} s) | ` +
    `${f(entities / run.seconds)} entities/s, ${f(relations / run.seconds)} relationships/s | ` +
    `entities ${s.entities.created} created, ${s.entities.updated} updated, ${s.entities.unchanged} unchanged; ` +
    `claims ${s.claims.created} created, ${s.claims.updated} updated, ${s.claims.unchanged} unchanged`
  );
}

async function main(): Promise<number> {
  console.log(`Generating ${f(nodes)} synthetic nodes (seed ${seed})...`);
  const generatedAt = performance.now();
  const dataset = generateDataset({ nodes, seed });
  const entities = dataset.entities.length;
  const relations = dataset.relations.length;
  console.log(
    `  ${f(entities)} entities, ${f(relations)} relationships, ${f(dataset.sources.length)} sources in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
  );
  const { db, server, where } = await openBenchDatabase();
  console.log(`Neo4j: ${where}`);
  try {
    await applySchema(db);
    const memory = memoryPeaks();
    const txMemory = transactionMemoryPeak(db);
    const first = await timedImport(db, dataset, 'first import');
    const txPeak = await txMemory.stop();
    console.log(`  largest transaction on the server: about ${mb(txPeak)} of heap`);
    if (!first.report.applied) {
      console.error(`The first import was refused after ${first.seconds.toFixed(1)} s:\n${first.report.problems.slice(0, 10).map((p) => p.reason).join('\n')}`);
      return 1;
    }
    const second = await timedImport(db, dataset, 're-import');
    const peaks = memory.stop();
    const [counts] = await db.read('exchange/counts');
    console.log('');
    console.log(`bench:import ${f(nodes)} nodes (seed ${seed}): ${f(entities)} entities, ${f(relations)} relationships, ${f(dataset.sources.length)} sources`);
    console.log(line('first import', first, entities, relations));
    console.log(line('re-import   ', second, entities, relations));
    console.log(
      `stored: ${f(Number(counts?.entities))} entities, ${f(Number(counts?.claims))} claims, ${f(Number(counts?.sources))} sources | ` +
        `node process peak: rss ${mb(peaks.rss)} (maxRSS ${mb(peaks.maxRss)}), heap used ${mb(peaks.heapUsed)} | ` +
        `Neo4j: first import's transaction about ${mb(txPeak)} of heap`,
    );
    const unchanged = second.report.summary;
    const idempotent = second.report.applied && [unchanged.entities, unchanged.claims, unchanged.sources].every((c) => c.created + c.updated === 0);
    console.log(idempotent ? 're-import changed nothing (idempotent).' : 'WARNING: the re-import changed records.');
    return idempotent ? 0 : 1;
  } finally {
    await db.close();
    await server?.stop();
  }
}

runMain(main);

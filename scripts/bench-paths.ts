// `npm run bench:paths [-- --nodes 100000 --seed 42 --port 7762]`: latency of complicityPaths,
// exposure and disengagement scenarios, called through their resolvers, first on the seed data, then on a synthetic
// graph (seed/generate.ts) imported into the same private Neo4j (.neo4j/bench-paths, wiped
// first). Samples are picked deterministically from the generated relations: companies and
// investors to abuses that a chain of claims really reaches. Prints median and p95 per case.
import { parseArgs } from 'node:util';
import { complicityResolvers } from '../api/complicity/resolvers.ts';
import { disengagement, type DisengagementArgs } from '../api/disengagement/resolvers.ts';
import type { ApiContext } from '../api/context.ts';
import { applySchema } from '../api/db/schema.ts';
import { generateDataset, type SyntheticDataset } from '../seed/generate.ts';
import { loadSeed } from '../seed/seed.ts';
import { importInParts, runMain, withBenchNeo4j } from './benchSupport.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    port: { type: 'string', default: '7762' },
    samples: { type: 'string', default: '20' },
  },
});
const nodes = Number(values.nodes);
const seed = Number(values.seed);
const samples = Number(values.samples);

type PathsArgs = Parameters<typeof complicityResolvers.Query.complicityPaths>[1];
type ExposureArgs = Parameters<typeof complicityResolvers.Query.exposure>[1];
interface Case {
  label: string;
  runs: (() => Promise<number>)[];
}

const f = (n: number) => Math.round(n).toLocaleString('en-US');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function pathsRun(ctx: ApiContext, args: Partial<PathsArgs> & Pick<PathsArgs, 'from' | 'to'>) {
  return async () =>
    (await complicityResolvers.Query.complicityPaths(null, { maxHops: 4, k: 5, ...args }, ctx)).paths.length;
}

function exposureRun(ctx: ApiContext, args: Partial<ExposureArgs> & Pick<ExposureArgs, 'entityId'>) {
  return async () => (await complicityResolvers.Query.exposure(null, { maxHops: 4, limit: 100, ...args }, ctx)).reachable;
}

function scenarioRun(ctx: ApiContext, args: DisengagementArgs) {
  return async () => {
    const r = await disengagement(ctx, args);
    return r.cutPaths.length + r.remainingPaths.length + r.createdPaths.length;
  };
}

/** Runs every sample once, after warming up on the first three; errors counted by code. */
async function measure(c: Case): Promise<string> {
  for (const run of c.runs.slice(0, 3)) await run().catch(() => 0);
  const times: number[] = [];
  const found: number[] = [];
  const errors = new Map<string, number>();
  for (const run of c.runs) {
    const began = performance.now();
    try {
      found.push(await run());
      times.push(performance.now() - began);
    } catch (error) {
      const ext = (error as { extensions?: { code?: string; bound?: string } }).extensions;
      const key = ext?.bound ? `${ext.code}(${ext.bound})` : (ext?.code ?? (error as Error).message);
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  }
  times.sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(times, p).toFixed(1)} ms`;
  const timing = times.length > 0 ? `median ${ms(50)}, p95 ${ms(95)}, max ${ms(100)}` : 'no successful run';
  const results = found.length > 0 ? `, results/run median ${percentile([...found].sort((a, b) => a - b), 50)}` : '';
  const failed = errors.size > 0 ? `, errors: ${[...errors].map(([k, n]) => `${n}× ${k}`).join(', ')}` : '';
  return `  ${c.label.padEnd(58)} n=${c.runs.length}: ${timing}${results}${failed}`;
}

function seedCases(ctx: ApiContext): Case[] {
  const repeat = <T>(n: number, make: () => T) => Array.from({ length: n }, make);
  return [
    { label: 'complicityPaths google → conflict-israel-gaza', runs: repeat(samples, () => pathsRun(ctx, { from: 'google', to: { id: 'conflict-israel-gaza' } })) },
    { label: 'complicityPaths microsoft → abuse-8200-call-surveillance', runs: repeat(samples, () => pathsRun(ctx, { from: 'microsoft', to: { id: 'abuse-8200-call-surveillance' } })) },
    { label: 'complicityPaths telenor-group → category mass-surveillance', runs: repeat(samples, () => pathsRun(ctx, { from: 'telenor-group', to: { abuseCategory: 'mass-surveillance' } })) },
    { label: 'exposure google (maxHops 4)', runs: repeat(samples, () => exposureRun(ctx, { entityId: 'google' })) },
    { label: 'exposure telenor-group (maxHops 6)', runs: repeat(samples, () => exposureRun(ctx, { entityId: 'telenor-group', maxHops: 6 })) },
    {
      label: 'disengagement telenor-group MM shutdown',
      runs: repeat(samples, () => scenarioRun(ctx, { companyId: 'telenor-group', scope: { countries: ['MM'] }, mode: 'shutdown', asOf: '2022-02-15' })),
    },
    {
      label: 'disengagement telenor-group MM sale to investcom',
      runs: repeat(samples, () => scenarioRun(ctx, { companyId: 'telenor-group', scope: { countries: ['MM'] }, mode: 'sale', buyerId: 'investcom', asOf: '2022-02-15' })),
    },
    {
      label: 'disengagement microsoft suspend unit-8200',
      runs: repeat(samples, () => scenarioRun(ctx, { companyId: 'microsoft', scope: { stateBodies: ['unit-8200'] }, mode: 'suspend' })),
    },
  ];
}

/**
 * Deterministic samples from the generated relations: a company that operates a system
 * allegedly used in an abuse (path of 2 hops), and an investor holding that company (3 hops).
 */
function syntheticSamples(data: SyntheticDataset, count: number) {
  const usedIn = new Map<string, string>();
  for (const r of data.relations) if (r.type === 'ALLEGEDLY_USED_IN' && r.to.startsWith('syn-abuse-') && !usedIn.has(r.from)) usedIn.set(r.from, r.to);
  const operated = new Map<string, { system: string; abuse: string }>();
  for (const r of data.relations) {
    const abuse = usedIn.get(r.to);
    if (r.type === 'OPERATES' && r.from.startsWith('syn-company-') && abuse && !operated.has(r.from)) operated.set(r.from, { system: r.to, abuse });
  }
  const companies = [...operated].map(([company, { abuse }]) => ({ from: company, to: abuse }));
  const investors: { from: string; to: string }[] = [];
  const usedInvestors = new Set<string>();
  for (const r of data.relations) {
    const hit = r.type === 'HOLDS' ? operated.get(r.to) : undefined;
    if (hit && !usedInvestors.has(r.from)) {
      usedInvestors.add(r.from);
      investors.push({ from: r.from, to: hit.abuse });
    }
  }
  // Every n-th, so samples spread over big and small groups alike.
  const spread = <T>(items: T[]) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / count)) === 0).slice(0, count);
  // Parents: companies owning an operator, for sales of their subsidiaries.
  const parents: string[] = [];
  for (const r of data.relations) if (r.type === 'OWNS' && r.from.startsWith('syn-company-') && operated.has(r.to) && !parents.includes(r.from)) parents.push(r.from);
  return { companies: spread(companies), investors: spread(investors), parents: spread(parents) };
}

function syntheticCases(ctx: ApiContext, data: SyntheticDataset): Case[] {
  const { companies, investors, parents } = syntheticSamples(data, samples);
  // A buyer outside each parent's group: another sample's parent.
  const buyerFor = (i: number) => parents[(i + Math.floor(parents.length / 2)) % parents.length]!;
  return [
    { label: 'complicityPaths company → abuse (maxHops 4, k 5)', runs: companies.map((s) => pathsRun(ctx, { from: s.from, to: { id: s.to } })) },
    { label: 'complicityPaths investor → abuse (maxHops 4, k 5)', runs: investors.map((s) => pathsRun(ctx, { from: s.from, to: { id: s.to } })) },
    { label: 'complicityPaths investor → abuse (maxHops 6, k 20)', runs: investors.map((s) => pathsRun(ctx, { from: s.from, to: { id: s.to }, maxHops: 6, k: 20 })) },
    { label: 'complicityPaths company → category mass-surveillance (maxHops 3)', runs: companies.map((s) => pathsRun(ctx, { from: s.from, to: { abuseCategory: 'mass-surveillance' }, maxHops: 3 })) },
    { label: 'exposure company (maxHops 3)', runs: companies.map((s) => exposureRun(ctx, { entityId: s.from, maxHops: 3 })) },
    { label: 'exposure company (maxHops 4)', runs: companies.map((s) => exposureRun(ctx, { entityId: s.from })) },
    { label: 'exposure investor (maxHops 3)', runs: investors.map((s) => exposureRun(ctx, { entityId: s.from, maxHops: 3 })) },
    { label: 'disengagement operator, all, shutdown (maxHops 4)', runs: companies.map((s) => scenarioRun(ctx, { companyId: s.from, scope: { all: true }, mode: 'shutdown', maxHops: 4 })) },
    {
      label: 'disengagement parent, all, sale to another (maxHops 4)',
      runs: parents.map((p, i) => scenarioRun(ctx, { companyId: p, scope: { all: true }, mode: 'sale', buyerId: buyerFor(i), maxHops: 4 })),
    },
  ];
}

async function main(): Promise<number> {
  return withBenchNeo4j({ name: 'bench-paths', port: Number(values.port), heap: '2g', wipe: true }, async (db, { heap, pageCache }) => {
    const ctx: ApiContext = { db, viewer: { name: null, role: 'anonymous' } };
    await loadSeed(db);
    const [seedCounts] = await db.read('exchange/counts');
    const seedLines: string[] = [];
    for (const c of seedCases(ctx)) seedLines.push(await measure(c));

    console.log(`Generating and importing ${f(nodes)} synthetic nodes (seed ${seed})...`);
    const data = generateDataset({ nodes, seed });
    await db.autoCommit('exchange/clear-all');
    await applySchema(db);
    const began = performance.now();
    await importInParts(db, data, 'bench:paths');
    console.log(`  imported ${f(data.entities.length)} entities, ${f(data.relations.length)} claims in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    const synLines: string[] = [];
    for (const c of syntheticCases(ctx, data)) synLines.push(await measure(c));

    console.log('');
    console.log(`bench:paths (resolver calls, Neo4j heap ${heap}, page cache ${pageCache})`);
    console.log(`seed data (${f(Number(seedCounts?.entities))} entities, ${f(Number(seedCounts?.claims))} claims):`);
    for (const l of seedLines) console.log(l);
    console.log(`synthetic graph (${f(data.entities.length)} entities, ${f(data.relations.length)} claims, seed ${seed}):`);
    for (const l of synLines) console.log(l);
    return 0;
  });
}

runMain(main);

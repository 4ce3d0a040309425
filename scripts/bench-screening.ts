// `npm run bench:screening [-- --nodes 100000 --seed 42 --port 7790 --sizes 1000,10000 --reuse]`:
// time of screening portfolios of 1,000 and 10,000 holdings against a generated graph
// (seed/generate.ts) in a private Neo4j (.neo4j/bench-screening, wiped first unless --reuse
// finds the same graph there). Holdings are drawn deterministically from the generated
// companies and investors: exact names with legal suffixes, identifiers, altered spellings,
// and names of no entity. Prints the time of each phase and how the holdings matched.
import { parseArgs } from 'node:util';
import { resolveWeights } from '../api/complicity/weights.ts';
import { applySchema } from '../api/db/schema.ts';
import { claimFilter } from '../api/filters/claimFilter.ts';
import { pathLoader } from '../api/portfolio/pathBatch.ts';
import { REPORT_FLAGS, screeningHtmlParts, type ReportScreening } from '../api/portfolio/report.ts';
import { presentScreening, withFlagPaths, withFlags } from '../api/portfolio/resolvers.ts';
import { screenPortfolio } from '../api/portfolio/screen.ts';
import { createRandom, generateDataset, type Random, type SyntheticDataset, type SyntheticEntity } from '../seed/generate.ts';
import { importInParts, runMain, withBenchNeo4j } from './benchSupport.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    port: { type: 'string', default: '7790' },
    sizes: { type: 'string', default: '1000,10000' },
    'max-hops': { type: 'string', default: '4' },
    reuse: { type: 'boolean', default: false },
  },
});
const nodes = Number(values.nodes);
const seed = Number(values.seed);
const sizes = values.sizes.split(',').map(Number);
const maxHops = Number(values['max-hops']);

const f = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------
// Holdings as a portfolio file would list them.

const SUFFIXES = [' Inc.', ' ASA', ' plc', ' S.A.', ' AG', ' Ltd', ' Corp.', ' N.V.', ''];

/** A misspelling: two neighbouring letters swapped, or one dropped. */
function misspell(name: string, rng: Random): string {
  const letters = [...name].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i > 0 && i < name.length - 1);
  const at = letters[rng.int(letters.length)] ?? 1;
  return rng.chance(0.5) ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name.slice(0, at) + name.slice(at + 1);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

interface Portfolio {
  csv: string;
  kinds: Map<string, number>;
  /** By line of the file: the entity the holding is, or null for a name of no entity. */
  truth: Map<number, string | null>;
}

/** `size` holdings drawn without repeats: 35% names with a legal suffix, 25% identifiers, 20% misspelt, 10% investors, 10% unknown. */
function portfolioOf(data: SyntheticDataset, size: number, rng: Random): Portfolio {
  const companies = data.entities.filter((e) => e.type === 'Company');
  const listed = companies.filter((e) => typeof e.isin === 'string');
  const investors = data.entities.filter((e) => e.type === 'Investor');
  const used = new Set<string>();
  const fresh = (pool: SyntheticEntity[]): SyntheticEntity => {
    for (;;) {
      const e = pool[rng.int(pool.length)]!;
      if (!used.has(e.id)) return used.add(e.id), e;
    }
  };
  const kinds = new Map<string, number>();
  const truth = new Map<number, string | null>();
  const lines = ['name,isin,ticker,lei,weight'];
  for (let i = 0; i < size; i++) {
    const draw = rng.next();
    const kind = draw < 0.35 ? 'name' : draw < 0.6 ? 'identifier' : draw < 0.8 ? 'misspelt' : draw < 0.9 ? 'investor' : 'unknown';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const weight = (0.01 + rng.next()).toFixed(4);
    let row: string[];
    let entity: SyntheticEntity | null = null;
    if (kind === 'name') row = [(entity = fresh(companies)).name + rng.pick(SUFFIXES), '', '', ''];
    else if (kind === 'identifier') {
      const e = (entity = fresh(listed));
      const which = rng.int(3);
      row = [rng.chance(0.5) ? e.name.toUpperCase() : '', which === 0 ? String(e.isin) : '', which === 1 ? String(e.ticker) : '', which === 2 ? String(e.lei) : ''];
    } else if (kind === 'misspelt') row = [misspell((entity = fresh(companies)).name, rng), '', '', ''];
    else if (kind === 'investor') row = [(entity = fresh(investors)).name, '', '', ''];
    else row = [`Imaginary Widgets Holding ${i}`, '', '', ''];
    truth.set(lines.length + 1, entity?.id ?? null);
    lines.push([...row.map(csvCell), weight].join(','));
  }
  return { csv: lines.join('\n'), kinds, truth };
}

async function main(): Promise<number> {
  return withBenchNeo4j({ name: 'bench-screening', port: Number(values.port), heap: '4g', wipe: !values.reuse }, async (db, { heap, pageCache }) => {
    console.log(`Generating ${f(nodes)} synthetic nodes (seed ${seed})...`);
    const data = generateDataset({ nodes, seed });
    const [counts] = await db.read('exchange/counts');
    if (Number(counts?.entities) === data.entities.length && Number(counts?.claims) === data.relations.length) {
      console.log('  the graph is already there (--reuse)');
    } else {
      await db.autoCommit('exchange/clear-all');
      await applySchema(db);
      const began = performance.now();
      await importInParts(db, data, 'bench:screening');
      console.log(`  imported ${f(data.entities.length)} entities, ${f(data.relations.length)} claims in ${secs(performance.now() - began)}`);
    }

    const lines: string[] = [];
    for (const size of sizes) {
      const { csv, kinds, truth } = portfolioOf(data, size, createRandom(seed + size));
      let last = performance.now();
      const began = last;
      let matchedAt = 0;
      const screening = await screenPortfolio(db, {
        portfolio: `bench-${size}`,
        content: csv,
        fileName: `bench-${size}.csv`,
        filter: claimFilter({}),
        maxHops,
        weights: resolveWeights(null),
        onProgress(done, total, phase) {
          if (phase === 'matching' && done === total) matchedAt = performance.now() - began;
          if (done === total || performance.now() - last > 10_000) {
            last = performance.now();
            console.log(`  ${size}: ${phase} ${f(done)} of ${f(total)} after ${secs(last - began)}`);
          }
        },
      });
      const total = performance.now() - began;
      // What goes out on top of the screening: the explorer's result (each holding's strongest
      // flags without their paths, its best path with sources), and the printable report (those
      // flags each with its path and sources). Sizes are summed part by part.
      const presented = presentScreening(screening, pathLoader(db, resolveWeights(null)));
      const panelBytes = withFlags(presented).holdings.reduce((n, h) => n + Buffer.byteLength(JSON.stringify(h)), 0);
      const reportBegan = performance.now();
      const forReport = await withFlagPaths(presented, REPORT_FLAGS);
      const reportBytes = screeningHtmlParts(forReport as unknown as ReportScreening, new Date().toISOString()).reduce((n, p) => n + Buffer.byteLength(p), 0);
      const reportMs = performance.now() - reportBegan;
      const flagCounts = screening.holdings.flatMap((h) => (h.exposure?.harms.length ? [h.exposure.harms.length] : [])).sort((a, b) => a - b);
      const flags = flagCounts.reduce((a, b) => a + b, 0);
      const statuses = new Map<string, number>();
      for (const h of screening.holdings) statuses.set(h.match.status, (statuses.get(h.match.status) ?? 0) + 1);
      // Matching against what each holding really is.
      const auto = screening.holdings.filter((h) => h.match.status === 'matched');
      const right = auto.filter((h) => h.match.entityId === truth.get(h.holding.line));
      const positives = screening.holdings.filter((h) => truth.get(h.holding.line));
      const reviewable = positives.filter((h) => (h.match.status === 'matched' ? h.match.entityId === truth.get(h.holding.line) : h.match.options.some((o) => o.entityId === truth.get(h.holding.line))));
      const pct = (a: number, b: number) => `${((a / Math.max(1, b)) * 100).toFixed(1)}%`;
      const s = screening.summary;
      lines.push(
        `  ${f(size)} holdings (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}): ${secs(total)} (reading and matching ${secs(matchedAt)})`,
        `    matches: ${[...statuses].map(([k, n]) => `${n} ${k}`).join(', ')}`,
        `    matching precision ${pct(right.length, auto.length)}, recall ${pct(right.length, positives.length)}, recall with review ${pct(reviewable.length, positives.length)}`,
        `    exposed ${f(s.exposed)} (${(s.exposedWeightShare * 100).toFixed(1)}% of the weight), exposure unknown ${f(s.unscreened)}, ${f(screening.claimsVisited)} claims read`,
        `    flags: ${f(flags)} (per exposed holding median ${f(flagCounts[flagCounts.length >> 1] ?? 0)}, max ${f(flagCounts.at(-1) ?? 0)})`,
        `    explorer's result ${(panelBytes / 1e6).toFixed(1)} MB; printable report (${REPORT_FLAGS} flags a holding with paths and sources) ${secs(reportMs)}, ${(reportBytes / 1e6).toFixed(1)} MB`,
      );
    }
    console.log('');
    console.log(`bench:screening (maxHops ${maxHops}, Neo4j heap ${heap}, page cache ${pageCache})`);
    console.log(`synthetic graph: ${f(data.entities.length)} entities, ${f(data.relations.length)} claims (seed ${seed})`);
    for (const l of lines) console.log(l);
    return 0;
  });
}

runMain(main);

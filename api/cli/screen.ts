// `npm run screen -- holdings.csv --portfolio NAME [--format csv|json|html] [--out FILE]
// [--max-hops 4] [--as-of YYYY-MM-DD]`: the API's screenPortfolio from the command line, with
// progress on stderr, the report on stdout or in FILE. Exit 1 when the file has problems.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { COMPLICITY_BOUNDS } from '../complicity/bounds.ts';
import { resolveWeights } from '../complicity/weights.ts';
import type { Database } from '../db/database.ts';
import { formatProblems } from '../exchange/dataset.ts';
import { claimFilter, type ClaimFilter } from '../filters/claimFilter.ts';
import { MAX_PORTFOLIO_CHARS } from '../portfolio/holdings.ts';
import { REPORT_FLAGS, screeningCsvParts, screeningHtmlParts, screeningJsonParts, type ReportScreening } from '../portfolio/report.ts';
import { pathLoader } from '../portfolio/pathBatch.ts';
import { presentScreening, withFlagPaths, withFlags } from '../portfolio/resolvers.ts';
import { HoldingsProblems, screenPortfolio } from '../portfolio/screen.ts';
import { parseFlags, UsageError } from './args.ts';
import { parseOrExit, runCli } from './runCli.ts';

const USAGE = 'usage: npm run screen -- holdings.csv --portfolio NAME [--format csv|json|html] [--out FILE] [--max-hops 1..6] [--as-of YYYY-MM-DD]';

interface ScreenCommand {
  file: string;
  content: string;
  portfolio: string;
  format: 'csv' | 'json' | 'html';
  out: string | null;
  maxHops: number;
  filter: ClaimFilter;
}

function parseCommand(argv: string[]): ScreenCommand {
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--')) throw new UsageError(USAGE);
  const flags = parseFlags(rest, { portfolio: 'value', format: 'value', out: 'value', 'max-hops': 'value', 'as-of': 'value' });
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: no such file.`);
  }
  if (size > MAX_PORTFOLIO_CHARS) throw new UsageError(`${file} is larger than ${MAX_PORTFOLIO_CHARS / 1e6} million characters; split it.`);
  const format = (flags.format ?? 'csv') as string;
  if (!['csv', 'json', 'html'].includes(format)) throw new UsageError(`--format must be csv, json or html; got "${format}".`);
  const maxHops = Number(flags['max-hops'] ?? 4);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > COMPLICITY_BOUNDS.maxHops) throw new UsageError(`--max-hops must be a whole number from 1 to ${COMPLICITY_BOUNDS.maxHops}.`);
  const portfolio = typeof flags.portfolio === 'string' ? flags.portfolio : basename(file).replace(/\.[^.]+$/, '');
  return {
    file,
    content: readFileSync(file, 'utf8'),
    portfolio,
    format: format as ScreenCommand['format'],
    out: typeof flags.out === 'string' ? flags.out : null,
    maxHops,
    filter: claimFilter({ asOf: typeof flags['as-of'] === 'string' ? flags['as-of'] : null }),
  };
}

/** Writes the parts to a file beside `path`, then puts it in place: never a half-written report. */
function writeWhole(path: string, parts: readonly string[]): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
    closeSync(fd);
    renameSync(partial, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(partial, { force: true });
    throw error;
  }
}

async function run(db: Database, c: ScreenCommand): Promise<number> {
  const began = Date.now();
  let last = 0;
  try {
    const screening = await screenPortfolio(db, {
      portfolio: c.portfolio,
      content: c.content,
      fileName: basename(c.file),
      filter: c.filter,
      maxHops: c.maxHops,
      weights: resolveWeights(null),
      onProgress(done, total, phase) {
        if (done < total && Date.now() - last < 1000) return;
        last = Date.now();
        const what = phase === 'matching' ? 'holdings matched' : 'matched entities screened';
        console.error(`  ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${what}`);
      },
    });
    // HTML and JSON list each holding's strongest flags with their paths and sources; the CSV
    // has a row per holding. Written part by part: a large report outgrows one string.
    const presented = presentScreening(screening, pathLoader(db, resolveWeights(null)));
    const report = (c.format === 'csv' ? withFlags(presented) : await withFlagPaths(presented, REPORT_FLAGS)) as unknown as ReportScreening;
    const parts = c.format === 'csv' ? screeningCsvParts(report) : c.format === 'json' ? screeningJsonParts(report) : screeningHtmlParts(report, new Date().toISOString());
    if (c.out) writeWhole(c.out, parts);
    else for (const part of parts) if (!process.stdout.write(part)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    const s = screening.summary;
    console.error(
      `Screened ${s.holdings} holdings of "${c.portfolio}" in ${((Date.now() - began) / 1000).toFixed(1)} s: ${s.exposed} exposed ` +
        `(${(s.exposedWeightShare * 100).toFixed(1)}% of the portfolio), ${screening.needsReview} matches to review${s.unscreened ? `, exposure unknown for ${s.unscreened} (past the search bounds)` : ''}${c.out ? `; written to ${c.out}` : ''}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof HoldingsProblems)) throw error;
    console.error(formatProblems(error.problems));
    console.error(`${error.problems.length} problem(s) in ${c.file}; nothing was screened.`);
    return 1;
  }
}

const command = parseOrExit(() => parseCommand(process.argv.slice(2)));
await runCli((db) => run(db, command));

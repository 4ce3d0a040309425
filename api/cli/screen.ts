// `npm run screen -- holdings.csv --portfolio NAME [--format csv|json|html] [--out FILE]
// [--max-hops 4] [--as-of YYYY-MM-DD] [--statuses reported,alleged] [--min-confidence 0.5]`:
// the API's screenPortfolio from the command line, with
// progress on stderr, the report on stdout or in FILE. Exit 1 when the file has problems.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { COMPLICITY_BOUNDS } from '../complicity/bounds.ts';
import { resolveWeights } from '../complicity/weights.ts';
import type { Database } from '../db/database.ts';
import { formatProblems } from '../exchange/dataset.ts';
import { decodeSpreadsheet } from '../exchange/formats/spreadsheetBytes.ts';
import { claimFilter, type ClaimFilter } from '../filters/claimFilter.ts';
import { CLAIM_STATUSES, isClaimStatus, type ClaimStatus } from '../domain/model.ts';
import { MAX_PORTFOLIO_CHARS } from '../portfolio/holdings.ts';
import { sharePhrase } from '../portfolio/reportText.ts';
import { REPORT_FLAGS, screeningCsvParts, screeningHtmlParts, screeningJsonParts, type ReportScreening } from '../portfolio/report.ts';
import { pathLoader } from '../portfolio/pathBatch.ts';
import { presentScreening, withFlagPaths, withFlags } from '../portfolio/resolvers.ts';
import { HoldingsProblems, screenPortfolio } from '../portfolio/screen.ts';
import { parseFlags, UsageError } from './args.ts';
import { parseOrExit, runCli } from './runCli.ts';

const USAGE =
  'usage: npm run screen -- holdings.csv --portfolio NAME [--format csv|json|html] [--out FILE] [--max-hops 1..6] [--as-of YYYY-MM-DD] [--statuses reported,alleged,...] [--min-confidence 0..1] [--without-undated]';

interface ScreenCommand {
  file: string;
  content: string;
  /** Set when the file was not UTF-8 (see decodeSpreadsheet). */
  encodingNote: string | null;
  portfolio: string;
  format: 'csv' | 'json' | 'html';
  out: string | null;
  maxHops: number;
  filter: ClaimFilter;
}

function parseCommand(argv: string[]): ScreenCommand {
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--')) throw new UsageError(USAGE);
  const flags = parseFlags(rest, { portfolio: 'value', format: 'value', out: 'value', 'max-hops': 'value', 'as-of': 'value', statuses: 'value', 'min-confidence': 'value', 'without-undated': 'boolean' });
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
  const { text, note } = decodeSpreadsheet(readFileSync(file), basename(file));
  return {
    file,
    content: text,
    encodingNote: note,
    portfolio,
    format: format as ScreenCommand['format'],
    out: typeof flags.out === 'string' ? flags.out : null,
    maxHops,
    filter: filterOf(flags),
  };
}

/** The claim filters from --as-of, --statuses, --min-confidence and --without-undated, each checked here. */
function filterOf(flags: Record<string, string | boolean>): ClaimFilter {
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : null);
  const statuses = text('statuses')?.split(',').map((x) => x.trim().toLowerCase().replace(/_/g, '-')).filter(Boolean) ?? null;
  for (const st of statuses ?? []) if (!isClaimStatus(st)) throw new UsageError(`--statuses takes ${CLAIM_STATUSES.join(', ')}; got "${st}".`);
  const minConfidence = text('min-confidence') === null ? null : Number(text('min-confidence'));
  if (minConfidence !== null && !(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence must be a number from 0 to 1; got "${text('min-confidence')}".`);
  try {
    return claimFilter({ asOf: text('as-of'), statuses: statuses as ClaimStatus[] | null, minConfidence, includeUndated: flags['without-undated'] !== true });
  } catch (error) {
    throw new UsageError(`--as-of: ${(error as Error).message}`);
  }
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
  if (c.encodingNote) console.error(`Note: ${c.encodingNote}.`);
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
        // Looked up, not matched: some of them will be weak, ambiguous or unmatched.
        const what = phase === 'matching' ? 'holdings looked up' : 'matched entities screened';
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
    const matched = screening.holdings.filter((h) => h.match.status === 'matched' || h.match.status === 'confirmed').length;
    console.error(
      `Screened ${s.holdings} holdings of "${c.portfolio}" in ${((Date.now() - began) / 1000).toFixed(1)} s: ${matched} of ${s.holdings} matched` +
        `${s.parts.toReview.holdings ? `, ${s.parts.toReview.holdings} to review` : ''}${s.parts.unmatched.holdings ? `, ${s.parts.unmatched.holdings} not matched` : ''}; ` +
        `${s.exposed} exposed (${sharePhrase(s.parts.exposed.shareOfFile, s.parts.exposed.shareOfWhole, s.fileShareOfWhole)})` +
        `${s.unscreened ? `, exposure unknown for ${s.unscreened} (past the search bounds)` : ''}${c.out ? `; written to ${c.out}` : ''}.`,
    );
    for (const note of screening.notes) console.error(`Note: ${note}.`);
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

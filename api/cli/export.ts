// `npm run export -- --format graphml --out FILE (--ids a,b | --neighborhood ID [--depth 2] | --all)
// [--as-of YYYY-MM-DD] [--statuses reported,alleged] [--min-confidence 0.5]`: the API's
// exportGraph without its size bound, written to a file (or a folder for several files).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { CLAIM_STATUSES, isClaimStatus, type ClaimStatus } from '../domain/model.ts';
import { exportSelection, selectSubgraph, UNBOUNDED, type ExportSelection } from '../exchange/exportGraph.ts';
import { exportDataset, type ExportFormatName } from '../exchange/formats/index.ts';
import { claimFilter, type ClaimFilter } from '../filters/claimFilter.ts';
import { parseFlags, UsageError } from './args.ts';
import { parseOrExit, runCli } from './runCli.ts';

const FORMATS: ExportFormatName[] = ['GRAPHML', 'GEXF', 'CSV', 'JSON', 'FTM', 'CYPHER'];
const USAGE =
  `usage: npm run export -- --format ${FORMATS.map((f) => f.toLowerCase()).join('|')} [--out PATH] ` +
  '(--ids a,b | --neighborhood ID [--depth 1|2] [--limit N] | --all) [--as-of YYYY-MM-DD] [--statuses reported,alleged] [--min-confidence 0..1] [--without-undated]';

interface ExportCommand {
  format: ExportFormatName;
  out: string | null;
  selection: ExportSelection;
  filter: ClaimFilter;
}

function wholeNumber(flag: string, raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--${flag} must be a whole number; got "${String(raw)}".`);
  return Number(raw);
}

function statuses(raw: string | boolean | undefined): ClaimStatus[] | undefined {
  if (typeof raw !== 'string') return undefined;
  return raw.split(',').map((s) => {
    // Accept the stored form (company-confirmed) and the API's (COMPANY_CONFIRMED).
    const status = s.trim().toLowerCase().replace(/_/g, '-');
    if (!isClaimStatus(status)) throw new UsageError(`--statuses: unknown status "${s}"; allowed: ${CLAIM_STATUSES.join(', ')}.`);
    return status;
  });
}

function parseExportCommand(argv: string[]): ExportCommand {
  const flags = parseFlags(argv, {
    format: 'value',
    out: 'value',
    ids: 'value',
    neighborhood: 'value',
    depth: 'value',
    limit: 'value',
    all: 'boolean',
    'as-of': 'value',
    statuses: 'value',
    'min-confidence': 'value',
    'without-undated': 'boolean',
  });
  const format = typeof flags.format === 'string' ? (flags.format.toUpperCase() as ExportFormatName) : undefined;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.map((f) => f.toLowerCase()).join(', ')}; got ${JSON.stringify(flags.format ?? null)}.\n${USAGE}`);
  }
  const minConfidence = flags['min-confidence'];
  if (minConfidence !== undefined && (typeof minConfidence !== 'string' || Number.isNaN(Number(minConfidence)))) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1; got "${String(minConfidence)}".`);
  }
  const selection = exportSelection(
    {
      ids: typeof flags.ids === 'string' ? flags.ids.split(',').map((s) => s.trim()).filter(Boolean) : null,
      neighborhoodOf: typeof flags.neighborhood === 'string' ? flags.neighborhood : null,
      depth: wholeNumber('depth', flags.depth),
      limit: wholeNumber('limit', flags.limit),
      all: flags.all === true,
    },
    UNBOUNDED,
  );
  const filter = claimFilter({
    asOf: typeof flags['as-of'] === 'string' ? flags['as-of'] : null,
    statuses: statuses(flags.statuses),
    minConfidence: minConfidence === undefined ? null : Number(minConfidence),
    includeUndated: flags['without-undated'] !== true,
  });
  return { format, out: typeof flags.out === 'string' ? flags.out : null, selection, filter };
}

async function runExport(db: Database, command: ExportCommand): Promise<number> {
  const dataset = await selectSubgraph(db, command.selection, command.filter, UNBOUNDED);
  // GEXF and GraphML get the computed layout, the entity a neighbourhood is opened on drawn larger.
  const centers = command.selection.kind === 'neighborhood' ? [command.selection.id] : [];
  const files = exportDataset(dataset, command.format, { centers });
  const counts = `${dataset.entities.length} entities, ${dataset.claims.length} claims, ${dataset.sources.length} sources`;
  if (command.out === null) {
    if (files.length !== 1) throw new UsageError(`${command.format} writes ${files.length} files; name a folder for them with --out.`);
    process.stdout.write(files[0]!.content);
    console.error(`Exported ${counts}.`);
    return 0;
  }
  // One file goes to --out itself; several (CSV) go into --out as a folder.
  const paths = files.length === 1 ? [command.out] : files.map((f) => join(command.out!, f.name));
  files.forEach((file, i) => {
    mkdirSync(dirname(paths[i]!), { recursive: true });
    writeFileSync(paths[i]!, file.content);
  });
  console.log(`Exported ${counts} to ${paths.join(', ')}`);
  return 0;
}

const command = parseOrExit(() => parseExportCommand(process.argv.slice(2)));
await runCli((db) => runExport(db, command));

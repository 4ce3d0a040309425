// `npm run import -- FILE [--relationships rel.csv] [--sources sources.csv] [--format F]
// [--dry-run] [--default-source-url URL ...]`: validates the whole file, prints what would
// change or changed and every problem with its file and line, and exits 1 on problems.
// Writes go through the same all-or-nothing, audited import as the API.
// `npm run import -- --dataset ohchr-settlements|fcc-covered-list|opensanctions FILE [--dry-run]`
// reads an official list (seed/datasets/) or an OpenSanctions feed with its own reader first.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { isWebAddress } from '../domain/standards.ts';
import type { SourceRecord } from '../exchange/dataset.ts';
import { formatProblems } from '../exchange/dataset.ts';
import { importFormatFromFileName, type ImportFormatName, type ImportInput } from '../exchange/formats/index.ts';
import { decodeSpreadsheet } from '../exchange/formats/spreadsheetBytes.ts';
import { MAX_INPUT_CHARS } from '../exchange/formats/types.ts';
import { importFile } from '../exchange/importFile.ts';
import type { ImportReport } from '../exchange/importDataset.ts';
import { importOfficialList, isOfficialListName, OFFICIAL_LISTS, type OfficialListName } from '../datasets/importList.ts';
import { parseFlags, UsageError } from './args.ts';
import { parseOrExit, runCli } from './runCli.ts';

const USAGE =
  'usage: npm run import -- FILE [--format json|graphology|csv|ftm] [--relationships relationships.csv] ' +
  '[--sources sources.csv] [--dry-run] [--default-source-url URL [--default-source-title TITLE] [--default-source-publisher NAME]]\n' +
  `       npm run import -- --dataset ${Object.keys(OFFICIAL_LISTS).join('|')} FILE [--dry-run]`;

const FORMATS: Record<string, ImportFormatName> = { json: 'JSON', graphology: 'GRAPHOLOGY', csv: 'CSV', ftm: 'FTM' };

interface ImportCommand {
  /** An official list read by its own reader instead of a format's parser. */
  list?: OfficialListName;
  format: ImportFormatName;
  input: ImportInput;
  dryRun: boolean;
  notes: string[];
}

/** A file's text; a CSV's bytes go through decodeSpreadsheet, whose note joins `notes`. */
function readText(path: string, flag: string, notes?: string[]): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`${flag} ${path}: no such file.`);
  }
  // Bytes are at least characters in UTF-8: a file under the bound in bytes fits the parser's bound.
  if (size > MAX_INPUT_CHARS) {
    throw new UsageError(`${path} is ${(size / 1e6).toFixed(0)} MB; the importer reads files up to ${MAX_INPUT_CHARS / 1e6} MB. Split it.`);
  }
  if (!notes) return readFileSync(path, 'utf8');
  const { text, note } = decodeSpreadsheet(readFileSync(path), basename(path));
  if (note) notes.push(note);
  return text;
}

/** A source for FtM records that cite none, from --default-source-*; its id follows from the URL. */
function defaultSource(flags: Record<string, string | boolean>, file: string): SourceRecord | undefined {
  const url = flags['default-source-url'];
  if (typeof url !== 'string') {
    if (flags['default-source-title'] !== undefined || flags['default-source-publisher'] !== undefined) {
      throw new UsageError('--default-source-title and --default-source-publisher need --default-source-url.');
    }
    return undefined;
  }
  if (!isWebAddress(url)) throw new UsageError(`--default-source-url must be an http(s) address; got "${url}".`);
  const host = new URL(url).host;
  return {
    id: `src-import-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`,
    publisher: typeof flags['default-source-publisher'] === 'string' ? flags['default-source-publisher'] : host,
    title: typeof flags['default-source-title'] === 'string' ? flags['default-source-title'] : `[Records imported from ${basename(file)}]`,
    url,
  };
}

function parseListCommand(argv: string[]): ImportCommand {
  const [, list, file, ...rest] = argv;
  if (!list || !isOfficialListName(list)) {
    throw new UsageError(`--dataset must be one of ${Object.keys(OFFICIAL_LISTS).join(', ')}; got "${list ?? ''}".\n${USAGE}`);
  }
  if (!file || file.startsWith('--')) throw new UsageError(`Name the file of the ${list} list after --dataset ${list}.\n${USAGE}`);
  const flags = parseFlags(rest, { 'dry-run': 'boolean' });
  const input: ImportInput = { fileName: basename(file), content: readText(file, 'FILE') };
  return { list, format: 'CSV', input, dryRun: flags['dry-run'] === true, notes: [] };
}

function parseImportCommand(argv: string[]): ImportCommand {
  if (argv[0] === '--dataset' || argv[0]?.startsWith('--dataset=')) {
    return parseListCommand(argv[0] === '--dataset' ? argv : ['--dataset', argv[0].slice('--dataset='.length), ...argv.slice(1)]);
  }
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--')) throw new UsageError(`Name the file to import first.\n${USAGE}`);
  const flags = parseFlags(rest, {
    format: 'value',
    relationships: 'value',
    sources: 'value',
    'dry-run': 'boolean',
    'default-source-url': 'value',
    'default-source-title': 'value',
    'default-source-publisher': 'value',
  });
  const named = typeof flags.format === 'string' ? FORMATS[flags.format.toLowerCase()] : undefined;
  if (flags.format !== undefined && !named) {
    throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}; got "${String(flags.format)}".`);
  }
  const format = named ?? importFormatFromFileName(file);
  if (!format) throw new UsageError(`Cannot tell the format of "${basename(file)}" from its name; give --format ${Object.keys(FORMATS).join('|')}.`);
  if (format !== 'CSV' && (flags.relationships !== undefined || flags.sources !== undefined)) {
    throw new UsageError('--relationships and --sources are for CSV imports only.');
  }
  if (format !== 'FTM' && flags['default-source-url'] !== undefined) throw new UsageError('--default-source-url is for FollowTheMoney imports only.');

  const notes: string[] = [];
  // Spreadsheets may come in Windows-1252; the other formats are UTF-8 by their standards.
  const spreadsheetNotes = format === 'CSV' ? notes : undefined;
  const input: ImportInput = { fileName: basename(file), content: readText(file, 'FILE', spreadsheetNotes) };
  if (format === 'CSV') {
    // The CSV export writes entities.csv, relationships.csv and sources.csv side by side.
    for (const [flag, sibling, key] of [['relationships', 'relationships.csv', 'relationshipsContent'], ['sources', 'sources.csv', 'sourcesContent']] as const) {
      let path = flags[flag] as string | undefined;
      if (path === undefined && basename(file) === 'entities.csv' && existsSync(join(dirname(file), sibling))) {
        path = join(dirname(file), sibling);
        notes.push(`using ${path} (next to ${basename(file)}); name another with --${flag}`);
      }
      if (path !== undefined) input[key] = readText(path, `--${flag}`, notes);
    }
  }
  const source = defaultSource(flags, file);
  if (source) input.defaultSource = source;
  return { format, input, dryRun: flags['dry-run'] === true, notes };
}

function progressPrinter(): (phase: string, done: number, total: number) => void {
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    console.error(`  writing ${phase}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
  };
}

function summaryLines(report: ImportReport): string[] {
  const verb = report.applied ? ['created', 'updated'] : ['to create', 'to update'];
  return (['entities', 'claims', 'sources'] as const).map((kind) => {
    const c = report.summary[kind];
    return `  ${kind.padEnd(9)} ${c.created} ${verb[0]}, ${c.updated} ${verb[1]}, ${c.unchanged} unchanged`;
  });
}

async function runImport(db: Database, command: ImportCommand): Promise<number> {
  const { input, format } = command;
  for (const note of command.notes) console.error(`note: ${note}`);
  const began = Date.now();
  console.error(`Reading ${input.fileName} as ${command.list ?? format}, checking it against the model and the database...`);
  const opts = {
    by: `import:${input.fileName}`,
    dryRun: command.dryRun,
    onProgress: progressPrinter(),
    // Files far larger than the API takes write in one transaction too; give it time.
    timeoutMs: 60 * 60_000,
  };
  const report = command.list
    ? (await importOfficialList(db, command.list, input.content, input.fileName, opts)).report
    : await importFile(db, format, input, opts);
  for (const note of report.notes) console.log(`note: ${note}`);
  if (report.problems.length > 0) {
    console.log(formatProblems(report.problems));
    console.log(`${report.problems.length} problem(s) in ${input.fileName}; nothing was written.`);
    return 1;
  }
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(
    report.applied
      ? `Imported ${input.fileName} in one transaction (${seconds} s):`
      : `Dry run of ${input.fileName} (${seconds} s); nothing was written. It would change:`,
  );
  for (const line of summaryLines(report)) console.log(line);
  return 0;
}

const command = parseOrExit(() => parseImportCommand(process.argv.slice(2)));
await runCli((db) => runImport(db, command));

// One import, whatever its format and wherever it comes from (the API or the CLI): parse,
// validate against the model and the database, plan, and write all of it or nothing.
// Problems come back pointing at the file and line they came from.
import type { Database } from '../db/database.ts';
import { parseImport, type ImportFormatName, type ImportInput } from './formats/index.ts';
import { locateProblems } from './formats/types.ts';
import { EMPTY_SUMMARY, importDataset, type ImportOptions, type ImportReport } from './importDataset.ts';

export async function importFile(db: Database, format: ImportFormatName, input: ImportInput, opts: ImportOptions): Promise<ImportReport> {
  const parsed = parseImport(format, input);
  if (parsed.problems.length === 0) {
    const report = await importDataset(db, parsed.raw, input.fileName, opts, parsed.notes);
    return { ...report, problems: locateProblems(report.problems, parsed) };
  }
  // A file that does not parse writes nothing; its readable records are still checked, so
  // one round of fixes can address every problem.
  const checked = await importDataset(db, parsed.raw, input.fileName, { ...opts, dryRun: true }, parsed.notes);
  return {
    ...checked,
    dryRun: opts.dryRun,
    applied: false,
    summary: EMPTY_SUMMARY,
    problems: [...parsed.problems, ...locateProblems(checked.problems, parsed)],
  };
}

// What every parser returns: records in the project's JSON import shape (the caller runs
// validateDataset on `raw`), problems that name the file and the line, and notes about what
// was mapped or left out. Parsers never throw on bad input.
import type { ValidationProblem } from '../dataset.ts';

export interface ParseResult {
  raw: { checkedOn?: string; sources: unknown[]; entities: unknown[]; relations: unknown[] };
  problems: ValidationProblem[];
  notes: string[];
  /**
   * Where each raw record came from ("line 12" of which file), index for index, so that
   * validateDataset's problems ("entities[3] (acme)") can point at the line: see locateProblems.
   */
  origins?: { sources: Origin[]; entities: Origin[]; relations: Origin[] };
}

export interface Origin {
  file: string;
  item: string;
}

/** Input guards: larger inputs are refused with a problem, not read. */
export const MAX_INPUT_CHARS = 200_000_000;
export const MAX_INPUT_LINES = 2_000_000;

export function emptyResult(): ParseResult {
  return { raw: { sources: [], entities: [], relations: [] }, problems: [], notes: [] };
}

/** A problem when the text is too large to read, else null. */
export function sizeProblem(text: string, file: string): ValidationProblem | null {
  if (text.length > MAX_INPUT_CHARS) {
    return {
      file,
      item: '(file)',
      reason: `is larger than ${MAX_INPUT_CHARS / 1_000_000} million characters; split it into smaller files`,
    };
  }
  return null;
}

export function nothingToImport(file: string): ValidationProblem {
  return { file, item: '(file)', reason: 'holds no entities, claims or sources; there is nothing to import' };
}

export function tooManyLinesProblem(file: string, line: number): ValidationProblem {
  return {
    file,
    item: `line ${line}`,
    reason: `the file has more than ${MAX_INPUT_LINES.toLocaleString('en')} lines; split it into smaller files`,
  };
}

const RAW_ITEM = /^(sources|entities|relations)\[(\d+)\](.*)$/;

/**
 * Rewrites validateDataset's items ("relations[4] (a OWNS b)") into the place the record came
 * from ("line 7 (a OWNS b)" of relationships.csv), when the parse result knows it.
 */
export function locateProblems(problems: ValidationProblem[], parsed: Pick<ParseResult, 'origins'>): ValidationProblem[] {
  if (!parsed.origins) return problems;
  const origins = parsed.origins;
  return problems.map((p) => {
    const m = RAW_ITEM.exec(p.item);
    if (!m) return p;
    const origin = origins[m[1] as keyof typeof origins][Number(m[2])];
    return origin ? { file: origin.file, item: `${origin.item}${m[3]}`, reason: p.reason } : p;
  });
}

/** One file of an export: what a resolver returns and a CLI writes to disk. */
export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

// RFC 4180 CSV text: writing rows and reading them back with the line each record starts on.
// Every cell goes through the formula guard (cells.ts) both ways. An empty unquoted cell
// means "no value" and a quoted empty cell ("") the empty text, so both survive a round trip.
import type { ValidationProblem } from '../dataset.ts';
import { guardFormula, unguardFormula } from './cells.ts';
import { MAX_INPUT_LINES, tooManyLinesProblem } from './types.ts';

/** null: no value (an empty cell). */
export type CsvRow = readonly (string | null)[];

function csvCell(value: string | null): string {
  if (value === null) return '';
  const text = guardFormula(value);
  // Quote what a reader could split or trim: separators (any readCsv may take, so a header
  // reads with the separator it was written with), quotes, line breaks, edge blanks.
  return text === '' || /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: CRLF line ends, a final line end, no byte-order mark. */
export function writeCsv(rows: readonly CsvRow[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  /** Cell texts with the formula guard removed; null for an empty unquoted cell. */
  cells: (string | null)[];
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: ValidationProblem[];
  /** The separator between cells, found from the header line (see separatorOf). */
  separator: CsvSeparator;
}

export type CsvSeparator = ',' | ';' | '\t';
export const SEPARATOR_NAMES: Record<CsvSeparator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

const QUOTE = 34;
const CR = 13;
const LF = 10;
const MAX_PROBLEMS = 50;
const REPLACEMENT = '\uFFFD';

/**
 * The separator of a file, from its header line (the first line with anything on it): comma,
 * semicolon (Excel where the decimal mark is a comma) or tab, whichever that line holds most
 * of outside quotes; comma on a tie or when it holds none.
 */
export function separatorOf(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!quoted && c in counts) counts[c as CsvSeparator]++;
    if (c.trim() !== '' || c === '\t') seen = true;
  }
  return (Object.keys(counts) as CsvSeparator[]).reduce((best, c) => (counts[c] > counts[best] ? c : best), ',');
}

/** Text decoded with the wrong encoding upstream holds U+FFFD where each accented letter was. */
function replacementProblem(text: string, file: string): ValidationProblem | null {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return null;
  const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
  const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  const excerpt = text.slice(lineStart, Math.min(text.length, lineStart + 60)).split(/[\r\n]/)[0];
  return {
    file,
    item: `line ${line}`,
    reason:
      `holds the replacement character "\uFFFD" ("${excerpt}"): the file was probably saved as Windows-1252 (Latin-1) and read as UTF-8, ` +
      'which loses its accented letters. Save it as UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)"; in LibreOffice: character set "Unicode (UTF-8)") ' +
      'and give it again, or give the file itself to the upload or the command line, which read Windows-1252',
  };
}

/** A row written with another separator than its header's reads as one cell: say so. */
export function separatorHint(row: CsvRecord, separator: CsvSeparator): string {
  if (row.cells.length !== 1) return '';
  const others = (Object.keys(SEPARATOR_NAMES) as CsvSeparator[]).filter((c) => c !== separator && row.cells.some((cell) => cell?.includes(c)));
  if (others.length === 0) return '';
  const name = SEPARATOR_NAMES[separator];
  return ` (cells are split at the header's separator, the ${name}; this line holds ${others.map((c) => `${SEPARATOR_NAMES[c]}s`).join(' and ')}: use the ${name} throughout)`;
}

const isEmptyRow = (cells: readonly (string | null)[]) => cells.every((c) => c === null || c.trim() === '');

function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/**
 * Reads CSV text (a leading byte-order mark, CRLF, LF or CR line ends; comma, semicolon or tab
 * between cells, see separatorOf). Rows whose cells are all empty are skipped. Never throws.
 */
export function readCsv(input: string, file: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = separatorOf(text);
  const SEP = separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  const problems: ValidationProblem[] = [];
  const mojibake = replacementProblem(text, file);
  if (mojibake) problems.push(mojibake);
  const problem = (line: number, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file, item: `line ${line}`, reason });
    else if (problems.length === MAX_PROBLEMS) problems.push({ file, item: `line ${line}`, reason: 'more problems follow; fix the ones above first' });
  };
  const n = text.length;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let cells: (string | null)[] = [];
  const endRecord = () => {
    // A line with nothing on it is not a record (e.g. the end of the file), nor is a row of
    // empty cells (what a spreadsheet saves for a blank row: ",,,").
    if (!isEmptyRow(cells)) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const startLine = line;
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          problem(startLine, 'a quoted cell is never closed; add the closing quote (")');
          line += newlinesBetween(text, i, n);
          value += text.slice(from);
          i = n;
          break;
        }
        line += newlinesBetween(text, i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      if (i < n && ![SEP, CR, LF].includes(text.charCodeAt(i))) {
        problem(line, 'text after the closing quote of a cell; quote the whole cell and double the quotes inside it');
        while (i < n && ![SEP, CR, LF].includes(text.charCodeAt(i))) i++;
      }
      cells.push(unguardFormula(value));
    } else {
      let j = i;
      let strayQuote = false;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === SEP || c === CR || c === LF) break;
        if (c === QUOTE) strayQuote = true;
      }
      if (strayQuote) problem(line, 'a quote (") inside an unquoted cell; put the whole cell in quotes and double the quotes inside it');
      cells.push(j === i ? null : unguardFormula(text.slice(i, j)));
      i = j;
    }
    if (i >= n) {
      endRecord();
      break;
    }
    if (text.charCodeAt(i) === SEP) {
      i++;
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord();
    recordLine = line;
    if (i >= n) break;
    if (line > MAX_INPUT_LINES) {
      problems.push(tooManyLinesProblem(file, line));
      break;
    }
  }
  return { records, problems, separator };
}

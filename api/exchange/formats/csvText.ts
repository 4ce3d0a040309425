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
  // Quote what a reader could split or trim: separators, quotes, line breaks, edge blanks.
  return text === '' || /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
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
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const MAX_PROBLEMS = 50;

function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Reads CSV text (a leading byte-order mark, CRLF, LF or CR line ends). Never throws. */
export function readCsv(input: string, file: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const problems: ValidationProblem[] = [];
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
    // A line with nothing on it is not a record (e.g. the end of the file).
    if (!(cells.length === 1 && cells[0] === null)) records.push({ line: recordLine, cells });
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
      if (i < n && ![COMMA, CR, LF].includes(text.charCodeAt(i))) {
        problem(line, 'text after the closing quote of a cell; quote the whole cell and double the quotes inside it');
        while (i < n && ![COMMA, CR, LF].includes(text.charCodeAt(i))) i++;
      }
      cells.push(unguardFormula(value));
    } else {
      let j = i;
      let strayQuote = false;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF) break;
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
    if (text.charCodeAt(i) === COMMA) {
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
  return { records, problems };
}

// A portfolio as the user gives it: a CSV with a header (any of name, ISIN, ticker, LEI, and a
// weight or value), or a pasted list with one holding name per line. Everything is checked
// first; any problem is reported by line and nothing is screened.
import type { ValidationProblem } from '../exchange/dataset.ts';
import { readCsv, separatorHint, SEPARATOR_NAMES } from '../exchange/formats/csvText.ts';
import { IDENTIFIER_WORDS, canonicalIdentifier, identifierFault } from '../domain/identifiers.ts';
import { controlCharacterProblem } from '../domain/fieldRules.ts';

export interface Holding {
  /** 1-based line of the input it came from. */
  line: number;
  name: string | null;
  isin: string | null;
  ticker: string | null;
  lei: string | null;
  weight: number | null;
  value: number | null;
}

export const MAX_HOLDINGS = 20_000;
export const MAX_PORTFOLIO_CHARS = 10_000_000;

/** Header names people use, normalised (lower case, letters only), for each column. */
const COLUMN_NAMES: Record<keyof Omit<Holding, 'line'>, string[]> = {
  name: ['name', 'holding', 'holdingname', 'company', 'companyname', 'issuer', 'issuername', 'security', 'securityname'],
  isin: ['isin'],
  ticker: ['ticker', 'symbol', 'tickersymbol'],
  lei: ['lei'],
  weight: ['weight', 'weightpct', 'portfolioweight', 'percent', 'pct'],
  value: ['value', 'marketvalue', 'amount', 'mv', 'positionvalue'],
};

const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z]/g, '');

function columnOf(header: string): keyof typeof COLUMN_NAMES | null {
  const key = headerKey(header);
  for (const [column, names] of Object.entries(COLUMN_NAMES)) if (names.includes(key)) return column as keyof typeof COLUMN_NAMES;
  return null;
}

export type HoldingsResult = { ok: true; holdings: Holding[]; notes: string[] } | { ok: false; problems: ValidationProblem[] };

export function parseHoldings(text: string, file: string): HoldingsResult {
  if (text.length > MAX_PORTFOLIO_CHARS) {
    return { ok: false, problems: [{ file, item: '(file)', reason: `is larger than ${MAX_PORTFOLIO_CHARS / 1e6} million characters` }] };
  }
  const { records: rows, problems, separator } = readCsv(text, file);
  if (problems.length) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ file, item: '(file)', reason: 'has no holdings' }] };

  const headerColumns = rows[0]!.cells.map((c) => (c === null ? null : columnOf(c)));
  const hasHeader = headerColumns.some((c) => c !== null);
  const notes: string[] = [];
  const found: Holding[] = [];
  const bad: ValidationProblem[] = [];
  const problem = (line: number, reason: string) => bad.push({ file, item: `line ${line}`, reason });

  if (hasHeader && separator !== ',') notes.push(`read with ${SEPARATOR_NAMES[separator]}s between cells, as in its header`);
  if (hasHeader) {
    const unknown = rows[0]!.cells.filter((c, i) => c !== null && c.trim() !== '' && headerColumns[i] === null);
    if (unknown.length) notes.push(`ignored columns: ${unknown.join(', ')}`);
    const seen = new Set<string>();
    headerColumns.forEach((c) => {
      if (c && seen.has(c)) problem(rows[0]!.line, `the column "${c}" appears twice`);
      if (c) seen.add(c);
    });
  }
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) return { ok: false, problems: [{ file, item: '(file)', reason: 'has a header but no holdings under it' }] };
  if (body.length > MAX_HOLDINGS) {
    return { ok: false, problems: [{ file, item: '(file)', reason: `has ${body.length} holdings; at most ${MAX_HOLDINGS} are screened at once` }] };
  }

  for (const record of body) {
    const cell = (column: keyof typeof COLUMN_NAMES): string | null => {
      if (!hasHeader) return column === 'name' ? record.cells.filter(Boolean).join(', ').trim() || null : null;
      const i = headerColumns.indexOf(column);
      const raw = i < 0 ? null : record.cells[i];
      return raw === null || raw === undefined || raw.trim() === '' ? null : raw.trim();
    };
    for (const raw of record.cells) {
      const control = raw === null ? null : controlCharacterProblem('cell', raw);
      if (control) problem(record.line, control.replace('"cell" holds', 'holds'));
    }
    if (hasHeader && record.cells.length === 1 && headerColumns.length > 1) {
      const hint = separatorHint(record, separator);
      if (hint) problem(record.line, `has 1 cell; the header has ${headerColumns.length}${hint}`);
    }
    if (bad.some((p) => p.item === `line ${record.line}`)) continue;
    const holding: Holding = { line: record.line, name: cell('name'), isin: null, ticker: cell('ticker'), lei: null, weight: null, value: null };
    for (const kind of ['isin', 'lei'] as const) {
      const raw = cell(kind);
      if (raw === null) continue;
      const canonical = canonicalIdentifier(raw);
      const fault = identifierFault(kind, canonical);
      if (fault === null) holding[kind] = canonical;
      else {
        const words = IDENTIFIER_WORDS[kind];
        problem(record.line, `"${raw}" is not a valid ${words.name} (${words.form})${fault === 'check digits' ? `: ${words.mismatch}` : ''}`);
      }
    }
    for (const column of ['weight', 'value'] as const) {
      const raw = cell(column);
      if (raw === null) continue;
      // "12.5%", "1,250,000" and " 3 " are all numbers people write; thousands commas go. A file
      // with semicolons between cells comes from where the comma is the decimal mark: "12,5".
      const plain = raw.replace(/[%\s]/g, '');
      const number = Number(separator === ';' && /^[\d.]*,\d+$/.test(plain) ? plain.replace(/\./g, '').replace(',', '.') : plain.replace(/,(?=\d{3}(\D|$))/g, ''));
      if (!Number.isFinite(number) || number < 0) problem(record.line, `${column} "${raw}" is not a non-negative number`);
      else holding[column] = column === 'weight' && raw.includes('%') ? number / 100 : number;
    }
    if (!holding.name && !holding.isin && !holding.ticker && !holding.lei && !bad.some((p) => p.item === `line ${record.line}`)) {
      problem(record.line, 'names no holding: give at least one of name, ISIN, ticker or LEI');
    }
    found.push(holding);
  }
  if (bad.length) return { ok: false, problems: bad };
  return { ok: true, holdings: found, notes };
}

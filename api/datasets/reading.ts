// What every official-list reader returns: the rows it turned into the project's own Dataset,
// the rows it read but did not turn into data (with why), the rows it could not read, and the
// list's provenance (publisher, page, terms, version, counts). Readers are pure: text in.
import type { Dataset, EntityRecord } from '../exchange/dataset.ts';
import { claimToRaw } from '../exchange/formats/common.ts';
import type { Origin, ParseResult } from '../exchange/formats/types.ts';
import { readCsv, type CsvRecord } from '../exchange/formats/csvText.ts';

/** A row, by its line in the file (1-based, the header is line 1), and what became of it. */
export interface RowNote {
  line: number;
  reason: string;
}

export interface DatasetProvenance {
  /** The name `npm run import -- --dataset NAME` takes. */
  name: string;
  publisher: string;
  sourcePage: string;
  terms: string;
  /** The file's version or date, as the shipped README gives it. */
  version: string;
  copiedFrom: string;
  /** Rows read, and what each kind of row came to. */
  counts: Record<string, number>;
  /**
   * The source every claim of the list cites, for a list read whole each time: a newer copy
   * that no longer holds a claim of an earlier one ends it (api/datasets/endedListings.ts).
   */
  listSourceId?: string;
  /**
   * Relation types an earlier version of the reader recorded the list's claims as: claims of
   * these types that cite the list alone are retracted when it is imported (supersededClaims.ts).
   */
  supersededTypes?: { type: string; reason: string }[];
}

export interface DatasetReading {
  dataset: Dataset;
  reported: RowNote[];
  problems: RowNote[];
  provenance: DatasetProvenance;
  /** The import's notes, when the reader sums the reported rows up (a feed of thousands of lines reports by kind). */
  notes?: string[];
  /**
   * Ids an entity may already be stored under, by its id in this reading (an OpenSanctions
   * entity's referents): the import keeps the stored id when the entity's own is not stored.
   */
  formerIds?: Record<string, string[]>;
  /** The line each record came from, index for index with the dataset's lists, so validation problems name lines. */
  lines?: { sources: number[]; entities: number[]; claims: number[] };
  /**
   * The line each record came from, index for index with the dataset's sources, entities and
   * claims, so the import's own problems ("relations[3] ...") can name the line.
   */
  origins?: ParseResult['origins'];
}

/**
 * A stable id from a name: lower-case letters and digits joined by single hyphens
 * ("Booking.com B.V." -> "booking-com-b-v"), so importing the same list twice finds the same nodes.
 */
export function nameId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isoDay(year: string, month: string, day: string): string | null {
  const m = MONTHS.indexOf(month);
  const d = Number(day);
  if (m < 0 || d < 1 || d > 31) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "26 September 2025" -> "2025-09-26"; null when the text is not such a date. */
export function dayMonthYear(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text.trim());
  return m ? isoDay(m[3]!, m[2]!, m[1]!) : null;
}

/** The date a cell starts with, "March 12, 2021..." -> "2021-03-12"; null when it starts with none. */
export function leadingMonthDayYear(text: string): string | null {
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text.trim());
  return m ? isoDay(m[3]!, m[1]!, m[2]!) : null;
}

/** "2021-03-12" -> "12 March 2021", as summaries write dates. */
export function dayInWords(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

export type CsvRows = { ok: true; rows: CsvRecord[] } | { ok: false; problems: RowNote[] };

/** The records after the header, or the reason the file is not the list: its header differs or it does not parse. */
export function listRows(text: string, file: string, expectedHeader: readonly string[], listName: string): CsvRows {
  const { records, problems } = readCsv(text, file);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ line: Number(/\d+/.exec(p.item)?.[0] ?? 1), reason: p.reason })) };
  const header = records[0]?.cells.map((c) => (c ?? '').trim()) ?? [];
  if (header.join(',') !== expectedHeader.join(',')) {
    return {
      ok: false,
      problems: [{
        line: records[0]?.line ?? 1,
        reason: `is not the ${listName}: its header must be the columns ${expectedHeader.join(', ')}; got ${header.length > 0 ? header.join(', ') : 'nothing'}`,
      }],
    };
  }
  return { ok: true, rows: records.slice(1) };
}

/** A record of a file whose header names its columns: its line and its cells by column name. */
export interface NamedRow {
  line: number;
  cell(column: string): string;
}

export type NamedRows = { ok: true; rows: NamedRow[]; columns: ReadonlySet<string> } | { ok: false; problems: RowNote[] };

/**
 * The records of a CSV file whose header names its columns (GLEIF's files have about 200):
 * any order, extra columns allowed, but every column in `required` must be there, or the file
 * is refused naming the ones it lacks. A missing or empty cell reads as "".
 */
export function namedColumnRows(text: string, file: string, required: readonly string[], listName: string): NamedRows {
  const { records, problems } = readCsv(text, file);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ line: Number(/\d+/.exec(p.item)?.[0] ?? 1), reason: p.reason })) };
  const header = records[0]?.cells.map((c) => (c ?? '').trim()) ?? [];
  const index = new Map<string, number>();
  header.forEach((name, i) => index.has(name) || index.set(name, i));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [{
        line: records[0]?.line ?? 1,
        reason: `is not ${listName}: its header must have the columns ${required.join(', ')} (others may follow); missing ${missing.join(', ')}`,
      }],
    };
  }
  const rows = records.slice(1).map(({ line, cells }): NamedRow => ({
    line,
    cell: (column) => {
      const i = index.get(column);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    },
  }));
  return { ok: true, rows, columns: new Set(index.keys()) };
}

/** Where a record came from, as locateProblems names it. */
export function lineOrigin(file: string, lines: readonly number[]): Origin {
  return { file, item: lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}` };
}

/** The reading of a file refused whole (wrong header, not JSON...): no data, its problems counted. */
export function refusedReading(provenance: DatasetProvenance, problems: RowNote[]): DatasetReading {
  provenance.counts.problems = problems.length;
  return { dataset: emptyDataset(), reported: [], problems, provenance };
}

export function emptyDataset(): Dataset {
  return { sources: [], entities: [], claims: [] };
}

function entityToRaw(entity: EntityRecord): Record<string, unknown> {
  return { id: entity.id, type: entity.type, name: entity.name, ...entity.props };
}

/** The Dataset in the project's JSON import shape, for validateDataset and the import pipeline. */
export function datasetToRaw(dataset: Dataset): ParseResult['raw'] {
  return {
    sources: dataset.sources.map((s) => ({ ...s })),
    entities: dataset.entities.map(entityToRaw),
    relations: dataset.claims.map(claimToRaw),
  };
}

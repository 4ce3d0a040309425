// Reads the CSV export back (columns in csvLayout.ts): entities.csv, and relationships.csv and
// sources.csv when given. Problems name the file and line: bad quoting, a header that is not
// this file's, unknown columns, rows with too many or too few cells. validateDataset then
// checks the records, and origins point its problems at the same lines.
import type { FieldKind } from '../../domain/model.ts';
import { CLAIM_FIELDS, SOURCE_FIELDS } from '../../domain/model.ts';
import type { ValidationProblem } from '../dataset.ts';
import { decodeList, parseNumberCell } from './cells.ts';
import { ENTITY_FIELD_KINDS, plural } from './common.ts';
import {
  CSV_FILE_NAMES,
  ENTITY_COLUMNS,
  READ_ONLY_RELATIONSHIP_COLUMNS,
  RELATIONSHIP_COLUMNS,
  REQUIRED_ENTITY_COLUMNS,
  REQUIRED_RELATIONSHIP_COLUMNS,
  REQUIRED_SOURCE_COLUMNS,
  SOURCE_COLUMNS,
} from './csvLayout.ts';
import { readCsv, separatorHint, SEPARATOR_NAMES, type CsvRecord, type CsvSeparator } from './csvText.ts';
import { emptyResult, sizeProblem, type Origin, type ParseResult } from './types.ts';

export interface CsvInput {
  fileName: string;
  content: string;
  relationshipsContent?: string;
  sourcesContent?: string;
}

interface TableSpec {
  columns: readonly string[];
  required: readonly string[];
  /** Columns not named here are text. */
  kinds: Readonly<Record<string, FieldKind>>;
  /** What the header of another file of the set looks like, to say which file this is. */
  otherFiles: [string, readonly string[]][];
}

const kindsOf = (specs: Record<string, { kind: FieldKind }>): Record<string, FieldKind> =>
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.kind]));

const TABLES = {
  entities: {
    columns: ENTITY_COLUMNS,
    required: REQUIRED_ENTITY_COLUMNS,
    kinds: ENTITY_FIELD_KINDS,
    otherFiles: [[CSV_FILE_NAMES.relationships, REQUIRED_RELATIONSHIP_COLUMNS], [CSV_FILE_NAMES.sources, REQUIRED_SOURCE_COLUMNS]],
  },
  relationships: {
    columns: RELATIONSHIP_COLUMNS,
    required: REQUIRED_RELATIONSHIP_COLUMNS,
    kinds: { ...kindsOf(CLAIM_FIELDS), sources: 'stringList' },
    otherFiles: [[CSV_FILE_NAMES.entities, REQUIRED_ENTITY_COLUMNS], [CSV_FILE_NAMES.sources, REQUIRED_SOURCE_COLUMNS]],
  },
  sources: {
    columns: SOURCE_COLUMNS,
    required: REQUIRED_SOURCE_COLUMNS,
    kinds: kindsOf(SOURCE_FIELDS),
    otherFiles: [[CSV_FILE_NAMES.entities, REQUIRED_ENTITY_COLUMNS], [CSV_FILE_NAMES.relationships, REQUIRED_RELATIONSHIP_COLUMNS]],
  },
} satisfies Record<string, TableSpec>;

/** "data/entities.csv" -> "data/relationships.csv"; otherwise the plain default name. */
function siblingName(entitiesFile: string, wanted: string): string {
  const sibling = entitiesFile.replace(/entities(?=[^/\\]*\.csv$)/i, wanted.replace(/\.csv$/, ''));
  return sibling !== entitiesFile ? sibling : wanted;
}

/** The responses column: a JSON list, checked further by validateDataset; else a problem on its line. */
function responsesCell(text: string, origin: Origin | undefined, problems: ValidationProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push({ file: origin?.file ?? CSV_FILE_NAMES.relationships, item: origin?.item ?? '(responses)', reason: 'the responses column must be a JSON list of { "kind", "date", "text", "sources" }' });
    return undefined;
  }
}

function cellValue(text: string, kind: FieldKind): unknown {
  switch (kind) {
    case 'stringList':
      return decodeList(text);
    case 'int':
    case 'float':
      // Not a number: kept as text, so validateDataset says which field and why.
      return parseNumberCell(text) ?? text;
    default:
      return text;
  }
}

interface Table {
  records: Record<string, unknown>[];
  origins: Origin[];
}

function readTable(text: string, file: string, spec: TableSpec, problems: ValidationProblem[], notes: string[]): Table {
  const table: Table = { records: [], origins: [] };
  const tooLarge = sizeProblem(text, file);
  if (tooLarge) {
    problems.push(tooLarge);
    return table;
  }
  const { records, problems: syntax, separator } = readCsv(text, file);
  problems.push(...syntax);
  if (separator !== ',') notes.push(`${file}: its header has ${SEPARATOR_NAMES[separator]}s between the columns, so it was read with ${SEPARATOR_NAMES[separator]}s between cells.`);
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ file, item: 'line 1', reason: `is empty; the first line must name the columns: ${spec.columns.join(',')}` });
    return table;
  }
  const at = `line ${header.line}`;
  const columns = header.cells.map((c) => (c ?? '').trim());
  const known = new Set(spec.columns);
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const other = spec.otherFiles.find(([, required]) => required.every((c) => columns.includes(c)));
    const hint = other ? `; this looks like ${other[0]}` : '';
    problems.push({ file, item: at, reason: `the header lacks ${missing.map((c) => `"${c}"`).join(', ')}${hint}; columns: ${spec.columns.join(',')}` });
  }
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    problems.push({ file, item: at, reason: `unknown columns ${namedFew(unknown)}; allowed: ${spec.columns.join(',')}` });
  }
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) problems.push({ file, item: at, reason: `columns named twice: ${[...new Set(repeated)].join(', ')}` });
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) return table;

  for (const row of rows) table.records.push(...rowRecord(row, columns, spec, file, problems, table.origins, separator));
  return table;
}

function rowRecord(row: CsvRecord, columns: string[], spec: TableSpec, file: string, problems: ValidationProblem[], origins: Origin[], separator: CsvSeparator) {
  if (row.cells.length !== columns.length) {
    problems.push({ file, item: `line ${row.line}`, reason: `has ${plural(row.cells.length, 'cell', 'cells')}; the header has ${columns.length}${separatorHint(row, separator)}` });
    return [];
  }
  const record: Record<string, unknown> = {};
  row.cells.forEach((text, i) => {
    if (text !== null) record[columns[i]!] = cellValue(text, spec.kinds[columns[i]!] ?? 'string');
  });
  origins.push({ file, item: `line ${row.line}` });
  return [record];
}

export function parseCsvPair(input: CsvInput): ParseResult {
  const result = emptyResult();
  const files = {
    entities: input.fileName,
    relationships: siblingName(input.fileName, CSV_FILE_NAMES.relationships),
    sources: siblingName(input.fileName, CSV_FILE_NAMES.sources),
  };
  const entities = readTable(input.content, files.entities, TABLES.entities, result.problems, result.notes);
  const relationships =
    input.relationshipsContent === undefined ? null : readTable(input.relationshipsContent, files.relationships, TABLES.relationships, result.problems, result.notes);
  const sources = input.sourcesContent === undefined ? null : readTable(input.sourcesContent, files.sources, TABLES.sources, result.problems, result.notes);

  result.raw.entities = entities.records;
  const sourceUrlsUsed = relationships?.records.some((r) => r.source_urls !== undefined) ?? false;
  result.raw.relations = (relationships?.records ?? []).map((r, i) => {
    for (const column of READ_ONLY_RELATIONSHIP_COLUMNS) delete r[column];
    if (typeof r.responses === 'string') r.responses = responsesCell(r.responses, relationships!.origins[i], result.problems);
    return r;
  });
  result.raw.sources = sources?.records ?? [];
  result.origins = { entities: entities.origins, relations: relationships?.origins ?? [], sources: sources?.origins ?? [] };

  if (!relationships) result.notes.push(`No ${CSV_FILE_NAMES.relationships} given: read entities only.`);
  if (relationships && !sources && result.raw.relations.length > 0) {
    result.notes.push(`No ${CSV_FILE_NAMES.sources} given: relationships may cite only sources already in the database.`);
  }
  if (sourceUrlsUsed && !sources) {
    result.notes.push(`The source_urls column is for reading only: the sources column says what a relationship cites, and ${CSV_FILE_NAMES.sources} what each source is.`);
  }
  result.notes.push(
    `Read ${plural(result.raw.entities.length, 'entity', 'entities')}, ${plural(result.raw.relations.length, 'relationship', 'relationships')} and ${plural(result.raw.sources.length, 'source', 'sources')}.`,
  );
  return result;
}

/** Up to five names, then how many more: a file of 10,000 wrong columns gets a short problem. */
function namedFew(names: string[]): string {
  const shown = names.slice(0, 5).map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c)).join(', ');
  return names.length > 5 ? `${shown} and ${(names.length - 5).toLocaleString('en-US')} more` : shown;
}

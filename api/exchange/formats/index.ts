// The registry of exchange formats: one exporter per export format and one parser per import
// format, so resolvers and CLIs name a format and never a module. Exporters are pure
// (Dataset in, files out); parsers never throw and return records in the project's JSON
// import shape for validateDataset, with origins so its problems point at lines.
import type { Dataset, SourceRecord } from '../dataset.ts';
import { cypherScriptExport } from './cypherScript.ts';
import { csvExport } from './csv.ts';
import { parseCsvPair } from './csvParse.ts';
import { ftmExport } from './ftm.ts';
import { parseFtm } from './ftmParse.ts';
import { gexfExport } from './gexf.ts';
import { graphmlExport } from './graphml.ts';
import { graphologyExport } from './graphologyJson.ts';
import { parseGraphology } from './graphologyParse.ts';
import { parseProjectJson } from './projectJson.ts';
import { emptyResult, nothingToImport, type ExportFile, type ParseResult } from './types.ts';
import { placeNodes, type NodeLayout } from '../layout.ts';

export type { ExportFile, Origin, ParseResult } from './types.ts';
export { locateProblems } from './types.ts';

export type ExportFormatName = 'GRAPHML' | 'GEXF' | 'CSV' | 'JSON' | 'FTM' | 'CYPHER';
export type ImportFormatName = 'JSON' | 'GRAPHOLOGY' | 'CSV' | 'FTM';

/** How the drawing formats (GEXF, GraphML) place nodes; the others carry data only. */
export interface ExportOptions {
  /** The client's node positions and sizes, one for every exported entity (see layout.ts). */
  layout?: NodeLayout;
  /** Entities the user opened, drawn larger when the export computes the layout. */
  centers?: readonly string[];
}

const drawn =
  (exporter: (ds: Dataset, placements: ReturnType<typeof placeNodes>) => ExportFile[]) =>
  (ds: Dataset, options: ExportOptions) =>
    exporter(ds, placeNodes(ds, options.layout, new Set(options.centers ?? [])));

const EXPORTERS: Record<ExportFormatName, (ds: Dataset, options: ExportOptions) => ExportFile[]> = {
  GRAPHML: drawn(graphmlExport),
  GEXF: drawn(gexfExport),
  CSV: csvExport,
  JSON: graphologyExport,
  FTM: ftmExport,
  CYPHER: cypherScriptExport,
};

/** Every format name, e.g. to check a CLI argument. */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORTERS) as ExportFormatName[];
export const IMPORT_FORMAT_NAMES: readonly ImportFormatName[] = ['JSON', 'GRAPHOLOGY', 'CSV', 'FTM'];

export function exportDataset(ds: Dataset, format: ExportFormatName, options: ExportOptions = {}): ExportFile[] {
  return EXPORTERS[format](ds, options);
}

export interface ImportInput {
  /** The file's name, used in every problem; for CSV, the entities file. */
  fileName: string;
  content: string;
  /** CSV only: relationships.csv. */
  relationshipsContent?: string;
  /** CSV only: sources.csv; without it, relationships may cite only sources already stored. */
  sourcesContent?: string;
  /** FtM only: cited by claims that carry no source of their own. */
  defaultSource?: SourceRecord;
}

/**
 * Parses an import of any format. A file that holds nothing (no bytes, blanks only, a
 * document with empty lists, a CSV header alone) is a problem, not an import of nothing.
 */
export function parseImport(format: ImportFormatName, input: ImportInput): ParseResult {
  const texts = format === 'CSV' ? [input.content, input.relationshipsContent, input.sourcesContent] : [input.content];
  if (texts.every((text) => text === undefined || text.trim() === '')) return { ...emptyResult(), problems: [nothingToImport(input.fileName)] };
  const parsed = parseFormat(format, input);
  const { sources, entities, relations } = parsed.raw;
  const empty = [sources, entities, relations].every((list) => Array.isArray(list) && list.length === 0);
  if (empty && parsed.problems.length === 0) parsed.problems.push(nothingToImport(input.fileName));
  return parsed;
}

function parseFormat(format: ImportFormatName, input: ImportInput): ParseResult {
  switch (format) {
    case 'JSON':
      return parseProjectJson(input.content, input.fileName);
    case 'GRAPHOLOGY':
      return parseGraphology(input.content, input.fileName);
    case 'CSV':
      return parseCsvPair(input);
    case 'FTM':
      return parseFtm(input.content, input.fileName, { defaultSource: input.defaultSource });
  }
}

/**
 * A guess from the file name alone: FollowTheMoney as .ftm.json, .jsonl or .ndjson,
 * graphology as .graphology.json (the name the JSON export gives), the project's JSON as
 * any other .json, CSV as .csv. Null when the name says nothing importable.
 */
export function importFormatFromFileName(name: string): ImportFormatName | null {
  const lower = name.trim().toLowerCase();
  if (/\.(ftm\.json|ftm\.jsonl|jsonl|ndjson)$/.test(lower)) return 'FTM';
  if (lower.endsWith('.graphology.json')) return 'GRAPHOLOGY';
  if (lower.endsWith('.json')) return 'JSON';
  if (lower.endsWith('.csv')) return 'CSV';
  return null;
}

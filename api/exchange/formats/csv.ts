// The CSV export: entities.csv, relationships.csv and sources.csv (columns in csvLayout.ts),
// RFC 4180 with the formula guard (csvText.ts). Reading the three back gives the same dataset.
import { responsesOf, responseToRaw } from '../../domain/responses.ts';
import { effectiveConfidence } from '../../domain/trust.ts';
import type { Dataset } from '../dataset.ts';
import { OPTIONAL_CLAIM_FIELDS, citedSources, sourcesById } from './common.ts';
import { encodeList, numberCell } from './cells.ts';
import { CSV_FILE_NAMES, ENTITY_COLUMNS, RELATIONSHIP_COLUMNS, SOURCE_COLUMNS } from './csvLayout.ts';
import { writeCsv, type CsvRow } from './csvText.ts';
import type { ExportFile } from './types.ts';

function cell(value: string | number | readonly string[] | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return numberCell(value);
  return typeof value === 'string' ? value : encodeList(value);
}

function csvFile(name: string, header: readonly string[], rows: CsvRow[]): ExportFile {
  return { name, mediaType: 'text/csv; charset=utf-8', content: writeCsv([header, ...rows]) };
}

export function csvExport(ds: Dataset): ExportFile[] {
  const sources = sourcesById(ds);
  const entityRows = ds.entities.map((e) => {
    const values: Record<string, string | number | string[]> = { ...e.props, id: e.id, type: e.type, name: e.name };
    return ENTITY_COLUMNS.map((column) => cell(values[column]));
  });
  const relationshipRows = ds.claims.map((c) => {
    const values: Record<string, string | number | readonly string[] | undefined> = {
      from: c.from,
      type: c.type,
      to: c.to,
      status: c.status,
      summary: c.summary,
      sources: c.sourceIds,
      source_urls: citedSources(c, sources)
        .map((s) => s.url)
        .join(' ') || undefined,
    };
    for (const key of OPTIONAL_CLAIM_FIELDS) values[key] = c[key];
    values.effective_confidence = effectiveConfidence(c);
    const responses = responsesOf(c);
    if (responses.length) values.responses = JSON.stringify(responses.map(responseToRaw));
    return RELATIONSHIP_COLUMNS.map((column) => cell(values[column]));
  });
  const sourceRows = ds.sources.map((s) => SOURCE_COLUMNS.map((column) => cell((s as unknown as Record<string, string | undefined>)[column])));
  return [
    csvFile(CSV_FILE_NAMES.entities, ENTITY_COLUMNS, entityRows),
    csvFile(CSV_FILE_NAMES.relationships, RELATIONSHIP_COLUMNS, relationshipRows),
    csvFile(CSV_FILE_NAMES.sources, SOURCE_COLUMNS, sourceRows),
  ];
}

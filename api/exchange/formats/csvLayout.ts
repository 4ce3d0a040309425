// The columns of the CSV export, shared by the writer and the reader. Three files:
//   entities.csv       id, type, name, then every field of the model (empty when a type
//                      lacks it); lists as "a; b" (or a JSON array when items hold ";").
//   relationships.csv  from, type, to, status, summary, the claim's optional fields with
//                      effective_confidence after confidence (the status default when no
//                      curator assessed it; for reading only), sources (cited source ids,
//                      "; "-separated), source_urls (for reading only), responses (the
//                      company's responses as a JSON list of { kind, date, text, sources };
//                      empty when none).
//   sources.csv        every source field: id, publisher, title, date, url, kind.
// Sources get a file of their own so each is written once and every field travels.
import { SOURCE_FIELDS } from '../../domain/model.ts';
import { ENTITY_FIELD_NAMES, OPTIONAL_CLAIM_FIELDS } from './common.ts';

export const ENTITY_COLUMNS: readonly string[] = ['id', 'type', 'name', ...ENTITY_FIELD_NAMES];
export const REQUIRED_ENTITY_COLUMNS = ['id', 'type', 'name'] as const;

export const RELATIONSHIP_COLUMNS: readonly string[] = [
  'from',
  'type',
  'to',
  'status',
  'summary',
  ...OPTIONAL_CLAIM_FIELDS.flatMap((f) => (f === 'confidence' ? [f, 'effective_confidence'] : [f])),
  'sources',
  'source_urls',
  'responses',
];
export const REQUIRED_RELATIONSHIP_COLUMNS = ['from', 'type', 'to', 'status', 'summary', 'sources'] as const;
/** Written for people and tools reading the file; the reader ignores it. */
export const READ_ONLY_RELATIONSHIP_COLUMNS = new Set(['effective_confidence', 'source_urls']);

export const SOURCE_COLUMNS: readonly string[] = Object.keys(SOURCE_FIELDS);
export const REQUIRED_SOURCE_COLUMNS = ['id', 'publisher', 'title', 'url'] as const;

export const CSV_FILE_NAMES = { entities: 'entities.csv', relationships: 'relationships.csv', sources: 'sources.csv' } as const;

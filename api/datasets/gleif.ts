// What GLEIF's two Golden Copy CSV readers share (gleifLei.ts for LEI records, level 1;
// gleifRelationships.ts for relationship records, level 2): the publisher, entity ids made
// from LEIs, the LEI check and GLEIF's timestamps. GLEIF's data is CC0 1.0.
import { fieldProblem, isPartialDate } from '../domain/fieldRules.ts';
import type { DatasetProvenance } from './reading.ts';

export const GLEIF_PUBLISHER = 'Global Legal Entity Identifier Foundation (GLEIF)';
export const GLEIF_PAGE = 'https://www.gleif.org/en/lei-data/gleif-golden-copy/download-the-golden-copy';
export const GLEIF_TERMS = 'CC0 1.0';

/** Provenance of a GLEIF file the user downloaded; `version` is set once the records' dates are read. */
export function gleifProvenance(name: string, counts: Record<string, number>): DatasetProvenance {
  return {
    name,
    publisher: GLEIF_PUBLISHER,
    sourcePage: GLEIF_PAGE,
    terms: GLEIF_TERMS,
    version: 'the file as downloaded by the user',
    copiedFrom: 'not shipped: read from the file the user gives',
    counts,
  };
}

/** The entity of an LEI: "lei-" and the LEI in lower case, as the model's ids are. */
export function leiEntityId(lei: string): string {
  return `lei-${lei.toLowerCase()}`;
}

/** GLEIF's page for one LEI record, which shows its reference data and its parents. */
export function leiRecordUrl(lei: string): string {
  return `https://search.gleif.org/#/record/${lei}`;
}

/** Why the cell is not a valid LEI (ISO 17442 form and check digits, the model's own check); null when it is. */
export function leiProblem(column: string, value: string): string | null {
  return fieldProblem(column, { kind: 'string', format: 'lei', doc: '' }, value);
}

/** "2023-05-10T08:52:01Z" or "2021-01-01T01:00:00+01:00" -> the day as written; null when the cell is no such timestamp. */
export function gleifDay(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(value.trim());
  return m && isPartialDate(m[1]!) ? m[1]! : null;
}

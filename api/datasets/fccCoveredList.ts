// Reads the FCC Covered List (seed/datasets/fcc-covered-list, see its README). The list is a
// US national-security determination, not a finding of abuse: each producer or provider
// becomes a Company that is SANCTIONED_BY ("listed or sanctioned by a state body") the FCC,
// status officially-listed, from the inclusion date. No company is linked to a conflict.
// Rows that name a category and no company are reported, not imported.
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { claimId } from '../domain/model.ts';
import { dayInWords, emptyDataset, leadingMonthDayYear, listRows, nameId, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';

export const FCC_HEADER = ['covered_equipment_or_services', 'date_of_inclusion_on_covered_list'] as const;

export const FCC: EntityRecord = {
  id: 'us-fcc',
  type: 'StateBody',
  name: 'US Federal Communications Commission',
  props: { aliases: ['FCC'], kind: 'regulator', country: 'US' },
};

/** As seed/datasets/README.md states them. */
const FCC_TERMS = 'A US government work.';

export const FCC_SOURCE: SourceRecord = {
  id: 'src-fcc-covered-list',
  publisher: 'US Federal Communications Commission (FCC)',
  title: '[The FCC Covered List: communications equipment and services deemed to pose an unacceptable risk to US national security]',
  url: 'https://www.fcc.gov/supplychain/coveredlist',
  kind: 'regulator',
  licence: FCC_TERMS,
};

// "<equipment> produced by <producer>, including ..." and the row's other ways of saying it.
const NAMED_ROW =
  /^(.+?) (?:produced or provided|produced|provided|supplied, directly or indirectly,) by (.+?)(?:,? subject to |,? or any of its |, (?=to the extent )|, including |\.$)/;
const EXTENT = /, (to the extent it is used for .+?), including /;
const SUBSIDIARY = ' and its wholly-owned subsidiary ';

export interface CoveredRow {
  producers: string[];
  /** What is covered, as the row says it, e.g. "telecommunications equipment". */
  covered: string;
}

/** The producers a row names and what of theirs is covered; null for a category row naming no company. */
export function coveredRow(text: string): CoveredRow | null {
  const m = NAMED_ROW.exec(text.trim());
  if (!m) return null;
  const phrase = m[2]!.trim();
  const extent = EXTENT.exec(text)?.[1];
  const equipment = m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1);
  return { producers: phrase.split(SUBSIDIARY).map((p) => p.trim()), covered: extent ? `${equipment}, ${extent},` : equipment };
}

export function readFccCoveredList(text: string, file = 'fcc-covered-list/table.csv'): DatasetReading {
  const counts = { rows: 0, companies: 0, reported: 0, problems: 0 };
  const provenance: DatasetProvenance = {
    name: 'fcc-covered-list',
    publisher: FCC_SOURCE.publisher,
    sourcePage: FCC_SOURCE.url,
    terms: FCC_TERMS,
    version: 'snapshot of 2026-08-22 (latest inclusion 28 July 2026)',
    copiedFrom: 'opensanctions/opensanctions datasets/us/fcc_covered_list/table.csv, commit f33cff233ff4393a8c71784cfe280275727b52ca (2026-08-22)',
    counts,
    listSourceId: FCC_SOURCE.id,
  };
  const reported: RowNote[] = [];
  const problems: RowNote[] = [];
  const read = listRows(text, file, FCC_HEADER, 'FCC Covered List');
  if (!read.ok) {
    counts.problems = read.problems.length;
    return { dataset: emptyDataset(), reported, problems: read.problems, provenance };
  }
  const companies: EntityRecord[] = [];
  const claims: ClaimRecord[] = [];
  const lineOfId = new Map<string, number>();
  for (const { line, cells } of read.rows) {
    counts.rows++;
    const [coveredCell, dateCell] = cells.map((c) => (c ?? '').trim());
    // A cell with several dates glued on ("December 22, 2025Updated:...") starts with the inclusion.
    const included = leadingMonthDayYear(dateCell ?? '');
    if (!included) {
      problems.push({ line, reason: `the inclusion date must read like "March 12, 2021"; got "${dateCell ?? ''}"` });
      continue;
    }
    const row = coveredRow(coveredCell ?? '');
    if (!row) {
      reported.push({ line, reason: 'names a category of equipment or services, not a producer or provider: nothing to import' });
      continue;
    }
    const whose = row.producers.length === 1 ? `${row.producers[0]}'s ${row.covered}` : `the ${row.covered} provided by ${row.producers.join(SUBSIDIARY)}`;
    for (const name of row.producers) {
      const id = nameId(name);
      if (lineOfId.has(id)) {
        problems.push({ line, reason: `"${name}" gives the id "${id}", as line ${lineOfId.get(id)} does; one producer is listed once` });
        continue;
      }
      lineOfId.set(id, line);
      companies.push({ id, type: 'Company', name, props: {} });
      claims.push({
        id: claimId(id, 'SANCTIONED_BY', FCC.id),
        type: 'SANCTIONED_BY',
        from: id,
        to: FCC.id,
        status: 'officially-listed',
        sourceIds: [FCC_SOURCE.id],
        start: included,
        summary: `The FCC placed ${whose} on its Covered List on ${dayInWords(included)}.`.replace(',, on', ', on'),
      });
      counts.companies++;
    }
  }
  counts.reported = reported.length;
  counts.problems = problems.length;
  return { dataset: { sources: [FCC_SOURCE], entities: [FCC, ...companies], claims }, reported, problems, provenance };
}

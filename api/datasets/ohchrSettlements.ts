// Reads the OHCHR database of business enterprises involved in the activities of paragraph 96
// of A/HRC/22/63 (seed/datasets/ohchr-settlement-database, see its README): each enterprise
// becomes a Company with its home state, and each listing a claim that the company is listed
// as involved in the settlements (LISTED_AS_INVOLVED_IN, status officially-listed), saying only
// what OHCHR's row says. A recorded response becomes the company's response on that claim; a
// removal ends the listing and is recorded as a disengagement from the settlements.
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { claimId } from '../domain/model.ts';
import { responseLists } from '../domain/responses.ts';
import { homeStateCode } from './homeStates.ts';
import { dayInWords, dayMonthYear, emptyDataset, listRows, nameId, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';

export const OHCHR_HEADER = [
  'no',
  'business_enterprise',
  'listed_activity_subparagraph_of_paragraph_96',
  'home_state',
  'response_from_business_enterprise',
] as const;

/** Paragraph 96 of A/HRC/22/63, as the shipped README quotes it. */
export const PARAGRAPH_96: Readonly<Record<string, string>> = {
  a: 'the supply of equipment and materials facilitating the construction and the expansion of settlements and the wall, and associated infrastructure',
  b: 'the supply of surveillance and identification equipment for settlements, the wall and checkpoints directly linked with settlements',
  c: 'the supply of equipment for the demolition of housing and property, the destruction of agricultural farms, greenhouses, olive groves and crops',
  d: 'the supply of security services, equipment and materials to enterprises operating in settlements',
  e: 'the provision of services and utilities supporting the maintenance and existence of settlements, including transport',
  f: 'banking and financial operations helping to develop, expand or maintain settlements and their activities, including loans for housing and the development of businesses',
  g: 'the use of natural resources, in particular water and land, for business purposes',
  h: 'pollution, and the dumping of waste in or its transfer to Palestinian villages',
  i: 'captivity of the Palestinian financial and economic markets, as well as practices that disadvantage Palestinian enterprises, including through restrictions on movement, administrative and legal constraints',
  j: 'the use of benefits and reinvestments of enterprises owned totally or partially by settlers for developing, expanding and maintaining the settlements',
};

/** The situation the database is about; no entity in the seed stands for it. */
export const SETTLEMENTS_CONFLICT: EntityRecord = {
  id: 'settlements-opt',
  type: 'Conflict',
  name: 'Israeli settlements in the Occupied Palestinian Territory, including East Jerusalem',
  props: {},
};

const OHCHR_TERMS = 'A public UN document; cite OHCHR as the source.';

export const OHCHR_SOURCE: SourceRecord = {
  id: 'src-ohchr-bhr-database',
  publisher: 'Office of the United Nations High Commissioner for Human Rights (OHCHR)',
  title: '[Database of business enterprises involved in the activities listed in paragraph 96 of A/HRC/22/63, as updated in September 2025]',
  date: '2025-09',
  url: 'https://www.ohchr.org/en/business/bhr-database',
  kind: 'un-body',
  licence: OHCHR_TERMS,
};

/** The list as updated in September 2025 (the README); the file gives no finer date. */
const LISTED_SINCE = '2025-09';

/**
 * The name without a footnote letter glued to its end ("Ltd. a", "Ltd.b" -> "Ltd."): one
 * lower-case letter right after a final full stop, with or without a space. Real names in the
 * file end in ".", ")" or a capital ("S. A."), never in a full stop and a lone small letter.
 */
export function withoutFootnote(name: string): string {
  return name.trim().replace(/\.\s?[a-z]$/, '.');
}

/** "(e), (g)" -> ["e", "g"]; "(g) (g)" -> ["g"]; null when the cell holds anything else. */
export function activityCodes(cell: string): string[] | null {
  const rest = cell.replace(/\(([a-j])\)/g, '').replace(/[\s,]/g, '');
  const codes = [...cell.matchAll(/\(([a-j])\)/g)].map((m) => m[1]!);
  if (rest !== '' || codes.length === 0) return null;
  return [...new Set(codes)].sort();
}

function activitiesInWords(codes: string[]): string {
  return codes.map((c) => `(${c}) ${PARAGRAPH_96[c]}`).join('; ');
}

const DATABASE_WORDS = 'in its database of business enterprises involved in activities listed in paragraph 96 of A/HRC/22/63';

export function readOhchrSettlements(text: string, file = 'ohchr-settlement-database/table.csv'): DatasetReading {
  const counts = { rows: 0, listed: 0, removed: 0, responses: 0, reported: 0, problems: 0 };
  const provenance: DatasetProvenance = {
    name: 'ohchr-settlements',
    publisher: OHCHR_SOURCE.publisher,
    sourcePage: OHCHR_SOURCE.url,
    terms: OHCHR_TERMS,
    version: 'as updated in September 2025, with removals recorded up to July 2026',
    copiedFrom: 'opensanctions/opensanctions datasets/ps/ohchr_settlement/table.csv, commit f33cff233ff4393a8c71784cfe280275727b52ca (2026-08-22)',
    counts,
    listSourceId: OHCHR_SOURCE.id,
    supersededTypes: [{ type: 'ALLEGEDLY_USED_IN', reason: 'An OHCHR listing is recorded as LISTED_AS_INVOLVED_IN: the list names no system or service, so it is no alleged use.' }],
  };
  const reported: RowNote[] = [];
  const problems: RowNote[] = [];
  const read = listRows(text, file, OHCHR_HEADER, 'OHCHR settlement database');
  if (!read.ok) {
    counts.problems = read.problems.length;
    return { dataset: emptyDataset(), reported, problems: read.problems, provenance };
  }
  const companies: EntityRecord[] = [];
  const claims: ClaimRecord[] = [];
  const lineOfId = new Map<string, number>();
  // The second block, numbered again from 1, lists enterprises no longer involved.
  let block: 'listed' | 'removed' = 'listed';
  let lastNo = 0;
  for (const { line, cells } of read.rows) {
    counts.rows++;
    const [noCell, nameCell, activityCell, stateCell, lastCell] = cells.map((c) => (c ?? '').trim());
    const no = Number(noCell);
    if (!Number.isInteger(no) || no < 1) {
      problems.push({ line, reason: `"no" must be a row number; got "${noCell ?? ''}"` });
      continue;
    }
    if (no <= lastNo) block = 'removed';
    lastNo = no;
    const rowProblems: string[] = [];
    const name = withoutFootnote(nameCell ?? '');
    if (name === '') rowProblems.push('names no business enterprise');
    const codes = activityCodes(activityCell ?? '');
    if (!codes) rowProblems.push(`activities must be letters (a) to (j) of paragraph 96, e.g. "(e), (g)"; got "${activityCell ?? ''}"`);
    const country = homeStateCode(stateCell ?? '');
    if (!country) rowProblems.push(`home state "${stateCell ?? ''}" is not a country name this reader knows; add it to api/datasets/homeStates.ts if it is one`);
    let responded: string | null = null;
    let removed: string | null = null;
    if (block === 'listed' && lastCell) {
      const m = /^Response \((.+)\)$/.exec(lastCell);
      responded = m ? dayMonthYear(m[1]!) : null;
      if (!responded) rowProblems.push(`the response column must be empty or "Response (23 September 2025)"; got "${lastCell}"`);
    }
    if (block === 'removed') {
      removed = dayMonthYear(lastCell ?? '');
      if (!removed) rowProblems.push(`a removed enterprise's last column must be its removal date, e.g. "26 September 2025"; got "${lastCell ?? ''}"`);
    }
    const id = nameId(name);
    if (name !== '' && lineOfId.has(id)) rowProblems.push(`"${name}" gives the id "${id}", as line ${lineOfId.get(id)} does; one enterprise is listed once`);
    if (rowProblems.length > 0) {
      for (const reason of rowProblems) problems.push({ line, reason });
      continue;
    }
    lineOfId.set(id, line);
    companies.push({ id, type: 'Company', name, props: { country: country! } });
    const listing = `${block === 'listed' ? 'OHCHR lists' : 'OHCHR listed'} ${name} (home state ${stateCell}) ${DATABASE_WORDS}: ${activitiesInWords(codes!)}`;
    const claim: ClaimRecord = {
      id: claimId(id, 'LISTED_AS_INVOLVED_IN', SETTLEMENTS_CONFLICT.id),
      type: 'LISTED_AS_INVOLVED_IN',
      from: id,
      to: SETTLEMENTS_CONFLICT.id,
      status: 'officially-listed',
      sourceIds: [OHCHR_SOURCE.id],
      summary: `${listing}.`,
    };
    if (block === 'listed') {
      claim.start = LISTED_SINCE;
      // The table says only that a response was received, and when: no words of it. An empty
      // cell records nothing (it does not say OHCHR asked and got no answer), so no record.
      if (responded) {
        Object.assign(claim, responseLists([{ kind: 'responded', date: responded, text: null, sourceIds: [OHCHR_SOURCE.id] }]));
        counts.responses++;
      }
      counts.listed++;
      claims.push(claim);
    } else {
      const on = dayInWords(removed!);
      claim.end = removed!;
      claim.summary = `${listing}. OHCHR removed it from the database on ${on} as no longer involved.`;
      counts.removed++;
      claims.push(claim, {
        id: claimId(id, 'DISENGAGED_FROM', SETTLEMENTS_CONFLICT.id),
        type: 'DISENGAGED_FROM',
        from: id,
        to: SETTLEMENTS_CONFLICT.id,
        status: 'officially-listed',
        sourceIds: [OHCHR_SOURCE.id],
        start: removed!,
        summary: `OHCHR removed ${name} (home state ${stateCell}) from its database of business enterprises involved in activities listed in paragraph 96 of A/HRC/22/63 on ${on}, as no longer involved.`,
      });
    }
  }
  counts.reported = reported.length;
  counts.problems = problems.length;
  const dataset = { sources: [OHCHR_SOURCE], entities: [SETTLEMENTS_CONFLICT, ...companies], claims };
  return { dataset, reported, problems, provenance };
}

// Reads GLEIF's LEI records (level 1) in the Golden Copy's "lei2" CSV (LEI-CDF 3.1, about 200
// columns; this reader uses the few below): each legal entity with an active LEI becomes a
// Company with its LEI, legal name, legal-address country and its other names as aliases.
// A record says who an entity is, nothing about what it does: it makes no claim.
import type { EntityRecord } from '../exchange/dataset.ts';
import { isCountryCode } from '../domain/standards.ts';
import { gleifDay, gleifProvenance, leiEntityId, leiProblem } from './gleif.ts';
import { lineOrigin, namedColumnRows, refusedReading, type DatasetReading, type RowNote } from './reading.ts';

export const LEI_COLUMNS = [
  'LEI',
  'Entity.LegalName',
  'Entity.LegalAddress.Country',
  'Entity.EntityStatus',
  'Registration.RegistrationStatus',
  'Registration.LastUpdateDate',
] as const;

/** Other names, read when the file has these columns (the Golden Copy has five of each). */
const OTHER_NAME_COLUMNS = [1, 2, 3, 4, 5].flatMap((n) => [
  `Entity.OtherEntityNames.OtherEntityName.${n}`,
  `Entity.TransliteratedOtherEntityNames.TransliteratedOtherEntityName.${n}`,
]);

/** LEI registrations that stand for no entity of their own: issued in error, or a second LEI. */
const NOT_AN_ENTITY: Readonly<Record<string, string>> = {
  ANNULLED: 'GLEIF records this LEI as ANNULLED (issued in error or with wrong data)',
  DUPLICATE: 'GLEIF records this LEI as a DUPLICATE of another LEI of the same entity',
};
const REGISTRATION_STATUSES = ['ISSUED', 'LAPSED', 'PENDING_TRANSFER', 'PENDING_ARCHIVAL', 'MERGED', 'RETIRED', 'TRANSFERRED', 'ANNULLED', 'DUPLICATE'];

export function readGleifLei(text: string, file = 'lei2-golden-copy.csv'): DatasetReading {
  const counts = { rows: 0, companies: 0, reported: 0, problems: 0 };
  const provenance = gleifProvenance('gleif-lei', counts);
  const reported: RowNote[] = [];
  const problems: RowNote[] = [];
  const read = namedColumnRows(text, file, LEI_COLUMNS, "GLEIF's LEI records (Golden Copy lei2 CSV)");
  if (!read.ok) return refusedReading(provenance, read.problems);
  const companies: EntityRecord[] = [];
  const lines: number[] = [];
  const lineOfLei = new Map<string, number>();
  let latest = '';
  for (const row of read.rows) {
    counts.rows++;
    const { line } = row;
    const lei = row.cell('LEI');
    const rowProblems: string[] = [];
    const badLei = leiProblem('LEI', lei);
    if (badLei) rowProblems.push(badLei);
    else if (lineOfLei.has(lei)) rowProblems.push(`LEI ${lei} is also on line ${lineOfLei.get(lei)}; each LEI has one record`);
    const name = row.cell('Entity.LegalName');
    if (name === '') rowProblems.push('Entity.LegalName is empty');
    const country = row.cell('Entity.LegalAddress.Country');
    if (!isCountryCode(country)) rowProblems.push(`Entity.LegalAddress.Country must be an ISO 3166-1 alpha-2 code such as "FR"; got "${country}"`);
    const status = row.cell('Entity.EntityStatus');
    if (!['ACTIVE', 'INACTIVE', 'NULL'].includes(status)) rowProblems.push(`Entity.EntityStatus must be ACTIVE, INACTIVE or NULL; got "${status}"`);
    const registration = row.cell('Registration.RegistrationStatus');
    if (!REGISTRATION_STATUSES.includes(registration)) rowProblems.push(`Registration.RegistrationStatus must be one of ${REGISTRATION_STATUSES.join(', ')}; got "${registration}"`);
    const updated = gleifDay(row.cell('Registration.LastUpdateDate'));
    if (!updated) rowProblems.push(`Registration.LastUpdateDate must be a timestamp such as 2023-05-10T08:52:01Z; got "${row.cell('Registration.LastUpdateDate')}"`);
    if (rowProblems.length > 0) {
      rowProblems.forEach((reason) => problems.push({ line, reason }));
      continue;
    }
    lineOfLei.set(lei, line);
    if (updated! > latest) latest = updated!;
    if (NOT_AN_ENTITY[registration]) {
      reported.push({ line, reason: `LEI ${lei}: ${NOT_AN_ENTITY[registration]}: not imported` });
      continue;
    }
    if (status !== 'ACTIVE') {
      reported.push({ line, reason: `LEI ${lei}: GLEIF records the legal entity's status as ${status}, not ACTIVE: not imported` });
      continue;
    }
    const aliases = [...new Set(OTHER_NAME_COLUMNS.map((c) => row.cell(c)).filter((n) => n !== '' && n !== name))];
    companies.push({ id: leiEntityId(lei), type: 'Company', name, props: { lei, country, ...(aliases.length > 0 ? { aliases } : {}) } });
    lines.push(line);
    counts.companies++;
  }
  if (latest !== '') provenance.version = `records last updated up to ${latest}`;
  counts.reported = reported.length;
  counts.problems = problems.length;
  return {
    dataset: { sources: [], entities: companies, claims: [] },
    reported,
    problems,
    provenance,
    origins: { sources: [], entities: lines.map((l) => lineOrigin(file, [l])), relations: [] },
  };
}

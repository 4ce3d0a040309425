// Reads GLEIF's relationship records (level 2, "who owns whom") in the Golden Copy's "rr" CSV
// (RR-CDF 2.1): each ACTIVE accounting-consolidation record becomes a claim that the parent
// (the end node) OWNS the child (the start node); an international branch is PART_OF its head
// office. Each claim cites GLEIF's record, dated by its last update. The entities must be in the
// database already (import the LEI records first, `--dataset gleif-lei`).
import type { ClaimRecord, SourceRecord } from '../exchange/dataset.ts';
import { claimId, type RelationType } from '../domain/model.ts';
import type { Origin } from '../exchange/formats/types.ts';
import { GLEIF_PUBLISHER, GLEIF_TERMS, gleifDay, gleifProvenance, leiEntityId, leiProblem, leiRecordUrl } from './gleif.ts';
import { lineOrigin, namedColumnRows, refusedReading, type DatasetReading, type RowNote } from './reading.ts';

export const RELATIONSHIP_COLUMNS = [
  'Relationship.StartNode.NodeID',
  'Relationship.StartNode.NodeIDType',
  'Relationship.EndNode.NodeID',
  'Relationship.EndNode.NodeIDType',
  'Relationship.RelationshipType',
  'Relationship.RelationshipStatus',
  'Registration.RegistrationStatus',
  'Registration.LastUpdateDate',
] as const;

/** The record's period slots; only a RELATIONSHIP_PERIOD dates the relationship (others are accounting or filing periods). */
const PERIOD_SLOTS = [1, 2, 3, 4, 5];

interface Kind {
  relation: RelationType;
  /** The parent or head office (the end node) is the claim's `from` for OWNS; the branch is for PART_OF. */
  parentFirst: boolean;
  words: string;
  key: string;
}

const KINDS: Readonly<Record<string, Kind>> = {
  IS_DIRECTLY_CONSOLIDATED_BY: { relation: 'OWNS', parentFirst: true, words: 'direct accounting-consolidating parent', key: 'direct' },
  IS_ULTIMATELY_CONSOLIDATED_BY: { relation: 'OWNS', parentFirst: true, words: 'ultimate accounting-consolidating parent', key: 'ultimate' },
  IS_INTERNATIONAL_BRANCH_OF: { relation: 'PART_OF', parentFirst: false, words: 'head office, of which it is an international branch', key: 'branch' },
};
/** Fund relations say who manages or feeds a fund, not who owns it. */
const FUND_KINDS = ['IS_FUND-MANAGED_BY', 'IS_SUBFUND_OF', 'IS_FEEDER_TO'];
/** Registrations whose data GLEIF still publishes as current; the others are reported. */
const CURRENT_REGISTRATIONS = ['PUBLISHED', 'PENDING_TRANSFER', 'PENDING_ARCHIVAL'];
const OTHER_REGISTRATIONS = ['LAPSED', 'RETIRED', 'ANNULLED', 'DUPLICATE', 'TRANSFERRED'];

/**
 * Status: GLEIF's level 2 data is reported by the child entity itself (who its parents are,
 * from its consolidated accounts) and validated by the LOU that manages its LEI (how far, the
 * record's ValidationSources says, quoted in the summary). That is the company's own
 * declaration, checked by a registrar: `company-confirmed`, not `reported` (a third party's account).
 */
const STATUS = 'company-confirmed' as const;

interface Read {
  line: number;
  child: string;
  parent: string;
  type: string;
  kind: Kind;
  updated: string;
  start: string | null;
  end: string | null;
  validation: string;
}

function period(row: { cell(c: string): string }): { start: string | null; end: string | null } | string {
  for (const n of PERIOD_SLOTS) {
    if (row.cell(`Relationship.Period.${n}.periodType`) !== 'RELATIONSHIP_PERIOD') continue;
    const [startCell, endCell] = [row.cell(`Relationship.Period.${n}.startDate`), row.cell(`Relationship.Period.${n}.endDate`)];
    const start = startCell === '' ? null : gleifDay(startCell);
    const end = endCell === '' ? null : gleifDay(endCell);
    if (startCell !== '' && !start) return `Relationship.Period.${n}.startDate must be a date such as 2017-12-06T00:00:00Z; got "${startCell}"`;
    if (endCell !== '' && !end) return `Relationship.Period.${n}.endDate must be a date such as 2017-12-06T00:00:00Z; got "${endCell}"`;
    return { start, end };
  }
  return { start: null, end: null };
}

function claimSummary(child: string, parent: string, records: Read[]): string {
  const first = records[0]!;
  const validation = [...new Set(records.map((r) => r.validation).filter((v) => v !== ''))];
  const checked = `as the child entity reported it to its LEI issuer${validation.length > 0 ? ` (validation sources: ${validation.join(', ')})` : ''}`;
  if (first.kind.relation === 'PART_OF') {
    return `GLEIF's relationship record for LEI ${child} names LEI ${parent} as its head office: LEI ${child} is its international branch (IS_INTERNATIONAL_BRANCH_OF), ${checked}.`;
  }
  const which = records.length === 1 ? `its ${first.kind.words}` : 'its direct and its ultimate accounting-consolidating parent';
  return `GLEIF's relationship record${records.length > 1 ? 's' : ''} for LEI ${child} name${records.length > 1 ? '' : 's'} LEI ${parent} as ${which} (${records.map((r) => r.type).join(', ')}), ${checked}.`;
}

export function readGleifRelationships(text: string, file = 'rr-golden-copy.csv'): DatasetReading {
  const counts = { rows: 0, claims: 0, sources: 0, reported: 0, problems: 0 };
  const provenance = gleifProvenance('gleif-relationships', counts);
  const reported: RowNote[] = [];
  const problems: RowNote[] = [];
  const read = namedColumnRows(text, file, RELATIONSHIP_COLUMNS, "GLEIF's relationship records (Golden Copy rr CSV)");
  if (!read.ok) return refusedReading(provenance, read.problems);
  const records: Read[] = [];
  const lineOfRecord = new Map<string, number>();
  let latest = '';
  for (const row of read.rows) {
    counts.rows++;
    const { line } = row;
    const child = row.cell('Relationship.StartNode.NodeID');
    const parent = row.cell('Relationship.EndNode.NodeID');
    const type = row.cell('Relationship.RelationshipType');
    const status = row.cell('Relationship.RelationshipStatus');
    const registration = row.cell('Registration.RegistrationStatus');
    const idTypes = [row.cell('Relationship.StartNode.NodeIDType'), row.cell('Relationship.EndNode.NodeIDType')];
    if (idTypes.some((t) => t !== 'LEI')) {
      reported.push({ line, reason: `a node is identified by ${idTypes.join(' and ')}, not an LEI: no entity to join` });
      continue;
    }
    const rowProblems: string[] = [];
    for (const [column, lei] of [['Relationship.StartNode.NodeID', child], ['Relationship.EndNode.NodeID', parent]] as const) {
      const bad = leiProblem(column, lei);
      if (bad) rowProblems.push(bad);
    }
    if (child !== '' && child === parent) rowProblems.push(`the start and end nodes are the same LEI ${child}`);
    const kind = KINDS[type];
    if (!kind && !FUND_KINDS.includes(type)) {
      rowProblems.push(`Relationship.RelationshipType must be one of ${[...Object.keys(KINDS), ...FUND_KINDS].join(', ')}; got "${type}"`);
    }
    if (!['ACTIVE', 'INACTIVE', 'NULL'].includes(status)) rowProblems.push(`Relationship.RelationshipStatus must be ACTIVE, INACTIVE or NULL; got "${status}"`);
    if (![...CURRENT_REGISTRATIONS, ...OTHER_REGISTRATIONS].includes(registration)) {
      rowProblems.push(`Registration.RegistrationStatus must be one of ${[...CURRENT_REGISTRATIONS, ...OTHER_REGISTRATIONS].join(', ')}; got "${registration}"`);
    }
    const updated = gleifDay(row.cell('Registration.LastUpdateDate'));
    if (!updated) rowProblems.push(`Registration.LastUpdateDate must be a timestamp such as 2023-05-10T08:52:01Z; got "${row.cell('Registration.LastUpdateDate')}"`);
    const dates = period(row);
    if (typeof dates === 'string') rowProblems.push(dates);
    const key = `${child} ${type} ${parent}`;
    if (lineOfRecord.has(key)) rowProblems.push(`the same relationship (${key}) is also on line ${lineOfRecord.get(key)}`);
    if (rowProblems.length > 0) {
      rowProblems.forEach((reason) => problems.push({ line, reason }));
      continue;
    }
    lineOfRecord.set(key, line);
    if (updated! > latest) latest = updated!;
    if (!kind) {
      reported.push({ line, reason: `${type} is a fund relationship (management or feeding), not ownership: not imported` });
      continue;
    }
    if (status !== 'ACTIVE') {
      reported.push({ line, reason: `LEI ${child} ${type} LEI ${parent} is ${status}, not ACTIVE: not imported` });
      continue;
    }
    if (!CURRENT_REGISTRATIONS.includes(registration)) {
      reported.push({ line, reason: `LEI ${child} ${type} LEI ${parent}: the record's registration is ${registration}, no longer kept current: not imported` });
      continue;
    }
    const { start, end } = dates as { start: string | null; end: string | null };
    records.push({ line, child, parent, type, kind, updated: updated!, start, end, validation: row.cell('Registration.ValidationSources') });
  }

  // A direct parent that is also the ultimate one gives two records for one pair: one claim
  // (claim ids follow from the pair and type, model.ts claimId), citing both records.
  const byClaim = new Map<string, Read[]>();
  for (const r of records) {
    const [from, to] = r.kind.parentFirst ? [r.parent, r.child] : [r.child, r.parent];
    const id = claimId(leiEntityId(from), r.kind.relation, leiEntityId(to));
    byClaim.set(id, [...(byClaim.get(id) ?? []), r]);
  }
  const sources: SourceRecord[] = [];
  const sourceOrigins: Origin[] = [];
  const claims: ClaimRecord[] = [];
  const claimOrigins: Origin[] = [];
  for (const [id, rs] of byClaim) {
    const first = rs[0]!;
    const [from, to] = first.kind.parentFirst ? [first.parent, first.child] : [first.child, first.parent];
    const cited = rs.map((r): SourceRecord => ({
      id: `src-gleif-rr-${r.child.toLowerCase()}-${r.kind.key}`,
      publisher: GLEIF_PUBLISHER,
      title: `[GLEIF relationship record: LEI ${r.child} ${r.type} LEI ${r.parent}]`,
      date: r.updated,
      url: leiRecordUrl(r.child),
      kind: 'registry',
      licence: GLEIF_TERMS,
    }));
    sources.push(...cited);
    sourceOrigins.push(...rs.map((r) => lineOrigin(file, [r.line])));
    const starts = rs.map((r) => r.start).filter((d): d is string => d !== null).sort();
    const ends = rs.map((r) => r.end).filter((d): d is string => d !== null).sort();
    const claim: ClaimRecord = {
      id,
      type: first.kind.relation,
      from: leiEntityId(from),
      to: leiEntityId(to),
      status: STATUS,
      sourceIds: cited.map((s) => s.id),
      summary: claimSummary(first.child, first.parent, rs),
    };
    if (starts.length > 0) claim.start = starts[0]!;
    // Ended only when every record for the pair says so.
    if (ends.length === rs.length) claim.end = ends[ends.length - 1]!;
    claims.push(claim);
    claimOrigins.push(lineOrigin(file, rs.map((r) => r.line)));
  }
  if (latest !== '') provenance.version = `records last updated up to ${latest}`;
  counts.claims = claims.length;
  counts.sources = sources.length;
  counts.reported = reported.length;
  counts.problems = problems.length;
  return {
    dataset: { sources, entities: [], claims },
    reported,
    problems,
    provenance,
    origins: { sources: sourceOrigins, entities: [], relations: claimOrigins },
  };
}

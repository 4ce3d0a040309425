// Reads Privacy International's Surveillance Industry Index (SII) transfer records: a JSON
// array of records, each a reported transfer of surveillance technology from a supplier to an
// end user. Each becomes a sourced SUPPLIES claim from the supplier (a Company) to the end user
// (a StateBody in the recipient country) or, when the record names none, to the recipient
// country's Government. The file's licence is not stated: it is not shipped (README).
import { createHash } from 'node:crypto';
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { claimId } from '../domain/model.ts';
import type { Origin } from '../exchange/formats/types.ts';
import { governmentOf } from './governments.ts';
import { lineOrigin, nameId, refusedReading, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';
import { readTransferRecords, siiCountryCode, type TransferRecord } from './siiRecords.ts';

export { SII_FIELDS } from './siiRecords.ts';

export const SII_PAGE = 'https://sii.privacyinternational.org/';
const INDEX = "Privacy International's Surveillance Industry Index";

/** A source per cited address, shared by the records that cite it; its id follows from the address. */
function linkSource(url: string, recordIds: string[]): SourceRecord {
  const host = new URL(url).hostname.replace(/^www\./, '');
  const records = recordIds.length === 1 ? `transfer record ${recordIds[0]}` : `transfer records ${recordIds.join(', ')}`;
  return {
    id: `src-sii-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`,
    publisher: host,
    title: `[Source cited by ${INDEX} for ${records}]`,
    url,
  };
}

function transferWords(r: TransferRecord): string {
  const goods = r.goods === '' ? 'goods not stated' : r.goods;
  return `${goods}, ${r.orderYear ? `ordered in ${r.orderYear}` : 'order year not stated'}, reported as complete: ${r.complete} (record ${r.uniqueId})`;
}

/**
 * Several records for one supplier and end user make ONE claim: claim ids follow from
 * (from, type, to) (model.ts claimId) and the import refuses a second claim between the same
 * pair, so the claim cites every record's links and its summary lists every record.
 */
function transferSummary(supplier: string, recipient: string, records: TransferRecord[]): string {
  if (records.length === 1) {
    const [r] = records as [TransferRecord];
    const goods = r.goods === '' ? 'a transfer (goods not stated)' : `a transfer of ${r.goods}`;
    const when = r.orderYear ? `ordered in ${r.orderYear}` : 'order year not stated';
    return `${INDEX} records ${goods} from ${supplier} to ${recipient} ${when}; reported as complete: ${r.complete} (record ${r.uniqueId}).`;
  }
  return `${INDEX} records ${records.length} transfers from ${supplier} to ${recipient}: ${records.map(transferWords).join('; ')}.`;
}

export function readSiiTransfers(text: string, file = 'sii-transfers.json'): DatasetReading {
  const counts = { records: 0, claims: 0, companies: 0, stateBodies: 0, governments: 0, sources: 0, reported: 0, problems: 0 };
  const provenance: DatasetProvenance = {
    name: 'pi-surveillance-index',
    publisher: 'Privacy International',
    sourcePage: SII_PAGE,
    terms: 'licence not stated; not shipped with the project',
    version: 'the file as downloaded by the user (the index gives no version)',
    copiedFrom: 'not shipped: read from the file the user gives',
    counts,
  };
  const reported: RowNote[] = [];
  const problems: RowNote[] = [];
  const read = readTransferRecords(text, file);
  if (!read.ok) return refusedReading(provenance, read.problems);
  counts.records = read.count;
  problems.push(...read.problems);
  const records = read.records;
  const lineOf = new Map(records.map((r) => [r.uniqueId, r.line]));

  const entities = new Map<string, EntityRecord>();
  /** Where each entity was first named, to name a record that contradicts it. */
  const firstNamed = new Map<string, TransferRecord>();
  const claims = new Map<string, { from: string; to: string; supplier: string; recipient: string; records: TransferRecord[] }>();
  const add = (entity: EntityRecord, r: TransferRecord): boolean => {
    const known = entities.get(entity.id);
    if (!known) {
      entities.set(entity.id, entity);
      firstNamed.set(entity.id, r);
      return true;
    }
    if (known.props.country === entity.props.country || entity.props.country === undefined) return true;
    if (known.props.country === undefined) {
      known.props.country = entity.props.country;
      return true;
    }
    const first = firstNamed.get(entity.id)!;
    problems.push({ line: r.line, reason: `record ${r.uniqueId} places ${entity.name} in ${entity.props.country}, but record ${first.uniqueId} (line ${first.line}) in ${known.props.country}` });
    return false;
  };

  for (const r of records) {
    if (r.supplier === '') {
      reported.push({ line: r.line, reason: `record ${r.uniqueId} names no supplier company: nothing to import` });
      continue;
    }
    if (r.endUser === '' && r.recipientCountry === '') {
      reported.push({ line: r.line, reason: `record ${r.uniqueId} names neither an end user nor a recipient country: nothing to link the supplier to` });
      continue;
    }
    const rowProblems: string[] = [];
    const hq = r.supplierHq === '' ? null : siiCountryCode(r.supplierHq);
    if (r.supplierHq !== '' && !hq) rowProblems.push(`supplier_company_hq "${r.supplierHq}" is not a country name this reader knows; add it to api/datasets/homeStates.ts if it is one`);
    const country = r.recipientCountry === '' ? null : siiCountryCode(r.recipientCountry);
    if (r.recipientCountry !== '' && !country) rowProblems.push(`recipient_country "${r.recipientCountry}" is not a country name this reader knows; add it to api/datasets/homeStates.ts if it is one`);
    if (rowProblems.length > 0) {
      rowProblems.forEach((reason) => problems.push({ line: r.line, reason: `record ${r.uniqueId}: ${reason}` }));
      continue;
    }
    if (r.links.length === 0) {
      reported.push({ line: r.line, reason: `record ${r.uniqueId} cites no source link, and a claim needs at least one source: not imported` });
      continue;
    }
    const supplier: EntityRecord = { id: nameId(r.supplier), type: 'Company', name: r.supplier, props: hq ? { country: hq } : {} };
    // End users of the same name in two countries ("Ministry of Interior") are two bodies.
    const recipient: EntityRecord = r.endUser !== ''
      ? { id: country ? `${nameId(r.endUser)}-${country.toLowerCase()}` : nameId(r.endUser), type: 'StateBody', name: r.endUser, props: country ? { country } : {} }
      : governmentOf(country!)!;
    if (!add(supplier, r) || !add(recipient, r)) continue;
    const id = claimId(supplier.id, 'SUPPLIES', recipient.id);
    const where = r.endUser !== '' ? `${r.endUser}${r.recipientCountry ? ` (${r.recipientCountry})` : ''}` : `${r.recipientCountry} (no end user named)`;
    const claim = claims.get(id) ?? { from: supplier.id, to: recipient.id, supplier: r.supplier, recipient: where, records: [] };
    claim.records.push(r);
    claims.set(id, claim);
  }

  const citedBy = new Map<string, string[]>();
  for (const { records: rs } of claims.values()) for (const r of rs) for (const url of r.links) citedBy.set(url, [...(citedBy.get(url) ?? []), r.uniqueId]);
  const sources = [...citedBy].map(([url, ids]) => linkSource(url, ids));
  const sourceOf = new Map(sources.map((s) => [s.url, s.id]));
  const claimRecords: ClaimRecord[] = [];
  const claimOrigins: Origin[] = [];
  for (const [id, c] of claims) {
    const years = c.records.map((r) => r.orderYear).filter((y): y is string => y !== null).sort();
    const claim: ClaimRecord = {
      id,
      type: 'SUPPLIES',
      from: c.from,
      to: c.to,
      status: 'reported',
      sourceIds: [...new Set(c.records.flatMap((r) => r.links.map((url) => sourceOf.get(url)!)))],
      summary: transferSummary(c.supplier, c.recipient, c.records),
    };
    if (years.length > 0) claim.start = years[0]!;
    claimRecords.push(claim);
    claimOrigins.push(lineOrigin(file, c.records.map((r) => r.line)));
  }

  const entityList = [...entities.values()];
  counts.claims = claimRecords.length;
  counts.companies = entityList.filter((e) => e.type === 'Company').length;
  counts.stateBodies = entityList.filter((e) => e.type === 'StateBody').length;
  counts.governments = entityList.filter((e) => e.type === 'Government').length;
  counts.sources = sources.length;
  counts.reported = reported.length;
  counts.problems = problems.length;
  problems.sort((a, b) => a.line - b.line);
  return {
    dataset: { sources, entities: entityList, claims: claimRecords },
    reported,
    problems,
    provenance,
    origins: {
      sources: sources.map((s) => lineOrigin(file, [...new Set(citedBy.get(s.url)!.map((u) => lineOf.get(u)!))])),
      entities: entityList.map((e) => lineOrigin(file, [firstNamed.get(e.id)!.line])),
      relations: claimOrigins,
    },
  };
}

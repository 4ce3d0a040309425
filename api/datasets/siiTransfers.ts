// Reads Privacy International's Surveillance Industry Index (SII) transfer records: a JSON
// array of records, each a reported transfer of surveillance technology from a supplier to an
// end user. Each becomes a sourced SUPPLIES claim from the supplier (a Company) to the end user
// (a StateBody in the recipient country) or, when the record names none, to the recipient
// country's Government. The file's licence is not stated: it is not shipped (README).
import { createHash } from 'node:crypto';
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { claimId } from '../domain/model.ts';
import { isWebAddress } from '../domain/standards.ts';
import { linesAt, readJsonDocument } from '../exchange/formats/jsonText.ts';
import type { Origin } from '../exchange/formats/types.ts';
import { FICTIONAL_COUNTRIES } from '../../seed/generate.ts';
import { governmentOf } from './governments.ts';
import { homeStateCode } from './homeStates.ts';
import { lineOrigin, nameId, refusedReading, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';

export const SII_FIELDS = [
  'supplier_company',
  'supplier_company_hq',
  'recipient_country',
  'enduser',
  'goods',
  'order_year',
  'transfer_to_enduser_reported_as_complete',
  'source_links',
  'unique_id',
] as const;

export const SII_PAGE = 'https://sii.privacyinternational.org/';
const INDEX = "Privacy International's Surveillance Industry Index";

/** One record as the file gives it, after its shape was checked. */
interface TransferRecord {
  line: number;
  uniqueId: string;
  supplier: string;
  supplierHq: string;
  recipientCountry: string;
  endUser: string;
  goods: string;
  orderYear: string | null;
  complete: 'yes' | 'no' | 'not stated';
  links: string[];
}

const FICTIONAL_CODES: ReadonlyMap<string, string> = new Map(FICTIONAL_COUNTRIES.map((c) => [c.name, c.code]));

/**
 * A country name's ISO code; the synthetic data's fictional countries ("Ruritania") read as
 * their user-assigned codes, so test files in the SII's shape never name a real state.
 */
export function siiCountryCode(name: string): string | null {
  return homeStateCode(name) ?? FICTIONAL_CODES.get(name.trim()) ?? null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A text field: a string, or null / absent-as-empty; anything else is a wrong type. */
function text(value: unknown): string | undefined {
  if (value === null) return '';
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The record's fields in the types the SII uses, or why not (each a sentence naming the field). */
function transferRecord(value: unknown, line: number, index: number): TransferRecord | string[] {
  const where = `records[${index}]`;
  if (!isRecord(value)) return [`${where} must be an object with the fields ${SII_FIELDS.join(', ')}`];
  const missing = SII_FIELDS.filter((f) => !(f in value));
  if (missing.length > 0) return [`${where} lacks ${missing.join(', ')}; each record must have the fields ${SII_FIELDS.join(', ')}`];
  const faults: string[] = [];
  const field = (name: (typeof SII_FIELDS)[number]): string => {
    const t = text(value[name]);
    if (t === undefined) faults.push(`"${name}" must be text or null; got ${JSON.stringify(value[name])}`);
    return t ?? '';
  };
  const supplier = field('supplier_company');
  const supplierHq = field('supplier_company_hq');
  const recipientCountry = field('recipient_country');
  const endUser = field('enduser');
  const goods = field('goods');

  const rawId = value.unique_id;
  const uniqueId = typeof rawId === 'number' && Number.isInteger(rawId) ? String(rawId) : typeof rawId === 'string' ? rawId.trim() : '';
  if (uniqueId === '') faults.push(`"unique_id" must be a number or text that identifies the record; got ${JSON.stringify(rawId)}`);

  const rawYear = value.order_year;
  const year = typeof rawYear === 'number' ? String(rawYear) : rawYear === null ? '' : typeof rawYear === 'string' ? rawYear.trim() : undefined;
  if (year === undefined || (year !== '' && !/^\d{4}$/.test(year))) {
    faults.push(`"order_year" must be a year (e.g. 2012, or "2012") or empty; got ${JSON.stringify(rawYear)}`);
  }

  const rawComplete = value.transfer_to_enduser_reported_as_complete;
  const said = typeof rawComplete === 'string' ? rawComplete.trim().toLowerCase() : rawComplete;
  const complete = said === true || said === 'yes' ? 'yes' : said === false || said === 'no' ? 'no' : said === null || said === '' ? 'not stated' : null;
  if (!complete) faults.push(`"transfer_to_enduser_reported_as_complete" must be "Yes", "No", true, false or empty; got ${JSON.stringify(rawComplete)}`);

  const rawLinks = value.source_links ?? [];
  const links: string[] = [];
  if (!Array.isArray(rawLinks) || rawLinks.some((l) => typeof l !== 'string')) {
    faults.push(`"source_links" must be a list of web addresses; got ${JSON.stringify(rawLinks).slice(0, 120)}`);
  } else {
    for (const link of rawLinks as string[]) {
      const url = link.trim();
      if (url === '') continue;
      if (!isWebAddress(url)) faults.push(`"source_links" holds "${url.slice(0, 120)}", which is not an http(s) address`);
      else if (!links.includes(url)) links.push(url);
    }
  }
  if (faults.length > 0) return faults.map((f) => `${where}: ${f}`);
  return { line, uniqueId, supplier, supplierHq, recipientCountry, endUser, goods, orderYear: year || null, complete: complete!, links };
}

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
  const doc = readJsonDocument(text, file, [[]]);
  if (!doc.ok) return refusedReading(provenance, [{ line: Number(/line (\d+)/.exec(doc.problem.item)?.[1] ?? 1), reason: doc.problem.reason }]);
  if (!Array.isArray(doc.value)) {
    return refusedReading(provenance, [{ line: 1, reason: `must be a JSON array of transfer records, each with the fields ${SII_FIELDS.join(', ')}` }]);
  }
  const lines = linesAt(doc, []);

  const records: TransferRecord[] = [];
  const lineOfUniqueId = new Map<string, number>();
  doc.value.forEach((value, i) => {
    counts.records++;
    const line = lines[i] ?? 1;
    const read = transferRecord(value, line, i);
    if (Array.isArray(read)) return read.forEach((reason) => problems.push({ line, reason }));
    const seen = lineOfUniqueId.get(read.uniqueId);
    if (seen !== undefined) return problems.push({ line, reason: `records[${i}]: unique_id ${read.uniqueId} is also the id of the record on line ${seen}; each record is listed once` });
    lineOfUniqueId.set(read.uniqueId, line);
    records.push(read);
  });

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
      sources: sources.map((s) => lineOrigin(file, [...new Set(citedBy.get(s.url)!.map((u) => lineOfUniqueId.get(u)!))])),
      entities: entityList.map((e) => lineOrigin(file, [firstNamed.get(e.id)!.line])),
      relations: claimOrigins,
    },
  };
}

// The shape of Privacy International's Surveillance Industry Index transfer records, checked
// once: a JSON array of objects with the fields below, in the types the index uses. What a
// record means for the graph is siiTransfers.ts's.
import { isWebAddress } from '../domain/standards.ts';
import { linesAt, readJsonDocument } from '../exchange/formats/jsonText.ts';
import { FICTIONAL_COUNTRIES } from '../../seed/generate.ts';
import { homeStateCode } from './homeStates.ts';
import type { RowNote } from './reading.ts';

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


/** One record as the file gives it, after its shape was checked. */
export interface TransferRecord {
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

export type TransferRecords = { ok: true; records: TransferRecord[]; problems: RowNote[]; count: number } | { ok: false; problems: RowNote[] };

/** Every record whose shape is sound, with the problems of the others; or why the file is no such array. */
export function readTransferRecords(text: string, file: string): TransferRecords {
  const doc = readJsonDocument(text, file, [[]]);
  if (!doc.ok) return { ok: false, problems: [{ line: Number(/line (\d+)/.exec(doc.problem.item)?.[1] ?? 1), reason: doc.problem.reason }] };
  if (!Array.isArray(doc.value)) {
    return { ok: false, problems: [{ line: 1, reason: `must be a JSON array of transfer records, each with the fields ${SII_FIELDS.join(', ')}` }] };
  }
  const lines = linesAt(doc, []);
  const records: TransferRecord[] = [];
  const problems: RowNote[] = [];
  const lineOfUniqueId = new Map<string, number>();
  doc.value.forEach((value, i) => {
    const line = lines[i] ?? 1;
    const read = transferRecord(value, line, i);
    if (Array.isArray(read)) return read.forEach((reason) => problems.push({ line, reason }));
    const seen = lineOfUniqueId.get(read.uniqueId);
    if (seen !== undefined) return problems.push({ line, reason: `records[${i}]: unique_id ${read.uniqueId} is also the id of the record on line ${seen}; each record is listed once` });
    lineOfUniqueId.set(read.uniqueId, line);
    records.push(read);
  });
  return { ok: true, records, problems, count: doc.value.length };
}

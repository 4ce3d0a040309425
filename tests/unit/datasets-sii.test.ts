import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { governmentOf } from '../../api/datasets/governments.ts';
import { datasetToRaw } from '../../api/datasets/reading.ts';
import { readSiiTransfers, SII_FIELDS } from '../../api/datasets/siiTransfers.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { getAlpha2Codes } from 'i18n-iso-countries/index.js';

const FIXTURES = new URL('../fixtures/datasets/sii/', import.meta.url);
const text = readFileSync(new URL('transfers.json', FIXTURES), 'utf8');
const reading = readSiiTransfers(text, 'transfers.json');
const INDEX = "Privacy International's Surveillance Industry Index";

const claim = (id: string) => {
  const found = reading.dataset.claims.find((c) => c.id === id);
  assert.ok(found, `no claim ${id}`);
  return found;
};

const record = (fields: Record<string, unknown>) => ({
  supplier_company: 'Fictional Optics Ltd',
  supplier_company_hq: 'Freedonia',
  recipient_country: 'Ruritania',
  enduser: 'Ruritania Interior Ministry',
  goods: 'IMSI catchers',
  order_year: '2011',
  transfer_to_enduser_reported_as_complete: 'Yes',
  source_links: ['https://example.org/a'],
  unique_id: '1',
  ...fields,
});
const readRecords = (records: unknown) => readSiiTransfers(JSON.stringify(records, null, 2), 'x.json');

test('the fixture gives 8 claims from 12 records and reports the 3 it cannot import, by line', () => {
  assert.deepEqual(reading.problems, []);
  assert.deepEqual(reading.provenance.counts, {
    records: 12, claims: 8, companies: 4, stateBodies: 4, governments: 3, sources: 11, reported: 3, problems: 0,
  });
  assert.deepEqual(reading.reported, [
    { line: 72, reason: 'record 107 names no supplier company: nothing to import' },
    { line: 83, reason: 'record 108 names neither an end user nor a recipient country: nothing to link the supplier to' },
    { line: 94, reason: 'record 109 cites no source link, and a claim needs at least one source: not imported' },
  ]);
  assert.deepEqual(
    reading.dataset.entities.map((e) => [e.id, e.type, e.props.country]),
    [
      ['fictional-optics-ltd', 'Company', 'XA'],
      ['ruritania-interior-ministry-xc', 'StateBody', 'XC'],
      ['imaginary-interception-gmbh', 'Company', 'XB'],
      ['gov-latveria', 'Government', 'XD'],
      ['fictional-cloud-gmbh', 'Company', 'XB'],
      ['example-spyware-sa', 'Company', 'XE'],
      ['state-security-service-xd', 'StateBody', 'XD'],
      ['state-security-service-xc', 'StateBody', 'XC'],
      ['border-guard-of-freedonia-xa', 'StateBody', 'XA'],
      ['gov-genovia', 'Government', 'XE'],
      ['gov-ruritania', 'Government', 'XC'],
    ],
  );
  for (const c of reading.dataset.claims) {
    assert.equal(c.type, 'SUPPLIES');
    assert.equal(c.status, 'reported');
  }
});

test('a record with an end user supplies that state body, in the recipient country, from the order year', () => {
  const c = claim('fictional-cloud-gmbh--supplies--ruritania-interior-ministry-xc');
  assert.equal(c.start, '2019');
  assert.equal(
    c.summary,
    `${INDEX} records a transfer of cloud hosting for a surveillance platform from Fictional Cloud GmbH to Ruritania Interior Ministry (Ruritania) ordered in 2019; reported as complete: yes (record 104).`,
  );
  const [source] = reading.dataset.sources.filter((s) => c.sourceIds.includes(s.id));
  assert.deepEqual(source, {
    id: c.sourceIds[0],
    publisher: 'example.org',
    title: `[Source cited by ${INDEX} for transfer record 104]`,
    url: 'https://www.example.org/fictional-cloud',
  });
});

test("a record without an end user supplies the recipient country's government, named as the seed names governments", () => {
  const c = claim('imaginary-interception-gmbh--supplies--gov-latveria');
  assert.equal(
    c.summary,
    `${INDEX} records a transfer of deep packet inspection equipment from Imaginary Interception GmbH to Latveria (no end user named) ordered in 2014; reported as complete: not stated (record 103).`,
  );
  assert.deepEqual(reading.dataset.entities.find((e) => e.id === 'gov-latveria'), {
    id: 'gov-latveria', type: 'Government', name: 'Government of Latveria', props: { country: 'XD' },
  });
  // The seed's own governments come out of the same rule: the records join them.
  const seed = JSON.parse(readFileSync(new URL('../../seed/seed-facts.json', import.meta.url), 'utf8')) as { entities: { id: string; type: string; name: string; country: string }[] };
  const governments = seed.entities.filter((e) => e.type === 'Government');
  assert.ok(governments.length >= 10);
  for (const g of governments) {
    const made = governmentOf(g.country);
    assert.deepEqual([made?.id, made?.name], [g.id, g.name], g.country);
  }
});

test('every country has its own government id, derived from its code alone', () => {
  const codes = Object.keys(getAlpha2Codes());
  const ids = codes.map((c) => governmentOf(c)?.id);
  assert.equal(ids.filter((i) => i === undefined).length, 0);
  assert.equal(new Set(ids).size, codes.length);
  assert.deepEqual([governmentOf('CD')?.id, governmentOf('CG')?.id], ['gov-democratic-republic-of-the-congo', 'gov-republic-of-the-congo']);
  assert.equal(governmentOf('US')?.name, 'Government of the United States');
  assert.equal(governmentOf('ZZ'), null);
});

test('two records of one supplier and end user make one claim citing every link, listing both records', () => {
  const c = claim('fictional-optics-ltd--supplies--ruritania-interior-ministry-xc');
  assert.equal(c.start, '2011');
  assert.equal(
    c.summary,
    `${INDEX} records 2 transfers from Fictional Optics Ltd to Ruritania Interior Ministry (Ruritania): ` +
      'IMSI catchers, ordered in 2011, reported as complete: yes (record 101); ' +
      'a monitoring centre upgrade, ordered in 2013, reported as complete: no (record 102).',
  );
  const cited = reading.dataset.sources.filter((s) => c.sourceIds.includes(s.id));
  assert.deepEqual(cited.map((s) => [s.url, s.title]), [
    ['https://example.org/news/optics-ruritania', `[Source cited by ${INDEX} for transfer records 101, 102]`],
    ['https://example.net/reports/monitoring-upgrade', `[Source cited by ${INDEX} for transfer record 102]`],
  ]);
  assert.equal(reading.origins?.relations[0]?.item, 'lines 2, 13');
});

test('several links are several sources; a body of the same name in two countries is two bodies', () => {
  assert.equal(claim('example-spyware-sa--supplies--state-security-service-xd').sourceIds.length, 3);
  assert.match(claim('example-spyware-sa--supplies--state-security-service-xd').summary, /reported as complete: yes \(record 105\)\.$/);
  assert.match(claim('example-spyware-sa--supplies--state-security-service-xc').summary, /State Security Service \(Ruritania\) ordered in 2017; reported as complete: no \(record 106\)\.$/);
  // A number unique_id and year read as the text ones do; "yes" in any case.
  assert.equal(claim('imaginary-interception-gmbh--supplies--border-guard-of-freedonia-xa').start, '2015');
  assert.match(claim('imaginary-interception-gmbh--supplies--border-guard-of-freedonia-xa').summary, /complete: yes \(record 110\)/);
  // A blank HQ on one record keeps the country the others give.
  assert.equal(reading.dataset.entities.find((e) => e.id === 'example-spyware-sa')?.props.country, 'XE');
});

test('the bad fixture: a duplicate unique_id, an unknown country, wrong types and missing fields, each with its line', () => {
  const bad = readSiiTransfers(readFileSync(new URL('transfers-bad.json', FIXTURES), 'utf8'), 'transfers-bad.json');
  assert.deepEqual(bad.problems.map((p) => p.line), [13, 24, 35, 35, 35, 46]);
  const [duplicate, country, year, complete, links, missing] = bad.problems.map((p) => p.reason) as string[];
  assert.equal(duplicate, 'records[1]: unique_id 201 is also the id of the record on line 2; each record is listed once');
  assert.match(country!, /^record 203: recipient_country "Narnia" is not a country name this reader knows/);
  assert.match(year!, /^records\[3\]: "order_year" must be a year .*; got "around 2016"$/);
  assert.match(complete!, /"transfer_to_enduser_reported_as_complete" must be "Yes", "No", true, false or empty; got "maybe"/);
  assert.match(links!, /"source_links" must be a list of web addresses/);
  assert.equal(missing, `records[4] lacks supplier_company_hq, transfer_to_enduser_reported_as_complete; each record must have the fields ${SII_FIELDS.join(', ')}`);
});

test('a file that is not an array of records is refused, naming the fields', () => {
  for (const content of ['{"records": []}', '"x"', JSON.stringify([[1, 2]])]) {
    const r = readSiiTransfers(content, 'x.json');
    assert.equal(r.problems.length, 1, content);
    assert.match(r.problems[0]!.reason, /supplier_company, supplier_company_hq, recipient_country, enduser, goods, order_year, transfer_to_enduser_reported_as_complete, source_links, unique_id/);
    assert.equal(r.dataset.claims.length, 0);
  }
  const broken = readSiiTransfers('[\n  {"unique_id": 1,\n  }\n]', 'x.json');
  assert.deepEqual(broken.problems.map((p) => p.line), [3]);
  assert.match(broken.problems[0]!.reason, /is not valid JSON/);
});

test('wrong field types and unsafe links are problems naming the field', () => {
  const r = readRecords([
    record({ goods: 42 }),
    record({ unique_id: '2', source_links: ['javascript:alert(1)'] }),
    record({ unique_id: null }),
    record({ unique_id: '4', supplier_company_hq: 'Atlantis' }),
  ]);
  assert.deepEqual(r.problems.map((p) => p.line), [2, 15, 28, 41]);
  assert.match(r.problems[0]!.reason, /"goods" must be text or null; got 42/);
  assert.match(r.problems[1]!.reason, /"source_links" holds "javascript:alert\(1\)", which is not an http\(s\) address/);
  assert.match(r.problems[2]!.reason, /"unique_id" must be a number or text/);
  assert.match(r.problems[3]!.reason, /supplier_company_hq "Atlantis" is not a country name/);
});

test('a supplier placed in two countries by two records is a problem naming both', () => {
  const r = readRecords([record({}), record({ unique_id: '2', supplier_company_hq: 'Sylvania', enduser: '' })]);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.reason, 'record 2 places Fictional Optics Ltd in XB, but record 1 (line 2) in XA');
});

test('real country names map to ISO codes as the OHCHR reader maps them', () => {
  const r = readRecords([record({ supplier_company_hq: 'Examplestan', recipient_country: 'Ruritania' })]);
  assert.match(r.problems[0]!.reason, /"Examplestan" is not a country name/);
  // Known names read without a guess; a real state is named here only as a code lookup, no claim is made.
  const names = readRecords([record({ supplier_company_hq: 'United Kingdom of Great Britain and Northern Ireland', enduser: '' })]);
  assert.deepEqual(names.problems, []);
  assert.equal(names.dataset.entities.find((e) => e.id === 'fictional-optics-ltd')?.props.country, 'GB');
});

test('reading twice gives the same ids', () => {
  assert.deepEqual(readSiiTransfers(text, 'transfers.json').dataset, reading.dataset);
});

test("the dataset passes the project's own validation with zero problems", () => {
  const result = validateDataset(datasetToRaw(reading.dataset), 'transfers.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
  assert.equal(result.dataset.claims.length, 8);
  assert.equal(result.dataset.entities.length, 11);
  assert.equal(result.dataset.sources.length, 11);
});

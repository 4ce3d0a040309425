import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readFccCoveredList } from '../../api/datasets/fccCoveredList.ts';
import { datasetToRaw } from '../../api/datasets/reading.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';

const FILE = new URL('../../seed/datasets/fcc-covered-list/table.csv', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const reading = readFccCoveredList(text);
const HEADER = 'covered_equipment_or_services,date_of_inclusion_on_covered_list';

function claimOf(name: string) {
  const entity = reading.dataset.entities.find((e) => e.name === name);
  assert.ok(entity, `no company named ${name}`);
  const claim = reading.dataset.claims.find((c) => c.from === entity.id);
  assert.ok(claim);
  return claim;
}

test('the shipped list gives 13 companies from 12 rows and reports the 4 category rows', () => {
  assert.deepEqual(reading.problems, []);
  assert.deepEqual(reading.provenance.counts, { rows: 16, companies: 13, reported: 4, problems: 0 });
  assert.deepEqual(reading.reported.map((r) => r.line), [13, 14, 16, 17]);
  assert.deepEqual(
    reading.dataset.entities.filter((e) => e.type === 'Company').map((e) => e.name),
    [
      'Huawei Technologies Company',
      'ZTE Corporation',
      'Hytera Communications Corporation',
      'Hangzhou Hikvision Digital Technology Company',
      'Dahua Technology Company',
      'AO Kaspersky Lab',
      'China Mobile International USA Inc.',
      'China Telecom (Americas) Corp.',
      'Pacific Networks Corp',
      'ComNet (USA) LLC',
      'China Unicom (Americas) Operations Limited',
      'Kaspersky Lab, Inc.',
      'Digitalsystem Technology Inc.',
    ],
  );
});

test('each company is listed by the FCC, not linked to any conflict', () => {
  for (const c of reading.dataset.claims) {
    assert.equal(c.type, 'SANCTIONED_BY');
    assert.equal(c.to, 'us-fcc');
    assert.equal(c.status, 'officially-listed');
    assert.deepEqual(c.sourceIds, ['src-fcc-covered-list']);
  }
  assert.equal(reading.dataset.entities.some((e) => e.type === 'Conflict' || e.type === 'Abuse'), false);
});

test('Huawei was placed on the list on 12 March 2021', () => {
  const claim = claimOf('Huawei Technologies Company');
  assert.equal(claim.from, 'huawei-technologies-company');
  assert.equal(claim.start, '2021-03-12');
  assert.equal(claim.summary, "The FCC placed Huawei Technologies Company's telecommunications equipment on its Covered List on 12 March 2021.");
});

test("the row's limits and its two named providers are kept", () => {
  assert.match(claimOf('Hangzhou Hikvision Digital Technology Company').summary, /equipment, to the extent it is used for the purpose of public safety, .* national security purposes, on its Covered List on 12 March 2021\.$/);
  const pacific = claimOf('Pacific Networks Corp');
  assert.equal(pacific.start, '2022-09-20');
  assert.equal(claimOf('ComNet (USA) LLC').summary, pacific.summary);
  assert.equal(claimOf('Kaspersky Lab, Inc.').start, '2024-07-23');
  assert.equal(claimOf('Digitalsystem Technology Inc.').start, '2026-07-07');
});

test('glued dates read the first date; a row without a date is a problem with its line', () => {
  const r = readFccCoveredList(
    `${HEADER}\n"Telecommunications equipment produced by Acme Fictional Company, including services.","December 22, 2025Updated:January 7, 2026"\n` +
      `"Telecommunications equipment produced by Borealis Fictional Company, including services.",soon\n`,
  );
  assert.equal(r.dataset.claims[0]!.start, '2025-12-22');
  assert.deepEqual(r.problems.map((p) => p.line), [3]);
  assert.match(r.problems[0]!.reason, /March 12, 2021/);
});

test('a file with another header is refused, naming the expected columns', () => {
  const r = readFccCoveredList('equipment,date\nx,"March 12, 2021"\n');
  assert.equal(r.dataset.claims.length, 0);
  assert.equal(r.problems[0]!.line, 1);
  assert.match(r.problems[0]!.reason, /covered_equipment_or_services, date_of_inclusion_on_covered_list/);
});

test('reading twice gives the same ids', () => {
  assert.deepEqual(readFccCoveredList(text).dataset, reading.dataset);
});

test("the dataset passes the project's own validation with zero problems", () => {
  const result = validateDataset(datasetToRaw(reading.dataset), 'table.csv');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
  assert.equal(result.dataset.claims.length, 13);
  assert.equal(result.dataset.entities.length, 14);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { activityCodes, readOhchrSettlements, withoutFootnote } from '../../api/datasets/ohchrSettlements.ts';
import { datasetToRaw } from '../../api/datasets/reading.ts';
import { responsesOf } from '../../api/domain/responses.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';

const FILE = new URL('../../seed/datasets/ohchr-settlement-database/table.csv', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const reading = readOhchrSettlements(text);
const HEADER = 'no,business_enterprise,listed_activity_subparagraph_of_paragraph_96,home_state,response_from_business_enterprise';

function company(name: string) {
  const entity = reading.dataset.entities.find((e) => e.name === name);
  assert.ok(entity, `no company named ${name}`);
  const claim = reading.dataset.claims.find((c) => c.from === entity.id && c.type === 'LISTED_AS_INVOLVED_IN');
  assert.ok(claim, `no listing of ${entity.id}`);
  const disengagement = reading.dataset.claims.find((c) => c.from === entity.id && c.type === 'DISENGAGED_FROM');
  return { entity, claim, disengagement };
}

test('the shipped file reads as 153 listed and 12 removed enterprises, 5 responses, with no problem', () => {
  assert.deepEqual(reading.problems, []);
  assert.deepEqual(reading.reported, []);
  assert.deepEqual(reading.provenance.counts, { rows: 165, listed: 153, removed: 12, responses: 5, reported: 0, problems: 0 });
  assert.equal(reading.dataset.entities.filter((e) => e.type === 'Company').length, 165);
  // 165 listings and, for the 12 removed, a disengagement each.
  assert.equal(reading.dataset.claims.length, 177);
  assert.equal(reading.dataset.claims.filter((c) => c.type === 'LISTED_AS_INVOLVED_IN').length, 165);
  assert.equal(reading.dataset.claims.filter((c) => c.type === 'LISTED_AS_INVOLVED_IN' && c.end !== undefined).length, 12);
  assert.equal(reading.dataset.claims.filter((c) => c.type === 'DISENGAGED_FROM').length, 12);
  assert.equal(reading.dataset.claims.filter((c) => responsesOf(c).length > 0).length, 5);
  assert.equal(reading.provenance.sourcePage, 'https://www.ohchr.org/en/business/bhr-database');
});

test('every claim joins a company to the one settlements Conflict (a listing, not an alleged use), officially listed, citing OHCHR', () => {
  const conflict = reading.dataset.entities.find((e) => e.type === 'Conflict');
  assert.equal(conflict?.id, 'settlements-opt');
  assert.equal(conflict?.name, 'Israeli settlements in the Occupied Palestinian Territory, including East Jerusalem');
  assert.deepEqual(reading.dataset.sources.map((s) => s.url), ['https://www.ohchr.org/en/business/bhr-database']);
  for (const c of reading.dataset.claims) {
    assert.equal(c.to, 'settlements-opt');
    assert.ok(c.type === 'LISTED_AS_INVOLVED_IN' || c.type === 'DISENGAGED_FROM', c.type);
    assert.equal(c.status, 'officially-listed');
    assert.deepEqual(c.sourceIds, ['src-ohchr-bhr-database']);
  }
});

test('Airbnb Inc. is a US company listed for activity (e) from September 2025', () => {
  const { entity, claim } = company('Airbnb Inc.');
  assert.equal(entity.id, 'airbnb-inc');
  assert.equal(entity.props.country, 'US');
  assert.equal(claim.start, '2025-09');
  assert.equal(claim.end, undefined);
  assert.equal(
    claim.summary,
    'OHCHR lists Airbnb Inc. (home state United States of America) in its database of business enterprises involved in activities listed in paragraph 96 of A/HRC/22/63: (e) the provision of services and utilities supporting the maintenance and existence of settlements, including transport.',
  );
});

test('UN-style home states map to ISO codes', () => {
  assert.equal(company('Booking.com B.V.').entity.props.country, 'NL');
  assert.equal(company('Greenkote P.L.C.').entity.props.country, 'GB');
  assert.equal(company('J.C. Bamford Excavators Ltd.').entity.props.country, 'GB');
  assert.equal(company('Tahal Group International B.V.').entity.props.country, 'NL');
  assert.equal(company('Fosun International Ltd.').entity.props.country, 'CN');
});

test('Kardan N.V. (Netherlands) was removed on 26 September 2025', () => {
  const { entity, claim } = company('Kardan N.V.');
  assert.equal(entity.props.country, 'NL');
  assert.equal(claim.end, '2025-09-26');
  assert.equal(claim.start, undefined);
  assert.match(claim.summary, /OHCHR removed it from the database on 26 September 2025 as no longer involved\.$/);
  assert.equal(company('Steconfer S.A.').claim.end, '2026-07-17');
});

test('a removal is also a disengagement from the settlements, dated on the removal, citing OHCHR', () => {
  const { disengagement } = company('Kardan N.V.');
  assert.ok(disengagement);
  assert.equal(disengagement.id, 'kardan-n-v--disengaged-from--settlements-opt');
  assert.equal(disengagement.to, 'settlements-opt');
  assert.equal(disengagement.start, '2025-09-26');
  assert.equal(disengagement.status, 'officially-listed');
  assert.deepEqual(disengagement.sourceIds, ['src-ohchr-bhr-database']);
  assert.match(disengagement.summary, /^OHCHR removed Kardan N\.V\. \(home state Kingdom of the Netherlands\) from its database .* on 26 September 2025, as no longer involved\.$/);
  assert.equal(company('Steconfer S.A.').disengagement?.start, '2026-07-17');
  assert.equal(company('Airbnb Inc.').disengagement, undefined);
});

test("Ahava's response dated 23 September 2025 is its own record on the listing, citing OHCHR; an empty cell records none", () => {
  const { claim } = company('Ahava – Dead Sea Laboratories Ltd.');
  assert.deepEqual(responsesOf(claim), [{ kind: 'responded', date: '2025-09-23', text: null, sourceIds: ['src-ohchr-bhr-database'] }]);
  assert.doesNotMatch(claim.summary, /response/i);
  assert.deepEqual(responsesOf(company('Airbnb Inc.').claim), []);
  assert.doesNotMatch(company('Airbnb Inc.').claim.summary, /response/);
});

test('footnote letters are stripped from exactly these twelve names, and no other name changes', () => {
  const rows = text.split(/\r?\n/).slice(1).filter((l) => l !== '');
  const raw = rows.map((l) => (/^\d+,"?(.*?)"?,/.exec(l)?.[1] ?? '').trim());
  const changed = raw.filter((n) => withoutFootnote(n) !== n).map(withoutFootnote);
  assert.deepEqual(changed, [
    'Ashtrom Residential Development Ltd.',
    'Davidov Garages Ltd.',
    'Db Billiards Ltd.',
    'Extra Retail Group Ltd.',
    'Harsa Studio – Sanitaryware Manufacturers Ltd.',
    'Impact Property Development Ltd.',
    'Mizrachi & Sons Investments Group Ltd.',
    'Paz Retail and Energy Ltd.',
    'Powergen Solar A Ltd.',
    'Salomon A. Angel Ltd.',
    'Yes TV and Communications Services Ltd.',
    'Z.F. Building Company Ltd.',
  ]);
  assert.equal(withoutFootnote('Alstom S. A.'), 'Alstom S. A.');
  assert.equal(company('Ashtrom Residential Development Ltd.').entity.id, 'ashtrom-residential-development-ltd');
});

test('"(g) (g)" is one activity; activity cells read in order without repeats', () => {
  assert.deepEqual(activityCodes('(g) (g)'), ['g']);
  assert.deepEqual(activityCodes('(e), (f), (g)'), ['e', 'f', 'g']);
  assert.equal(activityCodes('(z)'), null);
  assert.equal(activityCodes(''), null);
  const { claim } = company('Field Produce Ltd.');
  assert.equal(claim.summary.match(/\(g\)/g)?.length, 1);
});

test('a file with another header is refused, naming the expected columns', () => {
  const r = readOhchrSettlements('name,country\nAcme Fictional Ltd.,Israel\n');
  assert.equal(r.dataset.entities.length, 0);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.line, 1);
  assert.match(r.problems[0]!.reason, new RegExp(HEADER.split(',').join(', ')));
});

test('a bad row is a problem with its line; the good rows still read', () => {
  const r = readOhchrSettlements(
    `${HEADER}\n1,Acme Fictional Ltd.,(e),Israel,\n2,Borealis Fictional Inc.,(e),Narnia,\n3,Cygnus Fictional Ltd.,(q),Israel,\n`,
  );
  assert.deepEqual(r.problems.map((p) => p.line), [3, 4]);
  assert.match(r.problems[0]!.reason, /home state "Narnia"/);
  assert.match(r.problems[1]!.reason, /\(a\) to \(j\)/);
  assert.deepEqual(r.dataset.claims.map((c) => c.from), ['acme-fictional-ltd']);
});

test('reading twice gives the same ids: importing twice changes nothing', () => {
  const again = readOhchrSettlements(text);
  assert.deepEqual(again.dataset, reading.dataset);
});

test("the dataset passes the project's own validation with zero problems", () => {
  const result = validateDataset(datasetToRaw(reading.dataset), 'table.csv');
  assert.equal(result.ok ? 0 : result.problems.length, 0, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
  assert.ok(result.ok);
  assert.equal(result.dataset.claims.length, 177);
  assert.equal(result.dataset.entities.length, 166);
  // The responses survive the JSON shape and its validation.
  assert.equal(result.dataset.claims.filter((c) => responsesOf(c).length > 0).length, 5);
});

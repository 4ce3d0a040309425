import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readGleifLei, LEI_COLUMNS } from '../../api/datasets/gleifLei.ts';
import { readGleifRelationships, RELATIONSHIP_COLUMNS } from '../../api/datasets/gleifRelationships.ts';
import { datasetToRaw } from '../../api/datasets/reading.ts';
import { isValidLei } from '../../api/domain/identifiers.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { writeCsv } from '../../api/exchange/formats/csvText.ts';
import { LEIS, fictionalLei, lei2Csv, rrCsv } from '../fixtures/datasets/gleif/make.ts';

const FIXTURES = new URL('../fixtures/datasets/gleif/', import.meta.url);
const leiText = readFileSync(new URL('lei2.csv', FIXTURES), 'utf8');
const rrText = readFileSync(new URL('rr.csv', FIXTURES), 'utf8');
const entities = readGleifLei(leiText, 'lei2.csv');
const relations = readGleifRelationships(rrText, 'rr.csv');
const id = (lei: string) => `lei-${lei.toLowerCase()}`;

const leiRow = (cells: Partial<Record<(typeof LEI_COLUMNS)[number], string>>) => ({
  LEI: LEIS.holdings,
  'Entity.LegalName': 'Fictional Holdings Plc',
  'Entity.LegalAddress.Country': 'XB',
  'Entity.EntityStatus': 'ACTIVE',
  'Registration.RegistrationStatus': 'ISSUED',
  'Registration.LastUpdateDate': '2026-03-02T09:15:00Z',
  ...cells,
});
const rrRow = (cells: Partial<Record<(typeof RELATIONSHIP_COLUMNS)[number], string>>) => ({
  'Relationship.StartNode.NodeID': LEIS.search,
  'Relationship.StartNode.NodeIDType': 'LEI',
  'Relationship.EndNode.NodeID': LEIS.holdings,
  'Relationship.EndNode.NodeIDType': 'LEI',
  'Relationship.RelationshipType': 'IS_DIRECTLY_CONSOLIDATED_BY',
  'Relationship.RelationshipStatus': 'ACTIVE',
  'Registration.RegistrationStatus': 'PUBLISHED',
  'Registration.LastUpdateDate': '2026-02-11T14:05:00+01:00',
  ...cells,
});
const csvOf = (rows: Record<string, string>[]) => writeCsv([Object.keys(rows[0]!), ...rows.map((r) => Object.values(r))]);

test('the fixture is what its generator writes, and every LEI in it has valid check digits', () => {
  assert.equal(leiText, lei2Csv());
  assert.equal(rrText, rrCsv());
  for (const lei of Object.values(LEIS)) assert.ok(isValidLei(lei), lei);
  assert.equal(fictionalLei('FCTN00HOLDINGS0001'), 'FCTN00HOLDINGS000186');
});

test('LEI records: 7 active entities become companies; the inactive and the annulled are reported by line', () => {
  assert.deepEqual(entities.problems, []);
  assert.deepEqual(entities.provenance.counts, { rows: 9, companies: 7, reported: 2, problems: 0 });
  assert.equal(entities.provenance.terms, 'CC0 1.0');
  assert.equal(entities.provenance.version, 'records last updated up to 2026-03-02');
  assert.deepEqual(entities.reported, [
    { line: 7, reason: `LEI ${LEIS.defunct}: GLEIF records the legal entity's status as INACTIVE, not ACTIVE: not imported` },
    { line: 8, reason: `LEI ${LEIS.annulled}: GLEIF records this LEI as ANNULLED (issued in error or with wrong data): not imported` },
  ]);
  assert.deepEqual(entities.dataset.entities.map((e) => e.name), [
    'Fictional Holdings Plc', 'Fictional Search Ltd', 'Fictional Cloud GmbH', 'Fictional Cloud GmbH, Ruritania Branch',
    'Fictional Lapsed Media Ltd', 'Fictional Fund Manager AG', 'Fictional Growth Fund',
  ]);
  assert.deepEqual(entities.dataset.entities[2], {
    id: 'lei-fctn00cloud000000116',
    type: 'Company',
    name: 'Fictional Cloud GmbH',
    props: { lei: 'FCTN00CLOUD000000116', country: 'XB', aliases: ['Fictional Cloud', 'FIKTIONAL CLOUD GMBH'] },
  });
  // A lapsed LEI (not renewed) still names an existing entity.
  assert.equal(entities.dataset.entities[4]!.props.lei, LEIS.media);
  assert.deepEqual(entities.dataset.claims, []);
});

test('relationship records: the parent owns the child, direct and ultimate records of one pair make one claim', () => {
  assert.deepEqual(relations.problems, []);
  assert.deepEqual(relations.provenance.counts, { rows: 8, claims: 4, sources: 5, reported: 3, problems: 0 });
  assert.deepEqual(relations.dataset.claims.map((c) => [c.from, c.type, c.to, c.start ?? null, c.end ?? null]), [
    [id(LEIS.holdings), 'OWNS', id(LEIS.search), '2015-06-01', null],
    [id(LEIS.search), 'OWNS', id(LEIS.cloud), '2018-03-15', null],
    [id(LEIS.holdings), 'OWNS', id(LEIS.cloud), '2018-03-15', null],
    [id(LEIS.branch), 'PART_OF', id(LEIS.cloud), null, null],
  ]);
  const [top, middle] = relations.dataset.claims as [typeof relations.dataset.claims[0], typeof relations.dataset.claims[0]];
  assert.equal(top.id, `${id(LEIS.holdings)}--owns--${id(LEIS.search)}`);
  assert.equal(top.status, 'company-confirmed');
  assert.equal(
    top.summary,
    `GLEIF's relationship records for LEI ${LEIS.search} name LEI ${LEIS.holdings} as its direct and its ultimate accounting-consolidating parent ` +
      '(IS_DIRECTLY_CONSOLIDATED_BY, IS_ULTIMATELY_CONSOLIDATED_BY), as the child entity reported it to its LEI issuer (validation sources: FULLY_CORROBORATED).',
  );
  assert.deepEqual(top.sourceIds, [`src-gleif-rr-${LEIS.search.toLowerCase()}-direct`, `src-gleif-rr-${LEIS.search.toLowerCase()}-ultimate`]);
  assert.match(middle.summary, /names LEI FCTN00SEARCH00000113 as its direct accounting-consolidating parent \(IS_DIRECTLY_CONSOLIDATED_BY\)/);
  assert.deepEqual(relations.origins?.relations.map((o) => o.item), ['lines 2, 3', 'line 4', 'line 5', 'line 6']);
});

test('each claim cites GLEIF for its record, dated by the record\'s last update as written', () => {
  const source = relations.dataset.sources.find((s) => s.id === `src-gleif-rr-${LEIS.search.toLowerCase()}-direct`);
  assert.deepEqual(source, {
    id: `src-gleif-rr-${LEIS.search.toLowerCase()}-direct`,
    publisher: 'Global Legal Entity Identifier Foundation (GLEIF)',
    title: `[GLEIF relationship record: LEI ${LEIS.search} IS_DIRECTLY_CONSOLIDATED_BY LEI ${LEIS.holdings}]`,
    // 2026-02-11T14:05:00+01:00: the day GLEIF wrote, not shifted to UTC.
    date: '2026-02-11',
    url: `https://search.gleif.org/#/record/${LEIS.search}`,
    kind: 'registry',
    licence: 'CC0 1.0',
  });
});

test('only active, current relationships are imported: inactive, lapsed and fund relations are reported by line', () => {
  assert.deepEqual(relations.reported, [
    { line: 7, reason: `LEI ${LEIS.media} IS_DIRECTLY_CONSOLIDATED_BY LEI ${LEIS.holdings} is INACTIVE, not ACTIVE: not imported` },
    { line: 8, reason: `LEI ${LEIS.media} IS_ULTIMATELY_CONSOLIDATED_BY LEI ${LEIS.holdings}: the record's registration is LAPSED, no longer kept current: not imported` },
    { line: 9, reason: 'IS_FUND-MANAGED_BY is a fund relationship (management or feeding), not ownership: not imported' },
  ]);
});

test('an accounting period does not date the relationship; a RELATIONSHIP_PERIOD end ends the claim', () => {
  const r = readGleifRelationships(csvOf([{
    ...rrRow({}),
    'Relationship.Period.1.startDate': '2025-01-01T00:00:00Z', 'Relationship.Period.1.endDate': '2025-12-31T00:00:00Z', 'Relationship.Period.1.periodType': 'ACCOUNTING_PERIOD',
    'Relationship.Period.2.startDate': '2010-02-01T00:00:00Z', 'Relationship.Period.2.endDate': '2030-01-31T00:00:00Z', 'Relationship.Period.2.periodType': 'RELATIONSHIP_PERIOD',
  }]));
  assert.deepEqual([r.dataset.claims[0]!.start, r.dataset.claims[0]!.end], ['2010-02-01', '2030-01-31']);
});

test('a bad LEI, a duplicate LEI and bad cells are problems with their lines', () => {
  const wrong = LEIS.holdings.slice(0, 18) + (LEIS.holdings.endsWith('86') ? '87' : '86');
  const r = readGleifLei(csvOf([
    leiRow({}),
    leiRow({ LEI: wrong }),
    leiRow({}),
    leiRow({ LEI: LEIS.search, 'Entity.LegalAddress.Country': 'Sylvania', 'Entity.EntityStatus': 'ALIVE', 'Registration.LastUpdateDate': '02/03/2026' }),
  ]), 'lei2.csv');
  assert.deepEqual(r.problems.map((p) => p.line), [3, 4, 5, 5, 5]);
  assert.match(r.problems[0]!.reason, new RegExp(`"LEI" must be a valid LEI .*got "${wrong}": its check digits do not match`));
  assert.equal(r.problems[1]!.reason, `LEI ${LEIS.holdings} is also on line 2; each LEI has one record`);
  assert.match(r.problems[2]!.reason, /Entity.LegalAddress.Country must be an ISO 3166-1 alpha-2 code .*got "Sylvania"/);
  assert.match(r.problems[3]!.reason, /Entity.EntityStatus must be ACTIVE, INACTIVE or NULL; got "ALIVE"/);
  assert.match(r.problems[4]!.reason, /Registration.LastUpdateDate must be a timestamp .*got "02\/03\/2026"/);

  const rr = readGleifRelationships(csvOf([
    rrRow({ 'Relationship.EndNode.NodeID': 'FCTN00HOLDINGS000100' }),
    rrRow({ 'Relationship.RelationshipType': 'IS_BEST_FRIEND_OF' }),
    rrRow({}),
    rrRow({}),
  ]), 'rr.csv');
  assert.deepEqual(rr.problems.map((p) => p.line), [2, 3, 5]);
  assert.match(rr.problems[0]!.reason, /"Relationship.EndNode.NodeID" must be a valid LEI \(18 letters or digits, 2 check digits\); got "FCTN00HOLDINGS000100"/);
  assert.match(rr.problems[1]!.reason, /Relationship.RelationshipType must be one of IS_DIRECTLY_CONSOLIDATED_BY, IS_ULTIMATELY_CONSOLIDATED_BY, IS_INTERNATIONAL_BRANCH_OF/);
  assert.match(rr.problems[2]!.reason, /the same relationship .* is also on line 4/);
});

test('a file lacking the columns a reader uses is refused, naming them; extra columns are fine', () => {
  const r = readGleifLei('LEI,Entity.LegalName\n' + `${LEIS.holdings},Fictional Holdings Plc\n`, 'lei2.csv');
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.line, 1);
  assert.match(r.problems[0]!.reason, /must have the columns LEI, Entity.LegalName, Entity.LegalAddress.Country, Entity.EntityStatus, Registration.RegistrationStatus, Registration.LastUpdateDate \(others may follow\); missing Entity.LegalAddress.Country, Entity.EntityStatus, Registration.RegistrationStatus, Registration.LastUpdateDate$/);
  const rr = readGleifRelationships(leiText, 'lei2.csv');
  assert.match(rr.problems[0]!.reason, /^is not GLEIF's relationship records \(Golden Copy rr CSV\): .*missing Relationship.StartNode.NodeID/);
  assert.equal(readGleifLei(rrText, 'rr.csv').problems.length, 1);
});

test('a node that is not an LEI is reported, not guessed', () => {
  const r = readGleifRelationships(csvOf([rrRow({ 'Relationship.EndNode.NodeIDType': 'NATURAL_PERSON', 'Relationship.EndNode.NodeID': 'someone' })]), 'rr.csv');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.reported, [{ line: 2, reason: 'a node is identified by LEI and NATURAL_PERSON, not an LEI: no entity to join' }]);
});

test("both datasets pass the project's own validation (the relationships against the LEI records' entities)", () => {
  const lei = validateDataset(datasetToRaw(entities.dataset), 'lei2.csv');
  assert.ok(lei.ok, lei.ok ? '' : JSON.stringify(lei.problems.slice(0, 3)));
  const known = new Map(entities.dataset.entities.map((e) => [e.id, e.type] as const));
  const rr = validateDataset(datasetToRaw(relations.dataset), 'rr.csv', { entities: known });
  assert.ok(rr.ok, rr.ok ? '' : JSON.stringify(rr.problems.slice(0, 3)));
  assert.equal(rr.dataset.claims.length, 4);
  // Without the entities, every claim points at an entity that is not there.
  const alone = validateDataset(datasetToRaw(relations.dataset), 'rr.csv');
  assert.equal(alone.ok, false);
});

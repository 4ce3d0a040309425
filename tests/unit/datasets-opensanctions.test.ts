import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readOpenSanctions } from '../../api/datasets/opensanctions.ts';
import { authorityEntity } from '../../api/datasets/opensanctionsClaims.ts';
import { openSanctionsEntityId } from '../../api/datasets/opensanctionsEntities.ts';
import { datasetToRaw, type DatasetReading } from '../../api/datasets/reading.ts';
import { addToStored, renamedToStored } from '../../api/datasets/storedEntities.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { locateProblems } from '../../api/exchange/formats/types.ts';
import { isValidId } from '../../api/domain/model.ts';
import type { StoredEntity } from '../../api/graph/mapping.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/datasets/opensanctions/${name}.ftm.json`, import.meta.url), 'utf8');
const MIL = fixture('fictional_milcorps');
const WAR = fixture('fictional_war_sanctions');
const mil = readOpenSanctions(MIL, 'fictional_milcorps.ftm.json');
const war = readOpenSanctions(WAR, 'fictional_war_sanctions.ftm.json');
const OPTICS = openSanctionsEntityId('NK-FictOptics1');
const RMOD = 'authority-ruritania-ministry-of-defence-xr';

function entity(reading: DatasetReading, id: string) {
  const e = reading.dataset.entities.find((x) => x.id === id);
  assert.ok(e, `no entity ${id}`);
  return e;
}

function claim(reading: DatasetReading, id: string) {
  const c = reading.dataset.claims.find((x) => x.id === id);
  assert.ok(c, `no claim ${id}; have ${reading.dataset.claims.map((x) => x.id).join(', ')}`);
  return c;
}

/** A one-line feed of the given objects. */
const feed = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
const company = (id: string, name: string, extra: Record<string, string[]> = {}) => ({
  id,
  schema: 'Company',
  properties: { name: [name], ...extra },
  datasets: ['fictional_test'],
});
const sanction = (id: string, entityId: string) => ({
  id,
  schema: 'Sanction',
  properties: { entity: [entityId], authority: ['Ruritania Ministry of Defence'], country: ['xr'] },
  datasets: ['fictional_test'],
});

test('OpenSanctions ids become valid project ids, the same every time, apart for ids that differ only in case', () => {
  assert.equal(openSanctionsEntityId('fm-bluefin-sat'), 'os-fm-bluefin-sat');
  assert.match(OPTICS, /^os-nk-fictoptics1-[0-9a-z]+$/);
  assert.equal(openSanctionsEntityId('NK-FictOptics1'), OPTICS);
  assert.notEqual(openSanctionsEntityId('NK-fictoptics1'), OPTICS);
  for (const id of ['NK-2pTDo4ZRAhCh8XXBqNDgJT', 'Q95', 'ofac-12345', 'a--b', 'ЦЕНТР-1']) assert.ok(isValidId(openSanctionsEntityId(id)), id);
});

test('the fictional milcorps feed: 7 entities, 1 authority, 4 listings, 2 ownerships, and 8 lines reported, with no problem', () => {
  assert.deepEqual(mil.problems, []);
  assert.deepEqual(mil.provenance.counts, {
    lines: 22, entities: 7, authorities: 1, listings: 4, sanctions: 6, ownerships: 2, links: 0, reported: 8, problems: 0,
    'not imported: Address': 3, 'not imported: Event': 1, 'not imported: Identification': 1, 'not imported: Directorship': 1,
    'not imported: Vessel': 1, 'not imported: Sanction': 1,
  });
  assert.equal(mil.dataset.entities.length, 8);
  assert.equal(mil.dataset.claims.length, 6);
  assert.equal(mil.provenance.sourcePage, 'https://www.opensanctions.org/datasets/fictional_milcorps/');
  assert.equal(mil.provenance.version, 'entities last changed 2024-01-31');
  assert.match(mil.provenance.terms, /^CC BY-NC 4\.0/);
  assert.ok(validateDataset(datasetToRaw(mil.dataset), 'mil').ok);
});

test('a Sanction is SANCTIONED_BY its authority, sanctioned, dated, citing the dataset and the authority page, saying program, reason and topics', () => {
  const c = claim(mil, `${OPTICS}--sanctioned-by--${RMOD}`);
  assert.equal(c.status, 'sanctioned');
  assert.equal(c.start, '2021-03-12');
  assert.equal(c.end, undefined);
  assert.equal(
    c.summary,
    'Listed by Ruritania Ministry of Defence; program: "Section 77 List of Examplestan Military Companies"; reason: "Military end user"; OpenSanctions dataset fictional_milcorps; topics: debarment, mil.',
  );
  const [dataset, own] = c.sourceIds.map((id) => mil.dataset.sources.find((s) => s.id === id));
  assert.deepEqual(dataset, {
    id: 'src-opensanctions-fictional_milcorps',
    publisher: 'OpenSanctions',
    title: '[OpenSanctions dataset fictional_milcorps, FollowTheMoney entities]',
    url: 'https://www.opensanctions.org/datasets/fictional_milcorps/',
    kind: 'dataset',
    licence: 'CC BY-NC 4.0',
    date: '2024-01-31',
  });
  assert.equal(mil.provenance.listSourceId, 'src-opensanctions-fictional_milcorps');
  assert.equal(own?.url, 'https://defence.ruritania.example/section-77-list');
  assert.equal(own?.publisher, 'Ruritania Ministry of Defence');
  assert.deepEqual(entity(mil, RMOD), { id: RMOD, type: 'StateBody', name: 'Ruritania Ministry of Defence', props: { country: 'XR' } });
});

test('a listing with an end date ends; two Sanctions by one authority are one claim with both programs from the earlier date', () => {
  const ended = claim(mil, `os-fm-northwind-radar--sanctioned-by--${RMOD}`);
  assert.deepEqual([ended.start, ended.end], ['2022-10-05', '2024-01-31']);
  const both = claim(mil, `os-fm-bluefin-sat--sanctioned-by--${RMOD}`);
  assert.equal(both.start, '2021-06-03');
  assert.equal(both.end, undefined);
  assert.match(both.summary, /program: "Section 77 List of Examplestan Military Companies", "Ruritania Export Control Order 5"; reason: "Supplies satellite imagery/);
  assert.equal(claim(mil, `os-fm-hilltop-optronics--sanctioned-by--${RMOD}`).start, '2021-03-12');
});

test('the ownership chain is OWNS with its percentages and dates; a range stays in words', () => {
  const top = claim(mil, 'os-fm-state-defence-holding--owns--os-fm-exaero-holdings');
  assert.deepEqual([top.percentage, top.start, top.status], [60.5, '2015', 'reported']);
  const next = claim(mil, `os-fm-exaero-holdings--owns--${OPTICS}`);
  assert.deepEqual([next.percentage, next.start], [51, '2019-06-01']);
  assert.equal(next.summary, 'Owns 51% ("shares"); OpenSanctions dataset fictional_milcorps.');
  assert.deepEqual(next.sourceIds, ['src-opensanctions-fictional_milcorps']);
  const range = claim(war, 'os-ws-karl-fictivsky--owns--os-ws-grey-harbour');
  assert.equal(range.percentage, undefined);
  assert.equal(range.summary, 'Owns a share given as "25-50"; OpenSanctions dataset fictional_war_sanctions.');
  assert.equal(claim(war, `os-ws-grey-harbour--linked-to--${OPTICS}`).summary, 'Linked ("carrier of its goods"); OpenSanctions dataset fictional_war_sanctions.');
});

test('an entity keeps its OpenSanctions id, topics, LEI and ISIN; a country from its Address when it gives none; a country the model cannot hold is noted', () => {
  assert.deepEqual(entity(mil, OPTICS), {
    id: OPTICS,
    type: 'Company',
    name: 'Fictional Optics Ltd',
    props: { aliases: ['FicOptics'], country: 'XE', opensanctionsId: 'NK-FictOptics1', topics: ['debarment', 'mil'], lei: 'XR00FICTIONALOPT0106', isin: 'XR000FICTOP1' },
  });
  assert.equal(entity(mil, 'os-fm-northwind-radar').props.country, 'XE');
  assert.equal(entity(mil, 'os-fm-hilltop-optronics').props.country, undefined);
  assert.equal(entity(war, 'os-ws-interior-ministry').type, 'StateBody');
  assert.deepEqual(entity(war, 'os-ws-karl-fictivsky').props.topics, ['role.oligarch', 'sanction']);
});

test('what the model has no place for is counted by schema in the notes, with lines and why', () => {
  assert.deepEqual(mil.notes, [
    'Read 22 lines of OpenSanctions dataset fictional_milcorps: 7 entities, 4 listings (SANCTIONED_BY, from 6 Sanctions) by 1 authority, 2 ownerships (OWNS), 0 links (LINKED_TO).',
    '3 Address records not imported (lines 3, 9, 14): the model keeps no street addresses.',
    '1 Event record not imported (line 15): an event is neither an abuse nor a conflict without a curator saying which.',
    '1 Identification record not imported (line 16): the model has no field for identity documents.',
    '1 Directorship record not imported (line 18): the model has no directorship relation.',
    '1 Vessel record not imported (line 19): the model has no type for a FollowTheMoney Vessel.',
    '1 Sanction record not imported (line 20): each lists a Vessel, which is not imported.',
    'Took the country of 1 entity from its Address (line 8): the entity gives none itself.',
    'Imported 1 entity of schema Organization as Company (line 6): the schema alone does not say which type.',
    'Imported 1 entity of schema LegalEntity as Company (line 21): the schema alone does not say which type.',
    'Left out country "SUHH" (line 21): not a value the model can hold.',
    'Ignored FollowTheMoney properties the model has no field for: notes (1), registrationNumber (1).',
  ]);
  assert.equal(mil.reported.length, 8);
  assert.deepEqual(mil.reported.find((r) => r.line === 20), { line: 20, reason: 'Sanction "fm-sanction-sea-lens" not imported: its entity "fm-vessel-sea-lens" is a Vessel, which is not imported' });
  assert.ok(war.notes?.includes('1 Sanction record not imported (line 14): each lists an Airplane, which is not imported.'));
});

test('both feeds name the shared company and the Ruritanian authority by the same ids', () => {
  assert.deepEqual(war.problems, []);
  assert.equal(entity(war, OPTICS).name, 'FICTIONAL OPTICS LIMITED');
  assert.deepEqual(entity(war, RMOD), entity(mil, RMOD));
  assert.equal(authorityEntity('RURITANIA MINISTRY OF DEFENCE', 'XR').id, RMOD);
  assert.notEqual(authorityEntity('Ruritania Ministry of Defence', 'XE').id, RMOD);
  assert.equal(claim(war, `${OPTICS}--sanctioned-by--authority-freedonia-sanctions-office-xf`).start, '2022-04-08');
});

test('a feed adds to a stored entity: the stored name stays, names, aliases and topics join, fields it lacks stay', () => {
  const stored: StoredEntity[] = mil.dataset.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: [], ...e.props }));
  const added = addToStored(war.dataset, stored);
  assert.deepEqual(added.entities.find((e) => e.id === OPTICS), {
    id: OPTICS,
    type: 'Company',
    name: 'Fictional Optics Ltd',
    props: {
      aliases: ['FicOptics', 'FICTIONAL OPTICS LIMITED'],
      country: 'XE',
      opensanctionsId: 'NK-FictOptics1',
      topics: ['debarment', 'mil', 'sanction'],
      lei: 'XR00FICTIONALOPT0106',
      isin: 'XR000FICTOP1',
    },
  });
  const again = addToStored(mil.dataset, added.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: [], ...e.props })));
  assert.deepEqual(again.entities.find((e) => e.id === OPTICS), added.entities.find((e) => e.id === OPTICS));
  // Unknown to the database: as the feed gives it.
  assert.deepEqual(addToStored(war.dataset, []).entities, war.dataset.entities);
});

test("an entity OpenSanctions now names by a new id keeps the stored id of a referent, and its claims follow", () => {
  const r = readOpenSanctions(
    feed(
      { ...company('NK-NewId1', 'Fictional A'), referents: ['fm-old-a', 'fm-other-a'] },
      sanction('fm-s1', 'NK-NewId1'),
      company('fm-b', 'Fictional B'),
    ),
  );
  const newId = openSanctionsEntityId('NK-NewId1');
  assert.deepEqual(r.formerIds, { [newId]: ['os-fm-old-a', 'os-fm-other-a'] });
  const renamed = renamedToStored(r.dataset, r.formerIds!, new Set(['os-fm-other-a']));
  assert.deepEqual(renamed.entities.map((e) => e.id), ['os-fm-other-a', 'os-fm-b', RMOD]);
  assert.deepEqual(renamed.claims.map((c) => c.id), [`os-fm-other-a--sanctioned-by--${RMOD}`]);
  assert.equal(renamed.entities[0]!.props.opensanctionsId, 'NK-NewId1');
  // Stored under its own id, or under no former id: unchanged.
  assert.equal(renamedToStored(r.dataset, r.formerIds!, new Set([newId, 'os-fm-old-a'])), r.dataset);
  assert.equal(renamedToStored(r.dataset, r.formerIds!, new Set()), r.dataset);
  // A former id another entity of the feed has is not taken.
  assert.equal(renamedToStored(r.dataset, { [newId]: ['os-fm-b'] }, new Set(['os-fm-b'])), r.dataset);
});

test('a file of the wrong shape is refused as a whole, saying what a feed line looks like', () => {
  for (const [text, seen] of [
    [JSON.stringify([company('a', 'A')]), 'a JSON array'],
    ['[\n' + JSON.stringify(company('a', 'A')) + '\n]', 'a JSON array'],
    ['id,schema,name\na,Company,A', '"id,schema,name"'],
    ['{"sources": [], "entities": []}', 'an object without "schema"'],
  ] as const) {
    const r = readOpenSanctions(text);
    assert.equal(r.problems.length, 1, text);
    assert.equal(r.problems[0]!.line, 1);
    assert.match(r.problems[0]!.reason, /^is not an OpenSanctions FollowTheMoney feed: every line of an OpenSanctions entities\.ftm\.json is one JSON object, such as \{"id": "NK-abc", "schema": "Company"/);
    assert.ok(r.problems[0]!.reason.endsWith(`line 1 holds ${seen}`), r.problems[0]!.reason);
    assert.deepEqual(r.dataset.entities, []);
  }
  assert.match(readOpenSanctions('\n\n').problems[0]!.reason, /^holds no lines/);
});

test('bad lines are problems naming their line, and then the reading holds nothing to write', () => {
  const r = readOpenSanctions(
    feed(
      company('fm-a', 'Fictional A'),
      '{"id": "fm-b", "schema": "Company", ',
      { schema: 'Company', properties: { name: ['No Id'] }, datasets: ['fictional_test'] },
      { id: 'fm-c', properties: { name: ['No Schema'] }, datasets: ['fictional_test'] },
      { id: 'fm-d', schema: 'Company', properties: { name: ['No Datasets'] } },
      { id: 'fm-s', schema: 'Sanction', properties: { authority: ['Ruritania Ministry of Defence'] }, datasets: ['fictional_test'] },
      company('fm-e', 'Bad LEI', { leiCode: ['XR00FICTIONALOPT0107'] }),
      company('fm-f', 'Bad ISIN', { isinCode: ['XR000FICTOP'] }),
      { ...sanction('fm-s2', 'fm-a'), properties: { ...sanction('fm-s2', 'fm-a').properties, sourceUrl: ['ftp://ruritania.example/list'] } },
    ),
  );
  assert.deepEqual(r.dataset, { sources: [], entities: [], claims: [] });
  assert.deepEqual(
    r.problems.map((p) => [p.line, p.reason]),
    [
      [2, 'is not valid JSON: the file ends too early; expected a property name in double quotes'],
      [3, 'has no "id"'],
      [4, '"fm-c" has no "schema"'],
      [5, '"fm-d" must list the OpenSanctions datasets it comes from in "datasets", e.g. "datasets": ["us_ofac_sdn"] (lower-case names); every line of an OpenSanctions entities.ftm.json is one JSON object, such as {"id": "NK-abc", "schema": "Company", "properties": {"name": ["..."]}, "datasets": ["us_ofac_sdn"]}'],
      [6, 'Sanction "fm-s" names no "entity" (the listed person or company)'],
      [7, '"fm-e" has leiCode "XR00FICTIONALOPT0107", which is not a valid LEI: its check digits do not match the other characters'],
      [8, '"fm-f" has isinCode "XR000FICTOP", which is not a valid ISIN: it must be 2 letters, 9 letters or digits, a check digit'],
      [9, 'Sanction "fm-s2" has sourceUrl "ftp://ruritania.example/list", which is not an http(s) address'],
    ],
  );
});

test("a Sanction of an entity neither in the feed nor in the database is the validation's problem, on the Sanction's line", () => {
  const r = readOpenSanctions(feed(company('fm-a', 'Fictional A'), sanction('fm-s1', 'fm-a'), sanction('fm-s2', 'fm-missing')));
  assert.deepEqual(r.problems, []);
  // Lines without last_change: the dataset is still named, its source undated.
  assert.match(r.notes![0]!, /^Read 3 lines of OpenSanctions dataset fictional_test: 1 entity, 2 listings/);
  assert.equal(r.dataset.sources[0]!.date, undefined);
  assert.equal(r.provenance.version, 'unknown');
  const checked = validateDataset(datasetToRaw(r.dataset), 'feed');
  assert.equal(checked.ok, false);
  const lines = r.lines!;
  const at = (line: number) => ({ file: 'feed', item: `line ${line}` });
  const origins = { sources: lines.sources.map(at), entities: lines.entities.map(at), relations: lines.claims.map(at) };
  const located = locateProblems(checked.ok ? [] : checked.problems, { origins });
  assert.deepEqual(located, [
    {
      file: 'feed',
      item: `line 3 (os-fm-missing SANCTIONED_BY ${RMOD})`,
      reason: '"from" points at "os-fm-missing", which is not an entity in this file or the database',
    },
  ]);
});

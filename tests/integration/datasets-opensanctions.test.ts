// OpenSanctions feeds through the one import pipeline on the real Neo4j: two fictional feeds
// sharing a company and an authority (dry run first, each written once, then nothing to
// change), a bad line or a missing entity writing nothing, the CLI's --dataset opensanctions,
// and the listed company found by search with its listing in the side panel's query.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { importOfficialList } from '../../api/datasets/importList.ts';
import { openSanctionsEntityId } from '../../api/datasets/opensanctionsEntities.ts';
import { NEIGHBORHOOD, SEARCH } from '../../web/src/queries.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { graphCounts, openTestDatabase, resetToSeed } from '../support/database.ts';

const DIR = join(projectRoot, 'tests/fixtures/datasets/opensanctions');
const MIL = join(DIR, 'fictional_milcorps.ftm.json');
const WAR = join(DIR, 'fictional_war_sanctions.ftm.json');
const OPTICS = openSanctionsEntityId('NK-FictOptics1');
const RMOD = 'authority-ruritania-ministry-of-defence-xr';
let db: Database;
let api: TestApi;

before(async () => {
  db = await openTestDatabase();
  await resetToSeed(db);
  api = await startTestApi(db);
});

after(async () => {
  await api?.close();
  await db?.close();
});

const opts = (dryRun: boolean) => ({ by: 'import:test', dryRun });
const run = (file: string, dryRun: boolean, text = readFileSync(file, 'utf8')) => importOfficialList(db, 'opensanctions', text, file.split('/').at(-1)!, opts(dryRun));

async function entity(id: string) {
  const [row] = await db.read('entity/entity-by-id', { id });
  return row?.entity as Record<string, unknown> | undefined;
}

test('two feeds import once each: dry run writes nothing, the shared company and authority are one node each, a second import changes nothing', async () => {
  const seeded = await graphCounts(db);
  const dry = await run(MIL, true);
  assert.deepEqual(dry.report.problems, []);
  assert.equal(dry.report.applied, false);
  assert.deepEqual(dry.report.summary.entities, { created: 8, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.report.summary.claims, { created: 6, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.report.summary.sources, { created: 2, updated: 0, unchanged: 0 });
  assert.ok(dry.report.notes.includes('3 Address records not imported (lines 3, 9, 14): the model keeps no street addresses.'));
  assert.deepEqual(await graphCounts(db), seeded);

  const mil = await run(MIL, false);
  assert.equal(mil.report.applied, true);
  const war = await run(WAR, false);
  assert.deepEqual(war.report.problems, []);
  assert.equal(war.report.applied, true);
  // The war feed's 7 entities: the company and the Ruritanian authority are already there.
  assert.deepEqual(war.report.summary.entities, { created: 5, updated: 1, unchanged: 1 });
  assert.deepEqual(war.report.summary.claims, { created: 7, updated: 0, unchanged: 0 });
  assert.deepEqual(await graphCounts(db), { entities: seeded.entities + 13, claims: seeded.claims + 13, sources: seeded.sources + 4 });

  const optics = await entity(OPTICS);
  assert.equal(optics?.name, 'Fictional Optics Ltd');
  assert.deepEqual(optics?.aliases, ['FicOptics', 'FICTIONAL OPTICS LIMITED']);
  assert.deepEqual(optics?.topics, ['debarment', 'mil', 'sanction']);
  assert.equal(optics?.opensanctionsId, 'NK-FictOptics1');
  assert.equal(optics?.lei, 'XR00FICTIONALOPT0106');

  for (const file of [MIL, WAR]) {
    const again = await run(file, false);
    assert.deepEqual(again.report.problems, []);
    for (const kind of ['entities', 'claims', 'sources'] as const) assert.equal(again.report.summary[kind].created + again.report.summary[kind].updated, 0, `${file} ${kind}`);
  }
  assert.deepEqual(await graphCounts(db), { entities: seeded.entities + 13, claims: seeded.claims + 13, sources: seeded.sources + 4 });
});

test('one bad line, or a Sanction of an entity neither in the feed nor the database, writes nothing and names the line', async () => {
  const before = await graphCounts(db);
  const text = readFileSync(WAR, 'utf8');
  const broken = await run(WAR, false, text.replace('"name":["Grey Harbour Logistics"]', '"name":["Grey Harbour Logistics"]]'));
  assert.equal(broken.report.applied, false);
  assert.equal(broken.report.problems.length, 1);
  assert.equal(broken.report.problems[0]!.item, 'line 3');
  assert.match(broken.report.problems[0]!.reason, /^is not valid JSON/);

  const missing = JSON.stringify({
    id: 'ws-sanction-nobody',
    schema: 'Sanction',
    properties: { entity: ['ws-nobody'], authority: ['Freedonia Sanctions Office'], country: ['xf'] },
    datasets: ['fictional_war_sanctions'],
  });
  const orphan = await run(WAR, false, `${text}${missing}\n`);
  assert.equal(orphan.report.applied, false);
  assert.deepEqual(orphan.report.problems, [
    {
      file: 'fictional_war_sanctions.ftm.json',
      item: 'line 21 (os-ws-nobody SANCTIONED_BY authority-freedonia-sanctions-office-xf)',
      reason: '"from" points at "os-ws-nobody", which is not an entity in this file or the database',
    },
  ]);

  const csv = await run(WAR, false, 'id,schema,name\nws-a,Company,A\n');
  assert.equal(csv.report.applied, false);
  assert.match(csv.report.problems[0]!.reason, /^is not an OpenSanctions FollowTheMoney feed: every line of an OpenSanctions entities\.ftm\.json is one JSON object/);
  assert.deepEqual(await graphCounts(db), before);
});

test('a newer feed naming an imported entity by a new id, the old one among its referents, updates the stored entity', async () => {
  const before = await graphCounts(db);
  const text = readFileSync(MIL, 'utf8')
    .replace('"id":"fm-northwind-radar"', '"id":"NK-Northwind2"')
    .replace(/"referents":\[\],("datasets":\["fictional_milcorps"\],"first_seen":"[^"]+","last_seen":"[^"]+","last_change":"[^"]+","target":true\}\n\{"id":"addr-northwind")/, '"referents":["fm-northwind-radar"],$1')
    .replace('"entity":["fm-northwind-radar"]', '"entity":["NK-Northwind2"]');
  assert.match(text, /"id":"NK-Northwind2".*"referents":\["fm-northwind-radar"\]/);
  const { report } = await run(MIL, false, text);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.summary.entities, { created: 0, updated: 1, unchanged: 7 });
  assert.deepEqual(report.summary.claims, { created: 0, updated: 0, unchanged: 6 });
  assert.ok(report.notes.some((n) => n === `Kept the stored id of 1 entity the list now names by another id, the stored one among its former ids: ${openSanctionsEntityId('NK-Northwind2')} as os-fm-northwind-radar.`), report.notes.join('\n'));
  assert.equal((await entity('os-fm-northwind-radar'))?.opensanctionsId, 'NK-Northwind2');
  assert.deepEqual(await graphCounts(db), before);
});

test('the listed company is found by search and its SANCTIONED_BY claims show in the side panel query, with their sources', async () => {
  const found = await api.gql(SEARCH, { text: 'Fictional Optics', limit: 5 });
  assert.equal(found.errors, undefined);
  assert.equal(found.data?.search[0].entity.id, OPTICS);
  const panel = await api.gql(NEIGHBORHOOD, { id: OPTICS, depth: 1, limit: 50 });
  assert.equal(panel.errors, undefined, JSON.stringify(panel.errors));
  assert.deepEqual(panel.data?.neighborhood.center.topics, ['debarment', 'mil', 'sanction']);
  const listings = panel.data?.neighborhood.edges.filter((e: { type: string; from: string }) => e.type === 'SANCTIONED_BY' && e.from === OPTICS);
  assert.deepEqual(listings.map((e: { to: string }) => e.to).sort(), ['authority-freedonia-sanctions-office-xf', RMOD]);
  const ruritania = listings.find((e: { to: string }) => e.to === RMOD);
  assert.equal(ruritania.status, 'SANCTIONED');
  assert.equal(ruritania.start, '2021-03-12');
  assert.match(ruritania.summary, /^Listed by Ruritania Ministry of Defence; program: "Section 77 List of Examplestan Military Companies"/);
  assert.deepEqual(ruritania.sources.map((s: { url: string }) => s.url), [
    'https://www.opensanctions.org/datasets/fictional_milcorps/',
    'https://defence.ruritania.example/section-77-list',
  ]);
  const owner = panel.data?.neighborhood.edges.find((e: { type: string }) => e.type === 'OWNS');
  assert.deepEqual([owner.from, owner.percentage], ['os-fm-exaero-holdings', 51]);
  // A seed company without topics still answers (its list field reads as empty).
  const seed = await api.gql(`{ entity(id: "google") { ... on Company { topics } } }`);
  assert.deepEqual(seed, { data: { entity: { topics: [] } } });
});

test('the CLI imports a feed with --dataset opensanctions and prints its notes', async () => {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', '--dataset', 'opensanctions', WAR, '--dry-run'], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(cli.status, 0, cli.stderr + cli.stdout);
  assert.match(cli.stdout, /note: 1 Airplane record not imported \(line 13\): the model has no type for a FollowTheMoney Airplane\./);
  assert.match(cli.stdout, /entities\s+0 to create, 0 to update, 7 unchanged/);
});

test('a newer copy of a feed that no longer holds an ownership ends it on the day of import, and keeps it', async () => {
  const text = readFileSync(MIL, 'utf8').split('\n').filter((l) => !l.includes('"id":"fm-own-exaero-fict-optics"')).join('\n');
  const before = await graphCounts(db);
  const { report } = await run(MIL, false, text);
  assert.deepEqual(report.problems, []);
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(report.notes.includes(`1 claim(s) of an earlier copy no longer in the list ended on ${today} (kept, not deleted): os-fm-exaero-holdings--owns--${OPTICS}`), report.notes.join('\n'));
  const [row] = await db.read('curation/claim-by-id', { id: `os-fm-exaero-holdings--owns--${OPTICS}`, from: 'os-fm-exaero-holdings', type: 'OWNS', to: OPTICS });
  assert.equal((row?.claim as { end?: string } | undefined)?.end, today);
  assert.deepEqual(await graphCounts(db), before);
});

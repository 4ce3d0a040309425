// Privacy International's Surveillance Industry Index and GLEIF's LEI and relationship records
// through the import pipeline on the real Neo4j (seeded), on the fictional fixtures: dry runs
// write nothing, a second import changes nothing, one bad row writes nothing, and GLEIF's
// ownership chain is walked by the path finder from the top holding to what the bottom company
// supplies, GLEIF's entity and the SII's being one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { importOfficialList } from '../../api/datasets/importList.ts';
import { importDataset } from '../../api/exchange/importDataset.ts';
import { writeCsv } from '../../api/exchange/formats/csvText.ts';
import type { TestApi } from '../support/api.ts';
import { graphCounts } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';
import { LEIS, fictionalLei } from '../fixtures/datasets/gleif/make.ts';

const SII = join(projectRoot, 'tests/fixtures/datasets/sii/transfers.json');
const LEI2 = join(projectRoot, 'tests/fixtures/datasets/gleif/lei2.csv');
const RR = join(projectRoot, 'tests/fixtures/datasets/gleif/rr.csv');
const id = (lei: string) => `lei-${lei.toLowerCase()}`;
let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startSeededApi()));

after(() => closeAll(api, db));

const opts = (dryRun: boolean) => ({ by: 'import:test', dryRun });

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('SII transfer records import once: dry run writes nothing, the write adds them, a second import changes nothing', async () => {
  const text = readFileSync(SII, 'utf8');
  const seeded = await graphCounts(db);

  const dry = await importOfficialList(db, 'pi-surveillance-index', text, 'transfers.json', opts(true));
  assert.deepEqual(dry.report.problems, []);
  assert.equal(dry.report.applied, false);
  assert.deepEqual(dry.report.summary, {
    entities: { created: 11, updated: 0, unchanged: 0 },
    claims: { created: 8, updated: 0, unchanged: 0 },
    sources: { created: 11, updated: 0, unchanged: 0 },
  });
  assert.deepEqual(dry.report.notes, [
    'line 72 not imported: record 107 names no supplier company: nothing to import',
    'line 83 not imported: record 108 names neither an end user nor a recipient country: nothing to link the supplier to',
    'line 94 not imported: record 109 cites no source link, and a claim needs at least one source: not imported',
  ]);
  assert.deepEqual(await graphCounts(db), seeded);

  const written = await importOfficialList(db, 'pi-surveillance-index', text, 'transfers.json', opts(false));
  assert.equal(written.report.applied, true);
  assert.deepEqual(await graphCounts(db), { entities: seeded.entities + 11, sources: seeded.sources + 11, claims: seeded.claims + 8 });

  const again = await importOfficialList(db, 'pi-surveillance-index', text, 'transfers.json', opts(false));
  assert.deepEqual(again.report.problems, []);
  assert.deepEqual(again.report.summary, {
    entities: { created: 0, updated: 0, unchanged: 11 },
    claims: { created: 0, updated: 0, unchanged: 8 },
    sources: { created: 0, updated: 0, unchanged: 11 },
  });
  assert.deepEqual(await graphCounts(db), { entities: seeded.entities + 11, sources: seeded.sources + 11, claims: seeded.claims + 8 });

  const res = await api.gql(`{ neighborhood(id: "fictional-optics-ltd", depth: 1) { edges { type to status start summary sources { publisher url } } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const edges = (res.data!.neighborhood.edges as { to: string; status: string; start: string; sources: { url: string }[] }[]).filter((e) => e.to === 'ruritania-interior-ministry-xc');
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.status, 'REPORTED');
  assert.equal(edges[0]!.start, '2011');
  assert.deepEqual(edges[0]!.sources.map((s) => s.url).sort(), ['https://example.net/reports/monitoring-upgrade', 'https://example.org/news/optics-ruritania']);
});

test('an SII file with one bad record writes nothing and names its line', async () => {
  const before = await graphCounts(db);
  const text = readFileSync(SII, 'utf8').replace('"recipient_country": "Latveria",\n    "enduser": "",', '"recipient_country": "Narnia",\n    "enduser": "",');
  const { report } = await importOfficialList(db, 'pi-surveillance-index', text, 'transfers.json', opts(false));
  assert.equal(report.applied, false);
  assert.deepEqual(report.problems.map((p) => p.item), ['line 24']);
  assert.match(report.problems[0]!.reason, /recipient_country "Narnia" is not a country name/);
  assert.deepEqual(await graphCounts(db), before);
});

test('importing the list again keeps what a curator added to its entities that the list does not say', async () => {
  const curated = { entities: [{ id: 'fictional-optics-ltd', type: 'Company', name: 'Fictional Optics Ltd', country: 'XA',
    description: 'A fictional maker of lenses.', aliases: ['FOL'], website: 'https://example.org/optics' }] };
  const edit = await importDataset(db, curated, 'curated.json', opts(false));
  assert.deepEqual(edit.problems, []);
  assert.deepEqual(edit.summary.entities, { created: 0, updated: 1, unchanged: 0 });

  const { report } = await importOfficialList(db, 'pi-surveillance-index', readFileSync(SII, 'utf8'), 'transfers.json', opts(false));
  assert.deepEqual(report.summary.entities, { created: 0, updated: 0, unchanged: 11 });
  const res = await api.gql(`{ entity(id: "fictional-optics-ltd") { name aliases description ... on Company { website } } }`);
  assert.deepEqual(res.data!.entity, { name: 'Fictional Optics Ltd', aliases: ['FOL'], description: 'A fictional maker of lenses.', website: 'https://example.org/optics' });
});

test('GLEIF LEI and relationship records through the CLI: dry run, write, then nothing to change; the LEI joins the same company from the SII', async () => {
  const before = await graphCounts(db);
  const dry = cli('--dataset', 'gleif-lei', LEI2, '--dry-run');
  assert.equal(dry.status, 0, dry.stderr + dry.stdout);
  // GLEIF's Fictional Cloud GmbH is the SII's (same name, same country): folded into it.
  assert.match(dry.stdout, /entities\s+6 to create, 1 to update/);
  assert.match(dry.stdout, new RegExp(`note: "Fictional Cloud GmbH" is stored as fictional-cloud-gmbh .*"${id(LEIS.cloud)}" resolves to it`));
  assert.match(dry.stdout, /note: line 7 not imported: LEI FCTN00DEFUNCTTEL0157: GLEIF records the legal entity's status as INACTIVE/);
  assert.deepEqual(await graphCounts(db), before);

  const entities = cli('--dataset', 'gleif-lei', LEI2);
  assert.equal(entities.status, 0, entities.stderr + entities.stdout);
  assert.match(entities.stdout, /entities\s+6 created, 1 updated/);
  const relations = cli('--dataset', 'gleif-relationships', RR);
  assert.equal(relations.status, 0, relations.stderr + relations.stdout);
  assert.match(relations.stdout, /claims\s+4 created/);
  assert.match(relations.stdout, /sources\s+5 created/);
  assert.deepEqual(await graphCounts(db), { entities: before.entities + 6, sources: before.sources + 5, claims: before.claims + 4 });

  const again = cli('--dataset', 'gleif-relationships', RR);
  assert.equal(again.status, 0, again.stderr + again.stdout);
  assert.match(again.stdout, /claims\s+0 created, 0 updated, 4 unchanged/);
  assert.match(cli('--dataset', 'gleif-lei', LEI2).stdout, /entities\s+0 created, 0 updated, 7 unchanged/);
  assert.deepEqual(await graphCounts(db), { entities: before.entities + 6, sources: before.sources + 5, claims: before.claims + 4 });

  const stored = await api.gql(`{ entity(id: "${id(LEIS.cloud)}") { id name aliases country ... on Company { lei } } }`);
  assert.deepEqual(stored.data!.entity, {
    id: 'fictional-cloud-gmbh', name: 'Fictional Cloud GmbH', aliases: ['Fictional Cloud', 'FIKTIONAL CLOUD GMBH'], country: 'XB', lei: LEIS.cloud,
  });
});

test('a relationship to an LEI neither in the file nor in the database is a problem naming it and its line; nothing is written', async () => {
  const before = await graphCounts(db);
  const stranger = fictionalLei('FCTN00NOWHERE00001');
  const header = ['Relationship.StartNode.NodeID', 'Relationship.StartNode.NodeIDType', 'Relationship.EndNode.NodeID', 'Relationship.EndNode.NodeIDType',
    'Relationship.RelationshipType', 'Relationship.RelationshipStatus', 'Registration.RegistrationStatus', 'Registration.LastUpdateDate'];
  const text = writeCsv([
    header,
    [LEIS.media, 'LEI', LEIS.holdings, 'LEI', 'IS_DIRECTLY_CONSOLIDATED_BY', 'ACTIVE', 'PUBLISHED', '2026-01-01T00:00:00Z'],
    [LEIS.search, 'LEI', stranger, 'LEI', 'IS_ULTIMATELY_CONSOLIDATED_BY', 'ACTIVE', 'PUBLISHED', '2026-01-01T00:00:00Z'],
  ]);
  const { report } = await importOfficialList(db, 'gleif-relationships', text, 'rr.csv', opts(false));
  assert.equal(report.applied, false);
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0]!.item, /^line 3 \(/);
  assert.match(report.problems[0]!.reason, new RegExp(`"from" points at "${id(stranger)}", which is not an entity in this file or the database`));
  assert.deepEqual(await graphCounts(db), before);
});

test("GLEIF's chain is walked from the top holding to what the bottom company supplies (the SII's Fictional Cloud GmbH)", async () => {
  const res = await api.gql(`{ complicityPaths(from: "${id(LEIS.holdings)}", to: { id: "ruritania-interior-ministry-xc" }, k: 5) {
    paths { score nodes { id } hops { claim { type status summary sources { publisher url date } } } } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const paths = res.data!.complicityPaths.paths as { score: number; nodes: { id: string }[]; hops: { claim: { type: string; status: string; sources: { publisher: string; url: string; date: string | null }[] } }[] }[];
  const routes = paths.map((p) => p.nodes.map((n) => n.id).join(' > '));
  assert.deepEqual(routes, [
    `${id(LEIS.holdings)} > fictional-cloud-gmbh > ruritania-interior-ministry-xc`,
    `${id(LEIS.holdings)} > ${id(LEIS.search)} > fictional-cloud-gmbh > ruritania-interior-ministry-xc`,
  ]);
  const chain = paths[1]!;
  assert.deepEqual(chain.hops.map((h) => [h.claim.type, h.claim.status]), [['OWNS', 'COMPANY_CONFIRMED'], ['OWNS', 'COMPANY_CONFIRMED'], ['SUPPLIES', 'REPORTED']]);
  assert.deepEqual(chain.hops[1]!.claim.sources, [{
    publisher: 'Global Legal Entity Identifier Foundation (GLEIF)',
    url: `https://search.gleif.org/#/record/${LEIS.cloud}`,
    date: '2026-01-20',
  }]);
  assert.ok(chain.score < paths[0]!.score);
});

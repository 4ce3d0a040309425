// Official lists through the import pipeline on the real Neo4j: the OHCHR settlement database
// imported into the seeded database (dry run first), its counts, and a second import changing
// nothing; the FCC Covered List through the CLI's --dataset flag.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import { cypherInt, type Database } from '../../api/db/database.ts';
import { importOfficialList } from '../../api/datasets/importList.ts';
import { graphCounts, openTestDatabase, resetToSeed } from '../support/database.ts';

const OHCHR = join(projectRoot, 'seed/datasets/ohchr-settlement-database/table.csv');
const FCC = join(projectRoot, 'seed/datasets/fcc-covered-list/table.csv');
let db: Database;

before(async () => {
  db = await openTestDatabase();
  await resetToSeed(db);
});

after(() => db?.close());

const opts = (dryRun: boolean) => ({ by: 'import:table.csv', dryRun });

test('the OHCHR database imports into the seeded database once: dry run, write, then nothing to change', async () => {
  const text = readFileSync(OHCHR, 'utf8');
  const seeded = await graphCounts(db);

  const dry = await importOfficialList(db, 'ohchr-settlements', text, 'table.csv', opts(true));
  assert.deepEqual(dry.report.problems, []);
  assert.equal(dry.report.applied, false);
  assert.deepEqual(dry.report.summary.entities, { created: 166, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.report.summary.claims, { created: 177, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.report.summary.sources, { created: 1, updated: 0, unchanged: 0 });
  assert.deepEqual(await graphCounts(db), seeded);

  const written = await importOfficialList(db, 'ohchr-settlements', text, 'table.csv', opts(false));
  assert.equal(written.report.applied, true);
  assert.deepEqual(await graphCounts(db), {
    entities: seeded.entities + 166,
    sources: seeded.sources + 1,
    claims: seeded.claims + 177,
  });

  const again = await importOfficialList(db, 'ohchr-settlements', text, 'table.csv', opts(false));
  assert.deepEqual(again.report.problems, []);
  assert.deepEqual(again.report.summary.entities, { created: 0, updated: 0, unchanged: 166 });
  assert.deepEqual(again.report.summary.claims, { created: 0, updated: 0, unchanged: 177 });
  assert.deepEqual(again.report.summary.sources, { created: 0, updated: 0, unchanged: 1 });
  assert.deepEqual(await graphCounts(db), { entities: seeded.entities + 166, sources: seeded.sources + 1, claims: seeded.claims + 177 });
});

test('a file that is not the list writes nothing and names the expected columns', async () => {
  const before = await graphCounts(db);
  const { report } = await importOfficialList(db, 'ohchr-settlements', readFileSync(FCC, 'utf8'), 'table.csv', opts(false));
  assert.equal(report.applied, false);
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0]!.reason, /no, business_enterprise, listed_activity_subparagraph_of_paragraph_96, home_state, response_from_business_enterprise/);
  assert.deepEqual(await graphCounts(db), before);
});

test('the CLI imports the FCC Covered List with --dataset, reporting the category rows', async () => {
  const before = await graphCounts(db);
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', '--dataset', 'fcc-covered-list', FCC, ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const dry = cli('--dry-run');
  assert.equal(dry.status, 0, dry.stderr + dry.stdout);
  assert.match(dry.stdout, /note: line 13 not imported: names a category/);
  // Huawei, Hikvision and Dahua are the seed's (see resolution.test.ts): 10 new companies and the FCC itself, 3 stored ones gaining an alias.
  assert.match(dry.stdout, /entities\s+11 to create, 3 to update/);
  assert.match(dry.stdout, /"Hangzhou Hikvision Digital Technology Company" is stored as hikvision/);
  assert.deepEqual(await graphCounts(db), before);

  const run = cli();
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.match(run.stdout, /claims\s+13 created/);
  assert.deepEqual(await graphCounts(db), { entities: before.entities + 11, sources: before.sources + 1, claims: before.claims + 13 });

  const usage = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', '--dataset', 'nope', FCC], { cwd: projectRoot, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--dataset must be one of ohchr-settlements, fcc-covered-list, [a-z, -]+; got "nope"/);
});

test('a newer copy of the OHCHR list without an enterprise ends its listing (kept, not deleted), and says so', async () => {
  const full = readFileSync(OHCHR, 'utf8');
  await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(false));
  const newer = full.split('\n').filter((line) => !line.includes('Airbnb Inc.')).join('\n');
  assert.equal(newer.split('\n').length, full.split('\n').length - 1);
  const listing = 'airbnb-inc--listed-as-involved-in--settlements-opt';
  const stored = async () => (await db.read('curation/claim-by-id', { id: listing, from: 'airbnb-inc', type: 'LISTED_AS_INVOLVED_IN', to: 'settlements-opt' }))[0]?.claim as Record<string, unknown> | undefined;
  const before = await graphCounts(db);

  const dry = await importOfficialList(db, 'ohchr-settlements', newer, 'table-newer.csv', opts(true));
  assert.ok(dry.report.notes.some((n) => n.includes(`1 claim(s) of an earlier copy no longer in the list would end`) && n.includes(listing)), dry.report.notes.join('\n'));
  assert.equal((await stored())?.end, undefined, 'a dry run ends nothing');

  const run = await importOfficialList(db, 'ohchr-settlements', newer, 'table-newer.csv', opts(false));
  assert.equal(run.report.applied, true);
  const today = new Date().toISOString().slice(0, 10);
  const ended = await stored();
  assert.equal(ended?.end, today);
  assert.equal(ended?.start, '2025-09');
  assert.match(String(ended?.summary), /^OHCHR lists Airbnb Inc\. .* It is not in the list as imported on \d{1,2} [A-Z][a-z]+ \d{4} \(table-newer\.csv\), so it is recorded as ended then\.$/);
  assert.deepEqual(await graphCounts(db), before, 'nothing is deleted');
  const [record] = await db.read('datasets/list-imports', { limit: cypherInt(1) });
  assert.equal((record!.record as Record<string, unknown>).ended, 1);

  const again = await importOfficialList(db, 'ohchr-settlements', newer, 'table-newer.csv', opts(false));
  assert.ok(!again.report.notes.some((n) => n.includes('no longer in the list')), 'an ended listing is not ended twice');
  assert.deepEqual(again.report.summary.claims, { created: 0, updated: 0, unchanged: 176 });
});

test('a newer copy without a removed enterprise ends neither its ended listing nor its disengagement: a withdrawal is not undone', async () => {
  const full = readFileSync(OHCHR, 'utf8');
  await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(false));
  const disengagement = { id: 'kardan-n-v--disengaged-from--settlements-opt', from: 'kardan-n-v', type: 'DISENGAGED_FROM', to: 'settlements-opt' };
  const newer = full.split('\n').filter((line) => !line.includes('Kardan N.V.')).join('\n');
  const run = await importOfficialList(db, 'ohchr-settlements', newer, 'table-newer.csv', opts(false));
  assert.equal(run.report.applied, true);
  assert.ok(!run.report.notes.some((n) => n.includes('kardan')), run.report.notes.join('\n'));
  const [row] = await db.read('curation/claim-by-id', disengagement);
  const stored = row?.claim as Record<string, unknown>;
  assert.deepEqual([stored.start, stored.end ?? null], ['2025-09-26', null]);
});

test("a graph loaded when the reader recorded listings as alleged uses: importing again retracts those, keeping their history", async () => {
  const full = readFileSync(OHCHR, 'utf8');
  await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(false));
  // As the earlier reader wrote it: Airbnb's listing as ALLEGEDLY_USED_IN, citing OHCHR alone.
  const old = { id: 'airbnb-inc--allegedly-used-in--settlements-opt', from: 'airbnb-inc', type: 'ALLEGEDLY_USED_IN', to: 'settlements-opt' };
  await db.writeTransaction((run) => run('exchange/create-claims', { rows: [{ from: old.from, to: old.to, type: old.type, props: { id: old.id, status: 'officially-listed', sourceIds: ['src-ohchr-bhr-database'], summary: 'OHCHR lists Airbnb Inc.', start: '2025-09' } }] }));
  const dry = await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(true));
  assert.ok(dry.report.notes.some((n) => n === `1 claim(s) an earlier reader recorded under another type would be retracted (kept for their history): ${old.id}`), dry.report.notes.join('\n'));
  const run = await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(false));
  assert.ok(run.report.notes.some((n) => n.startsWith('1 claim(s) an earlier reader recorded under another type retracted')), run.report.notes.join('\n'));
  const [row] = await db.read('curation/claim-by-id', old);
  const stored = row?.claim as Record<string, unknown>;
  assert.equal(stored.retractedBy, 'import:table.csv');
  assert.match(String(stored.retractionReason), /LISTED_AS_INVOLVED_IN/);
  const again = await importOfficialList(db, 'ohchr-settlements', full, 'table.csv', opts(false));
  assert.ok(!again.report.notes.some((n) => n.includes('earlier reader')), 'retracted once');
});

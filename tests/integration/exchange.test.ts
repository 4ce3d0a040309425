// Export and import through the API on the real Neo4j: round trips in JSON, CSV and FtM,
// dry runs, idempotence, bad files reported by line with nothing written, the editor role,
// and the import CLI's exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { applySchema } from '../../api/db/schema.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';
import { clearDatabase, graphCounts, resetToSeed } from '../support/database.ts';

let db: Database;
let api: TestApi;
let editor: string;
let reader: string;

async function tokens(): Promise<void> {
  editor = await createToken(db, 'exchange-editor', 'editor');
  reader = await createToken(db, 'exchange-reader', 'reader');
}

before(async () => {
  ({ db, api } = await startSeededApi());
  await tokens();
});

after(() => closeAll(api, db));

interface ExportedFile {
  name: string;
  mediaType: string;
  content: string;
}

interface Report {
  file: string;
  dryRun: boolean;
  applied: boolean;
  summary: Record<'entities' | 'claims' | 'sources', { created: number; updated: number; unchanged: number }>;
  problems: { file: string; item: string; reason: string }[];
  notes: string[];
}

const EXPORT = `query($format: ExportFormat!, $of: ID, $depth: Int, $ids: [ID!], $all: Boolean, $statuses: [ClaimStatus!]) {
  exportGraph(format: $format, neighborhoodOf: $of, depth: $depth, ids: $ids, all: $all, statuses: $statuses) {
    entities claims sources files { name mediaType content } } }`;

const IMPORT = `mutation($format: ImportFormat!, $fileName: String!, $content: String!, $rel: String, $src: String, $dryRun: Boolean) {
  importData(format: $format, fileName: $fileName, content: $content, relationshipsContent: $rel, sourcesContent: $src, dryRun: $dryRun) {
    file dryRun applied notes problems { file item reason }
    summary { entities { created updated unchanged } claims { created updated unchanged } sources { created updated unchanged } } } }`;

async function exportGraph(format: string, args: Record<string, unknown>) {
  const res = await api.gql(EXPORT, { format, ...args });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.exportGraph as { entities: number; claims: number; sources: number; files: ExportedFile[] };
}

async function importData(vars: Record<string, unknown>, token = editor): Promise<Report> {
  const res = await api.gql(IMPORT, vars, token);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.importData as Report;
}

/** The importData variables that read back what exportGraph wrote in `format`. */
function reimportVars(format: string, files: ExportedFile[]): Record<string, unknown> {
  const byName = new Map(files.map((f) => [f.name, f.content]));
  if (format === 'CSV') {
    return { format: 'CSV', fileName: 'entities.csv', content: byName.get('entities.csv'), rel: byName.get('relationships.csv'), src: byName.get('sources.csv') };
  }
  assert.equal(files.length, 1);
  return { format: format === 'JSON' ? 'GRAPHOLOGY' : format, fileName: files[0]!.name, content: files[0]!.content };
}

async function fingerprint(): Promise<string> {
  return JSON.stringify(await db.read('exchange/fingerprint'));
}

for (const format of ['JSON', 'CSV', 'FTM']) {
  test(`${format}: Google's neighbourhood (depth 2) exported, imported into an empty database and exported again is the same graph`, async () => {
    await resetToSeed(db);
    await tokens();
    const first = await exportGraph(format, { of: 'google', depth: 2 });
    // The graphology JSON carries every field of every record: the reference for "same graph".
    const reference = await exportGraph('JSON', { of: 'google', depth: 2 });
    assert.ok(first.entities >= 10 && first.claims >= 10 && first.sources >= 3, JSON.stringify({ ...first, files: undefined }));

    await clearDatabase(db);
    await applySchema(db);
    await tokens();
    assert.deepEqual(await graphCounts(db), { entities: 0, sources: 0, claims: 0 });
    const report = await importData(reimportVars(format, first.files));
    assert.deepEqual(report.problems, []);
    assert.equal(report.applied, true);
    assert.deepEqual(
      Object.fromEntries(Object.entries(report.summary).map(([k, c]) => [k, c.created])),
      { entities: first.entities, claims: first.claims, sources: first.sources },
    );

    const again = await exportGraph(format, { of: 'google', depth: 2 });
    assert.deepEqual(again.files, first.files, `${format} export differs after the round trip`);
    const againReference = await exportGraph('JSON', { of: 'google', depth: 2 });
    assert.equal(againReference.files[0]!.content, reference.files[0]!.content, 'entities, claims, sources or statuses differ');
    assert.deepEqual(await graphCounts(db), { entities: first.entities, sources: first.sources, claims: first.claims });
  });
}

test('exports take filters and a list of ids, and name what is wrong with a selection', async () => {
  await resetToSeed(db);
  await tokens();
  const all = await exportGraph('JSON', { of: 'google', depth: 2 });
  const denied = await exportGraph('JSON', { of: 'google', statuses: ['DENIED'] });
  assert.ok(denied.claims < all.claims);
  const graph = JSON.parse(denied.files[0]!.content) as { edges: { attributes: { status: string } }[] };
  assert.ok(graph.edges.every((e) => e.attributes.status === 'denied'));
  const two = await exportGraph('GRAPHML', { ids: ['google', 'contract-nimbus'] });
  assert.equal(two.entities, 2);
  assert.match(two.files[0]!.content, /<graphml/);

  const none = await api.gql(EXPORT, { format: 'CSV' });
  assert.equal(none.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(none.errors![0]!.message, /exactly one of ids, neighborhoodOf or all/);
  const both = await api.gql(EXPORT, { format: 'CSV', of: 'google', all: true });
  assert.match(both.errors![0]!.message, /got neighborhoodOf and all/);
  const missing = await api.gql(EXPORT, { format: 'CSV', ids: ['google', 'no-such-entity'] });
  assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  assert.match(missing.errors![0]!.message, /"no-such-entity"/);
  const tooMany = await api.gql(EXPORT, { format: 'CSV', ids: Array.from({ length: 5001 }, (_, i) => `fictional-${i}`) });
  assert.match(tooMany.errors![0]!.message, /ids lists 5001 entities; an export holds at most 5000/);
});

// A small fictional file in the project's JSON: two new entities and a claim to a seed entity.
const fictionalFile = JSON.stringify(
  {
    sources: [{ id: 'src-fictional-exchange', publisher: 'Fictional Wire', title: 'A fictional report', url: 'https://example.org/fictional-exchange' }],
    entities: [
      { id: 'fictional-exchange-co', type: 'Company', name: 'Fictional Exchange Co', sector: 'cloud' },
      { id: 'fictional-exchange-deal', type: 'Contract', name: 'Fictional exchange deal', start: '2023-04' },
    ],
    relations: [
      { from: 'fictional-exchange-co', type: 'PARTY_TO', to: 'fictional-exchange-deal', status: 'alleged', summary: 'A fictional report says so.', sources: ['src-fictional-exchange'] },
      { from: 'fictional-exchange-co', type: 'SUPPLIES', to: 'google', status: 'reported', summary: 'A fictional supply claim.', sources: ['src-fictional-exchange'] },
    ],
  },
  null,
  1,
);

test('a dry run reports what would change and writes nothing; importing twice changes nothing the second time', async () => {
  await resetToSeed(db);
  await tokens();
  const before = await fingerprint();
  const dry = await importData({ format: 'JSON', fileName: 'fictional.json', content: fictionalFile, dryRun: true });
  assert.deepEqual(dry.problems, []);
  assert.equal(dry.dryRun, true);
  assert.equal(dry.applied, false);
  assert.deepEqual(dry.summary.entities, { created: 2, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.summary.claims, { created: 2, updated: 0, unchanged: 0 });
  assert.deepEqual(dry.summary.sources, { created: 1, updated: 0, unchanged: 0 });
  assert.equal(await fingerprint(), before, 'a dry run wrote something');

  const first = await importData({ format: 'JSON', fileName: 'fictional.json', content: fictionalFile });
  assert.equal(first.applied, true);
  assert.deepEqual(first.summary, dry.summary);
  const history = await api.gql(`{ history(id: "fictional-exchange-co") { action by reason } }`);
  assert.deepEqual(history.data!.history, [{ action: 'import', by: 'exchange-editor', reason: 'fictional.json' }]);

  const afterFirst = await fingerprint();
  const second = await importData({ format: 'JSON', fileName: 'fictional.json', content: fictionalFile });
  assert.equal(second.applied, true);
  assert.deepEqual(second.summary.entities, { created: 0, updated: 0, unchanged: 2 });
  assert.deepEqual(second.summary.claims, { created: 0, updated: 0, unchanged: 2 });
  assert.equal(await fingerprint(), afterFirst, 'the second import changed the graph or its audit trail');

  // A corrected claim is an update of the same claim, not a second one.
  const corrected = await importData({ format: 'JSON', fileName: 'fictional.json', content: fictionalFile.replace('"status": "alleged"', '"status": "denied"') });
  assert.deepEqual(corrected.summary.claims, { created: 0, updated: 1, unchanged: 1 });
  const claim = await api.gql(`{ claim(id: "fictional-exchange-co--party-to--fictional-exchange-deal") { status recordedBy updatedBy } }`);
  assert.deepEqual(claim.data!.claim, { status: 'DENIED', recordedBy: 'exchange-editor', updatedBy: 'exchange-editor' });
});

const ENTITIES_HEADER = 'id,type,name';
const RELATIONSHIPS_HEADER = 'from,type,to,status,summary,start,sources';

test('a CSV with an unknown type, a dangling reference, a duplicate id and an invalid date is refused line by line', async () => {
  const before = await graphCounts(db);
  const entities = [
    ENTITIES_HEADER,
    'fictional-csv-co,Company,Fictional CSV Co', // line 2
    'fictional-csv-ship,Spaceship,Fictional Ship', // line 3: unknown label
    'fictional-csv-co,Company,Fictional CSV Co again', // line 4: duplicate id
  ].join('\n');
  const relationships = [
    RELATIONSHIPS_HEADER,
    'fictional-csv-co,SUPPLIES,no-such-entity,reported,Fictional.,,src-fictional-exchange', // line 2: dangling
    'fictional-csv-co,SUPPLIES,google,reported,Fictional.,2021-13-45,src-fictional-exchange', // line 3: bad date
  ].join('\n');
  const report = await importData({ format: 'CSV', fileName: 'entities.csv', content: entities, rel: relationships });
  assert.equal(report.applied, false);
  const has = (file: string, line: number, reason: RegExp) =>
    assert.ok(
      report.problems.some((p) => p.file === file && p.item.startsWith(`line ${line}`) && reason.test(p.reason)),
      `no problem ${file} line ${line} ${reason}: ${JSON.stringify(report.problems, null, 1)}`,
    );
  has('entities.csv', 3, /unknown entity type "Spaceship"; allowed: Company/);
  has('entities.csv', 4, /duplicate entity id "fictional-csv-co"/);
  has('relationships.csv', 2, /"to" points at "no-such-entity", which is not an entity/);
  has('relationships.csv', 3, /"start" must be a date; got "2021-13-45": write dates as YYYY-MM-DD \(e\.g\. 2021-05-26\), YYYY-MM or YYYY; "2021-13-45" is no day of the calendar/);
  assert.deepEqual(await graphCounts(db), before);
});

test('a malformed file is refused with the line it breaks on, and nothing is written', async () => {
  const before = await graphCounts(db);
  const broken = fictionalFile.split('\n');
  broken[5] = `${broken[5]} ,,`;
  const json = await importData({ format: 'JSON', fileName: 'broken.json', content: broken.join('\n') });
  assert.equal(json.applied, false);
  assert.equal(json.problems[0]?.file, 'broken.json');
  assert.match(json.problems[0]!.item, /line 6/);

  const ftm = await importData({ format: 'FTM', fileName: 'broken.ftm.json', content: '{"id": "x", "schema": "Company", "properties": {"name": ["Fictional"]}}\n{"id": \n' });
  assert.equal(ftm.applied, false);
  assert.ok(ftm.problems.some((p) => p.file === 'broken.ftm.json' && /line 2/.test(p.item)), JSON.stringify(ftm.problems));

  const csv = await importData({ format: 'CSV', fileName: 'entities.csv', content: `${ENTITIES_HEADER}\nfictional-q,Company,"Unclosed quote\n` });
  assert.equal(csv.applied, false);
  assert.ok(csv.problems.some((p) => p.file === 'entities.csv' && /line 2/.test(p.item)), JSON.stringify(csv.problems));
  assert.deepEqual(await graphCounts(db), before);
});

test('values that break a standard or a bound are refused through the API with file, line and field, and nothing is written', async () => {
  const before = await fingerprint();
  const entities = [
    `${ENTITIES_HEADER},country,isin,lei,website,value,currency`,
    'fictional-bad-co,Company,Fictional Bad Co,Narnia,bad,x,javascript:alert(1),,', // line 2
    'fictional-bad-deal,Contract,Fictional bad deal,,,,,-5,NOTACURRENCY', // line 3
  ].join('\n');
  const report = await importData({ format: 'CSV', fileName: 'entities.csv', content: entities });
  assert.equal(report.applied, false);
  const reasons = report.problems.map((p) => `${p.file}: ${p.item}: ${p.reason}`);
  for (const expected of [
    /^entities\.csv: line 2 \(fictional-bad-co\): "country" must be an ISO 3166-1 alpha-2 country code .*; got "Narnia"$/,
    /^entities\.csv: line 2 \(fictional-bad-co\): "isin" must be a valid ISIN \(2 letters, 9 letters or digits, a check digit\); got "bad"$/,
    /^entities\.csv: line 2 \(fictional-bad-co\): "lei" must be a valid LEI \(18 letters or digits, 2 check digits\); got "x"$/,
    /^entities\.csv: line 2 \(fictional-bad-co\): "website" must be an http\(s\) address; got "javascript:alert\(1\)"$/,
    /^entities\.csv: line 3 \(fictional-bad-deal\): "value" must be a number ≥ 0; got -5$/,
    /^entities\.csv: line 3 \(fictional-bad-deal\): "currency" must be an ISO 4217 currency code .*; got "NOTACURRENCY"$/,
  ]) {
    assert.ok(reasons.some((r) => expected.test(r)), `no problem ${expected}: ${reasons.join('\n')}`);
  }
  assert.equal(await fingerprint(), before);
});

test('an empty file of any format is refused as holding nothing, not applied', async () => {
  const before = await fingerprint();
  const empties: Record<string, unknown>[] = [
    { format: 'FTM', fileName: 'empty.ftm.json', content: '' },
    { format: 'FTM', fileName: 'blank.ftm.json', content: '\n\n' },
    { format: 'JSON', fileName: 'empty.json', content: '{"sources": [], "entities": [], "relations": []}' },
    { format: 'GRAPHOLOGY', fileName: 'empty.graphology.json', content: ' ' },
    { format: 'CSV', fileName: 'entities.csv', content: `${ENTITIES_HEADER}\n`, rel: `${RELATIONSHIPS_HEADER}\n` },
  ];
  for (const vars of empties) {
    const report = await importData(vars);
    assert.equal(report.applied, false, String(vars.fileName));
    assert.deepEqual(report.problems, [{ file: vars.fileName, item: '(file)', reason: 'holds no entities, claims or sources; there is nothing to import' }]);
  }
  assert.equal(await fingerprint(), before);
});

test('oversized content is refused with the bound named, before anything is read', async () => {
  const before = await graphCounts(db);
  const res = await api.gql(IMPORT, { format: 'JSON', fileName: 'huge.json', content: ' '.repeat(20_000_001) }, editor);
  assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(res.errors?.[0]?.extensions?.argument, 'content');
  assert.match(res.errors![0]!.message, /importData takes at most 20,000,000.*npm run import/);
  assert.deepEqual(await graphCounts(db), before);
});

test('importing needs an editor token: a reader or no token is refused and nothing is written', async () => {
  const before = await fingerprint();
  for (const token of [reader, undefined]) {
    const res = await api.gql(IMPORT, { format: 'JSON', fileName: 'fictional.json', content: fictionalFile.replace(/exchange/g, 'exchange2') }, token);
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(res.errors![0]!.message, /editor role/);
  }
  assert.equal(await fingerprint(), before);
});

test('the import CLI prints each problem with its file and line and exits 1', async () => {
  const before = await graphCounts(db);
  const dir = mkdtempSync(join(tmpdir(), 'conflict-links-cli-'));
  const path = join(dir, 'tiny-bad.json');
  // One record a line, so the relation below is on line 5.
  writeFileSync(
    path,
    [
      '{"sources": [{"id": "src-cli", "publisher": "Fictional Wire", "title": "T", "url": "https://example.org/cli"}],',
      ' "entities": [',
      '  {"id": "fictional-cli-co", "type": "Company", "name": "Fictional CLI Co"}],',
      ' "relations": [',
      '  {"from": "fictional-cli-co", "type": "OWNS", "to": "fictional-nowhere", "status": "reported", "summary": "s", "sources": ["src-cli"]}]}',
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', path], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /tiny-bad\.json: line 5 \(fictional-cli-co OWNS fictional-nowhere\): "to" points at "fictional-nowhere", which is not an entity/);
  assert.match(run.stdout, /1 problem\(s\) in tiny-bad\.json; nothing was written/);
  assert.deepEqual(await graphCounts(db), before);

  const usage = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', path, '--format', 'xml'], { cwd: projectRoot, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--format must be one of json, graphology, csv, ftm; got "xml"/);
});

// Schema as code and the seed loader, on the real Neo4j.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import { applySchema } from '../../api/db/schema.ts';
import { loadDatasetFile, loadSeed, seedPath } from '../../seed/seed.ts';
import { graphCounts, openTestDatabase, resetToSeed } from '../support/database.ts';

let db: Database;
const tmp = mkdtempSync(join(tmpdir(), 'conflict-links-'));

before(async () => {
  db = await openTestDatabase();
  await resetToSeed(db);
});

after(async () => {
  await db?.close();
});

async function fingerprint(): Promise<string> {
  return JSON.stringify(await db.read('exchange/fingerprint'));
}

test('applying the schema twice changes nothing', async () => {
  const before = await db.read('system/schema-objects');
  await applySchema(db);
  const after = await db.read('system/schema-objects');
  assert.deepEqual(after, before);
  assert.ok(before.some((row) => row.name === 'entity_search' && row.type === 'FULLTEXT'));
  assert.ok(before.some((row) => row.name === 'company_id'));
});

test('the seed loads every entity, claim and source, and loading it twice gives the same graph', async () => {
  const raw = JSON.parse(readFileSync(seedPath, 'utf8'));
  const counts = await graphCounts(db);
  assert.deepEqual(counts, { entities: raw.entities.length, sources: raw.sources.length, claims: raw.relations.length });
  const first = await fingerprint();
  await loadSeed(db);
  assert.equal(await fingerprint(), first);
});

test('the quotes each seed claim was checked against are stored with it, one per evidence.json row', async () => {
  const evidence = JSON.parse(readFileSync(join(dirname(seedPath), 'evidence.json'), 'utf8')) as { relation: { from: string; type: string; to: string }; sourceId: string; quote: string }[];
  const rows = await db.read('exchange/fingerprint');
  const rels = rows[0]!.relationships as [string, string, string, { sourceIds: string[]; evidenceSourceIds?: string[]; evidenceQuotes?: string[] }][];
  const stored = rels.flatMap(([, , , p]) => (p.evidenceSourceIds ?? []).map((id, i) => ({ id, quote: p.evidenceQuotes![i]!, cited: p.sourceIds.includes(id) })));
  assert.equal(stored.length, evidence.length);
  assert.ok(stored.every((e) => e.cited && e.quote.length > 0), 'each quote is of a source its claim cites');
  const quote = evidence[0]!;
  assert.ok(stored.some((e) => e.id === quote.sourceId && e.quote === quote.quote.trim()));
});

test('every claim cites at least one stored source', async () => {
  const rows = await db.read('exchange/fingerprint');
  const nodes = rows[0]!.nodes as [string[], Record<string, unknown>][];
  const sourceIds = new Set(nodes.filter(([labels]) => labels.includes('Source')).map(([, p]) => p.id));
  const rels = rows[0]!.relationships as [string, string, string, { sourceIds: string[] }][];
  assert.ok(rels.length > 0);
  for (const [, , , props] of rels) {
    assert.ok(props.sourceIds.length > 0);
    for (const id of props.sourceIds) assert.ok(sourceIds.has(id), `${id} is not stored`);
  }
});

test('a file whose relation cites a missing source is rejected and leaves the database unchanged', async () => {
  const before = await fingerprint();
  const path = join(tmp, 'bad-source.json');
  writeFileSync(
    path,
    JSON.stringify({
      sources: [{ id: 'src-fictional', publisher: 'Fictional Wire', title: 'T', url: 'https://example.org/t' }],
      entities: [
        { id: 'fictional-co', type: 'Company', name: 'Fictional Co' },
        { id: 'fictional-deal', type: 'Contract', name: 'Fictional deal' },
      ],
      relations: [
        { from: 'fictional-co', type: 'PARTY_TO', to: 'fictional-deal', status: 'reported', summary: 's', sources: ['src-fictional'] },
        { from: 'fictional-co', type: 'OPERATES', to: 'nimbus-cloud', status: 'reported', summary: 's', sources: ['src-missing'] },
      ],
    }),
  );
  await assert.rejects(loadDatasetFile(db, path, 'test'), (error: Error) => {
    assert.match(error.message, /bad-source\.json: relations\[1\] \(fictional-co OPERATES nimbus-cloud\): cites source "src-missing", which does not exist/);
    assert.match(error.message, /nothing was written/);
    return true;
  });
  assert.equal(await fingerprint(), before);
});

test('a file that is not JSON is rejected with its name and nothing is written', async () => {
  const before = await fingerprint();
  const path = join(tmp, 'broken.json');
  writeFileSync(path, '{"sources": [');
  await assert.rejects(loadDatasetFile(db, path, 'test'), /broken\.json: not valid JSON/);
  assert.equal(await fingerprint(), before);
});

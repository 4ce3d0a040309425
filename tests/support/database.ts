// The test database: the Neo4j that tests/run.ts started for this run (NEO4J_TEST_URI).
// Each integration test file resets it to the schema and the seed data before it starts.
import { openDatabase, waitUntilReady, type Database } from '../../api/db/database.ts';
import { applySchema } from '../../api/db/schema.ts';
import { loadSeed } from '../../seed/seed.ts';

export async function openTestDatabase(): Promise<Database> {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) throw new Error('NEO4J_TEST_URI is not set: run the tests with `npm test`, which starts Neo4j.');
  const db = openDatabase({
    uri,
    user: process.env.NEO4J_TEST_USER ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
  });
  await waitUntilReady(db);
  return db;
}

export async function clearDatabase(db: Database): Promise<void> {
  await db.autoCommit('exchange/clear-all');
}

export async function resetToSeed(db: Database): Promise<void> {
  await clearDatabase(db);
  await applySchema(db);
  await loadSeed(db);
}

export async function graphCounts(db: Database): Promise<{ entities: number; sources: number; claims: number }> {
  const [row] = await db.read('exchange/counts');
  return { entities: Number(row?.entities), sources: Number(row?.sources), claims: Number(row?.claims) };
}

// Applies cypher/schema.cypher. Every statement is IF NOT EXISTS, so this is idempotent.
import type { Database } from './database.ts';
import { statementsOf } from './queries.ts';

export async function applySchema(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    for (const statement of statementsOf('schema')) await session.run(statement);
  } finally {
    await session.close();
  }
  await db.autoCommit('system/await-indexes');
}

// Shared frame of the command-line tools: parse, connect (reusing a running app's local
// Neo4j), make sure the schema exists, run, close, and exit with a clear message.
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { connect } from '../db/connect.ts';
import { applySchema } from '../db/schema.ts';

export async function runCli(work: (db: Database) => Promise<number>): Promise<void> {
  let code = 1;
  try {
    const connection = await connect(loadConfig().neo4j, (l) => console.error(l), { reuseRunning: true });
    try {
      await applySchema(connection.db);
      code = await work(connection.db);
    } finally {
      await connection.close();
    }
  } catch (error) {
    const e = error as Error;
    console.error(`${e.name === 'UsageError' ? '' : `${e.name}: `}${e.message}`);
    code = e.name === 'UsageError' ? 2 : 1;
  }
  process.exit(code);
}

// Shared frame of the command-line tools: parse, connect (reusing a running app's local
// Neo4j), make sure the schema exists, run, close, and exit with a clear message.
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { connect } from '../db/connect.ts';
import { refuseDuplicateTokenNames } from '../auth/tokens.ts';
import { applySchema } from '../db/schema.ts';

type CodedError = Error & { extensions?: { code?: unknown } };

/** Usage mistakes (exit 2), including the API's own BAD_USER_INPUT checks reused by a tool. */
function isUsageError(e: CodedError): boolean {
  return e.name === 'UsageError' || e.extensions?.code === 'BAD_USER_INPUT';
}

/** Prints an error the way every tool does and returns the exit code. */
export function reportCliError(error: unknown): number {
  const e = error as CodedError;
  // Errors that carry a code (usage, not found) are meant for the user as they are.
  const plain = isUsageError(e) || typeof e.extensions?.code === 'string';
  console.error(`${plain ? '' : `${e.name}: `}${e.message}`);
  return isUsageError(e) ? 2 : 1;
}

/** Runs `parse` before any connection, so a usage mistake never waits for Neo4j. */
export function parseOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    process.exit(reportCliError(error));
  }
}

export async function runCli(work: (db: Database) => Promise<number>): Promise<void> {
  let code = 1;
  try {
    const connection = await connect(loadConfig().neo4j, (l) => console.error(l), { reuseRunning: true });
    try {
      await refuseDuplicateTokenNames(connection.db);
      await applySchema(connection.db);
      code = await work(connection.db);
    } finally {
      await connection.close();
    }
  } catch (error) {
    code = reportCliError(error);
  }
  process.exit(code);
}

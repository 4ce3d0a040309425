// `npm run token -- create --name NAME --role editor|reader`, `list`, `revoke --name NAME`.
// Uses the running app's local Neo4j if there is one, else starts it (or NEO4J_URI).
import { loadConfig } from '../config.ts';
import { ROLES, type Role } from '../context.ts';
import { connect } from '../db/connect.ts';
import { applySchema } from '../db/schema.ts';
import { createToken, listTokens, refuseDuplicateTokenNames, revokeToken } from '../auth/tokens.ts';
import { parseFlags, UsageError } from './args.ts';

const USAGE = 'usage: npm run token -- create --name NAME --role editor|reader | list | revoke --name NAME';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new UsageError(USAGE);
  const flags = parseFlags(rest, { name: 'value', role: 'value' });
  if (command !== 'list' && typeof flags.name !== 'string') throw new UsageError(`--name is required. ${USAGE}`);
  if (command === 'create' && !ROLES.includes(flags.role as Role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got ${JSON.stringify(flags.role ?? null)}.`);
  }
  const connection = await connect(loadConfig().neo4j, (l) => console.error(l), { reuseRunning: true });
  try {
    await refuseDuplicateTokenNames(connection.db);
    await applySchema(connection.db);
    if (command === 'create') {
      const secret = await createToken(connection.db, flags.name as string, flags.role as Role);
      console.log(`Token "${flags.name}" (${flags.role}) created. It is shown only now; store it safely:\n${secret}`);
    } else if (command === 'list') {
      for (const t of await listTokens(connection.db)) {
        console.log(`${t.name}\t${t.role}\tcreated ${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}`);
      }
    } else {
      const done = await revokeToken(connection.db, flags.name as string);
      if (!done) throw new UsageError(`No active token named "${flags.name}".`);
      console.log(`Token "${flags.name}" revoked.`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((error: Error) => {
  console.error(`${error.name === 'UsageError' ? '' : `${error.name}: `}${error.message}`);
  process.exit(error.name === 'UsageError' ? 2 : 1);
});

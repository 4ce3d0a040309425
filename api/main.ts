// `npm start`: Neo4j (local unless NEO4J_URI is set), schema, seed, then API + web app.
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { refuseDuplicateTokenNames } from './auth/tokens.ts';
import { applySchema } from './db/schema.ts';
import { createServer } from './server.ts';
import { loadSeed } from '../seed/seed.ts';

const log = (line: string) => console.log(`[conflict-links] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await connect(config.neo4j, log);
  let stopping = false;
  const server = createServer({
    db: connection.db,
    webDir: config.webDir,
    requireReadToken: config.requireReadToken,
    corsOrigins: config.corsOrigins,
    graphiql: config.graphiql,
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping...`);
    server.close();
    await connection.close();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await refuseDuplicateTokenNames(connection.db);
    await applySchema(connection.db);
    if (config.loadSeed) {
      const { summary: s } = await loadSeed(connection.db);
      const line = (k: { created: number; updated: number; unchanged: number }) => `${k.created} new, ${k.updated} changed, ${k.unchanged} unchanged`;
      log(`seed: entities ${line(s.entities)}; claims ${line(s.claims)}; sources ${line(s.sources)}.`);
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await connection.close();
    throw error;
  }
  log(`ready: http://${config.host}:${config.port}/ (GraphQL at /graphql), Neo4j at ${connection.uri}`);
}

main().catch((error: Error) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`[conflict-links] The app's port is already in use; set PORT to another one.`);
  else console.error(`[conflict-links] ${error.name}: ${error.message}`);
  process.exit(1);
});

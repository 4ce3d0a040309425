// `npm start`: Neo4j (local unless NEO4J_URI is set), schema, seed and the shipped official lists, then API + web app.
import { loadConfig } from './config.ts';
import { connect, type Connection } from './db/connect.ts';
import { refuseDuplicateTokenNames } from './auth/tokens.ts';
import { applySchema } from './db/schema.ts';
import { createServer } from './server.ts';
import { loadSeed } from '../seed/seed.ts';
import { loadShippedLists } from '../seed/shippedLists.ts';

const log = (line: string) => console.log(`[conflict-links] ${line}`);

let connection: Connection | undefined;

// A fault no request handler caught: say what, stop Neo4j (so that no orphan keeps its port
// and data folder), and exit non-zero for whatever restarts the app.
let dying = false;
async function die(kind: string, error: unknown): Promise<never> {
  if (!dying) {
    dying = true;
    console.error(`[conflict-links] ${kind}, stopping: ${(error as Error)?.stack ?? String(error)}`);
    const stopped = connection?.close().catch((e: unknown) => console.error(`[conflict-links] while stopping: ${String(e)}`));
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 40_000).unref())]);
  }
  process.exit(1);
}
process.on('uncaughtException', (error) => void die('Uncaught exception', error));
process.on('unhandledRejection', (reason) => void die('Unhandled promise rejection', reason));

async function main(): Promise<void> {
  const config = loadConfig();
  connection = await connect(config.neo4j, log);
  const opened = connection;
  let stopping = false;
  const server = createServer({
    db: opened.db,
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
    await opened.close();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await refuseDuplicateTokenNames(opened.db);
    await applySchema(opened.db);
    if (config.loadSeed) {
      const line = (k: { created: number; updated: number; unchanged: number }) => `${k.created} new, ${k.updated} changed, ${k.unchanged} unchanged`;
      let began = Date.now();
      const took = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
      const { summary: s } = await loadSeed(opened.db);
      log(`seed: entities ${line(s.entities)}; claims ${line(s.claims)}; sources ${line(s.sources)} (${took()}).`);
      began = Date.now();
      await loadShippedLists(opened.db, ({ list }, { summary: l }) => {
        log(`${list}: entities ${line(l.entities)}; claims ${line(l.claims)}; sources ${line(l.sources)} (${took()}).`);
        began = Date.now();
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
  log(`ready: http://${config.host}:${config.port}/ (GraphQL at /graphql), Neo4j at ${opened.uri}`);
}

main().catch((error: Error) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`[conflict-links] The app's port is already in use; set PORT to another one.`);
  else console.error(`[conflict-links] ${error.name}: ${error.message}`);
  process.exit(1);
});

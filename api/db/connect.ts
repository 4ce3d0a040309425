// Opens the database a config points at: an external Neo4j, or the project's own local
// server, which it starts first and stops on close.
import type { Neo4jTarget } from '../config.ts';
import { openDatabase, waitUntilReady, type Database } from './database.ts';
import { boltAnswers, startLocalNeo4j } from './localNeo4j.ts';

export interface Connection {
  db: Database;
  uri: string;
  /** Closes the driver and, when we started it, stops Neo4j. */
  close(): Promise<void>;
}

export async function connect(
  target: Neo4jTarget,
  log: (line: string) => void = () => {},
  opts: { reuseRunning?: boolean } = {},
): Promise<Connection> {
  if (target.kind === 'external') {
    const db = openDatabase(target);
    await waitUntilReady(db, 30_000);
    return { db, uri: target.uri, close: () => db.close() };
  }
  // Command-line tools use the local Neo4j of a running app instead of starting another.
  if (opts.reuseRunning && (await boltAnswers(target.boltPort))) {
    const uri = `bolt://127.0.0.1:${target.boltPort}`;
    const db = openDatabase({ uri, user: 'neo4j', password: '' });
    await waitUntilReady(db, 30_000);
    return { db, uri, close: () => db.close() };
  }
  const server = await startLocalNeo4j({ ...target, log });
  const db = openDatabase({ uri: server.uri, user: 'neo4j', password: '' });
  try {
    await waitUntilReady(db);
  } catch (error) {
    await db.close();
    await server.stop();
    throw error;
  }
  return {
    db,
    uri: server.uri,
    async close() {
      await db.close();
      await server.stop();
    },
  };
}

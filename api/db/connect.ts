// Opens the database a config points at: an external Neo4j, or the project's own local
// server, which it starts first, restarts if it dies, and stops on close. Either way the
// database is watched (availability.ts): while Neo4j cannot be reached, calls fail at once.
import type { Neo4jTarget } from '../config.ts';
import { watchAvailability, type Availability } from './availability.ts';
import { openDatabase, waitUntilReady, type Database } from './database.ts';
import { boltAnswers } from './localNeo4j.ts';
import { superviseLocalNeo4j } from './supervisor.ts';

export interface Connection {
  db: Database & { availability: Availability };
  uri: string;
  /** The local Neo4j's pid now, when we started it. */
  readonly neo4jPid?: number;
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
    const watched = watchAvailability(db, { log });
    return { db: watched, uri: target.uri, close: () => watched.close() };
  }
  // Command-line tools use the local Neo4j of a running app instead of starting another.
  if (opts.reuseRunning && (await boltAnswers(target.boltPort))) {
    const uri = `bolt://127.0.0.1:${target.boltPort}`;
    const db = openDatabase({ uri, user: 'neo4j', password: '' });
    await waitUntilReady(db, 30_000);
    const watched = watchAvailability(db, { log });
    return { db: watched, uri, close: () => watched.close() };
  }
  let availability: Availability | undefined;
  const server = await superviseLocalNeo4j({ ...target, log, onExit: (why) => availability?.markDown(why, true) });
  const db = openDatabase({ uri: server.uri, user: 'neo4j', password: '' });
  try {
    await waitUntilReady(db);
  } catch (error) {
    await db.close();
    await server.stop();
    throw error;
  }
  const watched = watchAvailability(db, { log });
  availability = watched.availability;
  return {
    db: watched,
    uri: server.uri,
    get neo4jPid() {
      return server.pid;
    },
    async close() {
      await watched.close();
      await server.stop();
    },
  };
}

// Run as its own process by tests/integration/neo4j-lifecycle.test.ts: an "app" that starts
// a local Neo4j (NEO4J_HOLD_HOME, NEO4J_HOLD_PORT), prints its pid as a JSON line, and holds
// it until killed, so the test can kill this parent the way a crash would.
import { startLocalNeo4j } from '../../api/db/localNeo4j.ts';

const running = await startLocalNeo4j({
  homeDir: process.env.NEO4J_HOLD_HOME!,
  boltPort: Number(process.env.NEO4J_HOLD_PORT),
  heap: '512m',
  pageCache: '64m',
});
console.log(JSON.stringify({ neo4jPid: running.pid }));
setInterval(() => undefined, 60_000);

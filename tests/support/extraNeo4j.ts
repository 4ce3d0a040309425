// A Neo4j of a test file's own, beside the suite's: its port and home derive from the
// suite's (NEO4J_TEST_PORT + offset, NEO4J_TEST_HOME + "-" + name), so that runs on one
// machine never share one. And the process checks those tests make, by pid only.
import { join } from 'node:path';
import { projectRoot } from '../../api/config.ts';
import { isRunning } from '../../api/db/neo4jPidFile.ts';

export function extraNeo4jSlot(offset: number, name: string): { boltPort: number; homeDir: string } {
  const suitePort = Number(process.env.NEO4J_TEST_PORT ?? 7697);
  const suiteHome = process.env.NEO4J_TEST_HOME ?? join(projectRoot, '.neo4j/test');
  return { boltPort: suitePort + offset, homeDir: `${suiteHome}-${name}` };
}

/** Polls until `check` holds or `ms` pass; resolves with whether it held. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

/** Kills a process a test started, by its pid, if it still runs; waits until it is gone. */
export async function killIfRunning(pid: number | undefined): Promise<void> {
  if (pid === undefined || !isRunning(pid)) return;
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !isRunning(pid), 10_000);
}

// The pid file of the local Neo4j, in its home: which java process we started there, and
// from which app. A start that finds that process still running after its app is gone stops
// it, so a crashed app never leaves the port held by an orphan. Linux /proc only; elsewhere
// nothing is found and nothing is stopped.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Neo4jPidRecord {
  pid: number;
  /** The app (node) process that started it. */
  ownerPid: number;
  homeDir: string;
  startedAt: string;
}

export class Neo4jInUseError extends Error {
  override name = 'Neo4jInUseError';
}

export function pidFilePath(homeDir: string): string {
  return join(homeDir, 'run', 'conflict-links-neo4j.pid');
}

export function writePidFile(homeDir: string, pid: number): void {
  const record: Neo4jPidRecord = { pid, ownerPid: process.pid, homeDir, startedAt: new Date().toISOString() };
  writeFileSync(pidFilePath(homeDir), JSON.stringify(record) + '\n');
}

export function readPidFile(homeDir: string): Neo4jPidRecord | null {
  try {
    const record = JSON.parse(readFileSync(pidFilePath(homeDir), 'utf8')) as Partial<Neo4jPidRecord>;
    return Number.isInteger(record.pid) && Number.isInteger(record.ownerPid) ? (record as Neo4jPidRecord) : null;
  } catch {
    return null;
  }
}

/** Removes the pid file if it still names this pid (a newer start may have replaced it). */
export function removePidFile(homeDir: string, pid: number): void {
  if (readPidFile(homeDir)?.pid === pid) rmSync(pidFilePath(homeDir), { force: true });
}

/** State and parent of a process, from /proc/PID/stat; null when there is no such process. */
function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: fields start after the last ")".
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}

export function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

/** True only for a java process running Neo4j with exactly this home folder. */
export function isNeo4jOnHome(pid: number, homeDir: string): boolean {
  if (!isRunning(pid) || !existsSync(`/proc/${pid}/cmdline`)) return false;
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  const program = args[0]?.split('/').pop();
  return program === 'java' && args.includes('org.neo4j.server.CommunityEntryPoint') && args.includes(`--home-dir=${homeDir}`);
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isRunning(pid);
}

/**
 * Stops the Neo4j an earlier start left running on this home, if there is one and it is
 * ours: the pid file names it, it is java on this very home, and the app that started it is
 * gone (or is this process). A Neo4j whose app still runs is refused with Neo4jInUseError;
 * any other process is never touched.
 */
export async function stopLeftoverNeo4j(homeDir: string, log: (line: string) => void, termWaitMs = 30_000): Promise<void> {
  const record = readPidFile(homeDir);
  if (!record) return;
  const { pid, ownerPid } = record;
  if (!isNeo4jOnHome(pid, homeDir)) {
    rmSync(pidFilePath(homeDir), { force: true });
    return;
  }
  const ownerAlive = ownerPid !== process.pid && procStat(pid)?.ppid === ownerPid && isRunning(ownerPid);
  if (ownerAlive) {
    throw new Neo4jInUseError(
      `Neo4j (pid ${pid}) is running on ${homeDir} for another app that is still running (pid ${ownerPid}). ` +
        'Stop that app first, or give this one its own NEO4J_LOCAL_HOME and NEO4J_LOCAL_PORT.',
    );
  }
  log(`Found Neo4j (pid ${pid}) left running on ${homeDir} by an earlier start (app pid ${ownerPid}); stopping it...`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, termWaitMs))) {
    log(`Neo4j (pid ${pid}) did not stop within ${termWaitMs / 1000} s of SIGTERM; sending SIGKILL.`);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 10_000);
  }
  rmSync(pidFilePath(homeDir), { force: true });
  log(`Stopped the leftover Neo4j (pid ${pid}); starting a new one.`);
}

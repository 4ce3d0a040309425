// The local Neo4j never outlives its app: killed outright (SIGKILL), the app takes its
// Neo4j with it; and a start that finds a Neo4j left running on its own data folder stops
// it, says so, and comes up. A Neo4j whose app still runs is never touched. These start
// Neo4j servers of their own (port NEO4J_TEST_PORT + 3), not the suite's.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import { boltAnswers, startLocalNeo4j, type RunningNeo4j } from '../../api/db/localNeo4j.ts';
import { Neo4jInUseError, isRunning, readPidFile } from '../../api/db/neo4jPidFile.ts';
import { extraNeo4jSlot, killIfRunning, waitFor } from '../support/extraNeo4j.ts';

const { boltPort, homeDir } = extraNeo4jSlot(3, 'lifecycle');
const small = { homeDir, boltPort, heap: '512m', pageCache: '64m' };
const pids: number[] = [];
let holder: ChildProcess | undefined;

before(() => rmSync(join(homeDir, 'data'), { recursive: true, force: true }));

after(async () => {
  if (holder?.pid) await killIfRunning(holder.pid);
  for (const pid of pids) await killIfRunning(pid);
});

/** Starts tests/support/holdNeo4j.ts as a separate "app"; resolves with its Neo4j's pid. */
function startHolder(): Promise<number> {
  holder = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'tests/support/holdNeo4j.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_HOLD_HOME: homeDir, NEO4J_HOLD_PORT: String(boltPort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    holder!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{.*\}$/m.exec(out);
      if (line) resolve((JSON.parse(line[0]) as { neo4jPid: number }).neo4jPid);
    });
    holder!.once('exit', (code) => reject(new Error(`the holder exited (${code}) before its Neo4j was up`)));
  });
}

test('killed with SIGKILL, an app takes its Neo4j with it; while it ran, its Neo4j was not touched', async () => {
  const neo4jPid = await startHolder();
  pids.push(neo4jPid);
  assert.deepEqual(
    { pid: readPidFile(homeDir)?.pid, ownerPid: readPidFile(homeDir)?.ownerPid },
    { pid: neo4jPid, ownerPid: holder!.pid },
    'the pid file names the Neo4j and its app',
  );
  await assert.rejects(startLocalNeo4j(small), (e: unknown) => e instanceof Neo4jInUseError && e.message.includes(`pid ${holder!.pid}`));
  assert.ok(isRunning(neo4jPid) && (await boltAnswers(boltPort)), "another app's Neo4j is left running");

  const killedAt = Date.now();
  process.kill(holder!.pid!, 'SIGKILL');
  assert.ok(await waitFor(async () => !(await boltAnswers(boltPort)), 30_000), 'the port is free');
  const portFreeMs = Date.now() - killedAt;
  assert.ok(await waitFor(() => !isRunning(neo4jPid), 60_000), 'the Neo4j process is gone');
  console.log(`after SIGKILL of its app: Neo4j's port free in ${portFreeMs} ms, its process gone in ${Date.now() - killedAt} ms`);
});

test('a start that finds a Neo4j left running on its data folder stops it, says so, and comes up', async () => {
  const first: RunningNeo4j = await startLocalNeo4j(small);
  pids.push(first.pid);
  // Left running, as by an app that died without stopping it.
  const lines: string[] = [];
  const second = await startLocalNeo4j({ ...small, log: (l) => lines.push(l) });
  pids.push(second.pid);
  try {
    assert.ok(lines.some((l) => l.includes(`Found Neo4j (pid ${first.pid}) left running on ${homeDir}`)), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes(`Stopped the leftover Neo4j (pid ${first.pid})`)), lines.join('\n'));
    assert.equal(isRunning(first.pid), false, 'the leftover Neo4j is gone');
    assert.notEqual(second.pid, first.pid);
    assert.equal(readPidFile(homeDir)?.pid, second.pid);
    assert.equal(await boltAnswers(boltPort), true, 'the new Neo4j answers');
  } finally {
    await second.stop();
  }
  assert.equal(readPidFile(homeDir), null, 'a clean stop removes the pid file');
});

// What the leftover check never stops: a pid file naming a process that is not Neo4j on this
// very home (pid reused, another program, another home), or no process at all.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isNeo4jOnHome, isRunning, pidFilePath, readPidFile, stopLeftoverNeo4j } from '../../api/db/neo4jPidFile.ts';

const home = mkdtempSync(join(tmpdir(), 'neo4j-pid-file-'));
mkdirSync(join(home, 'run'));
after(() => rmSync(home, { recursive: true, force: true }));

function record(pid: number, ownerPid = 999_999): void {
  writeFileSync(pidFilePath(home), JSON.stringify({ pid, ownerPid, homeDir: home, startedAt: '2026-01-01T00:00:00Z' }));
}

test('a process that only looks like Neo4j on this home (not java) is left alone; the stale file goes', async () => {
  // Node, with the very arguments a Neo4j on this home has: still not ours.
  const decoy = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', 'org.neo4j.server.CommunityEntryPoint', `--home-dir=${home}`], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 200));
    record(decoy.pid!);
    const lines: string[] = [];
    await stopLeftoverNeo4j(home, (l) => lines.push(l));
    assert.equal(isRunning(decoy.pid!), true);
    assert.deepEqual(lines, []);
    assert.equal(readPidFile(home), null);
  } finally {
    decoy.kill('SIGKILL');
  }
});

test('a pid file naming this process, or no live process, stops nothing', async () => {
  record(process.pid);
  await stopLeftoverNeo4j(home, () => assert.fail('nothing to say'));
  assert.equal(isNeo4jOnHome(process.pid, home), false);
  record(2 ** 22 + 12345); // above pid_max: no such process
  await stopLeftoverNeo4j(home, () => assert.fail('nothing to say'));
  assert.equal(readPidFile(home), null);
  writeFileSync(pidFilePath(home), 'not json');
  await stopLeftoverNeo4j(home, () => assert.fail('nothing to say'));
});

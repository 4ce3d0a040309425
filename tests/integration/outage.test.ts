// The database going away is handled: with Neo4j killed outright (kill -9), requests fail
// fast with DATABASE_UNAVAILABLE and HTTP 503, /healthz says the database is unavailable,
// the app restarts its Neo4j by itself, and everything works again with no action from the
// test. Runs on a Neo4j of its own (port NEO4J_TEST_PORT + 1), started the way the app starts
// one (connect() with a local target), so the suite's Neo4j is untouched.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import { connect, type Connection } from '../../api/db/connect.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { resetToSeed } from '../support/database.ts';
import { extraNeo4jSlot, killIfRunning, waitFor } from '../support/extraNeo4j.ts';
import { closeAll } from '../support/seeded.ts';

const { boltPort, homeDir } = extraNeo4jSlot(1, 'outage');
const lines: string[] = [];
const pids = new Set<number>();
let connection: Connection | undefined;
let api: TestApi | undefined;

before(async () => {
  rmSync(join(homeDir, 'data'), { recursive: true, force: true });
  const log = (line: string) => {
    lines.push(line);
    console.log(`[outage] ${line}`);
  };
  connection = await connect({ kind: 'local', homeDir, boltPort, heap: '512m', pageCache: '128m' }, log);
  pids.add(connection.neo4jPid!);
  await resetToSeed(connection.db);
  api = await startTestApi(connection.db);
});

after(async () => {
  await closeAll(api, connection);
  for (const pid of pids) await killIfRunning(pid);
});

const SEARCH = '{ search(text: "Nimbus", limit: 1) { entity { id } } }';

interface Answer {
  status: number;
  code?: string;
  ok: boolean;
  startedAt: number;
  ms: number;
}

async function ask(token?: string): Promise<Answer> {
  const startedAt = Date.now();
  const res = await fetch(`${api!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: SEARCH }),
    signal: AbortSignal.timeout(90_000),
  });
  const body = (await res.json()) as { data?: { search?: { entity: { id: string } }[] } | null; errors?: { extensions?: { code?: string } }[] };
  const ok = body.errors === undefined && body.data?.search?.[0]?.entity.id === 'contract-nimbus';
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, ok, startedAt, ms: Date.now() - startedAt };
}

async function health(): Promise<{ status: number; text: string }> {
  const res = await fetch(`${api!.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, text: await res.text() };
}

test('Neo4j killed: requests fail fast with 503 DATABASE_UNAVAILABLE, /healthz says so, and it all heals by itself', async () => {
  const token = await createToken(connection!.db, 'outage-reader', 'reader');
  assert.equal((await ask()).ok, true);
  assert.equal((await ask(token)).ok, true, 'a request with a token (read in the context factory) works');
  assert.deepEqual(await health(), { status: 200, text: 'ok\n' });

  // Clients keep asking throughout, two at a time.
  const answers: Answer[] = [];
  let loading = true;
  const client = async () => {
    while (loading) answers.push(await ask().catch(() => ({ status: 0, ok: false, startedAt: Date.now(), ms: 0 })));
  };
  const clients = [client(), client()];
  await new Promise((r) => setTimeout(r, 500));

  const killedPid = connection!.neo4jPid!;
  const killedAt = Date.now();
  process.kill(killedPid, 'SIGKILL');

  const failed = await waitFor(() => answers.some((a) => a.startedAt >= killedAt && a.code === 'DATABASE_UNAVAILABLE'), 10_000, 20);
  assert.ok(failed, 'a request fails with DATABASE_UNAVAILABLE within 10 s of the kill');
  const firstFailure = answers.find((a) => a.startedAt >= killedAt && a.code === 'DATABASE_UNAVAILABLE')!;
  const failFastMs = firstFailure.startedAt + firstFailure.ms - killedAt;

  const down = await ask();
  assert.equal(down.status, 503);
  assert.equal(down.code, 'DATABASE_UNAVAILABLE');
  assert.ok(down.ms < 3_000, `a request while down fails in ${down.ms} ms`);
  const downWithToken = await ask(token);
  assert.deepEqual([downWithToken.status, downWithToken.code], [503, 'DATABASE_UNAVAILABLE'], 'the context factory fails the same way');
  const healthDown = await health();
  assert.equal(healthDown.status, 503);
  // A request may notice the lost connection a moment before the monitor sees the process exit:
  // /healthz then says "cannot be reached" first, and names the kill once it knows.
  let reason = healthDown.text;
  const named = await waitFor(async () => /killed by SIGKILL/.test((reason = (await health()).text)), 5_000, 50);
  assert.ok(named, `/healthz names the kill within 5 s; it said: ${reason}`);
  assert.match(reason, /^database unavailable: The local Neo4j \(pid \d+\) was killed by SIGKILL/);

  // No action from the test: the app restarts Neo4j and notices that it answers again.
  const recovered = await waitFor(async () => (await health()).status === 200, 240_000, 250);
  const recoverMs = Date.now() - killedAt;
  assert.ok(recovered, '/healthz is 200 again within 240 s');
  const back = await ask();
  assert.equal(back.ok, true, 'queries succeed again');
  assert.equal((await ask(token)).ok, true, 'and with a token too');
  loading = false;
  await Promise.all(clients);

  const log = lines.join('\n');
  assert.match(log, new RegExp(`The local Neo4j \\(pid ${killedPid}\\) was killed by SIGKILL; restarting it \\(restart 1 of at most 5 in 10 min\\)`));
  assert.match(log, /Neo4j restarted \(pid \d+\)\./);
  assert.match(log, /Neo4j answers again after/);
  assert.notEqual(connection!.neo4jPid, killedPid);
  pids.add(connection!.neo4jPid!);

  const during = answers.filter((a) => a.startedAt >= killedAt);
  const unexpected = during.filter((a) => !a.ok && !(a.status === 503 && a.code === 'DATABASE_UNAVAILABLE'));
  assert.deepEqual(unexpected, [], 'every answer during the outage is a result or a 503 DATABASE_UNAVAILABLE');
  const inFlight = answers.filter((a) => a.startedAt < killedAt && a.startedAt + a.ms > killedAt);
  const slowest = Math.max(...during.filter((a) => !a.ok).map((a) => a.ms), ...inFlight.map((a) => a.ms));
  assert.ok(slowest < 5_000, `no failing request took more than 5 s (slowest ${slowest} ms)`);
  console.log(
    `outage timings: first 503 DATABASE_UNAVAILABLE ${failFastMs} ms after the kill; slowest failing request ${slowest} ms; ` +
      `/healthz 200 again ${recoverMs} ms after the kill; ${during.filter((a) => !a.ok).length} requests failed fast meanwhile.`,
  );
});

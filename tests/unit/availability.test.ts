// The availability guard: which driver errors mean "the database is gone", that calls fail at
// once while it is and reads in flight fail with it, that a ping brings it back, and that the
// API answers such failures as DATABASE_UNAVAILABLE with HTTP 503 (and nothing else so).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, unavailability, watchAvailability } from '../../api/db/availability.ts';
import type { Database, Row } from '../../api/db/database.ts';
import { maskError } from '../../api/http/maskError.ts';
import { allowRestart, describeExit } from '../../api/db/supervisor.ts';

const driverError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

test('connectivity errors mean down, pool exhaustion busy, query errors neither', () => {
  assert.equal(unavailability(driverError('ServiceUnavailable')), 'down');
  assert.equal(unavailability(driverError('SessionExpired')), 'down');
  assert.equal(unavailability(driverError('Neo.TransientError.General.DatabaseUnavailable')), 'down');
  assert.equal(unavailability(new Error('wrapped', { cause: driverError('ECONNREFUSED') })), 'down');
  assert.equal(unavailability(driverError('N/A', 'Connection acquisition timed out in 5000 ms. Pool status: ...')), 'busy');
  assert.equal(unavailability(driverError('Neo.TransientError.Transaction.DeadlockDetected')), null);
  assert.equal(unavailability(driverError('Neo.ClientError.Statement.SyntaxError')), null);
  assert.equal(unavailability(new GraphQLError('No entity with id "x".')), null);
  assert.equal(unavailability(undefined), null);
});

/** A stand-in for the driver: each call waits on `gate`, and ping answers as `pingOk` says. */
function stubDatabase() {
  const state = { pingOk: true, calls: 0, gate: Promise.resolve<Row[]>([]) };
  const run = () => {
    state.calls++;
    return state.gate;
  };
  const db = {
    read: run,
    write: run,
    writeTransaction: async () => run(),
    autoCommit: async () => {
      if (!state.pingOk) throw driverError('ServiceUnavailable');
      return [];
    },
    close: async () => undefined,
    driver: undefined,
  } as unknown as Database;
  return { db, state };
}

test('while down, calls reject at once; reads in flight reject when it goes down; a ping brings it back', async () => {
  const { db, state } = stubDatabase();
  const lines: string[] = [];
  const watched = watchAvailability(db, { log: (l) => lines.push(l), probeMs: 20, checkMs: 60_000, pingTimeoutMs: 100 });
  try {
    assert.deepEqual(await watched.read('x'), []);
    let open!: (rows: Row[]) => void;
    state.gate = new Promise((r) => (open = r));
    const inFlight = watched.read('x');
    const writeInFlight = watched.write('x');
    state.pingOk = false;
    watched.availability.markDown('the local Neo4j exited');
    await assert.rejects(inFlight, (e: unknown) => e instanceof DatabaseUnavailableError && e.reason === 'the local Neo4j exited');
    const before = state.calls;
    await assert.rejects(watched.read('x'), DatabaseUnavailableError);
    await assert.rejects(watched.autoCommit('x'), DatabaseUnavailableError);
    assert.equal(state.calls, before, 'no call reaches the driver while down');
    assert.equal(watched.availability.up, false);
    open([{ ok: 1 }]);
    assert.deepEqual(await writeInFlight, [{ ok: 1 }], 'a write in flight is left to the driver');
    state.pingOk = true;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(watched.availability.up, true);
    assert.deepEqual(await watched.read('x'), [{ ok: 1 }]);
    assert.match(lines.join('\n'), /unavailable \(the local Neo4j exited\)[\s\S]*answers again after/);
  } finally {
    await watched.close();
  }
});

test('a connectivity failure of a call marks it down; any other failure passes through untouched', async () => {
  const { db, state } = stubDatabase();
  const watched = watchAvailability(db, { probeMs: 60_000, checkMs: 60_000 });
  try {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError');
    state.gate = Promise.reject(syntax);
    state.gate.catch(() => undefined);
    await assert.rejects(watched.write('x'), (e) => e === syntax);
    assert.equal(watched.availability.up, true);
    state.gate = Promise.reject(driverError('ServiceUnavailable'));
    state.gate.catch(() => undefined);
    await assert.rejects(watched.write('x'), DatabaseUnavailableError);
    assert.equal(watched.availability.up, false);
    assert.match(watched.availability.reason ?? '', /ServiceUnavailable/);
  } finally {
    await watched.close();
  }
});

test('masking: a field failed by an unreachable database is DATABASE_UNAVAILABLE with 503, at its path', () => {
  const fieldError = new GraphQLError('The database is unavailable: x.', { path: ['search'], originalError: new DatabaseUnavailableError('x') });
  const masked = maskError(fieldError, 'Unexpected error.') as GraphQLError;
  assert.equal(masked.extensions.code, 'DATABASE_UNAVAILABLE');
  assert.deepEqual(masked.extensions.http, { status: 503 });
  assert.deepEqual(masked.path, ['search']);
  assert.doesNotMatch(masked.message, /x\./, 'the operator reason stays in the log');
  // Thrown by the context factory: no GraphQLError around it, a cause chain instead.
  const fromContext = maskError(new Error('outer', { cause: new DatabaseUnavailableError('y') }), 'Unexpected error.') as GraphQLError;
  assert.equal(fromContext.extensions.code, 'DATABASE_UNAVAILABLE');
});

test('masking: everything else is masked as yoga masks it', () => {
  const bug = maskError(new GraphQLError('secret detail', { originalError: new TypeError('secret detail') }), 'Unexpected error.') as GraphQLError;
  assert.equal(bug.message, 'Unexpected error.');
  assert.equal(bug.extensions.code, 'INTERNAL_SERVER_ERROR');
  const own = new GraphQLError('No entity with id "x".', { extensions: { code: 'NOT_FOUND' } });
  assert.equal(maskError(own, 'Unexpected error.'), own);
});

test('restarts: at most the limit inside the window, allowed again once old ones age out', () => {
  const minute = 60_000;
  let history: number[] = [];
  for (let i = 0; i < 5; i++) history = allowRestart(history, i * minute, 5, 10 * minute)!;
  assert.equal(history.length, 5);
  assert.equal(allowRestart(history, 5 * minute, 5, 10 * minute), null, 'a sixth within ten minutes is refused');
  assert.deepEqual(allowRestart(history, 10 * minute + 1, 5, 10 * minute), [minute, 2 * minute, 3 * minute, 4 * minute, 10 * minute + 1]);
  assert.equal(describeExit({ code: null, signal: 'SIGKILL' }), 'was killed by SIGKILL');
  assert.equal(describeExit({ code: 1, signal: null }), 'exited with code 1');
});

test("the supervisor's reason replaces one guessed from a failed call; another guess does not", async () => {
  const { db } = stubDatabase();
  const watched = watchAvailability(db, { log: () => {}, probeMs: 60_000, checkMs: 60_000, pingTimeoutMs: 100 });
  try {
    watched.availability.markDown('Neo4j cannot be reached (ServiceUnavailable)');
    watched.availability.markDown('Neo4j does not answer');
    assert.equal(watched.availability.reason, 'Neo4j cannot be reached (ServiceUnavailable)');
    watched.availability.markDown('The local Neo4j (pid 7) was killed by SIGKILL', true);
    assert.equal(watched.availability.reason, 'The local Neo4j (pid 7) was killed by SIGKILL');
    await assert.rejects(watched.read('x'), (e: unknown) => e instanceof DatabaseUnavailableError && /killed by SIGKILL/.test(e.reason));
  } finally {
    await watched.close();
  }
});

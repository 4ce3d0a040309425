// Query cost is bounded before anything runs: document limits (aliases, depth, tokens), the
// cost per field, the screening flag budget, a few slots for anonymous expensive requests,
// and a request's queries stop once its client has gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getIntrospectionQuery } from 'graphql';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import { ExpensiveRequestSlots } from '../../api/limits/inFlight.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

/** The real database, counting the queries that reach it and, when asked, slowing each down. */
function countingDatabase(inner: Database, delayMs = 0) {
  const counted = { reads: 0 };
  const pause = () => new Promise((r) => setTimeout(r, delayMs));
  const database: Database = {
    ...inner,
    async read(query, params, options) {
      counted.reads++;
      if (delayMs) await pause();
      return inner.read(query, params, options);
    },
    close: async () => {},
  };
  return { database, counted };
}

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'limits-editor', 'editor');
});
after(() => closeAll(api, db));

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

test('alias floods are refused before anything runs, naming the bound', async () => {
  const { database, counted } = countingDatabase(db);
  const watched = await startTestApi(database);
  try {
    const flood = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: neighborhood(id: "google", depth: 2) { nodes { id } }`).join(' ')} }`;
    const res = await watched.gql(flood);
    assert.equal(code(res)?.code, 'LIMIT_EXCEEDED');
    assert.match(String(code(res)?.bound), /^max(Tokens|Aliases)$/);
    const aliases = await watched.gql(`{ ${Array.from({ length: 25 }, (_, i) => `e${i}: entity(id: "google") { id }`).join(' ')} }`);
    assert.deepEqual(code(aliases), { code: 'LIMIT_EXCEEDED', bound: 'maxAliases', limit: 20 });
    assert.match(aliases.errors![0]!.message, /Aliases limit of 20 exceeded, found 25/);
    assert.equal(counted.reads, 0, 'no query reached the database');
    const twenty = await watched.gql(`{ ${Array.from({ length: 20 }, (_, i) => `e${i}: entity(id: "google") { id }`).join(' ')} }`);
    assert.equal(twenty.errors, undefined);
  } finally {
    await watched.close();
  }
});

test('depth is bounded, introspection included; the standard introspection query passes', async () => {
  const standard = await api.gql(getIntrospectionQuery());
  assert.equal(standard.errors, undefined);
  let deep = 'name';
  for (let i = 0; i < 20; i++) deep = `ofType { ${deep} }`;
  const res = await api.gql(`{ __schema { types { fields { type { ${deep} } } } } }`);
  assert.equal(code(res)?.bound, 'maxDepth');
});

test('expensive fields are priced by their bounds: a few of the largest together are refused before running', async () => {
  const { database, counted } = countingDatabase(db);
  const watched = await startTestApi(database);
  try {
    const largest = (i: number) => `p${i}: complicityPaths(from: "google", to: { id: "conflict-israel-gaza" }, maxHops: 6, k: 50) { paths { score } }`;
    const five = await watched.gql(`{ ${[1, 2, 3, 4, 5].map(largest).join(' ')} }`);
    assert.equal(code(five)?.code, 'LIMIT_EXCEEDED');
    assert.equal(code(five)?.bound, 'maxCost');
    assert.match(five.errors![0]!.message, /more than the 5,000 one request may/);
    assert.equal(counted.reads, 0);
    const one = await watched.gql(`{ ${largest(1)} }`);
    assert.equal(one.errors, undefined);
    assert.ok(one.data!.p1.paths.length > 0);
  } finally {
    await watched.close();
  }
});

test('the screening flag budget is checked before the screening runs', async () => {
  const { database, counted } = countingDatabase(db);
  const watched = await startTestApi(database);
  try {
    const content = ['name', ...Array.from({ length: 1000 }, (_, i) => `Fictional Holding ${i} Ltd`)].join('\n');
    const res = await watched.gql('mutation($c: String!) { screenPortfolio(portfolio: "budget", content: $c) { holdings { exposure { harms(limit: 11) { path { score } } } } } }', { c: content });
    assert.deepEqual(code(res), { code: 'LIMIT_EXCEEDED', bound: 'flagPaths', limit: 10_000 });
    assert.equal(counted.reads, 0, 'nothing was matched or walked');
    const over = await watched.gql('mutation { screenPortfolio(portfolio: "p", content: "name\\nGoogle") { holdings { exposure { harms(limit: 5000) { score } } } } }');
    assert.equal(code(over)?.code, 'BAD_USER_INPUT');
    assert.match(over.errors![0]!.message, /limit must be a whole number from 1 to 1000/);
  } finally {
    await watched.close();
  }
});

test('anonymous readers share a few slots for expensive requests; past them, 429 with Retry-After; token holders are not held', async () => {
  const slots = new ExpensiveRequestSlots({ perClient: 1, anonymous: 1, waitMs: 300 });
  const limited = await startTestApi(db, { slots });
  try {
    const EXPOSURE = JSON.stringify({ query: '{ exposure(entityId: "google") { reachable } }' });
    const held = await slots.acquire('someone else');
    const refused = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: EXPOSURE });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, 'TOO_MANY_REQUESTS');
    assert.match(body.errors[0]!.message, /all anonymous readers together have 1 expensive requests running/);
    // A cheap read is never held back, nor is a token holder's expensive one.
    assert.equal((await limited.gql('{ entity(id: "google") { id } }')).errors, undefined);
    assert.equal((await limited.gql('{ exposure(entityId: "google") { reachable } }', {}, editor)).errors, undefined);
    // A request that arrives while the slot is held gets it once it is released.
    const waiting = limited.gql('{ exposure(entityId: "google") { reachable } }');
    setTimeout(held, 50);
    assert.equal((await waiting).errors, undefined);
    assert.equal(slots.running(), 0, 'every slot was given back');
  } finally {
    await limited.close();
  }
});

test("a request whose client goes away stops querying at its next read", async () => {
  const { database, counted } = countingDatabase(db, 150);
  const slow = await startTestApi(database);
  try {
    const query = JSON.stringify({ query: '{ exposure(entityId: "microsoft", maxHops: 6) { reachable } }' });
    const whole = await fetch(`${slow.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    assert.equal(((await whole.json()) as { errors?: unknown }).errors, undefined);
    const readsOfWhole = counted.reads;
    assert.ok(readsOfWhole >= 4, `a full walk takes ${readsOfWhole} reads`);

    counted.reads = 0;
    const client = new AbortController();
    const gone = fetch(`${slow.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query, signal: client.signal });
    await new Promise((r) => setTimeout(r, 200));
    client.abort();
    await gone.catch(() => undefined);
    await new Promise((r) => setTimeout(r, readsOfWhole * 150 + 500));
    assert.ok(counted.reads <= 2, `after the client left, ${counted.reads} of ${readsOfWhole} reads were made`);
  } finally {
    await slow.close();
  }
});

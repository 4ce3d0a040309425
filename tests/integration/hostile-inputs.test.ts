// Hundreds of hostile inputs (API arguments, documents, request bodies, files), each sent on
// its own to the real server on the seeded Neo4j. After every one: no 5xx, a clear error (a
// known code and a message that is neither masked nor an echo of the input) or, for an
// import, a report that applied nothing; nothing written (the whole graph's fingerprint is
// unchanged); and the server still answers. The cases are in tests/integration/hostile/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { resetToSeed } from '../support/database.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';
import { bodyCases } from './hostile/bodyCases.ts';
import { documentCases } from './hostile/documentCases.ts';
import { fileCases } from './hostile/fileCases.ts';
import { CLEAR_CODES, type BodyCase, type GraphQLCase, type Sender } from './hostile/hostileCase.ts';
import { readCases } from './hostile/readCases.ts';
import { writeCases } from './hostile/writeCases.ts';

let db: Database;
let api: TestApi;
let tokens: Record<Sender, string | undefined>;
let fingerprint: string;

// An excerpt of the input may come back; more than this is an echo.
const MAX_MESSAGE = 1_000;

before(async () => {
  ({ db, api } = await startSeededApi());
  await giveTokens();
});

async function giveTokens(): Promise<void> {
  tokens = {
    anonymous: undefined,
    reader: await createToken(db, 'hostile-reader', 'reader'),
    editor: await createToken(db, 'hostile-editor', 'editor'),
    bogus: 'cl_0000000000000000000000000000000000000000',
  };
  fingerprint = await graphFingerprint();
}

/** After a case that wrote something: back to the seed, so no later case meets its leftovers. */
async function restoreSeed(): Promise<void> {
  await resetToSeed(db);
  await giveTokens();
}

after(() => closeAll(api, db));

async function graphFingerprint(): Promise<string> {
  return JSON.stringify(await db.read('exchange/fingerprint'));
}

async function assertUnharmed(name: string): Promise<void> {
  assert.equal(await graphFingerprint(), fingerprint, `${name}: nothing may be written`);
  const probe = await api.gql(`{ entity(id: "google") { id } }`);
  assert.deepEqual(probe.data, { entity: { id: 'google' } }, `${name}: the server still answers`);
}

function assertClearErrors(name: string, errors: { message: string; extensions?: Record<string, unknown> }[], codes?: string[]): void {
  for (const error of errors) {
    const code = String(error.extensions?.code ?? '(none)');
    assert.ok(CLEAR_CODES.includes(code), `${name}: error code ${code} for "${error.message.slice(0, 200)}"`);
    if (codes) assert.ok(codes.includes(code), `${name}: code ${code}, expected one of ${codes.join(', ')}`);
    assert.notEqual(error.message, 'Unexpected error.', `${name}: a masked error`);
    assert.ok(error.message.length >= 10 && error.message.length <= MAX_MESSAGE, `${name}: a message of ${error.message.length} characters`);
    assert.doesNotMatch(error.message, /\n\s+at |Neo4jError|TypeError|ReferenceError|Cannot read prop/, `${name}: internals in "${error.message.slice(0, 200)}"`);
  }
}

async function sendGraphQL(c: GraphQLCase): Promise<void> {
  const token = tokens[c.as ?? 'anonymous'];
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
  });
  assert.ok(response.status < 500, `${c.name}: HTTP ${response.status}`);
  const text = await response.text();
  let body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`${c.name}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    assert.notEqual(c.expect, 'answered', `${c.name}: refused with "${body.errors[0]!.message.slice(0, 200)}"`);
    assertClearErrors(c.name, body.errors, c.codes);
    return;
  }
  const report = body.data?.importData;
  if (c.expect !== 'answered' && report) {
    assert.equal(report.applied, false, `${c.name}: the import was applied`);
    assert.ok(report.problems.length > 0, `${c.name}: refused without a problem named`);
    for (const problem of report.problems) assert.ok(problem.reason.length >= 10 && problem.reason.length <= MAX_MESSAGE, `${c.name}: problem "${problem.reason.slice(0, 200)}"`);
    return;
  }
  assert.ok(c.expect === 'answered', `${c.name}: answered without an error: ${text.slice(0, 200)}`);
  assert.ok(body.data, `${c.name}: no data`);
}

async function sendBody(c: BodyCase): Promise<void> {
  const response = await fetch(`${api.url}/graphql${c.search ?? ''}`, {
    method: c.method ?? 'POST',
    headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...c.headers },
    ...(c.method === 'GET' ? {} : { body: typeof c.body === 'string' ? c.body : new Blob([new Uint8Array(c.body)]) }),
  });
  const text = await response.text();
  assert.ok(response.status < 500, `${c.name}: HTTP ${response.status} ${text.slice(0, 200)}`);
  assert.ok(text.length <= 4 * MAX_MESSAGE, `${c.name}: a body of ${text.length} characters`);
  // A 4xx with a short answer, or (yoga's way for some) a 200 that holds only clear errors.
  const parsed = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : null;
  if (parsed?.errors) assertClearErrors(c.name, parsed.errors);
  if (response.status < 400) assert.ok(parsed?.errors?.length && !parsed.data, `${c.name}: HTTP ${response.status} without an error: ${text.slice(0, 200)}`);
}

/** Sends every case, then fails once with the list of cases that went wrong and why. */
async function runAll<C extends { name: string }>(cases: C[], send: (c: C) => Promise<void>): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    try {
      await send(c);
      await assertUnharmed(c.name);
    } catch (error) {
      failures.push((error as Error).message.split('\n')[0]!);
      await restoreSeed();
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases went wrong`);
}

test('hostile API arguments are refused with a clear error, or answered; nothing is written', () => runAll(readCases(), sendGraphQL));
test('hostile documents are refused before they run', () => runAll(documentCases(), sendGraphQL));
test('hostile write arguments are refused with a clear error and write nothing', () => runAll(writeCases(), sendGraphQL));
test('hostile files are refused whole and write nothing', () => runAll(fileCases(), sendGraphQL));
test('hostile request bodies get a 4xx and a short answer', () => runAll(bodyCases(), sendBody));

test('the suite holds at least 200 hostile inputs', () => {
  const count = [readCases, documentCases, writeCases, fileCases, bodyCases].reduce((n, cases) => n + cases().length, 0);
  console.log(`# hostile inputs: ${count}`);
  assert.ok(count >= 200, `${count} cases`);
});

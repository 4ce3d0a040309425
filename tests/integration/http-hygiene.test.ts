// HTTP hygiene of the real server: same-origin CORS unless origins are listed, CSRF
// prevention, GraphiQL only when asked for, no source maps, security headers on every
// response, short error messages, and a body limit that agrees with the import bound.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../../api/auth/tokens.ts';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { API_IMPORT_MAX_CHARS } from '../../api/exchange/resolvers.ts';
import { MAX_BODY_BYTES } from '../../api/http/bodyLimit.ts';
import { CSRF_HEADER } from '../../api/server.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let open: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  open = await startTestApi(db, { corsOrigins: ['https://research.example.org'], graphiql: true });
  editor = await createToken(db, 'hygiene-editor', 'editor');
});
after(() => closeAll(open, api, db));

const QUERY = JSON.stringify({ query: '{ entity(id: "google") { id } }' });
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('CORS: no other origin is allowed unless CORS_ORIGINS lists it, and a listed one is not echoed for others', async () => {
  const evil = { origin: 'https://evil.example' };
  const preflight = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { ...evil, 'access-control-request-method': 'POST' } });
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  const res = await post(api.url, QUERY, evil);
  assert.equal(res.headers.get('access-control-allow-origin'), null);

  const listed = await post(open.url, QUERY, { origin: 'https://research.example.org' });
  assert.equal(listed.headers.get('access-control-allow-origin'), 'https://research.example.org');
  assert.equal(listed.headers.get('access-control-allow-credentials'), 'true');
  const other = await post(open.url, QUERY, evil);
  assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://evil.example');
  assert.notEqual(other.headers.get('access-control-allow-origin'), '*');
});

test('CSRF: form, multipart and text/plain POSTs and header-less GETs are refused and not executed', async () => {
  const mutation = 'mutation { createEntity(input: { id: "csrf-made", type: Company, name: "Made By A Form Co" }) { id } }';
  const auth = { authorization: `Bearer ${editor}` };
  const form = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth }, body: new URLSearchParams({ query: mutation }).toString() });
  const multipart = new FormData();
  multipart.set('operations', JSON.stringify({ query: mutation }));
  const multi = await fetch(`${api.url}/graphql`, { method: 'POST', headers: auth, body: multipart });
  const text = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: JSON.stringify({ query: mutation }) });
  for (const res of [form, multi, text]) {
    assert.equal(res.status, 403);
    const [error] = ((await res.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors;
    assert.match(error!.message, new RegExp(`needs the header ${CSRF_HEADER}, or a JSON body`));
    assert.equal(error!.extensions.code, 'FORBIDDEN');
  }
  const [row] = await db.read('curation/entity-exists', { id: 'csrf-made' });
  assert.equal(row!.taken, false, 'nothing was written');
  // The same mutation as JSON (what a page can only send after a CORS preflight) does write.
  const json = await api.gql(mutation, {}, editor);
  assert.deepEqual(json.data, { createEntity: { id: 'csrf-made' } });

  const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "google") { id } }')}`);
  assert.equal(get.status, 403);
  const withHeader = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "google") { id } }')}`, { headers: { [CSRF_HEADER]: '1' } });
  assert.equal(withHeader.status, 200);
  assert.equal(((await withHeader.json()) as { data: { entity: { id: string } } }).data.entity.id, 'google');
});

test('GraphiQL is served only when enabled', async () => {
  const off = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
  assert.doesNotMatch(await off.text(), /graphiql/i);
  const on = await fetch(`${open.url}/graphql`, { headers: { accept: 'text/html' } });
  assert.equal(on.status, 200);
  assert.match(await on.text(), /graphiql/i);
});

test('the built app ships no source maps', () => {
  const assets = join(projectRoot, 'web/dist/assets');
  const files = readdirSync(assets);
  assert.ok(files.some((f) => f.endsWith('.js')), 'the app is built');
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  for (const f of files.filter((f) => f.endsWith('.js'))) assert.doesNotMatch(readFileSync(join(assets, f), 'utf8'), /sourceMappingURL=/, f);
});

test('security headers are on every kind of response', async () => {
  const asset = readdirSync(join(projectRoot, 'web/dist/assets')).find((f) => f.endsWith('.js'))!;
  const responses = {
    app: await fetch(`${api.url}/`),
    asset: await fetch(`${api.url}/assets/${asset}`),
    fallback: await fetch(`${api.url}/no/such/page`),
    graphql: await post(api.url, QUERY),
    graphqlError: await post(api.url, '{not json'),
    health: await fetch(`${api.url}/healthz`),
    method: await fetch(`${api.url}/`, { method: 'DELETE' }),
  };
  for (const [name, res] of Object.entries(responses)) {
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, name);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', name);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', name);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', name);
  }
  const appPolicy = responses.app.headers.get('content-security-policy')!;
  assert.match(appPolicy, /script-src 'self'(;|$)/);
  assert.doesNotMatch(appPolicy, /script-src[^;]*unsafe/);
  assert.match(responses.graphql.headers.get('content-security-policy')!, /default-src 'none'/);
});

test('error messages carry an excerpt of the input, never all of it', async () => {
  const huge = await post(api.url, 'x'.repeat(10_000_000));
  const body = await huge.text();
  assert.equal(huge.status, 400);
  assert.ok(body.length < 2_000, `the answer to a 10 MB bad body is ${body.length} characters`);
  const badVariable = await post(api.url, JSON.stringify({ query: 'query($n: Int) { search(text: "a", limit: $n) { score } }', variables: { n: 'y'.repeat(100_000) } }));
  const { errors } = (await badVariable.json()) as { errors: { message: string }[] };
  assert.match(errors[0]!.message, /^Variable "\$n" got invalid value "yyy/);
  assert.ok(errors[0]!.message.length < 600, `message of ${errors[0]!.message.length} characters`);
  assert.match(errors[0]!.message, /more characters left out/);
});

/** Sends headers only (a body is promised by Content-Length but never sent), to see the refusal. */
function headersOnly(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

test('a body past the limit is refused with the app’s own message; an import past its bound gets the import’s', async () => {
  const tooBig = await headersOnly(api.url, { 'content-length': String(MAX_BODY_BYTES + 1) });
  assert.equal(tooBig.status, 413);
  const refusal = JSON.parse(tooBig.body) as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(refusal.errors[0]!.extensions.code, 'PAYLOAD_TOO_LARGE');
  assert.match(refusal.errors[0]!.message, /importData takes files of at most 20,000,000 characters; import larger ones with `npm run import -- FILE`/);
  const chunked = await headersOnly(api.url, { 'transfer-encoding': 'chunked' });
  assert.equal(chunked.status, 411);

  // Just past the import bound, well inside the body limit: the import's own refusal.
  const content = 'a'.repeat(API_IMPORT_MAX_CHARS + 1);
  const res = await api.gql('mutation($c: String!) { importData(format: JSON, fileName: "big.json", content: $c) { applied } }', { c: content }, editor);
  assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(res.errors![0]!.message, /The import is 20,000,001 characters; importData takes at most 20,000,000/);
});

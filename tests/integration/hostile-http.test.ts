// No request ends the server: malformed URLs get 400, paths that climb out of the web folder
// get the app's index (never what lies outside), broken headers and bodies get a 4xx, and
// after every one of them the server still answers.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { openTestDatabase } from '../support/database.ts';
import { rawGet, rawRequest } from '../support/rawHttp.ts';
import { closeAll } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let root: string;
const INDEX = '<!doctype html><title>index of the test web app</title>';
const SECRET = 'secret outside the web folder';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'hostile-http-'));
  mkdirSync(join(root, 'web', 'assets'), { recursive: true });
  writeFileSync(join(root, 'web', 'index.html'), INDEX);
  writeFileSync(join(root, 'web', 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  db = await openTestDatabase();
  api = await startTestApi(db, { webDir: join(root, 'web') });
});

after(async () => {
  await closeAll(api, db);
  rmSync(root, { recursive: true, force: true });
});

async function assertStillServing(after: string): Promise<void> {
  const health = await fetch(`${api.url}/healthz`);
  assert.equal(health.status, 200, `/healthz after ${after}`);
  const res = await api.gql('{ __typename }');
  assert.deepEqual(res.data, { __typename: 'Query' }, `GraphQL after ${after}`);
}

const MALFORMED = ['/%', '/%E0%A4%A', '/%c0%ae%c0%ae/', '/%zz', '/a%', '/%ff%fe', '/%00', '/assets/%00.js', '//[', '/healthz%', 'http://evil.example/%'];

test('malformed URLs get 400 with a short text body, and the server goes on', async () => {
  for (const path of MALFORMED) {
    const res = await rawGet(api.url, path);
    assert.equal(res.status, 400, `GET ${path}`);
    assert.match(res.body, /^Bad request: the URL is not valid/, `GET ${path}`);
    assert.ok(res.body.length < 200, `GET ${path}: a short body`);
    await assertStillServing(`GET ${path}`);
  }
});

test('paths that climb out of the web folder get the index, never the file outside', async () => {
  const climbs = ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt'];
  for (const path of climbs) {
    const res = await rawGet(api.url, path);
    assert.equal(res.status, 200, `GET ${path}`);
    assert.equal(res.body, INDEX, `GET ${path} serves the index`);
    assert.ok(!res.body.includes(SECRET), `GET ${path} never serves the file outside`);
  }
  const asset = await rawGet(api.url, '/assets/app.js');
  assert.equal(asset.body, 'console.log(1);', 'a real asset is still served');
  await assertStillServing('the climbing paths');
});

test('broken headers and bodies get a 4xx, never a 5xx, and the server goes on', async () => {
  const json = (body: string, extra: string[] = []) =>
    ['POST /graphql HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, ...extra, 'Connection: close', '', body].join('\r\n');
  const cases: [string, string][] = [
    ['a 40 kB header', ['GET / HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'a'.repeat(40_000)}`, '', ''].join('\r\n')],
    ['a header line without a colon', ['GET / HTTP/1.1', 'Host: 127.0.0.1', 'not a header', '', ''].join('\r\n')],
    ['no Host header', ['GET / HTTP/1.1', 'Connection: close', '', ''].join('\r\n')],
    ['a Content-Length that is not a number', ['POST /graphql HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: abc', '', '{}'].join('\r\n')],
    ['two different Content-Lengths', ['POST /graphql HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 2', 'Content-Length: 3', '', '{}'].join('\r\n')],
    ['a broken chunked body', ['POST /graphql HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked', 'Content-Type: application/json', '', 'zz\r\n{}\r\n0\r\n\r\n'].join('\r\n')],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['binary garbage', '\x00\x01\x02\xff\xfe\r\n\r\n'],
    ['JSON that does not parse', json('{"query": ')],
    ['a query that is not a string', json('{"query": 5}')],
    ['variables that are not an object', json('{"query": "{ __typename }", "variables": "x"}')],
    ['an Authorization header that is not Bearer', json('{"query": "{ __typename }"}', ['Authorization: Basic Zm9vOmJhcg=='])],
    ['an unknown bearer token', json('{"query": "{ __typename }"}', [`Authorization: Bearer ${'x'.repeat(5000)}`])],
    ['a malformed GraphQL path', ['GET /graphql/%?query=%7B HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close', '', ''].join('\r\n')],
    ['a DELETE of the app', ['DELETE / HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close', '', ''].join('\r\n')],
  ];
  for (const [what, text] of cases) {
    const res = await rawRequest(api.url, text);
    assert.ok(res.status >= 400 && res.status < 500, `${what}: got ${res.status}`);
    await assertStillServing(what);
  }
});

test('odd but readable requests are answered, never with a 5xx', async () => {
  const cases: [string, string[]][] = [
    ['a charset no one knows', ['Content-Type: application/json; charset=x-unknown']],
    ['an Accept no one can satisfy', ['Accept: application/x-nothing']],
    ['a malformed Accept', ['Accept: */*;q=banana']],
    ['a Host with a bad port', ['X-Forwarded-Host: [::1', 'Origin: http://%']],
    ['a cookie of 8 kB', [`Cookie: a=${'%'.repeat(8_000)}`]],
  ];
  const body = '{"query": "{ __typename }"}';
  for (const [what, headers] of cases) {
    const text = ['POST /graphql HTTP/1.1', 'Host: 127.0.0.1', ...(headers[0]!.startsWith('Content-Type') ? [] : ['Content-Type: application/json']), ...headers, `Content-Length: ${body.length}`, 'Connection: close', '', body].join('\r\n');
    const res = await rawRequest(api.url, text);
    assert.ok(res.status >= 200 && res.status < 500, `${what}: got ${res.status}`);
    await assertStillServing(what);
  }
});

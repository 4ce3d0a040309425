// Hostile request bodies and methods on /graphql: what a browser form, a script or a broken
// client may send. Each must get a 4xx with a short answer.
import type { BodyCase } from './hostileCase.ts';

const json = 'application/json';
const mutation = JSON.stringify({ query: 'mutation { retractClaim(id: "google--party-to--contract-nimbus", reason: "x") { id } }' });

export function bodyCases(): BodyCase[] {
  return [
    { name: 'body: an empty JSON body', body: '', contentType: json },
    { name: 'body: JSON that does not parse', body: '{"query": ', contentType: json },
    { name: 'body: a JSON string', body: '"{ __typename }"', contentType: json },
    { name: 'body: JSON null', body: 'null', contentType: json },
    { name: 'body: a JSON number', body: '42', contentType: json },
    { name: 'body: a JSON list of operations (no batching)', body: '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]', contentType: json },
    { name: 'body: an object without a query', body: '{"variables": {}}', contentType: json },
    { name: 'body: a query that is a number', body: '{"query": 42}', contentType: json },
    { name: 'body: a query that is an object', body: '{"query": {"kind": "Document"}}', contentType: json },
    { name: 'body: variables that are a string', body: '{"query": "query($id: ID!) { entity(id: $id) { id } }", "variables": "google"}', contentType: json },
    { name: 'body: variables that are a list', body: '{"query": "query($id: ID!) { entity(id: $id) { id } }", "variables": ["google"]}', contentType: json },
    { name: 'body: an operationName that is not in the document', body: '{"query": "query A { __typename }", "operationName": "B"}', contentType: json },
    { name: 'body: an operationName that is a number', body: '{"query": "query A { __typename }", "operationName": 7}', contentType: json },
    { name: 'body: extensions that are a string', body: '{"query": "{ __typename }", "extensions": "x"}', contentType: json },
    { name: 'body: a persisted-query hash the server does not know', body: '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', contentType: json },
    { name: 'body: invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]), contentType: json },
    { name: 'body: a variable nested 100,000 deep', body: '{"query": "query($id: ID!) { entity(id: $id) { id } }", "variables": {"id": ' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '}}', contentType: json },
    { name: 'body: a form-encoded mutation (CSRF)', body: `query=${encodeURIComponent('mutation { retractClaim(id: "x", reason: "x") { id } }')}`, contentType: 'application/x-www-form-urlencoded' },
    { name: 'body: a text/plain mutation (CSRF)', body: mutation, contentType: 'text/plain' },
    { name: 'body: a multipart mutation (CSRF)', body: `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${mutation}\r\n--b--\r\n`, contentType: 'multipart/form-data; boundary=b' },
    { name: 'body: no content type', body: mutation },
    { name: 'body: an unknown content type', body: mutation, contentType: 'application/x-hostile' },
    { name: 'body: XML', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', contentType: 'application/xml' },
    { name: 'body: a mutation sent with GET', body: '', method: 'GET', search: `?query=${encodeURIComponent('mutation { retractClaim(id: "x", reason: "x") { id } }')}`, headers: { 'x-graphql-yoga-csrf': '1' } },
    { name: 'body: GET without a query', body: '', method: 'GET', search: '?variables=%7B%7D', headers: { 'x-graphql-yoga-csrf': '1', accept: json } },
    { name: 'body: GET with variables that do not parse', body: '', method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}&variables=%7B`, headers: { 'x-graphql-yoga-csrf': '1', accept: json } },
    { name: 'body: PUT', body: mutation, contentType: json, method: 'PUT' },
    { name: 'body: DELETE', body: mutation, contentType: json, method: 'DELETE' },
    { name: 'body: PATCH', body: mutation, contentType: json, method: 'PATCH' },
    { name: 'body: a mutation with an empty bearer token', body: mutation, contentType: json, headers: { authorization: 'Bearer ' } },
    { name: 'body: a mutation with Basic auth', body: mutation, contentType: json, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
    { name: 'body: a mutation with a 10,000-character token', body: mutation, contentType: json, headers: { authorization: `Bearer ${'t'.repeat(10_000)}` } },
  ];
}

// Hostile GraphQL documents: broken syntax, unknown names, floods of aliases, depth, tokens
// and directives, fragment cycles, wrong variable types. Each must be refused before it runs.
import type { GraphQLCase } from './hostileCase.ts';

const nested = (depth: number) => `{ entity(id: "google") { id ${'... on Company { id '.repeat(depth)}${'}'.repeat(depth)} } }`;
const introspectionDeep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } } }`;

function doc(name: string, query: string, variables?: unknown, codes?: string[]): GraphQLCase {
  return { name: `document: ${name}`, query, variables, as: 'anonymous', expect: 'refused', ...(codes ? { codes } : {}) };
}

export function documentCases(): GraphQLCase[] {
  return [
    doc('an empty document', ''),
    doc('only whitespace', '   \n\t  '),
    doc('only a comment', '# nothing here'),
    doc('an open brace', '{'),
    doc('closing braces', '}}}}'),
    doc('a missing argument value', '{ entity(id: ) { id } }'),
    doc('an unterminated string', '{ entity(id: "google) { id } }'),
    doc('a bad escape in a string', '{ entity(id: "\\x41") { id } }'),
    doc('a lone surrogate escape', '{ entity(id: "\\uD800") { id } }', undefined),
    doc('an unknown root field', '{ nope }'),
    doc('an unknown sub-field', '{ entity(id: "google") { nope } }'),
    doc('an unknown argument', '{ entity(id: "google", nope: 1) { id } }'),
    doc('a missing required argument', '{ entity { id } }'),
    doc('a scalar with a selection', '{ entity(id: "google") { id { x } } }'),
    doc('an object without a selection', '{ entity(id: "google") }'),
    doc('an unknown mutation', 'mutation { nope }'),
    doc('a subscription', 'subscription { entity(id: "google") { id } }'),
    doc('two operations without a name', 'query A { abuseCategories } query B { abuseCategories }'),
    doc('two operations of the same name', 'query A { abuseCategories } query A { abuseCategories }'),
    doc('an anonymous operation beside a named one', '{ abuseCategories } query B { abuseCategories }'),
    doc('21 aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: abuseCategories`).join(' ')} }`, undefined, ['LIMIT_EXCEEDED']),
    doc('1,000 aliases of neighborhood', `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: neighborhood(id: "google", depth: 2) { truncated }`).join(' ')} }`, undefined, ['LIMIT_EXCEEDED']),
    doc('1,000 __typename aliases', `{ ${Array.from({ length: 1_000 }, (_, i) => `t${i}: __typename`).join(' ')} }`, undefined, ['LIMIT_EXCEEDED']),
    { ...doc('inline fragments 40 deep (they add no depth)', nested(40)), expect: 'answered' },
    doc('introspection 17 deep', introspectionDeep, undefined, ['LIMIT_EXCEEDED']),
    doc('5,000 tokens', `{ abuseCategories ${'__typename '.repeat(5_000)} }`, undefined, ['LIMIT_EXCEEDED']),
    doc('30 directives', `{ abuseCategories ${'@include(if: true) '.repeat(30)} }`, undefined, ['LIMIT_EXCEEDED']),
    doc('an unknown directive', '{ abuseCategories @nope }'),
    doc('a directive with a wrong argument type', '{ abuseCategories @include(if: "yes") }'),
    doc('a fragment cycle', 'query { entity(id: "google") { ...A } } fragment A on Entity { ...B } fragment B on Entity { ...A }'),
    doc('a fragment on itself', 'query { entity(id: "google") { ...A } } fragment A on Entity { id ...A }'),
    doc('an unused fragment', 'query { abuseCategories } fragment A on Entity { id }'),
    doc('a fragment on an unknown type', 'query { entity(id: "google") { ...A } } fragment A on Spaceship { id }'),
    doc('an undefined fragment', '{ entity(id: "google") { ...Missing } }'),
    doc('an undeclared variable', '{ entity(id: $id) { id } }', { id: 'google' }),
    doc('an unused variable', 'query($id: ID!, $unused: Int) { entity(id: $id) { id } }', { id: 'google' }),
    doc('a variable of the wrong type', 'query($id: Int!) { entity(id: $id) { id } }', { id: 1 }),
    doc('a variable of an unknown type', 'query($id: Spaceship!) { entity(id: $id) { id } }', { id: 'google' }),
    doc('a string where an Int goes', 'query($d: Int) { neighborhood(id: "google", depth: $d) { truncated } }', { d: 'two' }),
    doc('a literal Int past 32 bits', '{ neighborhood(id: "google", depth: 99999999999999999999) { truncated } }'),
    doc('a literal Float of 1e999', '{ neighborhood(id: "google", minConfidence: 1e999) { truncated } }'),
    doc('a wrong enum literal', '{ search(text: "x", types: [NOPE]) { score } }'),
    doc('a string for an enum', '{ search(text: "x", types: ["Company"]) { score } }'),
    doc('a list nested 2,000 deep', `{ search(text: "x", types: ${'['.repeat(2_000)}${']'.repeat(2_000)}) { score } }`, undefined, ['LIMIT_EXCEEDED']),
    doc('an object literal nested 500 deep', `{ complicityPaths(from: "google", to: ${'{ id: '.repeat(500)}"x"${' }'.repeat(500)}) { claimsVisited } }`),
    doc('a mutation in a query', 'query { createEntity(input: { id: "x", type: Company, name: "X" }) { id } }'),
    doc('a selection on a union member that does not exist', '{ entity(id: "google") { ... on Spaceship { id } } }'),
    doc('a field merge conflict', '{ entity(id: "google") { x: id x: name } }'),
    doc('__type without its name', '{ __type { name } }'),
    doc('a 100,000-character string literal', `{ entity(id: "${'x'.repeat(100_000)}") { id } }`),
  ];
}

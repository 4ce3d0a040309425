// Hostile arguments to the read queries, sent anonymously (as any visitor could).
import { variants, type GraphQLCase } from './hostileCase.ts';

const LONG = 'x'.repeat(100_000);
const ODD_IDS: [string, unknown][] = [
  ['an empty id', { id: '' }],
  ['a blank id', { id: '   ' }],
  ['a 100,000-character id', { id: LONG }],
  ['a Cypher injection', { id: `google"}) MATCH (n) DETACH DELETE n //` }],
  ['a quote injection', { id: "google' OR 1=1 --" }],
  ['a NUL byte', { id: 'google\u0000' }],
  ['a path', { id: '../../etc/passwd' }],
  ['right-to-left override', { id: '\u202egoogle' }],
  ['a lone surrogate', { id: '\ud800' }],
  ['an emoji', { id: '🙂' }],
  ['a number for an ID', { id: 12345 }],
  ['a list for an ID', { id: ['google'] }],
  ['an object for an ID', { id: { $ne: null } }],
  ['null for a required id', { id: null }],
];

const ENTITY = `query($id: ID!) { entity(id: $id) { id name } }`;
const SEARCH = `query($text: String!, $limit: Int, $types: [EntityType!]) { search(text: $text, limit: $limit, types: $types) { entity { id } score } }`;
const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int, $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float) {
  neighborhood(id: $id, depth: $depth, limit: $limit, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence) { nodes { id } edges { id } truncated } }`;
const PATHS = `query($from: ID!, $to: PathTarget!, $maxHops: Int, $k: Int, $asOf: String, $minConfidence: Float, $weights: ComplicityWeightsInput) {
  complicityPaths(from: $from, to: $to, maxHops: $maxHops, k: $k, asOf: $asOf, minConfidence: $minConfidence, weights: $weights) { paths { score } } }`;
const EXPOSURE = `query($id: ID!, $maxHops: Int, $limit: Int, $weights: ComplicityWeightsInput, $statuses: [ClaimStatus!]) {
  exposure(entityId: $id, maxHops: $maxHops, limit: $limit, weights: $weights, statuses: $statuses) { reachable harms { score } } }`;
const DISENGAGEMENT = `query($companyId: ID!, $scope: DisengagementScopeInput!, $mode: DisengagementMode!, $buyerId: ID, $buyerName: String, $asOf: String, $minConfidence: Float, $maxHops: Int) {
  disengagement(companyId: $companyId, scope: $scope, mode: $mode, buyerId: $buyerId, buyerName: $buyerName, asOf: $asOf, minConfidence: $minConfidence, maxHops: $maxHops) { summary { headline } } }`;
const EXPORT = `query($format: ExportFormat!, $ids: [ID!], $neighborhoodOf: ID, $depth: Int, $limit: Int, $all: Boolean, $asOf: String, $minConfidence: Float) {
  exportGraph(format: $format, ids: $ids, neighborhoodOf: $neighborhoodOf, depth: $depth, limit: $limit, all: $all, asOf: $asOf, minConfidence: $minConfidence) { entities claims } }`;
const SCREEN = `mutation($content: String!, $portfolio: String!, $fileName: String, $maxHops: Int, $asOf: String, $decisions: [MatchDecisionInput!], $minConfidence: Float) {
  screenPortfolio(portfolio: $portfolio, content: $content, fileName: $fileName, maxHops: $maxHops, asOf: $asOf, decisions: $decisions, minConfidence: $minConfidence) { summary { holdings } } }`;

const near = { id: 'google', depth: 1 };
const toConflict = { from: 'google', to: { id: 'conflict-israel-gaza' } };
const sellAll = { companyId: 'telenor-group', scope: { all: true }, mode: 'SHUTDOWN' };
const holdings = 'name,weight\nFictional Holdings Plc,50\n';

export function readCases(): GraphQLCase[] {
  return [
    ...variants('entity', ENTITY, 'anonymous', [
      ...ODD_IDS.map(([name, v]) => [name, v] as [string, unknown]),
      ['an unknown id', { id: 'no-such-entity' }],
      ['a missing variable', {}],
    ]),
    ...variants('search', SEARCH, 'anonymous', [
      ['Lucene wildcards', { text: '*:*' }],
      ['a lone question mark', { text: '?' }],
      ['a lone tilde', { text: '~' }],
      ['boolean operators alone', { text: 'AND OR NOT' }, 'answered'],
      ['an unbalanced quote', { text: '"google' }, 'answered'],
      ['a backslash', { text: '\\' }],
      ['unbalanced brackets', { text: '(((( [a TO' }, 'answered'],
      ['a field query', { text: 'name:google' }, 'answered'],
      // No letter or digit: refused as empty, as "*:*" is.
      ['a regular expression', { text: '/.*/' }],
      ['a regular expression around a word', { text: '/goo.*/' }, 'answered'],
      ['a fuzzy range', { text: 'google~99' }, 'answered'],
      ['a boost', { text: 'google^1000000' }, 'answered'],
      ['a NUL byte', { text: 'goo\u0000gle' }, 'answered'],
      ['an empty text', { text: '' }],
      ['a 100,000-character text', { text: LONG }],
      ['10,000 words', { text: 'word '.repeat(10_000) }],
      ['a negative limit', { text: 'google', limit: -1 }],
      ['a zero limit', { text: 'google', limit: 0 }],
      ['a huge limit', { text: 'google', limit: 1_000_000 }],
      ['an Int past 32 bits', { text: 'google', limit: 2 ** 31 }],
      ['a float limit', { text: 'google', limit: 2.5 }],
      ['a string limit', { text: 'google', limit: 'ten' }],
      ['an unknown entity type', { text: 'google', types: ['Spaceship'] }],
      ['a null text', { text: null }],
    ]),
    ...variants('neighborhood', NEIGHBORHOOD, 'anonymous', [
      ['depth -1', { ...near, depth: -1 }],
      ['depth 0', { ...near, depth: 0 }],
      ['depth 3', { ...near, depth: 3 }],
      ['depth 1e9', { ...near, depth: 1_000_000_000 }],
      ['limit -1', { ...near, limit: -1 }],
      ['limit 0', { ...near, limit: 0 }],
      ['limit 501', { ...near, limit: 501 }],
      ['asOf month 13', { ...near, asOf: '2021-13-01' }],
      ['asOf 30 February', { ...near, asOf: '2021-02-30' }],
      ['asOf a word', { ...near, asOf: 'yesterday' }],
      ['asOf an injection', { ...near, asOf: "2021' OR '1'='1" }],
      ['asOf empty', { ...near, asOf: '' }],
      ['asOf day first', { ...near, asOf: '31/12/2021' }],
      ['minConfidence below 0', { ...near, minConfidence: -0.1 }],
      ['minConfidence above 1', { ...near, minConfidence: 1.5 }],
      ['minConfidence huge', { ...near, minConfidence: 1e308 }],
      ['an unknown status', { ...near, statuses: ['rumoured'] }],
      ['an unknown id', { ...near, id: 'no-such-entity' }],
    ]),
    ...variants('sources', `query($ids: [ID!]!) { sources(ids: $ids) { id } }`, 'anonymous', [
      ['unknown ids', { ids: ['no-such-source'] }],
      ['10,000 unknown ids', { ids: Array.from({ length: 10_000 }, (_, i) => `nope-${i}`) }],
      ['a null in the list', { ids: ['src-wired-nimbus-idf', null] }],
    ]),
    ...variants('history', `query($id: ID!, $limit: Int) { history(id: $id, limit: $limit) { id } }`, 'anonymous', [
      ['limit -1', { id: 'google', limit: -1 }],
      ['limit 0', { id: 'google', limit: 0 }],
      ['limit 1e9', { id: 'google', limit: 1_000_000_000 }],
    ]),
    ...variants('claim', `query($id: ID!) { claim(id: $id) { id } }`, 'anonymous', [
      ['an unknown id', { id: 'no-such-claim' }],
      ['an injection', { id: `x"}) DETACH DELETE n //` }],
    ]),
    ...variants('complicityPaths', PATHS, 'anonymous', [
      ['an unknown start', { ...toConflict, from: 'no-such-entity' }],
      ['an unknown target', { ...toConflict, to: { id: 'no-such-entity' } }],
      ['an empty target', { ...toConflict, to: {} }],
      ['both id and category', { ...toConflict, to: { id: 'conflict-israel-gaza', abuseCategory: 'mass-surveillance' } }],
      ['an unknown category', { ...toConflict, to: { abuseCategory: 'no-such-category' } }],
      ['maxHops 0', { ...toConflict, maxHops: 0 }],
      ['maxHops 7', { ...toConflict, maxHops: 7 }],
      ['k 0', { ...toConflict, k: 0 }],
      ['k 51', { ...toConflict, k: 51 }],
      ['hopDecay above 1', { ...toConflict, weights: { hopDecay: 1.5 } }],
      ['hopDecay below 0', { ...toConflict, weights: { hopDecay: -1 } }],
      ['a strength above 1', { ...toConflict, weights: { relations: [{ type: 'OPERATES', strength: 2 }] } }],
      ['a negative status confidence', { ...toConflict, weights: { statuses: [{ status: 'REPORTED', confidence: -1 }] } }],
      ['an unknown relation type', { ...toConflict, weights: { relations: [{ type: 'LOVES', strength: 1 }] } }],
      ['a bad asOf', { ...toConflict, asOf: '2021-00-00' }],
      ['minConfidence 2', { ...toConflict, minConfidence: 2 }],
      ['from the target to itself', { from: 'conflict-israel-gaza', to: { id: 'conflict-israel-gaza' } }],
    ]),
    ...variants('exposure', EXPOSURE, 'anonymous', [
      ['an unknown entity', { id: 'no-such-entity' }],
      ['maxHops 0', { id: 'google', maxHops: 0 }],
      ['maxHops 7', { id: 'google', maxHops: 7 }],
      ['limit 0', { id: 'google', limit: 0 }],
      ['limit 501', { id: 'google', limit: 501 }],
      ['a weight that is not a number', { id: 'google', weights: { hopDecay: 'half' } }],
      ['an unknown status', { id: 'google', statuses: ['whispered'] }],
    ]),
    ...variants('disengagement', DISENGAGEMENT, 'anonymous', [
      ['an unknown company', { ...sellAll, companyId: 'no-such-company' }],
      ['a state for a company', { ...sellAll, companyId: 'gov-israel' }],
      ['an empty scope', { ...sellAll, scope: {} }],
      ['a made-up country', { ...sellAll, scope: { countries: ['Narnia'] } }],
      ['an unknown contract', { ...sellAll, scope: { contracts: ['no-such-contract'] } }],
      ['a sale with no buyer', { ...sellAll, mode: 'SALE' }],
      ['a sale to an unknown buyer', { ...sellAll, mode: 'SALE', buyerId: 'no-such-buyer' }],
      ['a sale to a blank name', { ...sellAll, mode: 'SALE', buyerName: '   ' }],
      ['an unknown mode', { ...sellAll, mode: 'VANISH' }],
      ['maxHops 0', { ...sellAll, maxHops: 0 }],
      ['maxHops 9', { ...sellAll, maxHops: 9 }],
      ['a bad asOf', { ...sellAll, asOf: '2021-1-1' }],
      ['minConfidence 2', { ...sellAll, minConfidence: 2 }],
    ]),
    ...variants('scenarios', `query($limit: Int, $id: ID!) { scenarios(limit: $limit) { id } scenario(id: $id) { id } }`, 'anonymous', [
      ['an unknown scenario', { limit: 1, id: 'no-such-scenario' }],
      ['a negative limit', { limit: -1, id: 'x' }],
    ]),
    ...variants('exportGraph', EXPORT, 'anonymous', [
      ['no selection', { format: 'JSON' }],
      ['ids and all together', { format: 'JSON', ids: ['google'], all: true }],
      ['unknown ids', { format: 'JSON', ids: ['no-such-entity'] }],
      ['an unknown neighbourhood centre', { format: 'GEXF', neighborhoodOf: 'no-such-entity' }],
      ['depth 3', { format: 'GRAPHML', neighborhoodOf: 'google', depth: 3 }],
      ['limit 0', { format: 'CSV', neighborhoodOf: 'google', limit: 0 }],
      ['limit 1e6', { format: 'CSV', neighborhoodOf: 'google', limit: 1_000_000 }],
      ['an unknown format', { format: 'PDF', all: true }],
      ['a bad asOf', { format: 'FTM', all: true, asOf: 'now' }],
      ['minConfidence -1', { format: 'CYPHER', all: true, minConfidence: -1 }],
      ['6,000 ids', { format: 'JSON', ids: Array.from({ length: 6_000 }, (_, i) => `nope-${i}`) }],
    ]),
    ...variants('screenPortfolio', SCREEN, 'anonymous', [
      ['an empty file', { portfolio: 'p', content: '' }],
      ['a file of blanks', { portfolio: 'p', content: '\n\n   \n' }],
      ['a header alone', { portfolio: 'p', content: 'name,weight\n' }],
      ['a negative weight', { portfolio: 'p', content: 'name,weight\nFictional Holdings Plc,-5\n' }],
      ['a weight that is a word', { portfolio: 'p', content: 'name,weight\nFictional Holdings Plc,lots\n' }],
      ['a bad ISIN check digit', { portfolio: 'p', content: 'name,isin\nFictional Holdings Plc,US0378331006\n' }],
      ['an LEI that is too short', { portfolio: 'p', content: 'name,lei\nFictional Holdings Plc,x\n' }],
      ['an unbalanced quote', { portfolio: 'p', content: 'name,weight\n"Fictional Holdings Plc,50\n' }],
      ['binary garbage', { portfolio: 'p', content: '\u0000\u0001\u0002\u00ff\ufffe' }],
      ['an empty portfolio name', { portfolio: '', content: holdings }],
      ['maxHops 0', { portfolio: 'p', content: holdings, maxHops: 0 }],
      ['maxHops 7', { portfolio: 'p', content: holdings, maxHops: 7 }],
      ['a bad asOf', { portfolio: 'p', content: holdings, asOf: '2021/01/01' }],
      ['minConfidence 3', { portfolio: 'p', content: holdings, minConfidence: 3 }],
      ['a decision for an unknown entity', { portfolio: 'p', content: holdings, decisions: [{ holdingKey: 'name:fictional holdings plc', entityId: 'no-such-entity' }] }],
      ['a decision for an unknown holding', { portfolio: 'p', content: holdings, decisions: [{ holdingKey: 'no-such-holding', reject: true }] }],
      ['200,001 lines', { portfolio: 'p', content: 'name\n' + 'Fictional Holdings Plc\n'.repeat(200_001) }],
    ]),
  ];
}

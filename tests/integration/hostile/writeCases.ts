// Hostile arguments to the writes, sent by an editor (the only ones allowed to write) unless
// the case is about who may write. Every one must be refused and write nothing.
import { variants, type GraphQLCase } from './hostileCase.ts';

const CREATE = `mutation($input: EntityInput!) { createEntity(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $patch: EntityPatch!) { updateEntity(id: $id, patch: $patch) { id } }`;
const MERGE = `mutation($s: ID!, $d: ID!) { mergeEntities(survivorId: $s, duplicateId: $d) { id } }`;
const ADD_SOURCE = `mutation($input: SourceInput!) { addSource(input: $input) { id } }`;
const ADD_CLAIM = `mutation($input: ClaimInput!) { addClaim(input: $input) { id } }`;
const UPDATE_CLAIM = `mutation($id: ID!, $patch: ClaimPatch!) { updateClaim(id: $id, patch: $patch) { id } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { id } }`;
const SAVE_SCENARIO = `mutation($name: String!, $input: DisengagementInput!) { saveScenario(name: $name, input: $input) { id } }`;
const DECIDE = `mutation($p: String!, $k: String!, $e: ID, $r: Boolean) { decideMatch(portfolio: $p, holdingKey: $k, entityId: $e, reject: $r) }`;

const company = { id: 'fictional-hostile-co', type: 'Company', name: 'Fictional Hostile Co' };
const source = { id: 'src-fictional-hostile', publisher: 'Fictional Gazette', title: 'A fictional report', url: 'https://example.org/report' };
const claim = { from: 'google', type: 'OPERATES', to: 'nimbus-cloud', status: 'REPORTED', summary: 'A fictional summary of what a fictional source says.', newSources: [source] };
const SEED_CLAIM = 'google--party-to--contract-nimbus';

export function writeCases(): GraphQLCase[] {
  return [
    ...variants('createEntity', CREATE, 'editor', [
      ['an empty id', { input: { ...company, id: '' } }],
      ['an id with spaces', { input: { ...company, id: 'a b' } }],
      ['an id with a slash', { input: { ...company, id: 'a/b' } }],
      ['an id in capitals', { input: { ...company, id: 'ACME' } }],
      ['an id with a double hyphen', { input: { ...company, id: 'a--b' } }],
      ['an id of 201 characters', { input: { ...company, id: 'a'.repeat(201) } }],
      ['an id that is taken', { input: { ...company, id: 'google' } }],
      ['an empty name', { input: { ...company, name: '' } }],
      ['a blank name', { input: { ...company, name: '   ' } }],
      ['a 100,000-character name', { input: { ...company, name: 'n'.repeat(100_000) } }],
      ['a name of control characters', { input: { ...company, name: '\u0000\u0001\u0002' } }],
      ['an unknown type', { input: { ...company, type: 'Spaceship' } }],
      ['a country "Narnia"', { input: { ...company, country: 'Narnia' } }],
      ['a country "ZQ"', { input: { ...company, country: 'ZQ' } }],
      ['a country in lower case letters of three', { input: { ...company, country: 'usa' } }],
      ['an ISIN "bad"', { input: { ...company, isin: 'bad' } }],
      ['an ISIN with a wrong check digit', { input: { ...company, isin: 'US0378331006' } }],
      ['an LEI "x"', { input: { ...company, lei: 'x' } }],
      ['an LEI with wrong check digits', { input: { ...company, lei: '5493001KJTIIGC8Y1R13' } }],
      ['a javascript: website', { input: { ...company, website: 'javascript:alert(1)' } }],
      ['an ftp website', { input: { ...company, website: 'ftp://example.org' } }],
      ['a website that is not an address', { input: { ...company, website: 'not a url' } }],
      ['a sector of 10,001 characters', { input: { ...company, sector: 's'.repeat(10_001) } }],
      ['a field another type has', { input: { ...company, category: 'mass-surveillance' } }],
      ['a contract value of -5', { input: { id: 'fictional-contract', type: 'Contract', name: 'Fictional Contract', value: -5, currency: 'USD' } }],
      ['a currency "NOTACURRENCY"', { input: { id: 'fictional-contract', type: 'Contract', name: 'Fictional Contract', value: 5, currency: 'NOTACURRENCY' } }],
      ['a start in month 13', { input: { id: 'fictional-contract', type: 'Contract', name: 'Fictional Contract', start: '2021-13' } }],
      ['an end before the start', { input: { id: 'fictional-contract', type: 'Contract', name: 'Fictional Contract', start: '2022', end: '2021' } }],
      ['a day-first date', { input: { id: 'fictional-contract', type: 'Contract', name: 'Fictional Contract', start: '26/05/2021' } }],
      ['a negative size', { input: { id: 'fictional-pop', type: 'Population', name: 'Fictional Population', size: -1 } }],
      ['an empty alias', { input: { ...company, aliases: [''] } }],
      ['10,000 aliases', { input: { ...company, aliases: Array.from({ length: 10_000 }, (_, i) => `Alias ${i}`) } }],
      ['a field that does not exist', { input: { ...company, owner: 'me' } }],
      ['__proto__ in the input', JSON.parse('{"input":{"id":"fictional-proto","type":"Company","name":"P","__proto__":{"admin":true}}}')],
    ]),
    ...variants('createEntity, not as an editor', CREATE, 'anonymous', [['no token', { input: company }]]),
    ...variants('createEntity, not as an editor', CREATE, 'reader', [['a reader token', { input: company }]]),
    ...variants('createEntity, not as an editor', CREATE, 'bogus', [['an unknown token', { input: company }]]),
    ...variants('updateEntity', UPDATE, 'editor', [
      ['an unknown entity', { id: 'no-such-entity', patch: { description: 'x' } }],
      ['an empty patch (changes nothing, writes nothing)', { id: 'google', patch: {} }, 'answered'],
      ['removing the name', { id: 'google', patch: { name: null } }],
      ['a blank name', { id: 'google', patch: { name: ' ' } }],
      ['a country "Narnia"', { id: 'google', patch: { country: 'Narnia' } }],
      ['an ISIN "bad"', { id: 'google', patch: { isin: 'bad' } }],
      ['an LEI "x"', { id: 'google', patch: { lei: 'x' } }],
      ['a data: website', { id: 'google', patch: { website: 'data:text/html,<script>alert(1)</script>' } }],
      ['a negative contract value', { id: 'contract-nimbus', patch: { value: -1 } }],
      ['a currency of one letter', { id: 'contract-nimbus', patch: { currency: 'U' } }],
      ['an end before the start', { id: 'contract-nimbus', patch: { start: '2021', end: '2019' } }],
      ['a field the type does not have', { id: 'google', patch: { category: 'atrocity-crimes' } }],
      ['a type change', { id: 'google', patch: { type: 'Person' } }],
    ]),
    ...variants('updateEntity, not as an editor', UPDATE, 'reader', [['a reader token', { id: 'google', patch: { description: 'x' } }]]),
    ...variants('mergeEntities', MERGE, 'editor', [
      ['an entity into itself', { s: 'google', d: 'google' }],
      ['an unknown survivor', { s: 'no-such-entity', d: 'google' }],
      ['an unknown duplicate', { s: 'google', d: 'no-such-entity' }],
      ['a company into a conflict', { s: 'conflict-myanmar', d: 'telenor-myanmar' }],
      ['an empty id', { s: '', d: 'google' }],
    ]),
    ...variants('mergeEntities, not as an editor', MERGE, 'anonymous', [['no token', { s: 'google', d: 'aws' }]]),
    ...variants('addSource', ADD_SOURCE, 'editor', [
      ['an empty id', { input: { ...source, id: '' } }],
      ['an id that is taken, with other content', { input: { ...source, id: 'src-wired-nimbus-idf' } }],
      ['a javascript: address', { input: { ...source, url: 'javascript:alert(1)' } }],
      ['an address that is not one', { input: { ...source, url: 'see the archive' } }],
      ['a file: address', { input: { ...source, url: 'file:///etc/passwd' } }],
      ['a date in month 99', { input: { ...source, date: '2021-99' } }],
      ['a date in words', { input: { ...source, date: 'last spring' } }],
      ['an empty publisher', { input: { ...source, publisher: '' } }],
      ['a blank title', { input: { ...source, title: '  ' } }],
      ['a title of 1 MB', { input: { ...source, title: 't'.repeat(1_000_000) } }],
    ]),
    ...variants('addClaim', ADD_CLAIM, 'editor', [
      ['an unknown start', { input: { ...claim, from: 'no-such-entity' } }],
      ['an unknown end', { input: { ...claim, to: 'no-such-entity' } }],
      ['a type those ends cannot have', { input: { ...claim, from: 'abuse-rohingya-2017', to: 'google' } }],
      ['a claim from an entity to itself', { input: { ...claim, to: 'google', type: 'OWNS' } }],
      ['an unknown status', { input: { ...claim, status: 'RUMOURED' } }],
      ['an empty summary', { input: { ...claim, summary: '' } }],
      ['no source at all', { input: { ...claim, newSources: undefined } }],
      ['an empty list of sources', { input: { ...claim, newSources: [], sourceIds: [] } }],
      ['an unknown source id', { input: { ...claim, newSources: undefined, sourceIds: ['no-such-source'] } }],
      ['a new source with a bad address', { input: { ...claim, newSources: [{ ...source, url: 'javascript:x' }] } }],
      ['a confidence of 1.5', { input: { ...claim, confidence: 1.5 } }],
      ['a confidence of -0.1', { input: { ...claim, confidence: -0.1 } }],
      ['a start in words', { input: { ...claim, start: 'soon' } }],
      ['an end before the start', { input: { ...claim, start: '2022-01', end: '2021-12' } }],
      ['a percentage of 150', { input: { ...claim, type: 'OWNS', from: 'telenor-group', to: 'telenor-myanmar', percentage: 150 } }],
      ['a negative percentage', { input: { ...claim, type: 'OWNS', from: 'telenor-group', to: 'telenor-myanmar', percentage: -1 } }],
      ['a percentage on a claim that holds no share', { input: { ...claim, percentage: 10 } }],
      ['a 100,000-character note', { input: { ...claim, note: 'n'.repeat(100_000) } }],
    ]),
    ...variants('addClaim, not as an editor', ADD_CLAIM, 'reader', [['a reader token', { input: claim }]]),
    ...variants('updateClaim', UPDATE_CLAIM, 'editor', [
      ['an unknown claim', { id: 'no-such-claim', patch: { summary: 'x' } }],
      ['a claim id of the right shape that does not exist', { id: 'google--owns--aws', patch: { summary: 'A fictional change.' } }],
      ['removing every source', { id: SEED_CLAIM, patch: { sourceIds: [] } }],
      ['an unknown source to add', { id: SEED_CLAIM, patch: { addSourceIds: ['no-such-source'] } }],
      ['a confidence of 2', { id: SEED_CLAIM, patch: { confidence: 2 } }],
      ['an unknown status', { id: SEED_CLAIM, patch: { status: 'MAYBE' } }],
      ['an empty summary', { id: SEED_CLAIM, patch: { summary: '' } }],
      ['removing the summary', { id: SEED_CLAIM, patch: { summary: null } }],
      ['a start in month 00', { id: SEED_CLAIM, patch: { start: '2021-00' } }],
      ['a percentage of 101', { id: SEED_CLAIM, patch: { percentage: 101 } }],
    ]),
    ...variants('retractClaim', RETRACT, 'editor', [
      ['an empty reason', { id: SEED_CLAIM, reason: '' }],
      ['a blank reason', { id: SEED_CLAIM, reason: '   ' }],
      ['an unknown claim', { id: 'no-such-claim', reason: 'A fictional reason.' }],
    ]),
    ...variants('retractClaim, not as an editor', RETRACT, 'anonymous', [['no token', { id: SEED_CLAIM, reason: 'A fictional reason.' }]]),
    ...variants('saveScenario', SAVE_SCENARIO, 'editor', [
      ['an empty name', { name: '', input: { companyId: 'telenor-group', scope: { all: true }, mode: 'SHUTDOWN' } }],
      ['an unknown company', { name: 'Fictional', input: { companyId: 'no-such-company', scope: { all: true }, mode: 'SHUTDOWN' } }],
      ['an empty scope', { name: 'Fictional', input: { companyId: 'telenor-group', scope: {}, mode: 'SHUTDOWN' } }],
      ['a 100,000-character name', { name: 'n'.repeat(100_000), input: { companyId: 'telenor-group', scope: { all: true }, mode: 'SHUTDOWN' } }],
    ]),
    ...variants('saveScenario, not as an editor', SAVE_SCENARIO, 'reader', [['a reader token', { name: 'Fictional', input: { companyId: 'telenor-group', scope: { all: true }, mode: 'SHUTDOWN' } }]]),
    ...variants('deleteScenario', `mutation($id: ID!) { deleteScenario(id: $id) }`, 'editor', [['an unknown scenario', { id: 'no-such-scenario' }]]),
    ...variants('decideMatch', DECIDE, 'editor', [
      ['an empty portfolio', { p: '', k: 'name:fictional', e: 'google' }],
      ['an empty holding key', { p: 'Fictional fund', k: '', e: 'google' }],
      ['an unknown entity', { p: 'Fictional fund', k: 'name:fictional', e: 'no-such-entity' }],
      ['an entity and a rejection together', { p: 'Fictional fund', k: 'name:fictional', e: 'google', r: true }],
      ['neither an entity nor a rejection', { p: 'Fictional fund', k: 'name:fictional' }],
    ]),
    ...variants('decideMatch, not as an editor', DECIDE, 'reader', [['a reader token', { p: 'Fictional fund', k: 'name:fictional', e: 'google' }]]),
  ];
}

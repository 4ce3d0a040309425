// When a claim is contested (api/domain/contested.ts): denied, or its summary records a
// response disputing it. Pinned on hand-written summaries and on every claim of the seed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { contestedBecause, isContested, recordedDisputes } from '../../api/domain/contested.ts';

test('a denied claim is contested, in either spelling of the status', () => {
  assert.equal(contestedBecause({ status: 'denied', summary: 'Acme supplied the ministry.' }), 'Its status is denied.');
  assert.equal(isContested({ status: 'DENIED' }), true);
  assert.equal(isContested({ status: 'reported', summary: 'Acme supplied the ministry.' }), false);
});

test('a response that denies or disputes is quoted; one that confirms is not a dispute', () => {
  assert.deepEqual(recordedDisputes('Reports link Acme to the army; Acme denied any ties.'), ['Acme denied any ties']);
  assert.deepEqual(recordedDisputes('Acme is listed. Acme disputes the listing and will seek its reversal.'), ['Acme disputes the listing and will seek its reversal']);
  assert.deepEqual(recordedDisputes('The army uses the cloud; Acme has said the contract is not aimed at military work.'), ['Acme has said the contract is not aimed at military work']);
  assert.deepEqual(recordedDisputes('Acme said a review found evidence supporting the reporting.'), []);
  assert.deepEqual(recordedDisputes('Civil rights groups said the sale could put data within reach of the army.'), []);
  assert.equal(
    contestedBecause({ status: 'denied', summary: 'Acme sold the system; Acme denied the sale.' }),
    'Its status is denied. Its sources record a response: "Acme denied the sale".',
  );
});

test('on the seed, exactly the claims whose summaries record a denial or dispute are contested', () => {
  const seed = JSON.parse(readFileSync(new URL('../../seed/seed-facts.json', import.meta.url), 'utf8')) as { relations: { from: string; type: string; to: string; status: string; summary: string }[] };
  const contested = seed.relations.filter(isContested).map((r) => `${r.from} ${r.type} ${r.to}`);
  assert.deepEqual(contested, [
    'nimbus-cloud PROVIDES_SERVICE_TO idf',
    'shwe-byain-phyu LINKED_TO myanmar-military',
    'nso-group SANCTIONED_BY us-bis',
    'hikvision SANCTIONED_BY us-bis',
    // From the December 2026 seed: each summary records a denial or a response saying "not".
    'rsf ALLEGEDLY_RESPONSIBLE_FOR abuse-sudan-2024-blackout',
    'starlink PROVIDES_SERVICE_TO russian-armed-forces',
    'ericsson LINKED_TO isis',
    'greece-eyp ALLEGEDLY_RESPONSIBLE_FOR abuse-greece-predator',
    'gov-hungary ALLEGEDLY_RESPONSIBLE_FOR abuse-hungary-pegasus',
    'gov-el-salvador ALLEGEDLY_RESPONSIBLE_FOR abuse-el-salvador-pegasus',
    'gov-uganda ALLEGEDLY_RESPONSIBLE_FOR abuse-uganda-bobi-wine',
  ]);
  // "A dispute between Sudan's army and the RSF" is a fact about the war, not a response.
  assert.equal(isContested(seed.relations.find((r) => r.from === 'rsf' && r.to === 'conflict-sudan')!), false);
  // Microsoft's response confirms elements of the reporting: not a dispute.
  assert.equal(isContested(seed.relations.find((r) => r.from === 'azure-8200' && r.to === 'unit-8200')!), false);
});

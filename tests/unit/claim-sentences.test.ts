// The entity panel's claims: only the entity's own, each read from `from` to `to` in words,
// grouped by relation in the model's order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELATION_TYPE_NAMES, RELATION_TYPES } from '../../api/domain/model.ts';
import { claimSentence, ownClaimsByRelation, relationVerb } from '../../web/src/claimSentences.ts';

const names = new Map([
  ['acme', 'Acme Cloud'],
  ['grid', 'Grid deal'],
  ['net', 'Freedonia network'],
  ['state', 'Freedonia'],
]);
const claims = [
  { id: 'state--party-to--grid', type: 'PARTY_TO', from: 'state', to: 'grid' },
  { id: 'acme--operates--net', type: 'OPERATES', from: 'acme', to: 'net' },
  { id: 'grid--covers--net', type: 'COVERS', from: 'grid', to: 'net' },
  { id: 'acme--party-to--grid', type: 'PARTY_TO', from: 'acme', to: 'grid' },
];

test('a claim reads from its start to its end, whichever end the panel is about', () => {
  const sentence = claimSentence(claims[1]!, names);
  assert.equal(`${sentence.from.name} ${sentence.verb} ${sentence.to.name}`, 'Acme Cloud operates Freedonia network');
  const incoming = claimSentence(claims[2]!, names);
  assert.equal(`${incoming.from.name} ${incoming.verb} ${incoming.to.name}`, 'Grid deal covers Freedonia network');
  assert.equal(claimSentence({ id: 'x', type: 'OWNS', from: 'unknown-id', to: 'acme' }, names).from.name, 'unknown-id', 'an unnamed end shows its id');
});

test("only the entity's own claims are listed, grouped by relation; the neighbours' are counted", () => {
  const { groups, others } = ownClaimsByRelation('acme', claims);
  assert.deepEqual(groups.map((g) => [g.heading, g.claims.map((c) => c.id)]), [
    ['Operates', ['acme--operates--net']],
    ['Is a party to', ['acme--party-to--grid']],
  ]);
  assert.equal(others, 2, 'Freedonia party to the deal, and the deal covering the network');
  const net = ownClaimsByRelation('net', claims);
  assert.deepEqual(net.groups.map((g) => g.claims.map((c) => c.id)), [['acme--operates--net'], ['grid--covers--net']]);
  assert.deepEqual(ownClaimsByRelation('nobody', claims), { groups: [], others: 4 });
});

test('every relation type of the model has words, and none reads as an enum name', () => {
  for (const type of RELATION_TYPE_NAMES) {
    assert.match(relationVerb(type), /^[a-z][a-z ]+$/, type);
    assert.equal(relationVerb(type), RELATION_TYPES[type].verb);
  }
});

// The FollowTheMoney export follows FtM's model: each claim in a schema whose ends fit its
// properties' ranges, ids FtM takes, a Contract's title, a state party as the contract's
// authority; and our import reads all of it back. (FtM's own package checks the files in
// tests/integration/ftm-validation.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { EntityType, RelationType } from '../../api/domain/model.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { ftmId, isFtmId } from '../../api/exchange/formats/ftmIds.ts';
import { claimSchema } from '../../api/exchange/formats/ftmMapping.ts';
import { exportDataset, parseImport } from '../../api/exchange/formats/index.ts';
import { everyEndpointDataset } from '../support/everyEndpoint.ts';

test('a claim takes its relation’s FtM schema only when its ends are of the kinds that schema joins', () => {
  const cases: [RelationType, EntityType, EntityType, string][] = [
    ['PART_OF', 'StateBody', 'Government', 'Membership'],
    ['PART_OF', 'ArmedGroup', 'Company', 'Membership'],
    ['PART_OF', 'Abuse', 'Conflict', 'UnknownLink'],
    ['PART_OF', 'Abuse', 'Abuse', 'UnknownLink'],
    ['PART_OF', 'Infrastructure', 'Infrastructure', 'UnknownLink'],
    ['PART_OF', 'Company', 'Infrastructure', 'UnknownLink'],
    ['PARTY_TO', 'Company', 'Contract', 'ContractAward'],
    ['PARTY_TO', 'Government', 'Contract', 'UnknownLink'],
    ['PARTY_TO', 'StateBody', 'Contract', 'UnknownLink'],
    ['OWNS', 'Government', 'Infrastructure', 'Ownership'],
    ['HOLDS', 'Investor', 'Company', 'Ownership'],
    ['SANCTIONED_BY', 'Company', 'Government', 'Sanction'],
    ['OPERATES', 'Company', 'Infrastructure', 'UnknownLink'],
  ];
  for (const [type, from, to, schema] of cases) assert.equal(claimSchema(type, from, to), schema, `${from} ${type} ${to}`);
});

test('every id becomes a valid FtM id, unchanged when FtM takes it, and different ids stay apart', () => {
  assert.equal(ftmId('contract-nimbus'), 'contract-nimbus');
  assert.equal(ftmId('a--operates--b'), 'a--operates--b');
  assert.match(ftmId('acme_corp-'), /^acme-corp-[0-9a-z]+$/);
  assert.ok(isFtmId(ftmId(`${'a'.repeat(150)}--owns--${'b'.repeat(150)}`)));
  const projectIdChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-');
  const projectIdArb = fc.tuple(fc.constantFrom(...'abcz09'), fc.array(projectIdChar, { maxLength: 60 })).map(([h, t]) => h + t.join(''));
  fc.assert(
    fc.property(projectIdArb, projectIdArb, (a, b) => {
      assert.ok(isFtmId(ftmId(a)), `${a} -> ${ftmId(a)}`);
      if (isFtmId(a)) assert.equal(ftmId(a), a);
      if (a !== b) assert.notEqual(ftmId(a), ftmId(b));
    }),
  );
});

const lines = (ds: Dataset) => exportDataset(ds, 'FTM')[0]!.content.trim().split('\n').map((l) => JSON.parse(l));

test('contracts have a title and name their state parties as authority; ids FtM refuses keep the project id in the block', () => {
  const ds = everyEndpointDataset();
  const out = lines(ds);
  const contract = out.find((l) => l.conflictLinks?.type === 'Contract' && l.conflictLinks.id === 'contract-b.')!;
  assert.deepEqual(contract.properties.title, ['Fictional Contract B']);
  // The fixture's state parties are government_a and statebody_a.
  assert.deepEqual(contract.properties.authority.sort(), [ftmId('government_a'), ftmId('statebody_a')].sort());
  for (const line of out) assert.ok(isFtmId(line.id), line.id);
  for (const line of out) {
    for (const [prop, values] of Object.entries(line.properties)) {
      if (['owner', 'asset', 'member', 'organization', 'subject', 'object', 'supplier', 'contract', 'entity', 'proof', 'authority'].includes(prop) && line.schema !== 'Sanction') {
        for (const v of values as string[]) assert.ok(isFtmId(v), `${line.id}.${prop}: ${v}`);
      }
    }
  }
});

test('the FtM export of every kind of claim, with awkward ids, reads back unchanged', () => {
  const ds = everyEndpointDataset();
  const content = exportDataset(ds, 'FTM')[0]!.content;
  const parsed = parseImport('FTM', { fileName: 'every.ftm.json', content });
  assert.deepEqual(parsed.problems, []);
  assert.ok(!parsed.notes.some((n) => /Ignored FollowTheMoney properties/.test(n)), parsed.notes.join('\n'));
  const back = validateDataset(parsed.raw, 'every.ftm.json');
  assert.ok(back.ok, back.ok ? '' : JSON.stringify(back.problems.slice(0, 3)));
  assert.deepEqual(back.dataset, { ...ds, checkedOn: undefined });
});

test('FtM from other tools: an UnknownLink whose role names a relation is that relation, a Contract’s title its name', () => {
  const foreign = [
    { id: 'doc-1', schema: 'Article', properties: { title: ['A fictional report'], sourceUrl: ['https://gazette.example/r'] } },
    { id: 'acme', schema: 'Company', properties: { name: ['Acme Widgets'] } },
    { id: 'deal', schema: 'Contract', properties: { title: ['Grid deal'] } },
    { id: 'link-1', schema: 'UnknownLink', properties: { subject: ['acme'], object: ['deal'], role: ['party to'], proof: ['doc-1'] } },
  ];
  const parsed = parseImport('FTM', { fileName: 'foreign.ftm.json', content: foreign.map((l) => JSON.stringify(l)).join('\n') });
  assert.deepEqual(parsed.problems, []);
  const result = validateDataset(parsed.raw, 'foreign.ftm.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  assert.equal(result.dataset.entities.find((e) => e.id === 'deal')!.name, 'Grid deal');
  assert.deepEqual(result.dataset.claims.map((c) => [c.from, c.type, c.to]), [['acme', 'PARTY_TO', 'deal']]);
});

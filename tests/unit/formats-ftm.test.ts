import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isValidId } from '../../api/domain/model.ts';
import { STATUS_DEFAULT_CONFIDENCE } from '../../api/domain/trust.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { projectId } from '../../api/exchange/formats/ftmMapping.ts';
import { exportDataset, locateProblems, parseImport } from '../../api/exchange/formats/index.ts';

// FollowTheMoney as other tools write it (no conflictLinks block), with fictional records.
const foreign = [
  { id: 'NK-Acme.1', schema: 'Company', properties: { name: ['Acme Widgets Ltd', 'Acme'], country: ['xa'], leiCode: ['54930000000000000002'], registrationNumber: ['123'] } },
  { id: 'org-relief', schema: 'Organization', properties: { name: ['Freedonia Relief Fund'] } },
  { id: 'pb-peace', schema: 'PublicBody', properties: { name: ['Freedonia Ministry of Peace'], country: ['xa'] } },
  { id: 'p-firefly', schema: 'Person', properties: { name: ['Rufus T. Firefly'], position: ['Chairman'] } },
  { id: 'c-grid', schema: 'Contract', properties: { name: ['Grid deal'], amount: ['1000.5'], currency: ['XAU'] } },
  { id: 'doc-report', schema: 'Article', properties: { title: ['Annual report'], publisher: ['Freedonia Gazette'], sourceUrl: ['https://gazette.example/r'], publishedAt: ['2024-01-02T10:00:00'] } },
  { id: 'own-1', schema: 'Ownership', properties: { owner: ['p-firefly'], asset: ['NK-Acme.1'], percentage: ['25-50'], startDate: ['2020-01-01'], status: ['active'], proof: ['doc-report'] } },
  { id: 'dir-1', schema: 'Directorship', properties: { director: ['p-firefly'], organization: ['NK-Acme.1'], role: ['Chairman'], sourceUrl: ['https://registry.example/x'], publisher: ['Freedonia Registry'] } },
  { id: 'ca-1', schema: 'ContractAward', properties: { supplier: ['NK-Acme.1'], contract: ['c-grid'], summary: ['Acme won the grid deal.'], sourceUrl: ['https://gazette.example/r'] } },
  { id: 'san-1', schema: 'Sanction', properties: { entity: ['NK-Acme.1'], authority: ['Sylvania Treasury'], program: ['X'], startDate: ['2023'], sourceUrl: ['https://sylvania.example/list'] } },
  { id: 'ves-1', schema: 'Vessel', properties: { name: ['MV Duck Soup'] } },
  { id: 'own-2', schema: 'Ownership', properties: { owner: ['NK-Acme.1'], asset: ['ves-1'], proof: ['doc-report'] } },
  { id: 'ev-1', schema: 'Event', properties: { name: ['Summit'] } },
  { id: 'mem-1', schema: 'Membership', properties: { member: ['pb-peace'], organization: ['org-relief'], role: ['part of'] } },
];
const content = foreign.map((line) => JSON.stringify(line)).join('\n');
const defaultSource = { id: 'src-default', publisher: 'Freedonia Gazette', title: 'Register extract', url: 'https://gazette.example/register' };

function imported(): { dataset: Dataset; notes: string[] } {
  const parsed = parseImport('FTM', { fileName: 'foreign.ftm.json', content, defaultSource });
  assert.deepEqual(parsed.problems, []);
  const result = validateDataset(parsed.raw, 'foreign.ftm.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(locateProblems(result.problems, parsed), null, 1));
  return { dataset: result.dataset, notes: parsed.notes };
}

const acme = projectId('NK-Acme.1');

test('FtM ids that are not project ids map to valid ids, the same every time and apart when the ids differ', () => {
  assert.match(acme, /^nk-acme\.1-[a-z0-9]+$/);
  assert.equal(projectId('acme'), 'acme');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
      assert.ok(isValidId(projectId(a)), projectId(a));
      assert.equal(projectId(a), projectId(a));
      if (a !== b) assert.notEqual(projectId(a), projectId(b));
    }),
  );
});

test('Company, Organization, PublicBody, Person and Contract become entities with their fields', () => {
  const { dataset } = imported();
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  assert.deepEqual(byId.get(acme), {
    id: acme,
    type: 'Company',
    name: 'Acme Widgets Ltd',
    props: { id: acme, name: 'Acme Widgets Ltd', aliases: ['Acme'], country: 'XA', lei: '54930000000000000002' },
  });
  assert.equal(byId.get('org-relief')?.type, 'Company');
  assert.equal(byId.get('pb-peace')?.type, 'StateBody');
  assert.equal(byId.get('p-firefly')?.props.position, 'Chairman');
  assert.equal(byId.get('c-grid')?.props.value, 1000.5);
  assert.equal(byId.get('c-grid')?.props.currency, 'XAU');
});

test('Ownership, Directorship, ContractAward, Sanction and Membership become claims', () => {
  const { dataset } = imported();
  const claims = new Map(dataset.claims.map((c) => [`${c.from} ${c.type} ${c.to}`, c]));
  const own = claims.get(`p-firefly OWNS ${acme}`)!;
  assert.equal(own.status, 'reported');
  assert.equal(own.start, '2020-01-01');
  assert.equal(own.percentage, undefined);
  assert.equal(own.note, 'FollowTheMoney status: active; percentage as reported: 25-50');
  assert.deepEqual(own.sourceIds, ['doc-report']);
  const director = claims.get(`p-firefly LINKED_TO ${acme}`)!;
  assert.equal(director.summary, '[FollowTheMoney Directorship record, role: Chairman]');
  const award = claims.get(`${acme} PARTY_TO c-grid`)!;
  assert.equal(award.summary, 'Acme won the grid deal.');
  assert.deepEqual(award.sourceIds, ['doc-report'], 'a sourceUrl that a document in the file has cites that document');
  const sanction = claims.get(`${acme} SANCTIONED_BY sylvania-treasury`)!;
  assert.equal(sanction.status, 'sanctioned');
  assert.equal(sanction.start, '2023');
  assert.equal(dataset.entities.find((e) => e.id === 'sylvania-treasury')?.type, 'StateBody');
  assert.deepEqual(claims.get('pb-peace PART_OF org-relief')?.sourceIds, ['src-default']);
  const registry = dataset.sources.find((s) => s.url === 'https://registry.example/x')!;
  assert.equal(registry.publisher, 'Freedonia Registry');
  assert.match(registry.title, /^\[.*\]$/);
  assert.equal(dataset.sources.find((s) => s.id === 'doc-report')?.date, '2024-01-02');
});

test('what cannot be mapped is left out and said in the notes with counts and lines', () => {
  const { dataset, notes } = imported();
  assert.ok(!dataset.entities.some((e) => e.name === 'MV Duck Soup' || e.name === 'Summit'));
  const all = notes.join('\n');
  assert.match(all, /Left out schemata the model has no type for: 1 Vessel \(line 11\)/);
  assert.match(all, /Left out 1 link \(line 12\) to entities that were left out/);
  assert.match(all, /Left out 1 Event \(line 13\).*conflictLinks.*Event: Abuse, Conflict/);
  assert.match(all, /Imported 1 Organization as Company \(line 2\), 1 PublicBody as StateBody \(line 3\)/);
  assert.match(all, /Ignored FollowTheMoney properties the model has no field for: registrationNumber \(1\)/);
  assert.match(all, /Added 1 sanctioning authority \(line 10\) as StateBody/);
  assert.match(all, /Cited the default source "src-default" for 1 claim \(line 14\)/);
  assert.match(all, /Made 2 sources \(lines 8, 10\) from sourceUrl addresses/);
  assert.match(all, /Set the status of 5 claims \(lines 7, 8, 9, 10, 14\) without a project status/);
});

test('the export writes standard FtM properties, and the block carries what FtM cannot say', () => {
  const ds = imported().dataset;
  const lines = exportDataset(ds, 'FTM')[0]!.content.trim().split('\n').map((l) => JSON.parse(l));
  const own = lines.find((l) => l.schema === 'Ownership');
  assert.deepEqual(own.properties.owner, ['p-firefly']);
  assert.deepEqual(own.properties.asset, [acme]);
  assert.deepEqual(own.properties.status, ['reported']);
  assert.deepEqual(own.properties.proof, ['doc-report']);
  // No curator assessed it: its effective confidence is the default for a reported claim.
  assert.deepEqual(own.conflictLinks, { type: 'OWNS', status: 'reported', effectiveConfidence: STATUS_DEFAULT_CONFIDENCE.reported });
  const sanction = lines.find((l) => l.schema === 'Sanction');
  assert.deepEqual(sanction.properties.authority, ['Sylvania Treasury']);
  assert.equal(sanction.conflictLinks.to, 'sylvania-treasury');
  const link = lines.find((l) => l.schema === 'UnknownLink');
  assert.deepEqual(link.properties.role, ['linked to']);
  const company = lines.find((l) => l.id === acme);
  // XA is a user-assigned code, which FtM's country type refuses: it travels in the block.
  assert.deepEqual(company.properties, { name: ['Acme Widgets Ltd'], alias: ['Acme'], leiCode: ['54930000000000000002'] });
  assert.deepEqual(company.conflictLinks.fields, { country: 'XA' });
  for (const line of lines) for (const values of Object.values(line.properties)) assert.ok(Array.isArray(values) && values.every((v) => typeof v === 'string'));
});

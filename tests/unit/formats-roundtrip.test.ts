import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Graph from 'graphology';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import {
  exportDataset,
  importFormatFromFileName,
  locateProblems,
  parseImport,
  type ExportFormatName,
  type ImportFormatName,
  type ImportInput,
} from '../../api/exchange/formats/index.ts';
import { seedPath } from '../../seed/seed.ts';
import { generateDataset } from '../../seed/generate.ts';

function validated(raw: unknown, file: string): Dataset {
  const result = validateDataset(raw, file);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 5), null, 1));
  return result.dataset;
}

const seed = (): Dataset => validated(JSON.parse(readFileSync(seedPath, 'utf8')), seedPath);

// Fictional records with the strings that break naive writers: quotes, separators, line
// breaks, formula starts, non-Latin scripts, emoji, list items holding ";" or starting "[".
const awkward = (): Dataset =>
  validated(
    {
      checkedOn: '2026-01-02',
      sources: [
        { id: 'src-gazette', publisher: 'Freedonia "Daily", Gazette', title: '=HYPERLINK("http://x.example")', url: 'https://gazette.example/a?b=1,2', date: '2024-02-29', kind: 'news' },
        { id: 'src-wire', publisher: '@Wire\nService', title: "L'été — ça va? 🚀 خبر", url: 'https://wire.example/b' },
      ],
      entities: [
        { id: 'acme', type: 'Company', name: 'Acme Widgets, "Ltd"', aliases: ['Acme; Widgets', '[Acme]', ' spaced '], isin: 'XA0000000009', country: 'XA', description: 'Line one\r\nline two\nline "three"' },
        { id: 'acme-sub', type: 'Company', name: '=1+2', aliases: [], description: '', sector: '-cloud' },
        { id: 'fund', type: 'Investor', name: '+Fund of Freedonia', lei: '54930000000000000002' },
        { id: 'gov-fd', type: 'Government', name: 'Government of Freedonia', country: 'XB' },
        { id: 'ministry', type: 'StateBody', name: 'Ministry of Ωmega', kind: 'ministry' },
        { id: 'rebels', type: 'ArmedGroup', name: 'Sylvanian Front' },
        { id: 'person-a', type: 'Person', name: 'Rufus T. Firefly', position: 'chairman' },
        { id: 'grid', type: 'Infrastructure', name: 'Grid\tCloud', kind: 'cloud-region' },
        { id: 'deal', type: 'Contract', name: 'Deal 𝔸', value: 1.5e9, currency: 'XAU', kind: 'contract', start: '2020-01', end: '2022' },
        { id: 'abuse', type: 'Abuse', name: 'Mass surveillance', category: 'mass-surveillance', place: 'Fredonia City', affectedPeople: 'residents', start: '2021' },
        { id: 'war', type: 'Conflict', name: 'Freedonia–Sylvania war', start: '1933' },
        { id: 'country-xa', type: 'Country', name: 'Freedonia', code: 'XA' },
        { id: 'users', type: 'Population', name: 'Grid users', size: 2500000 },
      ],
      relations: [
        { from: 'acme', type: 'OWNS', to: 'acme-sub', status: 'company-confirmed', summary: 'Acme owns 51.5% of the sub, "fully".', percentage: 51.5, confidence: 0.75, start: '2019-03-01', sources: ['src-gazette', 'src-wire'] },
        { from: 'fund', type: 'HOLDS', to: 'acme', status: 'reported', summary: '@holding', percentage: 0.01, sources: ['src-wire'] },
        { from: 'person-a', type: 'LINKED_TO', to: 'rebels', status: 'denied', summary: 'Ties denied,\nsays a spokesperson.', note: '=note', sources: ['src-gazette'] },
        { from: 'acme', type: 'PARTY_TO', to: 'deal', status: 'reported', summary: 'Signed.', end: '2022-12', sources: ['src-gazette'] },
        { from: 'ministry', type: 'PARTY_TO', to: 'deal', status: 'alleged', summary: 'Counterparty.', confidence: 0, sources: ['src-gazette'] },
        { from: 'deal', type: 'COVERS', to: 'grid', status: 'reported', summary: 'Covers the grid.', sources: ['src-wire'] },
        { from: 'acme', type: 'OPERATES', to: 'grid', status: 'reported', summary: 'Runs it.', sources: ['src-wire'] },
        { from: 'grid', type: 'SERVES', to: 'users', status: 'reported', summary: 'Serves users.', sources: ['src-wire'] },
        { from: 'grid', type: 'ALLEGEDLY_USED_IN', to: 'abuse', status: 'alleged', summary: 'Used in surveillance.', sources: ['src-gazette'] },
        { from: 'abuse', type: 'PART_OF', to: 'war', status: 'reported', summary: 'Part of the war.', sources: ['src-gazette'] },
        { from: 'ministry', type: 'PART_OF', to: 'gov-fd', status: 'reported', summary: 'A ministry of the government.', sources: ['src-gazette'] },
        { from: 'acme', type: 'SANCTIONED_BY', to: 'ministry', status: 'sanctioned', summary: 'Listed.', start: '2023-05-05', sources: ['src-gazette'] },
        { from: 'acme', type: 'LOCATED_IN', to: 'country-xa', status: 'reported', summary: 'Based there.', sources: ['src-gazette'] },
        { from: 'acme', type: 'DISENGAGED_FROM', to: 'grid', status: 'company-confirmed', summary: 'Withdrew.', start: '2024', sources: ['src-wire'] },
        { from: 'acme', type: 'SUPPLIES', to: 'ministry', status: 'reported', summary: 'Supplies.', sources: ['src-wire'] },
        { from: 'acme', type: 'PROVIDES_SERVICE_TO', to: 'users', status: 'reported', summary: 'Serves.', sources: ['src-wire'] },
        { from: 'rebels', type: 'ALLEGEDLY_RESPONSIBLE_FOR', to: 'abuse', status: 'alleged', summary: 'Responsible.', sources: ['src-wire'] },
        { from: 'grid', type: 'RAISES_RISK_OF', to: 'war', status: 'alleged', summary: 'Risk.', sources: ['src-wire'] },
      ],
    },
    'awkward.json',
  );

const generated = (): Dataset => validated(generateDataset({ nodes: 300, seed: 11 }), 'generated.json');

/** Export, then read the files back the way an import does. */
function roundTrip(ds: Dataset, exportAs: ExportFormatName, importAs: ImportFormatName): Dataset {
  const files = exportDataset(ds, exportAs);
  const content = (name: string) => files.find((f) => f.name === name)?.content;
  const input: ImportInput =
    importAs === 'CSV'
      ? { fileName: 'entities.csv', content: content('entities.csv')!, relationshipsContent: content('relationships.csv'), sourcesContent: content('sources.csv') }
      : { fileName: files[0]!.name, content: files[0]!.content };
  const parsed = parseImport(importAs, input);
  assert.deepEqual(parsed.problems, []);
  const result = validateDataset(parsed.raw, input.fileName);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(locateProblems(result.problems, parsed).slice(0, 5), null, 1));
  return result.dataset;
}

/** The dataset with its sources, entities and claims sorted by id: the order formats may not keep. */
function inIdOrder(ds: Dataset): Dataset {
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...ds, sources: byId(ds.sources), entities: byId(ds.entities), claims: byId(ds.claims) };
}

const datasets: [string, () => Dataset][] = [
  ['the seed', seed],
  ['fictional records with awkward strings', awkward],
  ['a generated fictional graph', generated],
];

for (const [label, make] of datasets) {
  test(`graphology JSON gives back ${label} unchanged`, () => {
    const ds = make();
    assert.deepEqual(roundTrip(ds, 'JSON', 'GRAPHOLOGY'), ds);
  });

  // CSV and FtM have no place for the dataset's checkedOn date, and write sources in the order
  // claims cite them; everything else survives.
  test(`CSV (entities, relationships, sources) gives back ${label} unchanged`, () => {
    const ds = make();
    assert.deepEqual(inIdOrder(roundTrip(ds, 'CSV', 'CSV')), inIdOrder({ ...ds, checkedOn: undefined }));
  });

  test(`FollowTheMoney JSON lines give back ${label} unchanged`, () => {
    const ds = make();
    assert.deepEqual(inIdOrder(roundTrip(ds, 'FTM', 'FTM')), inIdOrder({ ...ds, checkedOn: undefined }));
  });
}

test('the project JSON parser reads the seed as validateDataset does, with a line for every record', () => {
  const text = readFileSync(seedPath, 'utf8');
  const parsed = parseImport('JSON', { fileName: 'seed-facts.json', content: text });
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(validated(parsed.raw, 'seed-facts.json'), seed());
  const lines = text.split('\n');
  parsed.origins!.entities.forEach((origin, i) => {
    const line = Number(/^line (\d+)$/.exec(origin.item)![1]);
    assert.match(lines.slice(line - 1, line + 2).join('\n'), new RegExp(`"id": "${parsed.raw.entities[i] && (parsed.raw.entities[i] as { id: string }).id}"`));
  });
});

test('the graphology export loads into graphology as a directed multigraph with every node and edge', () => {
  const ds = seed();
  const data = JSON.parse(exportDataset(ds, 'JSON')[0]!.content);
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  graph.import(data);
  assert.equal(graph.order, ds.entities.length);
  assert.equal(graph.size, ds.claims.length);
  const claim = ds.claims[0]!;
  assert.equal(graph.source(claim.id), claim.from);
  assert.equal(graph.getEdgeAttribute(claim.id, 'status'), claim.status);
  assert.deepEqual(graph.getEdgeAttribute(claim.id, 'sourceIds'), claim.sourceIds);
  assert.equal(graph.getAttribute('sources').length, ds.sources.length);
});

test('a Population size is written as entitySize, so sigma does not take it for the node size', () => {
  const data = JSON.parse(exportDataset(awkward(), 'JSON')[0]!.content);
  const users = data.nodes.find((n: { key: string }) => n.key === 'users');
  assert.equal(users.attributes.entitySize, 2500000);
  assert.equal(users.attributes.size, undefined);
  assert.equal(users.attributes.entityType, 'Population');
});

test('the CSV export quotes by RFC 4180 and puts an apostrophe before formula starts', () => {
  const files = exportDataset(awkward(), 'CSV');
  assert.deepEqual(files.map((f) => f.name), ['entities.csv', 'relationships.csv', 'sources.csv']);
  const entities = files[0]!.content;
  assert.ok(entities.startsWith('id,type,name,aliases,description,country,'));
  assert.match(entities, /\r\nacme-sub,Company,'=1\+2,\[\],"",/);
  assert.match(entities, /"Acme Widgets, ""Ltd""",/);
  assert.match(entities, /"\[""Acme; Widgets"",""\[Acme\]"","" spaced ""\]"/);
  assert.ok(files[1]!.content.includes(',"src-gazette; src-wire","https://gazette.example/a?b=1,2 https://wire.example/b",\r\n'));
  assert.match(files[2]!.content, /"'=HYPERLINK\(""http:\/\/x\.example""\)"/);
});

test('import formats are guessed from file names', () => {
  assert.equal(importFormatFromFileName('export.ftm.json'), 'FTM');
  assert.equal(importFormatFromFileName('entities.JSONL'), 'FTM');
  assert.equal(importFormatFromFileName('x.ndjson'), 'FTM');
  assert.equal(importFormatFromFileName('conflict-links.graphology.json'), 'GRAPHOLOGY');
  assert.equal(importFormatFromFileName('seed-facts.json'), 'JSON');
  assert.equal(importFormatFromFileName('entities.csv'), 'CSV');
  assert.equal(importFormatFromFileName('graph.graphml'), null);
});

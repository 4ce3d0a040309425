// GEXF and GraphML open in Gephi as the explorer drew them: colours by entity type and status,
// the explorer's positions and sizes (or a deterministic layout), claims' dates as GEXF spells;
// every export carries each claim's effective confidence. Tiny fictional graphs throughout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { NODE_SIZE, STATUS_STYLES, TYPE_COLORS, rgb } from '../../api/domain/appearance.ts';
import { STATUS_DEFAULT_CONFIDENCE } from '../../api/domain/trust.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { exportDataset } from '../../api/exchange/formats/index.ts';
import { firstDay, lastDay } from '../../api/exchange/formats/timeSpans.ts';
import { checkLayoutMatches, fallbackLayout, readLayout, type NodeLayout } from '../../api/exchange/layout.ts';

const tiny = (): Dataset => {
  const result = validateDataset(
    {
      sources: [{ id: 'src-a', publisher: 'Freedonia Gazette', title: 'A fictional report', url: 'https://gazette.example/a' }],
      entities: [
        { id: 'acme', type: 'Company', name: 'Acme Widgets' },
        { id: 'grid', type: 'Infrastructure', name: 'Grid Cloud' },
        { id: 'ministry', type: 'StateBody', name: 'Ministry of Peace' },
        { id: 'users', type: 'Population', name: 'Grid users', size: 2500000 },
      ],
      relations: [
        { from: 'acme', type: 'OPERATES', to: 'grid', status: 'reported', summary: 'Runs it.', start: '2020', end: '2024-02', sources: ['src-a'] },
        { from: 'acme', type: 'SUPPLIES', to: 'ministry', status: 'alleged', summary: 'Supplies.', confidence: 0.3, start: '2021-05-12', sources: ['src-a'] },
        { from: 'grid', type: 'SERVES', to: 'users', status: 'denied', summary: 'Serves.', sources: ['src-a'] },
      ],
    },
    'tiny.json',
  );
  assert.ok(result.ok);
  return result.dataset;
};

const LAYOUT: NodeLayout = new Map([
  ['acme', { x: -120.5, y: 40.25, size: 12 }],
  ['grid', { x: 10, y: -3.125, size: 7 }],
  ['ministry', { x: 88.875, y: 0, size: 7 }],
  ['users', { x: 0.0004, y: 210, size: 9.5 }],
]);

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const VIZ = 'http://gexf.net/1.3/viz';
const GEXF_NS = 'http://gexf.net/1.3';
const children = (el: Element, ns: string, name: string) => Array.from(el.getElementsByTagNameNS(ns, name));
const gexf = (ds: Dataset, layout?: NodeLayout) => exportDataset(ds, 'GEXF', { layout })[0]!.content;
const graphml = (ds: Dataset, layout?: NodeLayout) => exportDataset(ds, 'GRAPHML', { layout })[0]!.content;

test('partial dates widen to the days they cover: a start to its first day, an end to its last', () => {
  assert.equal(firstDay('2021'), '2021-01-01');
  assert.equal(firstDay('2021-05'), '2021-05-01');
  assert.equal(firstDay('2021-05-12'), '2021-05-12');
  assert.equal(lastDay('2021'), '2021-12-31');
  assert.equal(lastDay('2024-02'), '2024-02-29');
  assert.equal(lastDay('2023-02'), '2023-02-28');
  assert.equal(lastDay('2021-11'), '2021-11-30');
  assert.equal(lastDay('2021-05-12'), '2021-05-12');
});

test('GEXF nodes carry viz colour by entity type and the position and size they were drawn at', () => {
  const doc = xml(gexf(tiny(), LAYOUT));
  const graph = children(doc.documentElement, GEXF_NS, 'graph')[0]!;
  assert.equal(graph.getAttribute('mode'), 'dynamic');
  assert.equal(graph.getAttribute('timeformat'), 'date');
  const ds = tiny();
  for (const node of children(doc.documentElement, GEXF_NS, 'node')) {
    const id = node.getAttribute('id')!;
    const type = ds.entities.find((e) => e.id === id)!.type;
    const color = children(node, VIZ, 'color')[0]!;
    assert.deepEqual({ r: +color.getAttribute('r')!, g: +color.getAttribute('g')!, b: +color.getAttribute('b')! }, rgb(TYPE_COLORS[type]));
    const at = children(node, VIZ, 'position')[0]!;
    const want = LAYOUT.get(id)!;
    // Written to a thousandth: users' x of 0.0004 reads 0.
    assert.equal(+at.getAttribute('x')!, Math.round(want.x * 1000) / 1000);
    assert.equal(+at.getAttribute('y')!, want.y);
    assert.equal(+children(node, VIZ, 'size')[0]!.getAttribute('value')!, want.size);
  }
});

test('GEXF edges carry their status colour and dash, and their dates as spells of whole days', () => {
  const doc = xml(gexf(tiny(), LAYOUT));
  const edges = new Map(children(doc.documentElement, GEXF_NS, 'edge').map((e) => [e.getAttribute('kind'), e]));
  const spells = (kind: string) => children(edges.get(kind)!, GEXF_NS, 'spell').map((s) => [s.getAttribute('start'), s.getAttribute('end')]);
  assert.deepEqual(spells('OPERATES'), [['2020-01-01', '2024-02-29']]);
  assert.deepEqual(spells('SUPPLIES'), [['2021-05-12', '']]);
  assert.deepEqual(spells('SERVES'), [], 'an undated claim holds at any time');
  const supplies = edges.get('SUPPLIES')!;
  assert.deepEqual(
    (['r', 'g', 'b'] as const).map((c) => +children(supplies, VIZ, 'color')[0]!.getAttribute(c)!),
    Object.values(rgb(STATUS_STYLES.alleged.color)),
  );
  assert.equal(children(supplies, VIZ, 'shape')[0]!.getAttribute('value'), 'dashed');
  assert.equal(children(edges.get('OPERATES')!, VIZ, 'shape')[0]!.getAttribute('value'), 'solid');
});

test('graphology-gexf reads the GEXF back with every node where it was drawn, in its colour', () => {
  const graph = parseGexf(Graph, gexf(tiny(), LAYOUT));
  assert.equal(graph.order, 4);
  assert.equal(graph.size, 3);
  const acme = graph.getNodeAttributes('acme');
  assert.equal(acme.x, -120.5);
  assert.equal(acme.y, 40.25);
  assert.equal(acme.size, 12);
  const { r, g, b } = rgb(TYPE_COLORS.Company);
  assert.equal(acme.color, `rgb(${r},${g},${b})`);
  // Population's own `size` field does not pose as the node's size.
  assert.equal(graph.getNodeAttribute('users', 'size'), 9.5);
  assert.equal(graph.getNodeAttribute('users', 'entitySize'), 2500000);
});

test('GraphML nodes carry x, y, size and r, g, b under the names Gephi reads, and the colour as #rrggbb', () => {
  const doc = xml(graphml(tiny(), LAYOUT));
  const keys = Array.from(doc.getElementsByTagName('key'));
  for (const domain of ['node', 'edge']) {
    const names = keys.filter((k) => k.getAttribute('for') === domain).map((k) => k.getAttribute('attr.name'));
    assert.equal(new Set(names).size, names.length, `${domain} keys named twice`);
  }
  const name = new Map(keys.map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')]));
  const values = (el: Element) => Object.fromEntries(Array.from(el.getElementsByTagName('data')).map((d) => [name.get(d.getAttribute('key')), d.textContent]));
  const nodes = new Map(Array.from(doc.getElementsByTagName('node')).map((n) => [n.getAttribute('id'), values(n)]));
  const acme = nodes.get('acme')!;
  const { r, g, b } = rgb(TYPE_COLORS.Company);
  assert.deepEqual([acme.x, acme.y, acme.size, acme.r, acme.g, acme.b, acme.color, acme.label], ['-120.5', '40.25', '12', `${r}`, `${g}`, `${b}`, TYPE_COLORS.Company, 'Acme Widgets']);
  assert.equal(nodes.get('users')!.entitySize, '2500000');
  assert.equal(nodes.get('users')!.size, '9.5');
  const edges = Array.from(doc.getElementsByTagName('edge')).map(values);
  const denied = edges.find((e) => e.relation === 'SERVES')!;
  assert.equal(denied.color, STATUS_STYLES.denied.color);
  assert.equal(denied.dashed, 'true');
});

test('every export carries each claim’s effective confidence: the curator’s, else the status default', () => {
  const ds = tiny();
  const expected = new Map([
    ['OPERATES', STATUS_DEFAULT_CONFIDENCE.reported],
    ['SUPPLIES', 0.3],
    ['SERVES', STATUS_DEFAULT_CONFIDENCE.denied],
  ]);
  const gexfEdges = children(xml(gexf(ds, LAYOUT)).documentElement, GEXF_NS, 'edge');
  for (const edge of gexfEdges) {
    const value = children(edge, GEXF_NS, 'attvalue').find((v) => v.getAttribute('for') === 'effectiveConfidence')!.getAttribute('value');
    assert.equal(Number(value), expected.get(edge.getAttribute('kind')!));
  }
  const csv = exportDataset(ds, 'CSV').find((f) => f.name === 'relationships.csv')!.content.trim().split('\n');
  const header = csv[0]!.split(',');
  const column = header.indexOf('effective_confidence');
  assert.equal(header[column - 1], 'confidence');
  for (const row of csv.slice(1)) assert.equal(Number(row.split(',')[column]), expected.get(row.split(',')[1]!));
  const json = JSON.parse(exportDataset(ds, 'JSON')[0]!.content);
  for (const edge of json.edges) assert.equal(edge.attributes.effectiveConfidence, expected.get(edge.attributes.relationType));
  const ftm = exportDataset(ds, 'FTM')[0]!.content.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.conflictLinks?.status);
  for (const line of ftm) assert.equal(line.conflictLinks.effectiveConfidence, expected.get(line.conflictLinks.type));
  const cypher = exportDataset(ds, 'CYPHER')[0]!.content;
  assert.match(cypher, /\/\/ effective confidence 0\.3 \(assessed by a curator\)\nMATCH .*\[r:SUPPLIES /);
  assert.match(cypher, new RegExp(`// effective confidence ${STATUS_DEFAULT_CONFIDENCE.denied} \\(the default for denied claims; no curator assessed it\\)\\nMATCH .*\\[r:SERVES `));
});

test('without a layout the drawing formats place nodes the same way every time, the opened entity larger', () => {
  const ds = tiny();
  assert.equal(gexf(ds), gexf(ds));
  assert.equal(graphml(ds), graphml(ds));
  const placed = fallbackLayout(ds, new Set(['acme']));
  assert.deepEqual([...placed.keys()].sort(), ['acme', 'grid', 'ministry', 'users']);
  for (const p of placed.values()) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
  assert.equal(placed.get('acme')!.size, NODE_SIZE.center);
  assert.equal(placed.get('grid')!.size, NODE_SIZE.neighbour);
  // Not all on one spot: the layout spreads them.
  assert.equal(new Set([...placed.values()].map((p) => `${p.x},${p.y}`)).size, 4);
  const exported = parseGexf(Graph, exportDataset(ds, 'GEXF', { centers: ['acme'] })[0]!.content);
  assert.equal(exported.getNodeAttribute('acme', 'size'), NODE_SIZE.center);
});

test('a layout is refused, naming the placement, when a number is not finite or out of bounds or a node comes twice', () => {
  const size = () => 7;
  const refused = (input: Parameters<typeof readLayout>[0], pattern: RegExp, max = 10) =>
    assert.throws(
      () => readLayout(input, max, size),
      (e: { message: string; extensions: { code: string; argument: string } }) => {
        assert.equal(e.extensions.code, 'BAD_USER_INPUT');
        assert.equal(e.extensions.argument, 'layout');
        assert.match(e.message, pattern);
        return true;
      },
    );
  refused([{ id: 'acme', x: Number.NaN, y: 0 }], /layout\[0\] \("acme"\)\.x must be a finite number/);
  refused([{ id: 'acme', x: 0, y: Infinity }], /\.y must be a finite number from -1000000 to 1000000; got Infinity/);
  refused([{ id: 'acme', x: 2e6, y: 0 }], /\.x must be a finite number/);
  refused([{ id: 'acme', x: 0, y: 0, size: 0 }], /\.size must be a number above 0 and at most 1000; got 0/);
  refused([{ id: 'acme', x: 0, y: 0, size: 5000 }], /\.size must be/);
  refused([{ id: 'acme', x: 0, y: 0 }, { id: 'acme', x: 1, y: 1 }], /layout\[1\] \("acme"\) places the node "acme" a second time/);
  refused([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 0, y: 0 }], /layout places 2 nodes; an export holds at most 1/, 1);
  assert.deepEqual(readLayout([{ id: 'acme', x: 1, y: 2 }], 10, size), new Map([['acme', { x: 1, y: 2, size: 7 }]]));
});

test('a layout must place exactly the exported entities', () => {
  const ds = tiny();
  const without = new Map([...LAYOUT].filter(([id]) => id !== 'users'));
  assert.throws(() => checkLayoutMatches(without, ds), /layout does not place "users"; place every exported entity/);
  const extra = new Map([...LAYOUT, ['ghost', { x: 0, y: 0, size: 7 }]]);
  assert.throws(() => checkLayoutMatches(extra, ds), /layout places "ghost", which the export does not hold/);
  assert.throws(() => exportDataset(ds, 'GEXF', { layout: without }), /does not place "users"/);
  checkLayoutMatches(LAYOUT, ds);
});

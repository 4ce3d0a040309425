// exportGraph through the API on the seed: GEXF and GraphML carry the layout a client sends
// (checked: only the exported entities, every one, finite and bounded numbers) or a
// deterministic one; GEXF's dated claims have spells; every format carries each claim's
// effective confidence.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import type { Database } from '../../api/db/database.ts';
import { NODE_SIZE, TYPE_COLORS, rgb } from '../../api/domain/appearance.ts';
import type { EntityType } from '../../api/domain/model.ts';
import { effectiveConfidence } from '../../api/domain/trust.ts';
import { claimSpan } from '../../api/exchange/formats/timeSpans.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let ids: string[] = [];

before(async () => {
  ({ db, api } = await startSeededApi());
  const res = await api.gql<{ neighborhood: { nodes: { id: string }[] } }>(`{ neighborhood(id: "contract-nimbus", depth: 1) { nodes { id } } }`);
  ids = res.data!.neighborhood.nodes.map((n) => n.id).sort();
});

after(() => closeAll(api, db));

const EXPORT = `query($format: ExportFormat!, $ids: [ID!], $of: ID, $layout: [NodePlacementInput!]) {
  exportGraph(format: $format, ids: $ids, neighborhoodOf: $of, layout: $layout) { files { name content } }
}`;

async function exported(variables: Record<string, unknown>): Promise<string> {
  const res = await api.gql<{ exportGraph: { files: { content: string }[] } }>(EXPORT, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.exportGraph.files[0]!.content;
}

/** A layout as the explorer would send it: a spiral, the opened contract larger. */
const layoutFor = (list: string[]) =>
  // "+ 0" turns -0 into 0, which is what the file says.
  list.map((id, i) => ({ id, x: Math.round(i * 37.5 * Math.cos(i)) + 0, y: Math.round(i * 37.5 * Math.sin(i)) + 0, ...(id === 'contract-nimbus' ? { size: 12 } : {}) }));

interface JsonEdge {
  key: string;
  attributes: { status: string; confidence?: number; start?: string; end?: string; effectiveConfidence: number };
}

test('GEXF places, sizes and colours each entity as the layout sent says, and dates claims with spells', async () => {
  assert.ok(ids.includes('contract-nimbus') && ids.includes('google') && ids.length >= 4);
  const layout = layoutFor(ids);
  const graph = parseGexf(Graph, await exported({ format: 'GEXF', ids, layout }));
  assert.deepEqual(graph.nodes().sort(), ids);
  for (const p of layout) {
    const a = graph.getNodeAttributes(p.id);
    assert.deepEqual([a.x, a.y, a.size], [p.x, p.y, p.size ?? NODE_SIZE.neighbour], p.id);
    const { r, g, b } = rgb(TYPE_COLORS[a.type as EntityType]);
    assert.equal(a.color, `rgb(${r},${g},${b})`);
  }
  // The claims as the JSON export has them, to compare spells and confidence with.
  const json = JSON.parse(await exported({ format: 'JSON', ids }));
  const claims = new Map<string, JsonEdge['attributes']>(json.edges.map((e: JsonEdge) => [e.key, e.attributes]));
  const doc = new DOMParser().parseFromString(await exported({ format: 'GEXF', ids, layout }), 'text/xml');
  assert.equal(doc.getElementsByTagName('graph')[0]!.getAttribute('timeformat'), 'date');
  const edges = Array.from(doc.getElementsByTagName('edge'));
  assert.equal(edges.length, claims.size);
  let dated = 0;
  for (const edge of edges) {
    const claim = claims.get(edge.getAttribute('id')!)!;
    const spell = edge.getElementsByTagName('spell')[0];
    const span = claimSpan(claim);
    if (span) dated++;
    assert.deepEqual(spell ? { start: spell.getAttribute('start') || undefined, end: spell.getAttribute('end') || undefined } : null, span && { start: span.start, end: span.end });
    const value = Array.from(edge.getElementsByTagName('attvalue')).find((v) => v.getAttribute('for') === 'effectiveConfidence')!;
    const expected = effectiveConfidence({ status: claim.status as never, confidence: claim.confidence });
    assert.equal(Number(value.getAttribute('value')), expected);
    assert.equal(claim.effectiveConfidence, expected);
  }
  assert.ok(dated > 0, 'the seed dates some of these claims');
});

test('GraphML carries the same positions and colours as Gephi attributes', async () => {
  const layout = layoutFor(ids);
  const doc = new DOMParser().parseFromString(await exported({ format: 'GRAPHML', ids, layout }), 'text/xml');
  const name = new Map(Array.from(doc.getElementsByTagName('key')).map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')]));
  for (const node of Array.from(doc.getElementsByTagName('node'))) {
    const v = Object.fromEntries(Array.from(node.getElementsByTagName('data')).map((d) => [name.get(d.getAttribute('key')), d.textContent]));
    const p = layout.find((l) => l.id === node.getAttribute('id'))!;
    assert.deepEqual([Number(v.x), Number(v.y)], [p.x, p.y]);
    assert.equal(v.color, TYPE_COLORS[v.type as EntityType]);
    assert.equal(Number(v.r), rgb(v.color!).r);
  }
});

test('without a layout the export lays the subgraph out the same way every time, the neighbourhood’s entity larger', async () => {
  const first = await exported({ format: 'GEXF', of: 'contract-nimbus' });
  assert.equal(await exported({ format: 'GEXF', of: 'contract-nimbus' }), first);
  const graph = parseGexf(Graph, first);
  assert.equal(graph.getNodeAttribute('contract-nimbus', 'size'), NODE_SIZE.center);
  assert.equal(graph.getNodeAttribute('google', 'size'), NODE_SIZE.neighbour);
  graph.forEachNode((id, a) => assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y), id));
});

test('a layout with an unknown or a missing entity, or numbers out of bounds, is refused naming the layout', async () => {
  const refused = async (layout: unknown[], message: RegExp) => {
    const res = await api.gql(EXPORT, { format: 'GEXF', ids, layout });
    assert.equal(res.data, null);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(res.errors?.[0]?.extensions?.argument, 'layout');
    assert.match(res.errors![0]!.message, message);
  };
  const layout = layoutFor(ids);
  await refused([...layout, { id: 'no-such-entity', x: 0, y: 0 }], /layout places "no-such-entity", which the export does not hold/);
  await refused(layout.filter((p) => p.id !== 'google'), /layout does not place "google"/);
  await refused([{ ...layout[0]!, x: 5e6 }, ...layout.slice(1)], /layout\[0\] \("[^"]+"\)\.x must be a finite number from -1000000 to 1000000; got 5000000/);
  await refused([{ ...layout[0]!, size: -1 }, ...layout.slice(1)], /\.size must be a number above 0/);
  await refused([...layout, layout[0]!], /places the node "[^"]+" a second time/);
});

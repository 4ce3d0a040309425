// GraphML for Gephi, NetworkX and yEd: every attribute declared with a <key> and its type, one
// directed edge per claim with the claim id as edge id. Nodes and edges also carry how the
// explorer draws them, under the names Gephi's GraphML importer reads: `label` (the name),
// `x`, `y`, `size`, and the colour as `r`, `g`, `b`; `color` repeats it as #rrggbb for other
// tools. Edges are coloured by status; their `dashed` says which are drawn dashed.
import { STATUS_STYLES, TYPE_COLORS, rgb } from '../../domain/appearance.ts';
import type { FieldKind } from '../../domain/model.ts';
import type { Dataset } from '../dataset.ts';
import type { Placement } from '../layout.ts';
import { sourcesById } from './common.ts';
import { vizNumber } from './gexf.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributeValues, nodeAttributeValues, type GraphAttribute } from './graphAttributes.ts';
import type { ExportFile } from './types.ts';
import { attrs, xmlEscape } from './xml.ts';

type KeyType = 'string' | 'long' | 'double' | 'int' | 'boolean';

interface Key {
  name: string;
  type: KeyType;
}

const GRAPHML_TYPE: Record<FieldKind, KeyType> = {
  string: 'string',
  date: 'string',
  stringList: 'string',
  int: 'long',
  float: 'double',
};

const asKeys = (list: readonly GraphAttribute[]): Key[] => list.map((a) => ({ name: a.name, type: GRAPHML_TYPE[a.kind] }));

const DRAWING_NODE_KEYS: Key[] = [
  { name: 'label', type: 'string' },
  { name: 'x', type: 'double' },
  { name: 'y', type: 'double' },
  { name: 'size', type: 'double' },
  { name: 'r', type: 'int' },
  { name: 'g', type: 'int' },
  { name: 'b', type: 'int' },
  { name: 'color', type: 'string' },
];
const DRAWING_EDGE_KEYS: Key[] = [
  { name: 'r', type: 'int' },
  { name: 'g', type: 'int' },
  { name: 'b', type: 'int' },
  { name: 'color', type: 'string' },
  { name: 'dashed', type: 'boolean' },
];

const NODE_KEYS: readonly Key[] = [...asKeys(NODE_ATTRIBUTES), ...DRAWING_NODE_KEYS];
const EDGE_KEYS: readonly Key[] = [...asKeys(EDGE_ATTRIBUTES), ...DRAWING_EDGE_KEYS];

function keyLines(domain: 'node' | 'edge', list: readonly Key[], prefix: string): string[] {
  return list.map((k) => `  <key${attrs({ id: `${prefix}${k.name}`, for: domain, 'attr.name': k.name, 'attr.type': k.type })}/>`);
}

function dataLines(values: Map<string, string>, list: readonly Key[], prefix: string): string[] {
  return list
    .filter((k) => values.has(k.name))
    .map((k) => `      <data key="${prefix}${k.name}">${xmlEscape(values.get(k.name)!)}</data>`);
}

function setColor(values: Map<string, string>, hex: string): void {
  const { r, g, b } = rgb(hex);
  values.set('r', String(r));
  values.set('g', String(g));
  values.set('b', String(b));
  values.set('color', hex);
}

export function graphmlExport(ds: Dataset, placements: ReadonlyMap<string, Placement>): ExportFile[] {
  const sources = sourcesById(ds);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_checkedOn" for="graph" attr.name="checkedOn" attr.type="string"/>',
    ...keyLines('node', NODE_KEYS, 'n_'),
    ...keyLines('edge', EDGE_KEYS, 'e_'),
    '  <graph id="conflict-links" edgedefault="directed">',
  ];
  if (ds.checkedOn) lines.push(`    <data key="g_checkedOn">${xmlEscape(ds.checkedOn)}</data>`);
  for (const entity of ds.entities) {
    const at = placements.get(entity.id);
    if (!at) throw new Error(`no placement for "${entity.id}"`);
    const values = nodeAttributeValues(entity);
    values.set('label', entity.name);
    values.set('x', vizNumber(at.x));
    values.set('y', vizNumber(at.y));
    values.set('size', vizNumber(at.size));
    setColor(values, TYPE_COLORS[entity.type]);
    lines.push(`    <node${attrs({ id: entity.id })}>`, ...dataLines(values, NODE_KEYS, 'n_'), '    </node>');
  }
  for (const claim of ds.claims) {
    const values = edgeAttributeValues(claim, sources);
    const style = STATUS_STYLES[claim.status];
    setColor(values, style.color);
    values.set('dashed', String(style.dashed));
    lines.push(
      `    <edge${attrs({ id: claim.id, source: claim.from, target: claim.to })}>`,
      ...dataLines(values, EDGE_KEYS, 'e_'),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return [{ name: 'conflict-links.graphml', mediaType: 'application/graphml+xml', content: lines.join('\n') }];
}

// GEXF 1.3 for Gephi: the same attributes as the GraphML export, declared per class, and what
// Gephi needs to open the file as the explorer showed it: each node's colour (by entity
// type), position and size in the viz namespace, each edge's colour, thickness and dash (by
// status). The graph is dynamic with timeformat "date": a dated claim carries a spell of the
// whole days its dates cover (timeSpans.ts), so Gephi's timeline shows claims appear and end;
// an undated claim has no spell and holds at any time. Each edge's `kind` is its relation
// type, so Gephi keeps two claims of different types between the same entities as two edges.
import { EDGE_SIZE, STATUS_STYLES, TYPE_COLORS, rgb } from '../../domain/appearance.ts';
import type { FieldKind } from '../../domain/model.ts';
import type { Dataset } from '../dataset.ts';
import type { Placement } from '../layout.ts';
import { sourcesById } from './common.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributeValues, nodeAttributeValues, type GraphAttribute } from './graphAttributes.ts';
import { claimSpan } from './timeSpans.ts';
import type { ExportFile } from './types.ts';
import { attrs, xmlEscape } from './xml.ts';

// Partial dates (YYYY, YYYY-MM) are not xsd:dates, so date attributes stay strings; the
// spells carry the widened dates.
const GEXF_TYPE: Record<FieldKind, string> = {
  string: 'string',
  date: 'string',
  stringList: 'string',
  int: 'long',
  float: 'double',
};

function declarations(cls: 'node' | 'edge', list: readonly GraphAttribute[]): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...list.map((a) => `      <attribute${attrs({ id: a.name, title: a.name, type: GEXF_TYPE[a.kind] })}/>`),
    '    </attributes>',
  ];
}

function attvalues(values: Map<string, string>, list: readonly GraphAttribute[]): string[] {
  const present = list.filter((a) => values.has(a.name));
  if (present.length === 0) return [];
  return [
    '        <attvalues>',
    ...present.map((a) => `          <attvalue${attrs({ for: a.name, value: values.get(a.name) })}/>`),
    '        </attvalues>',
  ];
}

/** A coordinate or size, to a thousandth: finer than any screen, and stable text. */
export function vizNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function vizColor(hex: string): string {
  const { r, g, b } = rgb(hex);
  return `        <viz:color r="${r}" g="${g}" b="${b}"/>`;
}

export function gexfExport(ds: Dataset, placements: ReadonlyMap<string, Placement>): ExportFile[] {
  const sources = sourcesById(ds);
  const description = `conflict-links subgraph: entities and the sourced claims between them${ds.checkedOn ? `, checked on ${ds.checkedOn}` : ''}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>conflict-links</creator>',
    `    <description>${xmlEscape(description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">',
    ...declarations('node', NODE_ATTRIBUTES),
    ...declarations('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
  ];
  for (const entity of ds.entities) {
    const at = placements.get(entity.id);
    if (!at) throw new Error(`no placement for "${entity.id}"`);
    lines.push(
      `      <node${attrs({ id: entity.id, label: entity.name })}>`,
      ...attvalues(nodeAttributeValues(entity), NODE_ATTRIBUTES),
      vizColor(TYPE_COLORS[entity.type]),
      `        <viz:position x="${vizNumber(at.x)}" y="${vizNumber(at.y)}" z="0"/>`,
      `        <viz:size value="${vizNumber(at.size)}"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const claim of ds.claims) {
    const style = STATUS_STYLES[claim.status];
    const span = claimSpan(claim);
    lines.push(
      `      <edge${attrs({ id: claim.id, source: claim.from, target: claim.to, label: claim.type, kind: claim.type })}>`,
      ...attvalues(edgeAttributeValues(claim, sources), EDGE_ATTRIBUTES),
      ...(span ? ['        <spells>', `          <spell${attrs(span)}/>`, '        </spells>'] : []),
      vizColor(style.color),
      `        <viz:thickness value="${EDGE_SIZE}"/>`,
      `        <viz:shape value="${style.dashed ? 'dashed' : 'solid'}"/>`,
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return [{ name: 'conflict-links.gexf', mediaType: 'application/gexf+xml', content: lines.join('\n') }];
}

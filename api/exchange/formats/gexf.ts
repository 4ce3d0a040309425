// GEXF 1.3 for Gephi: the same attributes as the GraphML export, declared per class. Each
// edge's `kind` is its relation type, so Gephi keeps two claims of different types between
// the same entities as two edges instead of merging them.
import type { FieldKind } from '../../domain/model.ts';
import type { Dataset } from '../dataset.ts';
import { sourcesById } from './common.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributeValues, nodeAttributeValues, type GraphAttribute } from './graphAttributes.ts';
import type { ExportFile } from './types.ts';
import { attrs, xmlEscape } from './xml.ts';

// Partial dates (YYYY, YYYY-MM) are not xsd:dates, so dates stay strings.
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

export function gexfExport(ds: Dataset): ExportFile[] {
  const sources = sourcesById(ds);
  const description = `conflict-links subgraph: entities and the sourced claims between them${ds.checkedOn ? `, checked on ${ds.checkedOn}` : ''}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>conflict-links</creator>',
    `    <description>${xmlEscape(description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', NODE_ATTRIBUTES),
    ...declarations('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
  ];
  for (const entity of ds.entities) {
    lines.push(`      <node${attrs({ id: entity.id, label: entity.name })}>`, ...attvalues(nodeAttributeValues(entity), NODE_ATTRIBUTES), '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const claim of ds.claims) {
    lines.push(
      `      <edge${attrs({ id: claim.id, source: claim.from, target: claim.to, label: claim.type, kind: claim.type })}>`,
      ...attvalues(edgeAttributeValues(claim, sources), EDGE_ATTRIBUTES),
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return [{ name: 'conflict-links.gexf', mediaType: 'application/gexf+xml', content: lines.join('\n') }];
}

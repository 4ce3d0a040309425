// GraphML for Gephi, NetworkX and yEd: every attribute declared with a <key> and its type, one
// directed edge per claim with the claim id as edge id. A `label` node key repeats the name,
// because Gephi takes node labels from an attribute of that name.
import type { FieldKind } from '../../domain/model.ts';
import type { Dataset } from '../dataset.ts';
import { sourcesById } from './common.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributeValues, nodeAttributeValues, type GraphAttribute } from './graphAttributes.ts';
import type { ExportFile } from './types.ts';
import { attrs, xmlEscape } from './xml.ts';

const GRAPHML_TYPE: Record<FieldKind, string> = {
  string: 'string',
  date: 'string',
  stringList: 'string',
  int: 'long',
  float: 'double',
};

const NODE_KEYS: readonly GraphAttribute[] = [...NODE_ATTRIBUTES, { name: 'label', kind: 'string' }];

function keyLines(domain: 'node' | 'edge', list: readonly GraphAttribute[], prefix: string): string[] {
  return list.map(
    (a) => `  <key${attrs({ id: `${prefix}${a.name}`, for: domain, 'attr.name': a.name, 'attr.type': GRAPHML_TYPE[a.kind] })}/>`,
  );
}

function dataLines(values: Map<string, string>, list: readonly GraphAttribute[], prefix: string): string[] {
  return list
    .filter((a) => values.has(a.name))
    .map((a) => `      <data key="${prefix}${a.name}">${xmlEscape(values.get(a.name)!)}</data>`);
}

export function graphmlExport(ds: Dataset): ExportFile[] {
  const sources = sourcesById(ds);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_checkedOn" for="graph" attr.name="checkedOn" attr.type="string"/>',
    ...keyLines('node', NODE_KEYS, 'n_'),
    ...keyLines('edge', EDGE_ATTRIBUTES, 'e_'),
    '  <graph id="conflict-links" edgedefault="directed">',
  ];
  if (ds.checkedOn) lines.push(`    <data key="g_checkedOn">${xmlEscape(ds.checkedOn)}</data>`);
  for (const entity of ds.entities) {
    const values = nodeAttributeValues(entity);
    values.set('label', entity.name);
    lines.push(`    <node${attrs({ id: entity.id })}>`, ...dataLines(values, NODE_KEYS, 'n_'), '    </node>');
  }
  for (const claim of ds.claims) {
    lines.push(
      `    <edge${attrs({ id: claim.id, source: claim.from, target: claim.to })}>`,
      ...dataLines(edgeAttributeValues(claim, sources), EDGE_ATTRIBUTES, 'e_'),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return [{ name: 'conflict-links.graphml', mediaType: 'application/graphml+xml', content: lines.join('\n') }];
}

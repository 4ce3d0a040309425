// Reads graphology's serialisation as graphologyExport writes it (see there for the
// attribute names). Display attributes a graph picks up in the browser (x, y, size, color...)
// are left out with a note; any other attribute goes to validateDataset, which reports it.
import { isRecord, plural } from './common.ts';
import { linesAt, readJsonDocument } from './jsonText.ts';
import { linesToOrigins } from './projectJson.ts';
import { DERIVED_EDGE_ATTRIBUTES, DISPLAY_ATTRIBUTES, attributeField } from './graphologyJson.ts';
import { emptyResult, type ParseResult } from './types.ts';

// A node's `label` is its name: data, not display.
const NODE_OWN = new Set(['label']);
const EDGE_OWN = new Set<string>();

export function parseGraphology(content: string, file: string): ParseResult {
  const result = emptyResult();
  const doc = readJsonDocument(content, file, [['nodes'], ['edges'], ['attributes', 'sources']]);
  if (!doc.ok) {
    result.problems.push(doc.problem);
    return result;
  }
  const data = doc.value;
  const problem = (item: string, reason: string) => result.problems.push({ file, item, reason });
  if (!isRecord(data) || !Array.isArray(data.nodes) || (data.edges !== undefined && !Array.isArray(data.edges))) {
    problem('line 1', 'must be a graphology export: an object with "nodes" and "edges" lists');
    return result;
  }
  const attributes = isRecord(data.attributes) ? data.attributes : {};
  const options = isRecord(data.options) ? data.options : {};
  if (options.type === 'undirected') problem('(top level)', 'is an undirected graph; claims have a direction: export it as directed');
  const nodeLines = linesAt(doc, ['nodes']);
  const edgeLines = linesAt(doc, ['edges']);
  const ignored = new Map<string, number>();
  // Splits a record's attributes: the data ones go on, display ones are counted and left out.
  const dataAttributes = (value: unknown, own: Set<string>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(isRecord(value) ? value : {})) {
      if (DISPLAY_ATTRIBUTES.has(key) && !own.has(key)) ignored.set(key, (ignored.get(key) ?? 0) + 1);
      else out[key] = v;
    }
    return out;
  };

  if (typeof attributes.checkedOn === 'string') result.raw.checkedOn = attributes.checkedOn;
  result.raw.sources = Array.isArray(attributes.sources) ? attributes.sources : [];
  result.raw.entities = data.nodes.map((node: unknown) => {
    if (!isRecord(node)) return node;
    const { label, entityType, ...fields } = dataAttributes(node.attributes, NODE_OWN);
    const named = Object.entries(fields).map(([attribute, value]) => [attributeField(attribute), value]);
    return { id: node.key, type: entityType, name: label, ...Object.fromEntries(named) };
  });
  result.raw.relations = ((data.edges ?? []) as unknown[]).map((edge, i) => {
    if (!isRecord(edge)) return edge;
    if (edge.undirected === true) problem(`line ${edgeLines[i] ?? '?'}`, 'is an undirected edge; claims have a direction');
    const { relationType, sourceIds, ...attributes } = dataAttributes(edge.attributes, EDGE_OWN);
    const fields = Object.fromEntries(Object.entries(attributes).filter(([key]) => !DERIVED_EDGE_ATTRIBUTES.has(key)));
    return { from: edge.source, type: relationType, to: edge.target, ...fields, sources: sourceIds };
  });
  if (ignored.size > 0) {
    const list = [...ignored].map(([key, count]) => `${key} (${count})`).join(', ');
    result.notes.push(`Left out display attributes that are not part of the data: ${list}.`);
  }
  result.notes.push(
    `Read ${plural(result.raw.entities.length, 'node', 'nodes')}, ${plural(result.raw.relations.length, 'edge', 'edges')} and ${plural(result.raw.sources.length, 'source', 'sources')}.`,
  );
  result.origins = {
    sources: linesToOrigins(file, linesAt(doc, ['attributes', 'sources'])),
    entities: linesToOrigins(file, nodeLines),
    relations: linesToOrigins(file, edgeLines),
  };
  return result;
}

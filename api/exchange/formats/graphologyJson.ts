// graphology's serialisation (graph.export() / graph.import()): a directed multigraph, since
// two entities can be joined by claims of several types. Attribute names fit sigma: the
// display name is `label`, and the entity and relationship types are `entityType` and
// `relationType`, because sigma reads a `type` attribute as the name of a render program.
// For the same reason a field named like a display attribute (Population's `size`) is
// written with an "entity" prefix: `entitySize`.
// The sources every claim cites travel once, in the graph's attributes. Each edge also has
// its `effectiveConfidence` (the status default when no curator assessed it), for reading.
import { effectiveConfidence } from '../../domain/trust.ts';
import { responsesOf, responseToRaw } from '../../domain/responses.ts';
import type { Dataset } from '../dataset.ts';
import { OPTIONAL_CLAIM_FIELDS, entityValues } from './common.ts';
import type { ExportFile } from './types.ts';

export const GRAPHOLOGY_FILE_NAME = 'conflict-links.graphology.json';

/** Edge attributes the export derives from others; the reader drops them. */
export const DERIVED_EDGE_ATTRIBUTES = new Set(['effectiveConfidence']);

/** Attributes sigma and the browser graph give a meaning of their own. */
export const DISPLAY_ATTRIBUTES = new Set(['x', 'y', 'size', 'color', 'label', 'type', 'hidden', 'forceLabel', 'zIndex', 'highlighted', 'dashed', 'image']);

/** The attribute name of an entity field: `entitySize` for `size`, else the field's name. */
export function fieldAttribute(field: string): string {
  return DISPLAY_ATTRIBUTES.has(field) ? `entity${field[0]!.toUpperCase()}${field.slice(1)}` : field;
}

/** The field an attribute holds, reversing fieldAttribute. */
export function attributeField(attribute: string): string {
  const m = /^entity([A-Z].*)$/.exec(attribute);
  const field = m ? `${m[1]![0]!.toLowerCase()}${m[1]!.slice(1)}` : null;
  return field && DISPLAY_ATTRIBUTES.has(field) ? field : attribute;
}

export function graphologyExport(ds: Dataset): ExportFile[] {
  const graph = {
    attributes: {
      name: 'conflict-links',
      ...(ds.checkedOn ? { checkedOn: ds.checkedOn } : {}),
      sources: ds.sources.map((s) => ({ ...s })),
    },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: ds.entities.map((e) => ({
      key: e.id,
      attributes: {
        label: e.name,
        entityType: e.type,
        ...Object.fromEntries(entityValues(e).map(([field, value]) => [fieldAttribute(field), value])),
      },
    })),
    edges: ds.claims.map((c) => {
      const attributes: Record<string, unknown> = {
        relationType: c.type,
        status: c.status,
        summary: c.summary,
        sourceIds: [...c.sourceIds],
      };
      for (const key of OPTIONAL_CLAIM_FIELDS) if (c[key] !== undefined) attributes[key] = c[key];
      // The company's responses as the import reads them back: { kind, date, text, sources }.
      const responses = responsesOf(c);
      if (responses.length) attributes.responses = responses.map(responseToRaw);
      attributes.effectiveConfidence = effectiveConfidence(c);
      return { key: c.id, source: c.from, target: c.to, attributes };
    }),
  };
  return [{ name: GRAPHOLOGY_FILE_NAME, mediaType: 'application/json', content: `${JSON.stringify(graph, null, 1)}\n` }];
}

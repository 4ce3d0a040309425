// How highlights restyle the graph, as pure functions of a node's or claim's attributes: the
// Sigma reducers (nothing copied, the graph stays as loaded) and pictures both use them, so a
// picture shows what the screen shows.
import { SCENARIO_STYLES } from './appearance.ts';

export interface Highlights {
  /** The selected entity, with its neighbours standing out; null: nothing selected. */
  selected: string | null;
  neighbours: ReadonlySet<string>;
  /** Paths shown by the path finder: their nodes and claims stand out, the rest fades. */
  pathNodes: ReadonlySet<string> | null;
  pathEdges: ReadonlySet<string>;
  /** A scenario's ended claims (greyed, dashed) and simulated ones (marked). */
  removed: ReadonlySet<string>;
  simulated: ReadonlySet<string>;
}

export const NO_HIGHLIGHTS: Highlights = { selected: null, neighbours: new Set(), pathNodes: null, pathEdges: new Set(), removed: new Set(), simulated: new Set() };

/** Colours of what a highlight pushes back. */
export const FADED = { pathNode: '#e0e0e0', pathEdge: '#ececec', selectionNode: '#d8d8d8', selectionEdge: '#e4e4e4' } as const;

/** Whatever a node or claim carries; only colour, label and size are read or restyled. */
type Look = { [key: string]: unknown };

export function styleNode<T extends Look>(node: string, data: T, h: Highlights): T {
  if (h.pathNodes) return h.pathNodes.has(node) ? { ...data, forceLabel: true, zIndex: 2 } : { ...data, color: FADED.pathNode, label: '', zIndex: 0 };
  if (h.selected === null) return data;
  if (node === h.selected) return { ...data, highlighted: true, zIndex: 2 };
  if (h.neighbours.has(node)) return { ...data, zIndex: 1 };
  return { ...data, color: FADED.selectionNode, zIndex: 0 };
}

export function styleEdge<T extends Look>(edge: string, data: T, ends: readonly [string, string], h: Highlights): T {
  if (h.removed.has(edge)) return { ...data, color: SCENARIO_STYLES.removed.color, dashed: true, zIndex: 1 };
  if (h.simulated.has(edge)) return { ...data, color: SCENARIO_STYLES.simulated.color, dashed: true, size: (data.size as number) * 2, zIndex: 2 };
  if (h.pathNodes) return h.pathEdges.has(edge) ? { ...data, size: (data.size as number) * 2, zIndex: 2 } : { ...data, color: FADED.pathEdge, zIndex: 0 };
  if (h.selected === null) return data;
  return ends[0] === h.selected || ends[1] === h.selected ? { ...data, size: (data.size as number) * 1.6 } : { ...data, color: FADED.selectionEdge };
}

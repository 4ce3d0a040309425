// Where an export draws each entity: the explorer sends its own node positions and sizes (so a
// GEXF or GraphML file opens as the user saw it); without them (the CLI, another client) a
// ForceAtlas2 layout, the explorer's own, computed here from a fixed start, so the same
// subgraph always gets the same picture.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { NODE_SIZE } from '../domain/appearance.ts';
import { badInput } from '../errors.ts';
import type { Dataset } from './dataset.ts';

export interface Placement {
  x: number;
  y: number;
  size: number;
}

/** Where each entity is drawn, by id. */
export type NodeLayout = ReadonlyMap<string, Placement>;

/** One node's place as a client sends it (GraphQL NodePlacementInput); size is optional. */
export interface PlacementInput {
  id: string;
  x: number;
  y: number;
  size?: number | null;
}

/** Coordinates beyond this are not a drawing but a mistake (sigma's graphs span hundreds). */
export const MAX_COORDINATE = 1_000_000;
export const MAX_NODE_SIZE = 1_000;

/**
 * Checks a client's layout: at most `maxNodes` placements, each id once, finite coordinates
 * within ±MAX_COORDINATE, a size above 0 and at most MAX_NODE_SIZE. The first problem is an
 * error naming the placement. A size left out is the explorer's default for that node.
 */
export function readLayout(input: readonly PlacementInput[], maxNodes: number, defaultSize: (id: string) => number): Map<string, Placement> {
  if (input.length > maxNodes) throw badInput(`layout places ${input.length} nodes; an export holds at most ${maxNodes}.`, 'layout');
  const layout = new Map<string, Placement>();
  input.forEach((p, i) => {
    const at = `layout[${i}]${typeof p.id === 'string' ? ` ("${p.id.slice(0, 100)}")` : ''}`;
    if (layout.has(p.id)) throw badInput(`${at} places the node "${p.id}" a second time; give each node once.`, 'layout');
    for (const axis of ['x', 'y'] as const) {
      const v = p[axis];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COORDINATE) {
        throw badInput(`${at}.${axis} must be a finite number from -${MAX_COORDINATE} to ${MAX_COORDINATE}; got ${v}.`, 'layout');
      }
    }
    const size = p.size ?? defaultSize(p.id);
    if (!Number.isFinite(size) || size <= 0 || size > MAX_NODE_SIZE) {
      throw badInput(`${at}.size must be a number above 0 and at most ${MAX_NODE_SIZE}; got ${size}.`, 'layout');
    }
    layout.set(p.id, { x: p.x, y: p.y, size });
  });
  return layout;
}

/**
 * Refuses a layout that does not place exactly the exported entities: a stale or mistyped id,
 * or an entity left out (its place would be a guess in another drawing's coordinates).
 */
export function checkLayoutMatches(layout: NodeLayout, ds: Pick<Dataset, 'entities'>): void {
  const known = new Set(ds.entities.map((e) => e.id));
  const list = (ids: string[]) =>
    `${ids.slice(0, 10).map((id) => `"${id.slice(0, 100)}"`).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;
  const unknown = [...layout.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) throw badInput(`layout places ${list(unknown)}, which the export does not hold; place only the exported entities.`, 'layout');
  const missing = [...known].filter((id) => !layout.has(id));
  if (missing.length > 0) throw badInput(`layout does not place ${list(missing)}; place every exported entity, or leave layout out for a computed one.`, 'layout');
}

/** The explorer's size for an entity: larger for the entities the user opened. */
export function defaultNodeSize(centers: ReadonlySet<string>): (id: string) => number {
  return (id) => (centers.has(id) ? NODE_SIZE.center : NODE_SIZE.neighbour);
}

// ForceAtlas2 costs grow with the square of the nodes (n log n with Barnes-Hut): enough
// iterations to untangle a view of a hundred entities, fewer on larger graphs so that one
// export stays near a second on a small machine. Gephi users lay large graphs out again anyway.
function layoutEffort(order: number): { iterations: number; barnesHutOptimize: boolean } {
  if (order <= 150) return { iterations: 300, barnesHutOptimize: false };
  if (order <= 500) return { iterations: 60, barnesHutOptimize: false };
  if (order <= 2_000) return { iterations: 30, barnesHutOptimize: true };
  return { iterations: 10, barnesHutOptimize: true };
}

/**
 * ForceAtlas2 from entities on a circle in id order: deterministic, as FA2 itself has no
 * randomness. Several claims between two entities pull as one.
 */
export function fallbackLayout(ds: Pick<Dataset, 'entities' | 'claims'>, centers: ReadonlySet<string> = new Set()): Map<string, Placement> {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const ids = ds.entities.map((e) => e.id).sort();
  const radius = 10 * Math.sqrt(ids.length);
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / ids.length;
    graph.addNode(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  for (const claim of ds.claims) {
    if (claim.from !== claim.to && graph.hasNode(claim.from) && graph.hasNode(claim.to)) graph.mergeEdge(claim.from, claim.to);
  }
  if (graph.order > 1) {
    const { iterations, barnesHutOptimize } = layoutEffort(graph.order);
    forceAtlas2.assign(graph, { iterations, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize } });
  }
  const size = defaultNodeSize(centers);
  return new Map(graph.mapNodes((id, a) => [id, { x: a.x as number, y: a.y as number, size: size(id) }] as const));
}

/** Every exported entity's placement: the client's layout (checked with checkLayoutMatches), else the fallback. */
export function placeNodes(ds: Pick<Dataset, 'entities' | 'claims'>, layout?: NodeLayout, centers: ReadonlySet<string> = new Set()): Map<string, Placement> {
  if (!layout) return fallbackLayout(ds, centers);
  checkLayoutMatches(layout, ds);
  return new Map(ds.entities.map((e) => [e.id, layout.get(e.id)!]));
}

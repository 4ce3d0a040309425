// What a picture takes from the graph: every node and claim as the screen styles it (highlights
// and scenario marks included), in graph coordinates, and which entity types and claim
// statuses are drawn in their own colours, for the picture's legend.
import type { AbstractGraph } from 'graphology-types';
import type { ClaimStatus, EntityType } from '../../api/domain/model.ts';
import { TYPE_COLORS, STATUS_STYLES } from './appearance.ts';
import { styleEdge, styleNode, type Highlights } from './graphStyle.ts';
import type { Drawn } from './legendEntries.ts';
import type { PictureEdge, PictureNode } from './pictureLayout.ts';

export interface GraphShapes extends Drawn {
  nodes: PictureNode[];
  edges: PictureEdge[];
  /** The claims drawn, by id, in the order of `edges`. */
  edgeIds: string[];
}

export function graphShapes(graph: AbstractGraph, h: Highlights): GraphShapes {
  const types = new Set<EntityType>();
  const statuses = new Set<ClaimStatus>();
  let faded = false;
  const nodes = graph.mapNodes((id, a): PictureNode => {
    const look = styleNode(id, { color: a.color as string, label: a.label as string }, h);
    const type = a.entityType as EntityType;
    const greyed = look.color !== TYPE_COLORS[type];
    if (greyed) faded = true;
    else types.add(type);
    // A picture keeps every name, greyed ones too: a reader cannot hover to find out.
    return { id, x: a.x as number, y: a.y as number, size: a.size as number, color: look.color as string, label: a.label as string, faded: greyed };
  });
  const edges = graph.mapEdges((id, a, from, to): PictureEdge => {
    const look = styleEdge(id, { color: a.color as string, size: a.size as number, dashed: Boolean(a.dashed) }, [from, to], h);
    const status = a.status as ClaimStatus;
    if (look.color === STATUS_STYLES[status]?.color) statuses.add(status);
    return { from, to, color: look.color as string, size: look.size as number, dashed: Boolean(look.dashed) };
  });
  return { nodes, edges, edgeIds: graph.edges(), types, statuses, faded };
}

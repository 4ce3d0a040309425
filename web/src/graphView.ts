// The drawing: a graphology graph rendered by Sigma, laid out by ForceAtlas2 in a web worker.
// It knows nothing of the API; the explorer hands it entities and claims to show.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { PictureEdge, PictureNode } from './svgPicture.ts';
import { DashedEdgeProgram } from './dashedEdgeProgram.ts';
import { EDGE_SIZE, NODE_SIZE, STATUS_STYLES, TYPE_COLORS, statusFromName, relationLabel, SCENARIO_STYLES } from './appearance.ts';
import type { ClaimView, EntityView } from './queries.ts';
import type { ClaimStatus, EntityType } from '../../api/domain/model.ts';

/** What a picture of the graph needs: every node and claim as drawn, and what kinds are shown. */
export interface GraphShapes {
  nodes: PictureNode[];
  edges: PictureEdge[];
  types: Set<EntityType>;
  statuses: Set<ClaimStatus>;
  /** Claims the scenario on screen ended or simulated; both empty without a scenario. */
  removed: number;
  simulated: number;
}

/** How long the layout runs after the graph changes; it settles well within this for a few hundred nodes. */
const LAYOUT_MS = 1500;

export interface GraphViewEvents {
  onSelect(id: string): void;
  onExpand(id: string): void;
  onClearSelection(): void;
}

export class GraphView {
  readonly graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
  private readonly sigma: Sigma;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  private selected: string | null = null;
  private highlighted = new Set<string>();
  /** Paths shown by the path finder: their nodes and claims stand out, the rest fades. */
  private pathNodes: Set<string> | null = null;
  private pathEdges = new Set<string>();
  /** A scenario's ended claims (greyed, dashed) and simulated ones (marked). */
  private removedEdges = new Set<string>();
  private simulatedEdges = new Set<string>();
  private readonly resizeObserver: ResizeObserver;
  /** Positions from a shared link, used for nodes as they are drawn (then forgotten). */
  private pending: Map<string, { x: number; y: number }> | null = null;
  private dragged: string | null = null;

  constructor(private readonly container: HTMLElement, events: GraphViewEvents) {
    this.sigma = new Sigma(this.graph, container, {
      defaultEdgeType: 'claim',
      edgeProgramClasses: { claim: DashedEdgeProgram },
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 6,
      zIndex: true,
      nodeReducer: (node, data) => {
        if (this.pathNodes) return this.pathNodes.has(node) ? { ...data, forceLabel: true, zIndex: 2 } : { ...data, color: '#e0e0e0', label: '', zIndex: 0 };
        if (this.selected === null) return data;
        if (node === this.selected) return { ...data, highlighted: true, zIndex: 2 };
        if (this.highlighted.has(node)) return { ...data, zIndex: 1 };
        return { ...data, color: '#d8d8d8', label: data.label, zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        if (this.removedEdges.has(edge)) return { ...data, color: SCENARIO_STYLES.removed.color, dashed: true, zIndex: 1 };
        if (this.simulatedEdges.has(edge)) return { ...data, color: SCENARIO_STYLES.simulated.color, dashed: true, size: data.size * 2, zIndex: 2 };
        if (this.pathNodes) return this.pathEdges.has(edge) ? { ...data, size: data.size * 2, zIndex: 2 } : { ...data, color: '#ececec', zIndex: 0 };
        if (this.selected === null) return data;
        const [s, t] = this.graph.extremities(edge);
        return s === this.selected || t === this.selected ? { ...data, size: data.size * 1.6 } : { ...data, color: '#e4e4e4' };
      },
    });
    this.sigma.on('clickNode', ({ node }) => events.onSelect(node));
    this.sigma.on('doubleClickNode', (e) => {
      // Sigma zooms on double-click by default; here double-click means "expand".
      e.preventSigmaDefault();
      events.onExpand(e.node);
    });
    this.sigma.on('clickStage', () => events.onClearSelection());
    // Sigma only watches the window; the side panel opening or closing resizes the container.
    this.resizeObserver = new ResizeObserver(() => this.sigma.scheduleRefresh());
    this.resizeObserver.observe(container);
    this.enableDragging();
    this.sigma.on('enterNode', () => (container.style.cursor = 'pointer'));
    this.sigma.on('leaveNode', () => (container.style.cursor = ''));
  }

  /**
   * Shows exactly these entities and claims. Nodes already on screen keep their place; new
   * ones start next to a neighbour that is already placed, so the picture grows, not jumps.
   */
  show(entities: Pick<EntityView, 'id' | 'type' | 'name'>[], claims: ClaimView[], centers: ReadonlySet<string>): void {
    this.stopLayout();
    const pending = this.pending;
    this.pending = null;
    let placedFromLink = 0;
    const wanted = new Set(entities.map((e) => e.id));
    this.graph.forEachNode((id) => {
      if (!wanted.has(id)) this.graph.dropNode(id);
    });
    const byId = new Map(entities.map((e) => [e.id, e]));
    const anchorOf = (id: string): { x: number; y: number } | null => {
      for (const c of claims) {
        const other = c.from === id ? c.to : c.to === id ? c.from : null;
        if (other && this.graph.hasNode(other)) return this.graph.getNodeAttributes(other) as { x: number; y: number };
      }
      return null;
    };
    for (const entity of entities) {
      const attributes = {
        label: entity.name,
        entityType: entity.type,
        color: TYPE_COLORS[entity.type],
        size: centers.has(entity.id) ? NODE_SIZE.center : NODE_SIZE.neighbour,
        forceLabel: centers.has(entity.id),
      };
      if (this.graph.hasNode(entity.id)) {
        this.graph.mergeNodeAttributes(entity.id, attributes);
      } else if (pending?.has(entity.id)) {
        this.graph.addNode(entity.id, { ...attributes, ...pending.get(entity.id)! });
        placedFromLink++;
      } else {
        const anchor = anchorOf(entity.id) ?? { x: 0, y: 0 };
        const angle = Math.random() * 2 * Math.PI;
        this.graph.addNode(entity.id, { ...attributes, x: anchor.x + Math.cos(angle) * 10, y: anchor.y + Math.sin(angle) * 10 });
      }
    }
    this.graph.clearEdges();
    for (const claim of claims) {
      if (!byId.has(claim.from) || !byId.has(claim.to)) continue;
      const style = STATUS_STYLES[statusFromName(claim.status)];
      this.graph.addDirectedEdgeWithKey(claim.id, claim.from, claim.to, {
        color: style.color,
        dashed: style.dashed,
        size: EDGE_SIZE,
        status: statusFromName(claim.status),
        label: relationLabel(claim.type),
      });
    }
    if (this.selected && !this.graph.hasNode(this.selected)) this.select(null);
    else this.select(this.selected);
    this.container.dataset.nodes = String(this.graph.order);
    this.container.dataset.edges = String(this.graph.size);
    // A link that placed every node reproduces its picture: no layout moves them.
    if (pending && placedFromLink === this.graph.order) {
      this.sigma.refresh();
      this.container.dataset.layout = 'settled';
    } else this.runLayout();
  }

  /** Places the nodes of the next show() here, when they are among those shown. */
  placeNext(positions: Map<string, { x: number; y: number }>): void {
    this.pending = positions.size ? positions : null;
  }

  /** Drag a node to move it; the layout stops so it stays where it is put. */
  private enableDragging(): void {
    this.sigma.on('downNode', ({ node }) => {
      this.stopLayout();
      this.dragged = node;
      this.sigma.getCamera().disable();
    });
    this.sigma.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      const at = this.sigma.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: at.x, y: at.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    this.sigma.getMouseCaptor().on('mouseup', () => {
      if (!this.dragged) return;
      this.dragged = null;
      this.sigma.getCamera().enable();
      this.moved.forEach((listener) => listener());
    });
  }

  private readonly moved: (() => void)[] = [];

  /** Called when the user has moved a node. */
  onNodeMoved(listener: () => void): void {
    this.moved.push(listener);
  }

  /** Highlights these nodes and claims (a path finder's result); null returns to normal. */
  highlightPaths(nodes: Iterable<string> | null, edges: Iterable<string> = [], marks: { removed?: Iterable<string>; simulated?: Iterable<string> } = {}): void {
    this.pathNodes = nodes ? new Set(nodes) : null;
    this.pathEdges = new Set(edges);
    this.removedEdges = new Set(marks.removed ?? []);
    this.simulatedEdges = new Set(marks.simulated ?? []);
    this.container.dataset.removedEdges = String(this.removedEdges.size);
    this.container.dataset.simulatedEdges = String(this.simulatedEdges.size);
    // Tests and assistive tools read what is highlighted from the container.
    this.container.dataset.pathNodes = String(this.pathNodes?.size ?? 0);
    this.container.dataset.pathEdges = String(this.pathEdges.size);
    this.sigma.refresh({ skipIndexation: true });
  }

  select(id: string | null): void {
    this.selected = id;
    this.highlighted = new Set(id && this.graph.hasNode(id) ? this.graph.neighbors(id) : []);
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Where a node is drawn, in pixels from the container's top left; null when not shown. */
  viewportPosition(id: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(id)) return null;
    const { x, y } = this.graph.getNodeAttributes(id) as { x: number; y: number };
    return this.sigma.graphToViewport({ x, y });
  }

  /** Where each node is drawn and how large, in graph coordinates: what an export should show. */
  placements(): { id: string; x: number; y: number; size: number }[] {
    return this.graph.mapNodes((id, a) => ({ id, x: a.x as number, y: a.y as number, size: a.size as number }));
  }

  camera(): CameraState {
    return this.sigma.getCamera().getState();
  }

  setCamera(state: CameraState): void {
    this.sigma.getCamera().setState(state);
  }

  onCameraChange(listener: () => void): void {
    this.sigma.getCamera().on('updated', listener);
  }

  /** Every node and claim as styled now (scenario marks included), in graph coordinates. */
  shapes(): GraphShapes {
    const nodes = new Map<string, PictureNode>();
    const types = new Set<EntityType>();
    this.graph.forEachNode((id, a) => {
      types.add(a.entityType as EntityType);
      nodes.set(id, { x: a.x as number, y: a.y as number, size: a.size as number, color: a.color as string, label: a.label as string });
    });
    const statuses = new Set<ClaimStatus>();
    const edges = this.graph.mapEdges((id, a, s, t) => {
      const removed = this.removedEdges.has(id);
      const simulated = this.simulatedEdges.has(id);
      if (!removed && !simulated) statuses.add(a.status as ClaimStatus);
      const mark = removed ? SCENARIO_STYLES.removed : simulated ? SCENARIO_STYLES.simulated : null;
      return {
        from: nodes.get(s)!,
        to: nodes.get(t)!,
        color: mark?.color ?? (a.color as string),
        dashed: mark ? true : Boolean(a.dashed),
        size: (a.size as number) * (simulated ? 2 : 1),
      };
    });
    return { nodes: [...nodes.values()], edges, types, statuses, removed: this.removedEdges.size, simulated: this.simulatedEdges.size };
  }

  /** Moves the camera to fit the whole graph. */
  fit(): void {
    this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  private runLayout(): void {
    if (this.graph.order < 2) {
      this.sigma.refresh();
      return;
    }
    const settings = { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 300 };
    this.layout = new FA2Layout(this.graph, { settings });
    this.layout.start();
    this.container.dataset.layout = 'running';
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), LAYOUT_MS);
  }

  private stopLayout(): void {
    window.clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
      // Draw the final positions now: clicks are picked against the last frame drawn, which
      // on a busy machine may still show the layout's earlier positions.
      this.sigma.refresh();
    }
    this.container.dataset.layout = 'settled';
  }

  kill(): void {
    this.stopLayout();
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}

// The drawing: a graphology graph rendered by Sigma, laid out by ForceAtlas2 in a web worker.
// It knows nothing of the API; the explorer hands it entities and claims to show. Nodes can be
// dragged; positions from a shared link put nodes back where the link's author saw them.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { DashedEdgeProgram } from './dashedEdgeProgram.ts';
import { EDGE_SIZE, NODE_SIZE, STATUS_STYLES, TYPE_COLORS, statusFromName, relationLabel } from './appearance.ts';
import { graphShapes, type GraphShapes } from './graphShapes.ts';
import { NO_HIGHLIGHTS, styleEdge, styleNode, type Highlights } from './graphStyle.ts';
import type { Positions } from './linkPositions.ts';
import type { ClaimView, EntityView } from './queries.ts';

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
  private highlights: Highlights = NO_HIGHLIGHTS;
  private readonly resizeObserver: ResizeObserver;
  /** Positions from a shared link: a node drawn anew goes there instead of next to a neighbour. */
  private linked: Positions = new Map();
  private dragged: string | null = null;
  /** Called when nodes have moved for good: the layout settled, or a node was dragged. */
  private readonly placedListeners: (() => void)[] = [];

  constructor(private readonly container: HTMLElement, events: GraphViewEvents) {
    this.sigma = new Sigma(this.graph, container, {
      defaultEdgeType: 'claim',
      edgeProgramClasses: { claim: DashedEdgeProgram },
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 6,
      zIndex: true,
      nodeReducer: (node, data) => styleNode(node, data, this.highlights),
      edgeReducer: (edge, data) => styleEdge(edge, data, this.graph.extremities(edge), this.highlights),
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
   * ones go where the shared link put them, or else start next to a neighbour that is already
   * placed, so the picture grows, not jumps. When the link placed every node, no layout runs.
   */
  show(entities: Pick<EntityView, 'id' | 'type' | 'name'>[], claims: ClaimView[], centers: ReadonlySet<string>): void {
    this.stopLayout();
    const wanted = new Set(entities.map((e) => e.id));
    this.graph.forEachNode((id) => {
      if (!wanted.has(id)) this.graph.dropNode(id);
    });
    const anchorOf = (id: string): { x: number; y: number } | null => {
      for (const c of claims) {
        const other = c.from === id ? c.to : c.to === id ? c.from : null;
        if (other && this.graph.hasNode(other)) return this.graph.getNodeAttributes(other) as { x: number; y: number };
      }
      return null;
    };
    let fromLink = 0;
    let toPlace = 0;
    for (const entity of entities) {
      const attributes = {
        label: entity.name,
        entityType: entity.type,
        color: TYPE_COLORS[entity.type],
        size: centers.has(entity.id) ? NODE_SIZE.center : NODE_SIZE.neighbour,
        forceLabel: centers.has(entity.id),
      };
      const linked = this.linked.get(entity.id);
      if (this.graph.hasNode(entity.id)) {
        this.graph.mergeNodeAttributes(entity.id, attributes);
      } else if (linked) {
        // Held in place while the layout places the others around it.
        this.graph.addNode(entity.id, { ...attributes, x: linked.x, y: linked.y, fixed: true });
        fromLink++;
      } else {
        const anchor = anchorOf(entity.id) ?? { x: 0, y: 0 };
        const angle = Math.random() * 2 * Math.PI;
        this.graph.addNode(entity.id, { ...attributes, x: anchor.x + Math.cos(angle) * 10, y: anchor.y + Math.sin(angle) * 10 });
        toPlace++;
      }
    }
    this.graph.clearEdges();
    for (const claim of claims) {
      if (!wanted.has(claim.from) || !wanted.has(claim.to)) continue;
      const status = statusFromName(claim.status);
      const style = STATUS_STYLES[status];
      this.graph.addDirectedEdgeWithKey(claim.id, claim.from, claim.to, {
        color: style.color,
        dashed: style.dashed,
        size: EDGE_SIZE,
        status,
        label: relationLabel(claim.type),
      });
    }
    if (this.highlights.selected && !this.graph.hasNode(this.highlights.selected)) this.select(null);
    else this.select(this.highlights.selected);
    this.container.dataset.nodes = String(this.graph.order);
    this.container.dataset.edges = String(this.graph.size);
    if (fromLink > 0 && toPlace === 0) {
      // Every node is where the link put it: that is the picture it shared.
      this.unfix();
      this.sigma.refresh();
      this.container.dataset.layout = 'settled';
    } else this.runLayout();
  }

  /** Removes every node, so the next show() places them all anew (from a link, or the layout). */
  clear(): void {
    this.stopLayout();
    this.graph.clear();
  }

  /** Nodes drawn from now on go to these positions (from a shared link), when listed. */
  placeFromLink(positions: Positions): void {
    this.linked = positions;
  }

  /** Drag a node to move it; a running layout stops so the node stays where it is put. */
  private enableDragging(): void {
    this.sigma.on('downNode', ({ node }) => {
      this.dragged = node;
      this.sigma.getCamera().disable();
    });
    this.sigma.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      if (this.layout) this.stopLayout();
      const at = this.sigma.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: at.x, y: at.y });
      this.container.dataset.moved = String(Number(this.container.dataset.moved ?? 0) + 1);
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    this.sigma.getMouseCaptor().on('mouseup', () => {
      if (!this.dragged) return;
      this.dragged = null;
      this.sigma.getCamera().enable();
      this.placed();
    });
  }

  /** Called when nodes have moved for good: the layout settled, or a node was dragged. */
  onPlaced(listener: () => void): void {
    this.placedListeners.push(listener);
  }

  private placed(): void {
    for (const listener of this.placedListeners) listener();
  }

  private unfix(): void {
    this.graph.forEachNode((id, a) => {
      if (a.fixed) this.graph.removeNodeAttribute(id, 'fixed');
    });
  }

  /** Highlights these nodes and claims (a path finder's result); null returns to normal. */
  highlightPaths(nodes: Iterable<string> | null, edges: Iterable<string> = [], marks: { removed?: Iterable<string>; simulated?: Iterable<string> } = {}): void {
    const h: Highlights = {
      ...this.highlights,
      pathNodes: nodes ? new Set(nodes) : null,
      pathEdges: new Set(edges),
      removed: new Set(marks.removed ?? []),
      simulated: new Set(marks.simulated ?? []),
    };
    this.highlights = h;
    // Tests and assistive tools read what is highlighted from the container.
    this.container.dataset.removedEdges = String(h.removed.size);
    this.container.dataset.simulatedEdges = String(h.simulated.size);
    this.container.dataset.pathNodes = String(h.pathNodes?.size ?? 0);
    this.container.dataset.pathEdges = String(h.pathEdges.size);
    this.sigma.refresh({ skipIndexation: true });
  }

  select(id: string | null): void {
    const neighbours = new Set(id && this.graph.hasNode(id) ? this.graph.neighbors(id) : []);
    this.highlights = { ...this.highlights, selected: id, neighbours };
    this.sigma.refresh({ skipIndexation: true });
  }

  /** The entity selected, if any. */
  selection(): string | null {
    return this.highlights.selected;
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

  /** Every node and claim as the screen styles it now, in graph coordinates: what a picture draws. */
  shapes(): GraphShapes {
    return graphShapes(this.graph, this.highlights);
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
      this.unfix();
      // Draw the final positions now: clicks are picked against the last frame drawn, which
      // on a busy machine may still show the layout's earlier positions.
      this.sigma.refresh();
      this.placed();
    }
    this.container.dataset.layout = 'settled';
  }

  kill(): void {
    this.stopLayout();
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}

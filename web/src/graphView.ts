// The drawing: a graphology graph rendered by Sigma, laid out by ForceAtlas2 in a web worker.
// It knows nothing of the API; the explorer hands it entities and claims to show.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import type { CameraState } from 'sigma/types';
import { svgPicture, type PictureNode } from './svgPicture.ts';
import { DashedEdgeProgram } from './dashedEdgeProgram.ts';
import { EDGE_SIZE, NODE_SIZE, STATUS_STYLES, TYPE_COLORS, statusFromName, relationLabel, SCENARIO_STYLES } from './appearance.ts';
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
  private selected: string | null = null;
  private highlighted = new Set<string>();
  /** Paths shown by the path finder: their nodes and claims stand out, the rest fades. */
  private pathNodes: Set<string> | null = null;
  private pathEdges = new Set<string>();
  /** A scenario's ended claims (greyed, dashed) and simulated ones (marked). */
  private removedEdges = new Set<string>();
  private simulatedEdges = new Set<string>();
  private readonly resizeObserver: ResizeObserver;

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
    this.sigma.on('enterNode', () => (container.style.cursor = 'pointer'));
    this.sigma.on('leaveNode', () => (container.style.cursor = ''));
  }

  /**
   * Shows exactly these entities and claims. Nodes already on screen keep their place; new
   * ones start next to a neighbour that is already placed, so the picture grows, not jumps.
   */
  show(entities: Pick<EntityView, 'id' | 'type' | 'name'>[], claims: ClaimView[], centers: ReadonlySet<string>): void {
    this.stopLayout();
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
        label: relationLabel(claim.type),
      });
    }
    if (this.selected && !this.graph.hasNode(this.selected)) this.select(null);
    else this.select(this.selected);
    this.container.dataset.nodes = String(this.graph.order);
    this.container.dataset.edges = String(this.graph.size);
    this.runLayout();
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

  /** Downloads the current view as a PNG file. */
  downloadPng(fileName: string): Promise<void> {
    return downloadAsPNG(this.sigma, { fileName, backgroundColor: '#ffffff' });
  }

  /** The current view as SVG text: what is on screen, where it is drawn. */
  svg(title: string): string {
    const { width, height } = this.sigma.getDimensions();
    const shapes = new Map<string, PictureNode>();
    this.graph.forEachNode((id, a) => {
      const at = this.viewportPosition(id)!;
      shapes.set(id, { x: at.x, y: at.y, size: (a.size as number) * 0.9, color: a.color as string, label: a.label as string });
    });
    const edges = this.graph.mapEdges((_, a, s, t) => ({
      from: shapes.get(s)!,
      to: shapes.get(t)!,
      color: a.color as string,
      dashed: Boolean(a.dashed),
      size: a.size as number,
    }));
    return svgPicture(width, height, [...shapes.values()], edges, title);
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

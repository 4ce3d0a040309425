// The explorer: search an entity, draw it with its neighbours, open facts and sources in the
// side panel, expand on double-click, and redraw when the filters change.
import { gql } from './api.ts';
import { renderDetails, renderError, renderLoading, type DetailsActions } from './details.ts';
import { NO_FILTERS, setUpFilters, type Filters } from './filters.ts';
import { GraphView } from './graphView.ts';
import { renderLegend } from './legend.ts';
import { NEIGHBORHOOD, type ClaimView, type EntityView, type NeighborhoodView } from './queries.ts';
import { setUpSearch } from './search.ts';
import { showStatus } from './statusLine.ts';
import { setUpExportMenu } from './exportMenu.ts';
import { setUpSession } from './session.ts';
import { setUpPathFinder } from './pathFinder.ts';
import { setUpScenarioPanel } from './scenarioPanel.ts';
import { setUpScreeningPanel } from './screeningPanel.ts';
import type { PathView } from './pathQueries.ts';
import { addClaimForm, correctClaimForm, retractClaimForm } from './claimForms.ts';
import { decodeViewState, encodeViewState, type ViewState } from './viewState.ts';

/** Neighbours drawn per expanded entity; the API allows up to 500. */
const NEIGHBOURS_PER_ENTITY = 200;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusLine = $('status');
const panel = $('details');
const emptyHint = $('empty-hint');

/** Entities and claims drawn besides the expanded neighbourhoods: the path finder's paths. */
interface Overlay {
  entities: Pick<EntityView, 'id' | 'type' | 'name'>[];
  claims: ClaimView[];
  focusNodes: string[];
  focusEdges: string[];
  /** A scenario draws only itself, with its ended and simulated claims marked. */
  exclusive?: boolean;
  removed?: string[];
  simulated?: string[];
}

const state = {
  overlay: null as Overlay | null,
  /** The last neighbourhoods loaded, kept to redraw with or without an overlay. */
  loaded: { entities: new Map<string, Pick<EntityView, 'id' | 'type' | 'name'>>(), claims: new Map<string, ClaimView>() },
  /** Entities whose neighbourhoods are drawn, in the order they were opened. */
  expanded: [] as string[],
  filters: { ...NO_FILTERS } as Filters,
  selected: null as string | null,
  names: new Map<string, string>(),
};

let viewRequest = 0;
let detailsRequest: AbortController | null = null;

function fetchNeighborhood(id: string, signal?: AbortSignal): Promise<NeighborhoodView> {
  const { asOf, statuses, minConfidence, includeUndated } = state.filters;
  return gql<{ neighborhood: NeighborhoodView }>(
    NEIGHBORHOOD,
    { id, depth: 1, limit: NEIGHBOURS_PER_ENTITY, asOf, statuses, minConfidence, includeUndated },
    signal,
  ).then((d) => d.neighborhood);
}

const view = new GraphView($('graph'), {
  onSelect: (id) => void select(id),
  onExpand: (id) => void expand(id),
  onClearSelection: () => closeDetails(),
});

/** Draws the loaded neighbourhoods and the overlay, if any, highlighting the overlay's focus. */
function draw(): void {
  const exclusive = state.overlay?.exclusive ?? false;
  const entities = new Map(exclusive ? [] : state.loaded.entities);
  const claims = new Map(exclusive ? [] : state.loaded.claims);
  for (const e of state.overlay?.entities ?? []) if (!entities.has(e.id)) entities.set(e.id, e);
  for (const c of state.overlay?.claims ?? []) claims.set(c.id, c);
  view.show([...entities.values()], [...claims.values()], new Set(state.expanded));
  view.highlightPaths(state.overlay ? state.overlay.focusNodes : null, state.overlay?.focusEdges ?? [], {
    removed: state.overlay?.removed,
    simulated: state.overlay?.simulated,
  });
  emptyHint.hidden = entities.size > 0;
  rememberView();
}

/** Reloads every expanded neighbourhood with the current filters and redraws. */
async function loadView(): Promise<void> {
  const request = ++viewRequest;
  if (state.expanded.length === 0) {
    state.loaded = { entities: new Map(), claims: new Map() };
    draw();
    return;
  }
  showStatus(statusLine, 'loading', 'Loading…');
  try {
    const parts = await Promise.all(state.expanded.map((id) => fetchNeighborhood(id)));
    if (request !== viewRequest) return;
    const entities = new Map<string, EntityView>();
    const claims = new Map<string, ClaimView>();
    for (const part of parts) {
      for (const e of [part.center, ...part.nodes]) entities.set(e.id, e);
      for (const c of part.edges) claims.set(c.id, c);
    }
    for (const e of entities.values()) state.names.set(e.id, e.name);
    // A merged entity resolves to its survivor: keep the survivor's id from now on.
    state.expanded = parts.map((p) => p.center.id);
    state.loaded = { entities, claims };
    draw();
    const truncated = parts.some((p) => p.truncated);
    showStatus(
      statusLine,
      'info',
      `${entities.size} entities, ${claims.size} relationships${truncated ? ` (some neighbourhoods cut at ${NEIGHBOURS_PER_ENTITY})` : ''}.`,
    );
  } catch (error) {
    if (request === viewRequest) showStatus(statusLine, 'error', `Could not load the graph: ${(error as Error).message}`);
  }
}

async function select(id: string): Promise<void> {
  state.selected = id;
  view.select(id);
  rememberView();
  detailsRequest?.abort();
  const controller = new AbortController();
  detailsRequest = controller;
  renderLoading(panel, state.names.get(id) ?? id);
  try {
    const hood = await fetchNeighborhood(id, controller.signal);
    if (controller.signal.aborted) return;
    for (const e of [hood.center, ...hood.nodes]) state.names.set(e.id, e.name);
    renderDetails(panel, hood.center, hood.edges, state.names, actions);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    renderError(panel, `Could not load ${state.names.get(id) ?? id}: ${(error as Error).message}`, actions);
  }
}

async function expand(id: string): Promise<void> {
  if (!state.expanded.includes(id)) state.expanded.push(id);
  await loadView();
}

function closeDetails(): void {
  detailsRequest?.abort();
  state.selected = null;
  view.select(null);
  rememberView();
  panel.hidden = true;
}

const actions: DetailsActions = {
  select: (id) => {
    // Opening a neighbour from the panel also brings it into the picture.
    if (!view.graph.hasNode(id)) void expand(id);
    void select(id);
  },
  expand: (id) => void expand(id),
  close: closeDetails,
  editing: null,
};

const editingActions: DetailsActions['editing'] = {
  addClaim: addClaimForm,
  correct: correctClaimForm,
  retract: retractClaimForm,
  changed: () => {
    showStatus(statusLine, 'info', 'Saved. The change is in the audit trail.');
    void loadView();
    if (state.selected) void select(state.selected);
  },
};

const pathFinder = setUpPathFinder($('paths'), {
  filters: () => state.filters,
  showPaths(paths: PathView[], focus: number | null) {
    const shown = focus === null ? paths : [paths[focus]!];
    const entities = new Map<string, Pick<EntityView, 'id' | 'type' | 'name'>>();
    const claims = new Map<string, ClaimView>();
    for (const p of paths) for (const n of p.nodes) entities.set(n.id, n);
    for (const p of paths) for (const h of p.hops) claims.set(h.claim.id, h.claim);
    state.overlay = {
      entities: [...entities.values()],
      claims: [...claims.values()],
      focusNodes: shown.flatMap((p) => p.nodes.map((n) => n.id)),
      focusEdges: shown.flatMap((p) => p.hops.map((h) => h.claim.id)),
    };
    for (const e of entities.values()) state.names.set(e.id, e.name);
    closeDetails();
    draw();
    view.fit();
  },
  clearPaths() {
    if (!state.overlay) return;
    state.overlay = null;
    draw();
  },
  report: (kind, text) => showStatus(statusLine, kind, text),
});
$('open-paths').addEventListener('click', () => pathFinder.open());

const scenarioPanel = setUpScenarioPanel($('scenario'), {
  filters: () => state.filters,
  show(drawing) {
    if (!drawing) {
      if (!state.overlay?.exclusive) return;
      state.overlay = null;
      return draw();
    }
    state.overlay = { ...drawing, exclusive: true };
    for (const e of drawing.entities) state.names.set(e.id, e.name);
    closeDetails();
    draw();
    view.fit();
  },
  report: (kind, text) => showStatus(statusLine, kind, text),
});
$('open-scenario').addEventListener('click', () => scenarioPanel.open());

const screeningPanel = setUpScreeningPanel($('screening'), {
  filters: () => state.filters,
  isEditor: () => actions.editing !== null,
  // A flag opens in the path finder, drawn in the graph; the screening keeps its results.
  openPaths(from, to, hops) {
    screeningPanel.close();
    pathFinder.open(from, to, hops);
  },
  report: (kind, text) => showStatus(statusLine, kind, text),
});
$('open-screening').addEventListener('click', () => screeningPanel.open());
// A shared scenario link: ?scenario=<saved id>.
const sharedScenario = new URLSearchParams(location.search).get('scenario');
if (sharedScenario) void scenarioPanel.openById(sharedScenario);

setUpSession($('sign-in-bar'), $('sign-in-gate'), (role) => {
  actions.editing = role === 'editor' ? editingActions : null;
  // Where reads need a token, what a shared link asked for could not load before signing in.
  if (role !== 'anonymous' && state.expanded.length > 0 && view.graph.order === 0) void loadView();
  if (state.selected) void select(state.selected);
});

setUpSearch(
  $('search-input'),
  $('search-suggestions'),
  (id) => {
    state.expanded = [id];
    void loadView().then(() => view.fit());
    void select(id);
  },
  (message) => showStatus(statusLine, 'error', `Search failed: ${message}`),
);

const writeFilters = setUpFilters($('filters'), state.filters, (filters) => {
  state.filters = filters;
  void loadView();
  if (state.selected) void select(state.selected);
  pathFinder.filtersChanged();
  rememberView();
});

renderLegend($('legend'));

/** The view as a shareable state; written into the address bar as it changes. */
function currentViewState(): ViewState {
  return { expanded: state.expanded, selected: state.selected, ...state.filters, camera: state.expanded.length ? view.camera() : null };
}

let hashTimer: number | undefined;
function rememberView(): void {
  window.clearTimeout(hashTimer);
  hashTimer = window.setTimeout(() => {
    const hash = encodeViewState(currentViewState());
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  }, 250);
}
view.onCameraChange(rememberView);

setUpExportMenu($('export'), {
  ids: () => view.graph.nodes(),
  layout: () => view.placements(),
  filters: () => state.filters,
  png: (name) => view.downloadPng(name),
  svg: () => view.svg('conflict-links: ' + state.expanded.map((id) => state.names.get(id) ?? id).join(', ')),
  link: () => `${location.origin}${location.pathname}#${encodeViewState(currentViewState())}`,
  report: (kind, text) => showStatus(statusLine, kind, text),
});

/** Restores a shared view from the address bar, if there is one. */
async function restoreFromLink(): Promise<void> {
  if (!location.hash) return;
  const { state: linked, problems } = decodeViewState(location.hash);
  state.filters = { asOf: linked.asOf, statuses: linked.statuses, minConfidence: linked.minConfidence, includeUndated: linked.includeUndated };
  writeFilters(state.filters);
  state.expanded = linked.expanded;
  await loadView();
  if (linked.camera) view.setCamera(linked.camera);
  if (linked.selected) void select(linked.selected);
  if (problems.length) showStatus(statusLine, 'error', `Parts of the link were ignored: ${problems.join('; ')}.`);
}

// A read-only handle for debugging in the console and for the browser tests, which need to
// know where a node is drawn to double-click it, and where in the graph an export should put it.
Object.assign(window, {
  conflictLinks: { nodePosition: (id: string) => view.viewportPosition(id), nodes: () => view.graph.nodes(), placements: () => view.placements() },
});
showStatus(statusLine, 'idle', '');
void restoreFromLink();

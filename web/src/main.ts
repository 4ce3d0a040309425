// The explorer: search an entity, draw it with its neighbours, open facts and sources in the
// side panel, expand on double-click, redraw when the filters change; the address bar always
// holds a link to what is drawn, and a link pasted into the tab is loaded.
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
import { decodeViewState, encodeViewState, type Camera, type ViewState } from './viewState.ts';
import { viewPicture } from './viewPicture.ts';
import { neighbourhoodTitle, pathsCaption, selectionNote } from './viewCaption.ts';

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
  /** A picture's title and notes for what the overlay shows. */
  title: string;
  notes: string[];
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
  /** The claims drawn now, by id: their sources' publishers are a picture's credit line. */
  drawnClaims: new Map<string, ClaimView>(),
  /** The saved scenario on screen: kept in the address bar as ?scenario=. */
  scenarioId: new URLSearchParams(location.search).get('scenario'),
  /** The camera of a link being restored: a scenario drawn meanwhile must not reset it. */
  linkCamera: null as Camera | null,
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
  state.drawnClaims = claims;
  showScenarioMarks(exclusive);
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
  view.placeFromLink(new Map());
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
      ...pathsCaption(paths, focus),
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
    // A shared link's camera is being restored: keep it, do not fit.
    if (!state.linkCamera) view.fit();
  },
  shown(savedId) {
    state.scenarioId = savedId;
    rememberView();
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
const sharedScenario = state.scenarioId ? scenarioPanel.openById(state.scenarioId) : Promise.resolve();

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
    view.placeFromLink(new Map());
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

const showScenarioMarks = renderLegend($('legend'));

/** The view as a shareable state: what is drawn, the filters, the camera, where nodes are. */
function currentViewState(): ViewState {
  const drawn = view.graph.order > 0;
  const positions = new Map(drawn ? view.placements().map((p) => [p.id, { x: p.x, y: p.y }]) : []);
  return { expanded: state.expanded, selected: state.selected, ...state.filters, camera: drawn ? view.camera() : null, positions };
}

/** The address of the view: this page, ?scenario= when a saved scenario is on screen, the view in the hash. */
function viewAddress(): { path: string; hash: string } {
  const search = new URLSearchParams(location.search);
  if (state.scenarioId) search.set('scenario', state.scenarioId);
  else search.delete('scenario');
  const query = search.toString();
  return { path: `${location.pathname}${query ? `?${query}` : ''}`, hash: encodeViewState(currentViewState()) };
}

let hashTimer: number | undefined;
/** Keeps the address bar a link to what is drawn (without adding to the history). */
function rememberView(): void {
  window.clearTimeout(hashTimer);
  hashTimer = window.setTimeout(() => {
    const { path, hash } = viewAddress();
    history.replaceState(null, '', hash ? `${path}#${hash}` : path);
  }, 250);
}
view.onCameraChange(rememberView);
view.onPlaced(rememberView);

setUpExportMenu($('export'), {
  ids: () => view.graph.nodes(),
  layout: () => view.placements(),
  filters: () => state.filters,
  picture: () => {
    const named = state.expanded.map((id) => state.names.get(id) ?? id);
    const selected = state.selected && !state.overlay ? [selectionNote(state.names.get(state.selected) ?? state.selected)] : [];
    return viewPicture(view.shapes(), {
      title: state.overlay?.title ?? neighbourhoodTitle(named),
      notes: [...(state.overlay?.notes ?? []), ...selected],
      filters: state.filters,
      claims: state.drawnClaims,
      scenarioShown: state.overlay?.exclusive ?? false,
      now: new Date(),
    });
  },
  link: () => {
    const { path, hash } = viewAddress();
    const placed = /(^|&)p=/.test(hash);
    const note = placed ? 'it restores these entities, filters, camera and node positions.' : 'it restores these entities, filters and camera; the layout places the nodes anew (too many to list).';
    return { url: `${location.origin}${path}${hash ? `#${hash}` : ''}`, note };
  },
  report: (kind, text) => showStatus(statusLine, kind, text),
});

/**
 * Loads the view a link describes, on opening the page or when a link is pasted into this
 * tab: the entities, filters, selection, camera and node positions. What cannot be used
 * (malformed, or positions of entities no longer drawn) is left out and said.
 */
async function restoreFromLink(): Promise<void> {
  if (!location.hash) return;
  const { state: linked, problems } = decodeViewState(location.hash);
  state.filters = { asOf: linked.asOf, statuses: linked.statuses, minConfidence: linked.minConfidence, includeUndated: linked.includeUndated };
  writeFilters(state.filters);
  state.expanded = linked.expanded;
  state.selected = null;
  state.linkCamera = linked.camera;
  // A link replaces what was drawn: paths found before, and every node's place.
  if (state.overlay && !state.overlay.exclusive) pathFinder.close();
  view.clear();
  view.placeFromLink(linked.positions);
  await Promise.all([loadView(), sharedScenario]);
  state.linkCamera = null;
  if (linked.camera) view.setCamera(linked.camera);
  if (linked.selected) void select(linked.selected);
  const unused = [...linked.positions.keys()].filter((id) => !view.graph.hasNode(id)).length;
  if (unused) problems.push(`${unused} node position${unused === 1 ? ' is' : 's are'} for entities not in the graph any more`);
  const unplaced = linked.positions.size ? view.graph.nodes().filter((id) => !linked.positions.has(id)).length : 0;
  if (problems.length) showStatus(statusLine, 'error', `Parts of the link were ignored: ${problems.join('; ')}.`);
  else if (unplaced) showStatus(statusLine, 'info', `${unplaced} ${unplaced === 1 ? 'entity is' : 'entities are'} new since the link was made; the layout placed ${unplaced === 1 ? 'it' : 'them'}.`);
}
// A link pasted into the address bar of this tab changes only the hash: no reload, so load it.
window.addEventListener('hashchange', () => void restoreFromLink());

// A read-only handle for debugging in the console and for the browser tests, which need to
// know where a node is drawn to double-click it, and where in the graph an export should put it.
Object.assign(window, {
  conflictLinks: {
    nodePosition: (id: string) => view.viewportPosition(id),
    nodes: () => view.graph.nodes(),
    claims: () => view.graph.edges(),
    placements: () => view.placements(),
    camera: () => view.camera(),
  },
});
showStatus(statusLine, 'idle', '');
void restoreFromLink();

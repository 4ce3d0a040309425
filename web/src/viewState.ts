// The shareable link: what is drawn (expanded entities), what is selected, the filters, the
// camera and where each node is drawn, in the URL's hash. Pure, so it is unit-tested; decoding never trusts the link:
// every part is checked and a bad part is dropped with a message saying which.
import { CLAIM_STATUSES, isValidId } from '../../api/domain/model.ts';
import { decodePositions, encodePositions, type Positions } from './linkPositions.ts';
import type { StatusName } from './queries.ts';

export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  expanded: string[];
  selected: string | null;
  asOf: string | null;
  statuses: StatusName[] | null;
  minConfidence: number | null;
  includeUndated: boolean;
  camera: Camera | null;
  /** Where nodes are drawn, in graph coordinates; empty: the layout places them. */
  positions: Positions;
}

export const EMPTY_VIEW: Readonly<ViewState> = {
  expanded: [], selected: null, asOf: null, statuses: null, minConfidence: null, includeUndated: true, camera: null, positions: new Map(),
};

/** At most this many expanded entities in a link: keeps links (and the reload) bounded. */
export const MAX_LINKED_ENTITIES = 50;

const STATUS_NAMES = new Set(CLAIM_STATUSES.map((s) => s.toUpperCase().replace(/-/g, '_')));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const round = (n: number) => Number(n.toFixed(4));

export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.expanded.length) params.set('e', state.expanded.join(','));
  if (state.selected) params.set('s', state.selected);
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.statuses) params.set('st', state.statuses.join(','));
  if (state.minConfidence !== null) params.set('mc', String(state.minConfidence));
  // Undated claims show unless the link says u=0: older links keep their meaning.
  if (!state.includeUndated) params.set('u', '0');
  if (state.camera) {
    const c = state.camera;
    params.set('cam', [c.x, c.y, c.ratio, c.angle].map(round).join(','));
  }
  const positions = encodePositions(state.positions);
  if (positions) params.set('p', positions);
  // Ids, numbers and dates hold no "," or ":", so those separators can stay as they are:
  // the link stays short and readable.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

export function decodeViewState(hash: string): { state: ViewState; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const state: ViewState = { ...EMPTY_VIEW, expanded: [], positions: new Map() };

  const ids = (params.get('e') ?? '').split(',').filter(Boolean);
  const badIds = ids.filter((id) => !isValidId(id));
  if (badIds.length) problems.push(`ignored entity ids that are not valid: ${badIds.slice(0, 5).join(', ')}`);
  state.expanded = [...new Set(ids.filter(isValidId))];
  if (state.expanded.length > MAX_LINKED_ENTITIES) {
    problems.push(`the link names ${state.expanded.length} entities; only the first ${MAX_LINKED_ENTITIES} are drawn`);
    state.expanded = state.expanded.slice(0, MAX_LINKED_ENTITIES);
  }

  const selected = params.get('s');
  if (selected !== null) {
    if (isValidId(selected)) state.selected = selected;
    else problems.push('ignored the selected entity: not a valid id');
  }

  const asOf = params.get('asOf');
  if (asOf !== null) {
    if (DATE.test(asOf) && !Number.isNaN(Date.parse(asOf))) state.asOf = asOf;
    else problems.push(`ignored the date "${asOf}": expected YYYY-MM-DD`);
  }

  const statuses = params.get('st');
  if (statuses !== null) {
    const list = statuses.split(',').filter(Boolean);
    const unknown = list.filter((s) => !STATUS_NAMES.has(s));
    if (unknown.length) problems.push(`ignored unknown statuses: ${unknown.join(', ')}`);
    state.statuses = list.filter((s) => STATUS_NAMES.has(s)) as StatusName[];
  }

  const mc = params.get('mc');
  if (mc !== null) {
    const value = Number(mc);
    if (mc.trim() !== '' && value >= 0 && value <= 1) state.minConfidence = value;
    else problems.push(`ignored the minimum confidence "${mc}": expected a number from 0 to 1`);
  }

  const undated = params.get('u');
  if (undated !== null) {
    if (undated === '0' || undated === '1') state.includeUndated = undated === '1';
    else problems.push(`ignored "u=${undated}": expected 0 (leave out undated claims) or 1`);
  }

  const cam = params.get('cam');
  if (cam !== null) {
    const parts = cam.split(',').map(Number);
    const [x, y, ratio, angle] = parts;
    if (parts.length === 4 && parts.every(Number.isFinite) && ratio! > 0) state.camera = { x: x!, y: y!, ratio: ratio!, angle: angle! };
    else problems.push('ignored the camera position: expected four numbers');
  }

  const positions = params.get('p');
  if (positions !== null) {
    const decoded = decodePositions(positions);
    state.positions = decoded.positions;
    if (decoded.ignored) problems.push(`ignored ${decoded.ignored} node position${decoded.ignored === 1 ? '' : 's'} that could not be read (each is id:x:y)`);
  }
  return { state, problems };
}

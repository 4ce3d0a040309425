// How the graph looks, said once for the explorer and the exports (GEXF, GraphML): one colour
// per entity type, one style per claim status, the sizes nodes and edges are drawn at. Both
// maps are typed by the model, so adding a type or status fails the build until it has a look.
import type { ClaimStatus, EntityType } from './model.ts';

export const TYPE_COLORS: Record<EntityType, string> = {
  Company: '#1f77b4',
  Investor: '#17becf',
  Person: '#8c564b',
  Government: '#9467bd',
  StateBody: '#b07cc6',
  ArmedGroup: '#7f3b08',
  Infrastructure: '#2ca02c',
  Contract: '#bcbd22',
  Abuse: '#d62728',
  Conflict: '#e7298a',
  Country: '#7f7f7f',
  Population: '#ff7f0e',
};

export interface StatusStyle {
  label: string;
  color: string;
  /** Drawn dashed: the claim is contested or not established. */
  dashed: boolean;
}

export const STATUS_STYLES: Record<ClaimStatus, StatusStyle> = {
  adjudicated: { label: 'Adjudicated by a court', color: '#111111', dashed: false },
  sanctioned: { label: 'Sanctioned', color: '#5b2a86', dashed: false },
  'company-confirmed': { label: 'Confirmed by the company', color: '#333333', dashed: false },
  'officially-listed': { label: 'Listed by an official body', color: '#1b5e83', dashed: false },
  reported: { label: 'Reported', color: '#666666', dashed: false },
  alleged: { label: 'Alleged', color: '#c0392b', dashed: true },
  denied: { label: 'Denied', color: '#aaaaaa', dashed: true },
};

/** Node sizes: an entity the user opened (a centre of the view) stands out from its neighbours. */
export const NODE_SIZE = { center: 12, neighbour: 7 } as const;

/** The width every claim is drawn at. */
export const EDGE_SIZE = 2;

/** "#1f77b4" -> { r: 31, g: 119, b: 180 }. */
export function rgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`"${hex}" is not a #rrggbb colour`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
}

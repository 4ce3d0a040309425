// Severity of a holding and the portfolio summary: pure functions over screened holdings.
// A holding's severity is its best complicity score (the same scoring as complicityPaths), so
// a flag always traces back to one explainable path.

/** Levels by best path score; the thresholds are the scores of typical paths in the seed data. */
export const SEVERITY_LEVELS = [
  { level: 'high', min: 0.3 },
  { level: 'medium', min: 0.1 },
  { level: 'low', min: Number.MIN_VALUE },
] as const;

export type SeverityLevel = 'high' | 'medium' | 'low' | 'none';

export function severityLevel(score: number): SeverityLevel {
  return SEVERITY_LEVELS.find((l) => score >= l.min)?.level ?? 'none';
}

export interface HarmReach {
  id: string;
  type: 'Abuse' | 'Conflict';
  name: string;
  category: string | null;
  score: number;
}

export interface ScreenedCore {
  weight: number | null;
  value: number | null;
  /** Harms the holding reaches; empty when not matched or not exposed. */
  harms: HarmReach[];
  /** Matched, but its exposure was too large to work out within the bounds: unknown, not none. */
  unscreened?: boolean;
}

export interface Share {
  key: string;
  name: string;
  /** Share of the portfolio's weight, 0..1. */
  weightShare: number;
  holdings: number;
}

export interface PortfolioSummary {
  holdings: number;
  exposed: number;
  /** How the weights were taken: the weight column, the value column, or equal weights. */
  weighting: 'weight' | 'value' | 'equal';
  exposedWeightShare: number;
  /** Matched holdings whose exposure is unknown (past the bounds), and their share of the weight. */
  unscreened: number;
  unscreenedWeightShare: number;
  byConflict: Share[];
  byCategory: Share[];
}

/** Each holding's weight: the weight column if every holding has one, else values, else equal. */
export function holdingWeights(holdings: readonly ScreenedCore[]): { weights: number[]; weighting: PortfolioSummary['weighting'] } {
  if (holdings.length > 0 && holdings.every((h) => h.weight !== null)) return { weights: holdings.map((h) => h.weight!), weighting: 'weight' };
  if (holdings.length > 0 && holdings.every((h) => h.value !== null)) return { weights: holdings.map((h) => h.value!), weighting: 'value' };
  return { weights: holdings.map(() => 1), weighting: 'equal' };
}

export function portfolioSummary(holdings: readonly ScreenedCore[]): PortfolioSummary {
  const { weights, weighting } = holdingWeights(holdings);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const conflicts = new Map<string, Share>();
  const categories = new Map<string, Share>();
  let exposedWeight = 0;
  let exposed = 0;
  let unscreenedWeight = 0;
  let unscreened = 0;
  holdings.forEach((h, i) => {
    if (h.unscreened) {
      unscreened++;
      unscreenedWeight += weights[i]!;
    }
    if (h.harms.length === 0) return;
    exposed++;
    exposedWeight += weights[i]!;
    const add = (map: Map<string, Share>, key: string, name: string) => {
      const s = map.get(key) ?? { key, name, weightShare: 0, holdings: 0 };
      s.weightShare += weights[i]! / total;
      s.holdings++;
      map.set(key, s);
    };
    for (const c of new Map(h.harms.filter((x) => x.type === 'Conflict').map((x) => [x.id, x])).values()) add(conflicts, c.id, c.name);
    for (const cat of new Set(h.harms.flatMap((x) => (x.type === 'Abuse' && x.category ? [x.category] : [])))) add(categories, cat, cat.replace(/-/g, ' '));
  });
  const sorted = (map: Map<string, Share>) => [...map.values()].sort((a, b) => b.weightShare - a.weightShare || a.key.localeCompare(b.key));
  return {
    holdings: holdings.length,
    exposed,
    weighting,
    exposedWeightShare: exposedWeight / total,
    unscreened,
    unscreenedWeightShare: unscreenedWeight / total,
    byConflict: sorted(conflicts),
    byCategory: sorted(categories),
  };
}

// Severity of a holding and the portfolio summary: pure functions over screened holdings.
// A holding's severity is its best complicity score (the same scoring as complicityPaths), so
// a flag always traces back to one explainable path.
import type { MatchStatus } from './matching.ts';
import { partOf, weightShares, type PortfolioPart, type Weighting } from './weightShares.ts';

export { holdingWeights } from './weightShares.ts';

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
  /** How it was matched (matching.ts); holdings without it count as matched. */
  match?: MatchStatus;
}

export interface Share {
  key: string;
  name: string;
  /** Share of the portfolio's weight (of the file), 0..1. */
  weightShare: number;
  /** Share of the whole portfolio, when the weight column says it; null otherwise. */
  shareOfWhole: number | null;
  holdings: number;
}

/** Holdings by what the screening could say of them, each part with its weight. */
export interface PortfolioParts {
  exposed: PortfolioPart;
  /** Not matched to any entity, or rejected by a person: not screened. */
  unmatched: PortfolioPart;
  /** Ambiguous or weak matches waiting for a person: not screened. */
  toReview: PortfolioPart;
  /** Matched, exposure unknown (past the search bounds). */
  unscreened: PortfolioPart;
}

export interface PortfolioSummary {
  holdings: number;
  exposed: number;
  /** How the weights were taken: the weight column, the value column, or equal weights. */
  weighting: Weighting;
  exposedWeightShare: number;
  /** Matched holdings whose exposure is unknown (past the bounds), and their share of the weight. */
  unscreened: number;
  unscreenedWeightShare: number;
  /** What the file's weights add up to as a share of the whole portfolio (1 = 100 %); null unless weighted by the weight column. */
  fileShareOfWhole: number | null;
  parts: PortfolioParts;
  byConflict: Share[];
  byCategory: Share[];
}

export function portfolioSummary(holdings: readonly ScreenedCore[]): PortfolioSummary {
  const shares = weightShares(holdings);
  const conflicts = new Map<string, Share>();
  const categories = new Map<string, Share>();
  const where = (test: (h: ScreenedCore) => boolean) => holdings.flatMap((h, i) => (test(h) ? [i] : []));
  holdings.forEach((h, i) => {
    if (h.harms.length === 0) return;
    const add = (map: Map<string, Share>, key: string, name: string) => {
      const s = map.get(key) ?? { key, name, weightShare: 0, shareOfWhole: shares.ofWhole ? 0 : null, holdings: 0 };
      s.weightShare += shares.ofFile[i]!;
      if (s.shareOfWhole !== null) s.shareOfWhole += shares.ofWhole![i]!;
      s.holdings++;
      map.set(key, s);
    };
    for (const c of new Map(h.harms.filter((x) => x.type === 'Conflict').map((x) => [x.id, x])).values()) add(conflicts, c.id, c.name);
    for (const cat of new Set(h.harms.flatMap((x) => (x.type === 'Abuse' && x.category ? [x.category] : [])))) add(categories, cat, cat.replace(/-/g, ' '));
  });
  const sorted = (map: Map<string, Share>) => [...map.values()].sort((a, b) => b.weightShare - a.weightShare || a.key.localeCompare(b.key));
  const parts: PortfolioParts = {
    exposed: partOf(shares, where((h) => h.harms.length > 0)),
    unmatched: partOf(shares, where((h) => h.match === 'unmatched' || h.match === 'rejected')),
    toReview: partOf(shares, where((h) => h.match === 'ambiguous' || h.match === 'weak')),
    unscreened: partOf(shares, where((h) => h.unscreened === true)),
  };
  return {
    holdings: holdings.length,
    exposed: parts.exposed.holdings,
    weighting: shares.weighting,
    exposedWeightShare: parts.exposed.shareOfFile,
    unscreened: parts.unscreened.holdings,
    unscreenedWeightShare: parts.unscreened.shareOfFile,
    fileShareOfWhole: shares.fileOfWhole,
    parts,
    byConflict: sorted(conflicts),
    byCategory: sorted(categories),
  };
}

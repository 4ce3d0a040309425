// What each holding weighs: its share of the file, and of the whole portfolio when the weight
// column says it. A file often lists part of a fund (its weights add up to 60 %, say): then a
// share of the file (what the summary has always given) overstates what the exposed holdings
// are of the fund, so both are shown, with a note. Pure.

export type Weighting = 'weight' | 'value' | 'equal';

interface Weighed {
  weight: number | null;
  value: number | null;
}

/** Each holding's weight: the weight column if every holding has one, else values, else equal. */
export function holdingWeights<H extends Weighed>(holdings: readonly H[]): { weights: number[]; weighting: Weighting } {
  if (holdings.length > 0 && holdings.every((h) => h.weight !== null)) return { weights: holdings.map((h) => h.weight!), weighting: 'weight' };
  if (holdings.length > 0 && holdings.every((h) => h.value !== null)) return { weights: holdings.map((h) => h.value!), weighting: 'value' };
  return { weights: holdings.map(() => 1), weighting: 'equal' };
}

export interface WeightShares {
  weighting: Weighting;
  /** Each holding's share of the file, 0..1. */
  ofFile: number[];
  /** Each holding's share of the whole portfolio, 0..1; null unless weighted by the weight column. */
  ofWhole: number[] | null;
  /** What the file's weights add up to as a share of the whole portfolio (1 = 100 %); null unless weighted by the weight column. */
  fileOfWhole: number | null;
  /** How the weight column was read: percentage points ("30" is 30 %) or parts of 1 ("0.3", or "30%" as written). */
  scale: 'percent' | 'fraction' | null;
}

/** Weights adding up to at most this are read as parts of 1 (0.3 + 0.2 …); above, as percentage points. */
const FRACTION_TOTAL = 1.005;
/** Weights within this of the whole (0.05 percentage points) add up to 100 %: rounding in the file. */
const WHOLE_TOLERANCE = 0.0005;

export function weightShares(holdings: readonly Weighed[]): WeightShares {
  const { weights, weighting } = holdingWeights(holdings);
  const total = weights.reduce((a, b) => a + b, 0);
  const ofFile = weights.map((w) => (total > 0 ? w / total : 0));
  if (weighting !== 'weight') return { weighting, ofFile, ofWhole: null, fileOfWhole: null, scale: null };
  const scale = total <= FRACTION_TOTAL ? 'fraction' : 'percent';
  const whole = scale === 'fraction' ? 1 : 100;
  return { weighting, ofFile, ofWhole: weights.map((w) => w / whole), fileOfWhole: total / whole, scale };
}

/** True when the file's weights add up to the whole portfolio (or it is not weighted by a weight column). */
export function addsUpToWhole(fileOfWhole: number | null): boolean {
  return fileOfWhole === null || Math.abs(fileOfWhole - 1) <= WHOLE_TOLERANCE;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A sentence for the summary when the weights do not add up to 100 %; null when they do. */
export function weightNote(w: Pick<WeightShares, 'fileOfWhole' | 'scale'>): string | null {
  if (addsUpToWhole(w.fileOfWhole)) return null;
  const read = w.scale === 'fraction' ? 'read as parts of 1' : 'read as percentages';
  return `the weights add up to ${pct(w.fileOfWhole!)} of the portfolio (${read}), not 100%: each share is given of the file and, in brackets, of the whole portfolio`;
}

/** Some holdings of the portfolio: how many, and their share of the file and of the whole. */
export interface PortfolioPart {
  holdings: number;
  shareOfFile: number;
  shareOfWhole: number | null;
}

/** The share of the file of some holdings, and of the whole when known. */
export function partOf(w: WeightShares, indexes: readonly number[]): PortfolioPart {
  const sum = (list: readonly number[]) => indexes.reduce((s, i) => s + list[i]!, 0);
  return { holdings: indexes.length, shareOfFile: sum(w.ofFile), shareOfWhole: w.ofWhole ? sum(w.ofWhole) : null };
}

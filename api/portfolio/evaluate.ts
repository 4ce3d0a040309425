// Matching quality on a labelled list: precision and recall of automatic matches, and how often
// the right entity is at least offered for confirmation. Pure; used by a unit test and by
// `npm run eval:matching`.
import type { Holding } from './holdings.ts';
import { matchHolding, type MatchIndex } from './matching.ts';

export interface Labelled {
  name: string;
  /** The entity it should match, or null when it should match nothing. */
  expected: string | null;
}

export interface MatchingQuality {
  total: number;
  autoMatched: number;
  autoCorrect: number;
  /** Correct automatic matches / automatic matches. */
  precision: number;
  /** Correct automatic matches / labelled rows that have an entity. */
  recall: number;
  /** Rows with an entity where it is matched or offered for confirmation. */
  recallWithReview: number;
  /** Rows without an entity that were matched automatically: the costly mistakes. */
  falseMatches: { name: string; matched: string }[];
  missed: { name: string; expected: string; status: string }[];
}

export function evaluateMatching(rows: readonly Labelled[], index: MatchIndex): MatchingQuality {
  let autoMatched = 0;
  let autoCorrect = 0;
  let reviewable = 0;
  const falseMatches: MatchingQuality['falseMatches'] = [];
  const missed: MatchingQuality['missed'] = [];
  const positives = rows.filter((r) => r.expected !== null).length;
  rows.forEach((row, i) => {
    const holding: Holding = { line: i + 2, name: row.name, isin: null, ticker: null, lei: null, weight: null, value: null };
    const result = matchHolding(holding, index);
    if (result.status === 'matched') {
      autoMatched++;
      if (result.entityId === row.expected) autoCorrect++;
      else falseMatches.push({ name: row.name, matched: result.entityId! });
    }
    if (row.expected !== null) {
      const offered = result.options.some((o) => o.entityId === row.expected);
      if ((result.status === 'matched' && result.entityId === row.expected) || (result.status !== 'matched' && offered)) reviewable++;
      if (!(result.status === 'matched' && result.entityId === row.expected)) missed.push({ name: row.name, expected: row.expected, status: result.status });
    }
  });
  return {
    total: rows.length,
    autoMatched,
    autoCorrect,
    precision: autoMatched ? autoCorrect / autoMatched : 1,
    recall: positives ? autoCorrect / positives : 1,
    recallWithReview: positives ? reviewable / positives : 1,
    falseMatches,
    missed,
  };
}

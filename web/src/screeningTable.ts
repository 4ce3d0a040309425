// The results table's logic, apart from its view: which holdings pass the filters and in what
// order. Pure functions over the screening as the API returns it.
import type { HoldingView, MatchStatus } from './screeningQueries.ts';

export type SortKey = 'line' | 'holding' | 'match' | 'weight' | 'severity' | 'flags' | 'evidence';

export interface TableFilter {
  /** Words to find in the holding's name or identifiers, its entity, or the harms it reaches. */
  text: string;
  /** '' for any; a severity level, or UNKNOWN for exposure past the search bounds. */
  level: '' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | 'UNKNOWN';
  /** '' for any; REVIEW for ambiguous or weak matches; else one status. */
  match: '' | 'REVIEW' | MatchStatus;
  /** '' for any; a harm (abuse or conflict) id the holding must reach. */
  harm: string;
}

export const NO_FILTER: TableFilter = { text: '', level: '', match: '', harm: '' };

export const needsReview = (h: HoldingView) => h.match.status === 'AMBIGUOUS' || h.match.status === 'WEAK';

/** What a holding shows as its level: NONE when screened without a flag, UNKNOWN past the bounds, null when not screened. */
export function levelOf(h: HoldingView): TableFilter['level'] | null {
  if (h.unscreened) return 'UNKNOWN';
  if (!h.exposure) return null;
  return h.exposure.harms.length ? h.exposure.level : 'NONE';
}

export function filterHoldings(rows: readonly HoldingView[], filter: TableFilter): HoldingView[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((h) => {
    if (filter.level && levelOf(h) !== filter.level) return false;
    if (filter.match === 'REVIEW' ? !needsReview(h) : filter.match && h.match.status !== filter.match) return false;
    if (filter.harm && !h.exposure?.harms.some((x) => x.harm.id === filter.harm)) return false;
    if (words.length === 0) return true;
    const text = [h.holding.name, h.holding.isin, h.holding.ticker, h.holding.lei, h.match.entity?.name, ...(h.exposure?.harms.map((x) => x.harm.name) ?? [])]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

const MATCH_ORDER: MatchStatus[] = ['AMBIGUOUS', 'WEAK', 'UNMATCHED', 'REJECTED', 'CONFIRMED', 'MATCHED'];

function key(h: HoldingView, by: SortKey): number | string {
  switch (by) {
    case 'line':
      return h.holding.line;
    case 'holding':
      return (h.holding.name ?? h.match.entity?.name ?? '').toLowerCase();
    case 'match':
      return MATCH_ORDER.indexOf(h.match.status);
    case 'weight':
      return h.holding.weight ?? h.holding.value ?? -1;
    case 'severity':
      return h.exposure?.severity ?? -1;
    case 'flags':
      return h.exposure?.harmCount ?? -1;
    case 'evidence':
      return h.exposure?.evidenceCount ?? -1;
  }
}

/** Sorted by one column, ties by line; `descending` for the highest first. */
export function sortHoldings(rows: readonly HoldingView[], by: SortKey, descending: boolean): HoldingView[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a, by);
    const y = key(b, by);
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return c !== 0 ? sign * c : a.holding.line - b.holding.line;
  });
}

// The words a picture carries so it stands as evidence on its own: which filters made it,
// when it was exported, whose reporting it rests on. Pure, so it is unit-tested.
import { CLAIM_STATUSES } from '../../api/domain/model.ts';
import { STATUS_STYLES, statusFromName } from './appearance.ts';
import type { Filters } from './filters.ts';

/** How many publishers the credit line names before "and N more". */
const MAX_CREDITED = 15;

/** The filters in force as one sentence, in the filter panel's words. */
export function filterWords(f: Filters): string {
  const time = f.asOf ? `as of end of ${f.asOf.slice(0, 4)}` : 'any time';
  const undated = f.includeUndated ? 'undated claims included' : 'undated claims left out';
  const statuses =
    f.statuses === null || f.statuses.length === CLAIM_STATUSES.length
      ? 'all statuses'
      : f.statuses.length === 0
        ? 'no statuses'
        : `statuses: ${f.statuses.map((s) => STATUS_STYLES[statusFromName(s)].label).join(', ')}`;
  const confidence = f.minConfidence ? `minimum confidence ${f.minConfidence.toFixed(2)}` : 'any confidence';
  return `Filters: time ${time}; ${undated}; ${statuses}; ${confidence}.`;
}

/** "Exported 4 December 2026": a date a reader reads, not an ISO code. */
export function exportDate(when: Date): string {
  return `Exported ${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

/** Names each publisher once, in alphabetical order, bounded so the line stays a line. */
export function creditLine(publishers: Iterable<string>): string {
  const names = [...new Set([...publishers].map((p) => p.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return 'Sources: none of the claims shown cite a source.';
  const named = names.slice(0, MAX_CREDITED).join(', ');
  const more = names.length > MAX_CREDITED ? ` and ${names.length - MAX_CREDITED} more` : '';
  return `Sources: ${named}${more}.`;
}

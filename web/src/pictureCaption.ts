// The words a picture carries so it stands as evidence on its own: which filters made it,
// when it was exported, whose reporting it rests on. Pure, so it is unit-tested.
import { CLAIM_STATUSES } from '../../api/domain/model.ts';
import { dateWords, readableNumber, statusWords } from '../../api/domain/words.ts';
import type { Filters } from './filters.ts';

/** How many publishers the credit line names before "and N more". */
const MAX_CREDITED = 30;

/** The filters in force as one sentence, in words: no enum names, no bare ISO dates. */
export function filterWords(f: Filters): string {
  const time = !f.asOf ? 'claims of any time' : f.asOf.endsWith('-12-31') ? `claims as of the end of ${f.asOf.slice(0, 4)}` : `claims as of ${dateWords(f.asOf)}`;
  const undated = f.includeUndated ? 'undated claims included' : 'undated claims left out';
  return `Filters: ${time}, ${undated}; ${statusFilterWords(f.statuses)}; ${confidenceWords(f)}.`;
}

/** The statuses kept, said the short way round: "every status but denied" rather than six names. */
function statusFilterWords(statuses: Filters['statuses']): string {
  if (statuses === null || statuses.length === CLAIM_STATUSES.length) return 'every status';
  if (statuses.length === 0) return 'no status';
  const kept = new Set(statuses.map(statusWords));
  const left = CLAIM_STATUSES.map(statusWords).filter((w) => !kept.has(w));
  return left.length < kept.size ? `every status but ${left.join(', ')}` : `only ${[...kept].join(', ')}`;
}

function confidenceWords(f: Filters): string {
  return f.minConfidence ? `confidence at least ${readableNumber(f.minConfidence, 2)}` : 'any confidence';
}

/** "Exported on 4 December 2026": the reader's local date, in words. */
export function exportDate(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Exported on ${dateWords(`${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`)}`;
}

/** Names each publisher once, in alphabetical order, bounded so the credit stays readable. */
export function creditLine(publishers: Iterable<string>): string {
  const names = [...new Set([...publishers].map((p) => p.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en'));
  if (names.length === 0) return 'Sources: none of the claims shown cites a source.';
  const named = names.slice(0, MAX_CREDITED).join('; ');
  const more = names.length > MAX_CREDITED ? `; and ${names.length - MAX_CREDITED} more publishers` : '';
  return `Sources of the claims shown, by publisher: ${named}${more}.`;
}

// Time and trust filters: a year slider for "as of", whether undated claims show, a box per
// status, a minimum confidence.
// Every change calls onChange with the filters in the API's terms; nothing reloads the page.
import { CLAIM_STATUSES, type ClaimStatus } from '../../api/domain/model.ts';
import { STATUS_STYLES, statusName } from './appearance.ts';
import { el } from './dom.ts';
import type { StatusName } from './queries.ts';

export interface Filters {
  /** YYYY-MM-DD, or null for claims of any time. */
  asOf: string | null;
  /** null means every status. */
  statuses: StatusName[] | null;
  /** null means no minimum. */
  minConfidence: number | null;
  /** False leaves out claims with neither a start nor an end date. */
  includeUndated: boolean;
}

export const NO_FILTERS: Filters = { asOf: null, statuses: null, minConfidence: null, includeUndated: true };

const FIRST_YEAR = 1990;

export function setUpFilters(form: HTMLFormElement, initial: Filters, onChange: (filters: Filters) => void): (f: Filters) => void {
  const lastYear = new Date().getFullYear();
  const anyTime = lastYear + 1;
  const year = el('input', {
    type: 'range', min: String(FIRST_YEAR), max: String(anyTime), step: '1', 'data-testid': 'filter-year', 'aria-label': 'As of year',
  });
  const yearLabel = el('output', { class: 'year-label', 'data-testid': 'filter-year-label' });
  const undated = el('input', { type: 'checkbox', 'data-testid': 'filter-undated' });
  const boxes = new Map<ClaimStatus, HTMLInputElement>();
  const statusList = el(
    'fieldset',
    { class: 'statuses' },
    el('legend', { text: 'Statuses' }),
    ...CLAIM_STATUSES.map((status) => {
      const box = el('input', { type: 'checkbox', value: status, 'data-testid': `filter-status-${status}` });
      boxes.set(status, box);
      return el('label', {}, box, STATUS_STYLES[status].label);
    }),
  );
  const confidence = el('input', {
    type: 'range', min: '0', max: '1', step: '0.05', 'data-testid': 'filter-confidence', 'aria-label': 'Minimum confidence',
  });
  const confidenceLabel = el('output', { class: 'confidence-label' });

  const read = (): Filters => {
    const y = Number(year.value);
    const checked = CLAIM_STATUSES.filter((s) => boxes.get(s)!.checked);
    const min = Number(confidence.value);
    return {
      asOf: y >= anyTime ? null : `${y}-12-31`,
      statuses: checked.length === CLAIM_STATUSES.length ? null : checked.map(statusName),
      minConfidence: min > 0 ? min : null,
      includeUndated: undated.checked,
    };
  };
  const label = (f: Filters) => {
    yearLabel.textContent = f.asOf ? `as of end of ${f.asOf.slice(0, 4)}` : 'any time';
    confidenceLabel.textContent = f.minConfidence ? `≥ ${f.minConfidence.toFixed(2)}` : 'any';
  };
  const write = (f: Filters) => {
    year.value = String(f.asOf ? Number(f.asOf.slice(0, 4)) : anyTime);
    for (const [status, box] of boxes) box.checked = f.statuses === null || f.statuses.includes(statusName(status));
    confidence.value = String(f.minConfidence ?? 0);
    undated.checked = f.includeUndated;
    label(f);
  };

  form.replaceChildren(
    el('label', { class: 'year' }, 'Time ', year, yearLabel),
    el(
      'label',
      {
        class: 'undated',
        title: 'Claims whose sources give no dates. On a date they show only while both their ends exist (never before a conflict, contract or entity began, nor after it ended).',
      },
      undated,
      'Undated claims',
    ),
    statusList,
    el('label', { class: 'confidence' }, 'Confidence ', confidence, confidenceLabel),
  );
  write(initial);
  form.addEventListener('submit', (e) => e.preventDefault());
  // Sliders report while dragging (input) for the label, and once released (change) to reload.
  form.addEventListener('input', () => label(read()));
  form.addEventListener('change', () => onChange(read()));
  return write;
}

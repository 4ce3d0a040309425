// The screening's results: the weighted summary, then a table of holdings that sorts by any
// column and filters by text, severity, match and harm. A row opens to show its subsidiaries
// and its flags; each flag opens its paths in the explorer.
import { pathResponsesList } from './claimResponses.ts';
import { UNDATED_WHY, undatedText } from './claimPeriod.ts';
import { contestedHops, contestedText, settingsLines, sharePhrase, shareText } from '../../api/portfolio/reportText.ts';
import { el } from './dom.ts';
import type { EntityRef, HoldingView, ScreeningView } from './screeningQueries.ts';
import { filterHoldings, levelOf, NO_FILTER, sortHoldings, type SortKey, type TableFilter } from './screeningTable.ts';

export interface ResultsHost {
  /** Open the paths from a holding's entity to a harm it reaches. */
  openPaths(from: EntityRef, to: EntityRef): void;
  /** Fill in the paths of a holding's listed flags (kept on the holding for the exports). */
  loadFlagPaths(h: HoldingView): Promise<void>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Rows drawn at a time: a portfolio of 10,000 holdings would make the page crawl at every keystroke. */
export const ROWS_PER_PAGE = 500;
const score3 = (x: number) => (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'line', label: 'Line' },
  { key: 'holding', label: 'Holding' },
  { key: 'match', label: 'Match' },
  { key: 'weight', label: 'Weight' },
  { key: 'severity', label: 'Severity' },
  { key: 'flags', label: 'Flags' },
  { key: 'evidence', label: 'Evidence' },
];

function summaryView(s: ScreeningView): HTMLElement {
  const m = s.summary;
  const whole = m.fileShareOfWhole;
  const phrase = (p: { shareOfFile: number; shareOfWhole: number | null }) => sharePhrase(p.shareOfFile, p.shareOfWhole, whole);
  const parts = m.parts!;
  const notScreened = [
    parts.unmatched.holdings ? `${parts.unmatched.holdings} not matched, ${phrase(parts.unmatched)}` : '',
    parts.toReview.holdings ? `${parts.toReview.holdings} match${parts.toReview.holdings === 1 ? '' : 'es'} to review, ${phrase(parts.toReview)}` : '',
    parts.unscreened.holdings ? `exposure unknown for ${parts.unscreened.holdings}, ${phrase(parts.unscreened)}: too large for the search bounds` : '',
  ].filter(Boolean);
  const shares = (title: string, testid: string, list: ScreeningView['summary']['byConflict']) =>
    el(
      'div',
      { class: 'shares', 'data-testid': testid },
      el('h4', { text: title }),
      list.length === 0
        ? el('p', { class: 'muted', text: 'None.' })
        : el('ul', {}, ...list.map((x) => el('li', {}, el('span', { class: 'bar', style: `width:${Math.max(2, x.weightShare * 100)}%` }), `${x.name}: ${shareText(x.weightShare, x.shareOfWhole, whole)} (${x.holdings} holding${x.holdings === 1 ? '' : 's'})`))),
    );
  return el(
    'section',
    { class: 'screening-summary', 'data-testid': 'screening-summary' },
    el('p', {
      text:
        `${m.holdings} holdings, ${m.exposed} exposed: ${phrase(parts.exposed)} by ${m.weighting.toLowerCase() === 'equal' ? 'equal weights' : m.weighting.toLowerCase()}.` +
        (notScreened.length ? ` Not screened: ${notScreened.join('; ')}.` : ' Every holding was matched and screened.'),
    }),
    ...s.notes.map((n) => el('p', { class: 'muted', 'data-testid': 'screening-note', text: `Note: ${n}.` })),
    s.settings ? el('p', { class: 'muted', 'data-testid': 'screening-settings', text: `Settings: ${settingsLines(s.settings).join('. ')}.` }) : null,
    shares('By conflict', 'summary-conflicts', m.byConflict),
    shares('By abuse category', 'summary-categories', m.byCategory),
  );
}

function flagsView(h: HoldingView, host: ResultsHost): HTMLElement {
  const e = h.exposure!;
  const entity = h.match.entity!;
  return el(
    'div',
    { class: 'flags' },
    e.subsidiaries.length
      ? el('p', { class: 'muted', text: `Subsidiaries: ${e.subsidiaries.map((s) => `${s.entity.name}${s.share !== null ? ` (${pct(s.share)})` : ''}`).join(', ')}` })
      : null,
    e.harmCount === 0
      ? el('p', { class: 'muted', text: 'No path to an abuse or conflict passes the filters.' })
      : el(
          'ol',
          {},
          ...e.harms.map((f) => {
            const open = el('button', { type: 'button', class: 'link', 'data-testid': 'open-flag', text: `${f.harm.name}` });
            open.addEventListener('click', () => host.openPaths(entity, f.harm));
            const via = f.path === undefined ? ' …' : f.path ? ` via ${f.path.nodes.slice(1, -1).map((n) => n.name).join(' → ') || 'a direct claim'}` : '';
            const disputed = f.path ? contestedHops(f.path) : [];
            return el(
              'li',
              { 'data-testid': 'flag' },
              el('strong', { text: score3(f.score) }),
              ' ',
              open,
              el('span', { class: 'muted', text: via }),
              disputed.length ? el('span', { class: 'contested', 'data-testid': 'flag-contested', title: contestedText(disputed), text: ' contested evidence' }) : null,
              f.path && undatedText(f.path) ? el('span', { class: 'undated', 'data-testid': 'flag-undated', title: UNDATED_WHY, text: ` ${undatedText(f.path)}` }) : null,
              disputed.length ? el('p', { class: 'contested-because', text: contestedText(disputed) }) : null,
              f.path ? pathResponsesList(f.path) : null,
            );
          }),
        ),
    e.harmCount > e.harms.length
      ? el('p', { class: 'muted', text: `And ${e.harmCount - e.harms.length} more of lower score: open ${entity.name} in the explorer to see them all.` })
      : null,
  );
}

/** The flags of an opened holding, drawn again once their paths are in. */
function openFlags(cell: HTMLElement, h: HoldingView, host: ResultsHost): void {
  cell.replaceChildren(flagsView(h, host));
  if (h.exposure!.harms.every((f) => f.path !== undefined)) return;
  host.loadFlagPaths(h).then(
    () => cell.replaceChildren(flagsView(h, host)),
    (error: Error) => cell.append(el('p', { class: 'error', role: 'alert', text: `The paths could not be loaded: ${error.message}` })),
  );
}

/** `opened`: lines of the holdings open to their flags; they stay open as the table is sorted and filtered. */
function row(h: HoldingView, host: ResultsHost, opened: Set<number>, whole: number | null | undefined): HTMLElement[] {
  const level = levelOf(h);
  const e = h.exposure;
  const name = el('button', { type: 'button', class: 'link', text: h.holding.name ?? h.holding.isin ?? h.holding.ticker ?? h.holding.lei ?? '' });
  const tr = el(
    'tr',
    { 'data-testid': 'holding-row', 'data-level': level ?? '', 'data-status': h.match.status },
    el('td', { text: String(h.holding.line) }),
    el('td', {}, e ? name : el('span', { text: name.textContent ?? '' })),
    el('td', {}, el('span', { class: `match match-${h.match.status.toLowerCase()}`, text: h.match.status.toLowerCase() }), h.match.entity ? ` ${h.match.entity.name}` : ''),
    el('td', { class: 'num', title: h.holding.weight !== null ? `weight ${h.holding.weight} in the file` : h.holding.value !== null ? `value ${h.holding.value}` : 'equal weights', text: shareText(h.shareOfFile, h.shareOfWhole, whole) }),
    el('td', {}, level ? el('span', { class: `level level-${level.toLowerCase()}`, 'data-testid': 'holding-level', title: h.unscreened ?? '', text: level === 'NONE' || level === 'UNKNOWN' ? level.toLowerCase() : `${level.toLowerCase()} ${score3(e!.severity)}` }) : ''),
    el('td', { class: 'num', text: e ? String(e.harmCount) : '' }),
    el('td', { class: 'num', text: e ? String(e.evidenceCount) : '' }),
  );
  if (!e) return [tr];
  const cell = el('td', { colspan: String(COLUMNS.length) });
  const detail = el('tr', { class: 'detail' }, cell);
  detail.hidden = !opened.has(h.holding.line);
  if (!detail.hidden) openFlags(cell, h, host);
  name.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
    if (detail.hidden) opened.delete(h.holding.line);
    else {
      opened.add(h.holding.line);
      openFlags(cell, h, host);
    }
  });
  return [tr, detail];
}

/** Draws the summary and the table into `container`; returns a function that redraws the table. */
export function renderResults(container: HTMLElement, s: ScreeningView, host: ResultsHost): void {
  let filter: TableFilter = { ...NO_FILTER };
  let sortBy: SortKey = 'severity';
  let descending = true;
  const opened = new Set<number>();

  const text = el('input', { type: 'search', placeholder: 'Filter: holding, entity, harm…', 'aria-label': 'Filter holdings', 'data-testid': 'results-filter' });
  const level = el('select', { 'aria-label': 'Severity', 'data-testid': 'results-level' }, ...['', 'HIGH', 'MEDIUM', 'LOW', 'NONE', 'UNKNOWN'].map((v) => el('option', { value: v, text: v ? v.toLowerCase() : 'any severity' })));
  const match = el('select', { 'aria-label': 'Match', 'data-testid': 'results-match' }, ...['', 'REVIEW', 'MATCHED', 'CONFIRMED', 'UNMATCHED', 'REJECTED'].map((v) => el('option', { value: v, text: v === 'REVIEW' ? 'to review' : v ? v.toLowerCase() : 'any match' })));
  const harms = new Map<string, string>();
  for (const h of s.holdings) for (const f of h.exposure?.harms ?? []) harms.set(f.harm.id, f.harm.name);
  const harm = el('select', { 'aria-label': 'Reaches', 'data-testid': 'results-harm' }, el('option', { value: '', text: 'any abuse or conflict' }), ...[...harms].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => el('option', { value: id, text: name })));
  const count = el('p', { class: 'muted', 'data-testid': 'results-count' });
  const head = el('tr', {});
  const body = el('tbody', {});

  let limit = ROWS_PER_PAGE;
  const more = el('button', { type: 'button', 'data-testid': 'results-more' });
  more.addEventListener('click', () => {
    limit += ROWS_PER_PAGE;
    draw();
  });

  const draw = () => {
    const passing = sortHoldings(filterHoldings(s.holdings, filter), sortBy, descending);
    const shown = passing.slice(0, limit);
    const f = (n: number) => n.toLocaleString('en-US');
    count.textContent =
      passing.length === s.holdings.length
        ? `${f(shown.length)} of ${f(s.holdings.length)} holdings shown.`
        : `${f(shown.length)} of the ${f(passing.length)} holdings that pass the filters shown (${f(s.holdings.length)} in all).`;
    more.hidden = shown.length === passing.length;
    more.textContent = `Show ${f(Math.min(ROWS_PER_PAGE, passing.length - shown.length))} more`;
    head.replaceChildren(
      ...COLUMNS.map((c) => {
        const b = el('button', { type: 'button', class: 'link', 'data-testid': `sort-${c.key}`, text: `${c.label}${c.key === sortBy ? (descending ? ' ▼' : ' ▲') : ''}` });
        b.addEventListener('click', () => {
          descending = c.key === sortBy ? !descending : c.key !== 'line' && c.key !== 'holding';
          sortBy = c.key;
          draw();
        });
        return el('th', { 'aria-sort': c.key === sortBy ? (descending ? 'descending' : 'ascending') : 'none' }, b);
      }),
    );
    body.replaceChildren(...shown.flatMap((h) => row(h, host, opened, s.summary.fileShareOfWhole)));
  };
  const update = () => {
    limit = ROWS_PER_PAGE;
    filter = { text: text.value, level: level.value as TableFilter['level'], match: match.value as TableFilter['match'], harm: harm.value };
    draw();
  };
  text.addEventListener('input', update);
  for (const select of [level, match, harm]) select.addEventListener('change', update);

  container.replaceChildren(
    summaryView(s),
    el('div', { class: 'results-filters' }, text, level, match, harm),
    count,
    el('div', { class: 'table-wrap' }, el('table', { class: 'results', 'data-testid': 'results-table' }, el('thead', {}, head), body)),
    more,
  );
  draw();
}

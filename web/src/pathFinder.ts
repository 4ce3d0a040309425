// The path finder: pick a start and an end (an entity, or an abuse category), see the ranked
// complicity paths listed with their evidence hop by hop and highlighted in the graph, and
// "why this score" for each. Clicking a hop opens its sources.
import { responsesList } from './claimResponses.ts';
import { claimPeriod, UNDATED_WHY, undatedText } from './claimPeriod.ts';
import { readableNumber, statusWords } from '../../api/domain/words.ts';
import { gql } from './api.ts';
import { STATUS_STYLES, relationLabel, statusFromName } from './appearance.ts';
import { el, safeUrl } from './dom.ts';
import type { Filters } from './filters.ts';
import { ABUSE_CATEGORIES, COMPLICITY_PATHS, type PathHopView, type PathView, type PathsResult } from './pathQueries.ts';
import { setUpSearch } from './search.ts';

export interface PathFinderHost {
  filters(): Filters;
  /** Draw these paths' entities and claims, highlighted. */
  showPaths(paths: PathView[], focus: number | null): void;
  clearPaths(): void;
  report(kind: 'info' | 'error' | 'loading', text: string): void;
}

interface End {
  id: string;
  name: string;
}

export function setUpPathFinder(
  panel: HTMLElement,
  host: PathFinderHost,
): { open(from?: End, to?: End, hops?: number): void; close(): void; filtersChanged(): void } {
  let from: End | null = null;
  let to: End | null = null;
  let request = 0;

  const endInput = (label: string, testid: string, onPick: (end: End | null) => void) => {
    const input = el('input', { type: 'search', autocomplete: 'off', 'data-testid': testid, 'aria-label': label, placeholder: 'Search an entity…' });
    const list = el('ul', { class: 'suggestions', role: 'listbox' });
    list.hidden = true;
    setUpSearch(input, list, (id, name) => onPick({ id, name }), (m) => host.report('error', `Search failed: ${m}`));
    input.addEventListener('input', () => onPick(null));
    return { input, element: el('label', { class: 'field search' }, el('span', { text: label }), el('div', { class: 'search' }, input, list)) };
  };

  const fromField = endInput('From', 'path-from', (end) => (from = end));
  const toField = endInput('To', 'path-to', (end) => (to = end));
  const category = el('select', { 'data-testid': 'path-category', 'aria-label': 'Or an abuse category' }, el('option', { value: '', text: '— or any abuse of a category —' }));
  const maxHops = el('input', { type: 'number', min: '1', max: '6', value: '4', 'data-testid': 'path-max-hops', 'aria-label': 'Most hops' });
  const k = el('input', { type: 'number', min: '1', max: '50', value: '5', 'data-testid': 'path-k', 'aria-label': 'How many paths' });
  const results = el('div', { class: 'path-results', 'data-testid': 'path-results' });
  const find = el('button', { type: 'submit', 'data-testid': 'path-find', text: 'Find paths' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  const form = el(
    'form',
    { class: 'path-form' },
    fromField.element,
    toField.element,
    el('label', { class: 'field' }, el('span', { text: 'Category' }), category),
    el('p', { class: 'inline' }, el('label', {}, 'Most hops ', maxHops), el('label', {}, ' Paths ', k), find),
  );

  let categoriesLoaded = false;
  const loadCategories = async () => {
    if (categoriesLoaded) return;
    try {
      const { abuseCategories } = await gql<{ abuseCategories: string[] }>(ABUSE_CATEGORIES);
      category.append(...abuseCategories.map((c) => el('option', { value: c, text: c.replace(/-/g, ' ') })));
      categoriesLoaded = true;
    } catch (error) {
      host.report('error', `Could not load abuse categories: ${(error as Error).message}`);
    }
  };

  // Once paths are listed, a change of filters searches again: stale paths would show links
  // that the filters now leave out.
  let searched = false;
  const run = async () => {
    if (!from) return showMessage('Choose where the paths start: type a name in "From" and pick a suggestion.');
    if (!to && !category.value) return showMessage('Choose where the paths end: an entity in "To", or an abuse category.');
    const mine = ++request;
    searched = true;
    results.replaceChildren(el('p', { class: 'loading', text: 'Searching…' }));
    const { asOf, statuses, minConfidence, includeUndated } = host.filters();
    try {
      const { complicityPaths } = await gql<{ complicityPaths: PathsResult }>(COMPLICITY_PATHS, {
        from: from.id,
        to: to ? { id: to.id } : { abuseCategory: category.value },
        maxHops: Number(maxHops.value),
        k: Number(k.value),
        asOf,
        statuses,
        minConfidence,
        includeUndated,
      });
      if (mine !== request) return;
      renderPaths(complicityPaths);
    } catch (error) {
      if (mine === request) showMessage((error as Error).message, true);
    }
  };

  const showMessage = (text: string, error = false) => {
    results.replaceChildren(el('p', { class: error ? 'error' : 'muted', role: error ? 'alert' : 'status', text }));
  };

  const renderPaths = (found: PathsResult) => {
    if (found.paths.length === 0) {
      host.clearPaths();
      return showMessage(`No path within ${maxHops.value} hops passes the current filters (${found.claimsVisited} claims read).`);
    }
    host.showPaths(found.paths, null);
    results.replaceChildren(
      el('p', { class: 'muted', text: `${found.paths.length} best paths, ${found.claimsVisited} claims read.` }),
      el('ol', { class: 'paths' }, ...found.paths.map((p, i) => pathItem(p, i, found.paths))),
    );
  };

  const pathItem = (path: PathView, index: number, all: PathView[]) => {
    const why = el('details', { class: 'why', 'data-testid': 'path-why' }, el('summary', { text: 'Why this score' }), whyScore(path));
    const title = el('button', { type: 'button', class: 'link path-title', text: path.nodes.map((n) => n.name).join(' → ') });
    title.addEventListener('click', () => host.showPaths(all, index));
    return el(
      'li',
      { class: 'path', 'data-testid': 'path' },
      el(
        'p',
        {},
        el('strong', { 'data-testid': 'path-score', text: score3(path.score) }),
        ' ',
        title,
        path.contested ? el('span', { class: 'contested', 'data-testid': 'path-contested', text: ' contested evidence' }) : null,
        undatedText(path) ? el('span', { class: 'undated', 'data-testid': 'path-undated', title: UNDATED_WHY, text: ` ${undatedText(path)}` }) : null,
      ),
      why,
      el('ol', { class: 'hops' }, ...path.hops.map(hopItem)),
    );
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  close.addEventListener('click', () => api.close());
  panel.replaceChildren(close, el('h2', { text: 'Complicity paths' }), form, results);

  const api = {
    /** Opens the finder, from `start` if given; with an `end` too, finds the paths at once (within `hops`, if given). */
    open(start?: End, end?: End, hops?: number) {
      panel.hidden = false;
      if (hops !== undefined) maxHops.value = String(hops);
      void loadCategories();
      if (start) {
        from = start;
        fromField.input.value = start.name;
      }
      if (end) {
        to = end;
        toField.input.value = end.name;
        category.value = '';
        return void run();
      }
      (from ? toField.input : fromField.input).focus();
    },
    close() {
      panel.hidden = true;
      searched = false;
      host.clearPaths();
    },
    filtersChanged() {
      if (searched && !panel.hidden) void run();
    },
  };
  return api;
}

/** Three decimals, halves rounded up: 0.4165 (stored as 0.41649999…) reads 0.417, as computed by hand. */
function score3(x: number): string {
  return (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);
}

function whyScore(path: PathView): HTMLElement {
  const b = path.breakdown;
  return el(
    'div',
    {},
    el('p', { class: 'explanation', text: b.explanation }),
    el(
      'table',
      { class: 'score-table' },
      el('tr', {}, el('th', { text: 'Hop' }), el('th', { text: 'Strength' }), el('th', { text: 'Confidence' }), el('th', { text: 'Weight' })),
      ...path.hops.map((h) =>
        el(
          'tr',
          {},
          el('td', { text: relationLabel(h.claim.type) }),
          el('td', { text: h.strength.toFixed(2) }),
          el('td', { text: `${h.confidence.toFixed(2)}${h.confidenceFromStatus ? ` (${statusWords(h.claim.status)})` : ' (assessed)'}${h.contested ? ', contested' : ''}` }),
          el('td', { text: score3(h.weight) }),
        ),
      ),
    ),
    el('p', { class: 'muted', text: `Product ${score3(b.hopProduct)} × length factor ${score3(b.lengthFactor)} (decay ${readableNumber(b.hopDecay)} per hop after the first) = ${score3(b.score)}` }),
    ...path.hops.flatMap((h, i) =>
      h.contested
        ? [el('p', { class: 'contested-because', 'data-testid': 'why-contested', text: `Hop ${i + 1} (${hopSentence(h)}) is contested: ${h.claim.contestedBecause ?? ''} The score counts it at the confidence above.` })]
        : [],
    ),
  );
}

function hopItem(hop: PathHopView): HTMLElement {
  const status = statusFromName(hop.claim.status);
  const arrow = hop.direction === 'FORWARD' ? `${hop.from.name} — ${relationLabel(hop.claim.type)} → ${hop.to.name}` : `${hop.to.name} — ${relationLabel(hop.claim.type)} → ${hop.from.name} (walked back)`;
  const sources = el(
    'ul',
    { class: 'sources', 'data-testid': 'hop-sources' },
    ...hop.claim.sources.map((s) => {
      const href = safeUrl(s.url);
      const label = `${s.publisher}: ${s.title}${s.date ? ` (${s.date})` : ''}`;
      const quotes = hop.claim.evidence.filter((e) => e.sourceId === s.id);
      return el(
        'li',
        {},
        href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'source-link', text: label }) : el('span', { text: `${label} — ${s.url}` }),
        ...quotes.map((e) => el('blockquote', { class: 'evidence', 'data-testid': 'source-quote', text: `“${e.quote}”` })),
      );
    }),
  );
  sources.hidden = true;
  const toggle = el('button', { type: 'button', class: 'link', 'data-testid': 'hop', text: arrow });
  toggle.addEventListener('click', () => (sources.hidden = !sources.hidden));
  const period = claimPeriod(hop.claim);
  return el(
    'li',
    { class: 'hop' },
    toggle,
    el(
      'p',
      { class: 'meta' },
      el('span', { class: `status status-${status}`, text: STATUS_STYLES[status].label }),
      hop.contested ? el('span', { class: 'contested', 'data-testid': 'hop-contested', text: ' contested' }) : null,
      period.undated ? el('span', { class: 'undated', 'data-testid': 'hop-undated', title: UNDATED_WHY, text: ' undated' }) : ` · ${period.text}`,
    ),
    el('p', { class: 'summary', text: hop.claim.summary }),
    hop.contested ? el('p', { class: 'contested-because', text: hop.claim.contestedBecause ?? '' }) : null,
    responsesList(hop.claim.responses),
    sources,
  );
}

/** The hop's claim as a sentence in its own direction, whichever way the path walked it. */
function hopSentence(hop: PathHopView): string {
  const [from, to] = hop.direction === 'FORWARD' ? [hop.from, hop.to] : [hop.to, hop.from];
  return `${from.name} ${relationLabel(hop.claim.type)} ${to.name}`;
}

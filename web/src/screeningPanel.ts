// Portfolio screening in the explorer: upload a CSV or paste a list, watch the progress,
// confirm or reject the matches the screening would not guess, then read the weighted summary
// and the results table, open any flag's paths in the graph, and export CSV, JSON or a
// printable report with the sources of each flag.
import { readableNumber } from '../../api/domain/words.ts';
import { decodeSpreadsheet } from '../../api/exchange/formats/spreadsheetBytes.ts';
import { REPORT_FLAGS, screeningCsv, screeningHtml, screeningJson } from '../../api/portfolio/report.ts';
import { gql } from './api.ts';
import { el } from './dom.ts';
import { downloadText } from './download.ts';
import type { Filters } from './filters.ts';
import { decisionsInput, loadChoices, saveChoices } from './screeningChoices.ts';
import { DECIDE_MATCH, FLAG_PATHS, SCREEN_WITH_PROGRESS, type Choice, type EntityRef, type HoldingView, type PathView, type ScreeningEventView, type ScreeningView } from './screeningQueries.ts';
import { renderResults } from './screeningResults.ts';
import { subscribe } from './screeningStream.ts';
import { needsReview } from './screeningTable.ts';

export interface ScreeningHost {
  filters(): Filters;
  /** True when signed in with an editor's token: choices are then saved for everyone. */
  isEditor(): boolean;
  /** Opens the paths from a holding's entity to a harm, searched within `hops` as the screening was. */
  openPaths(from: EntityRef, to: EntityRef, hops: number): void;
  report(kind: 'info' | 'error', text: string): void;
}

/** Largest file the panel reads; the API takes 10 million characters. */
const MAX_FILE_BYTES = 10_000_000;

/**
 * Holdings, most severe first, whose flags' paths the printable report loads (four at a time);
 * the others show their best path. Each is an `exposure` search, seconds on a dense graph.
 */
const REPORT_PATH_HOLDINGS = 50;

export function setUpScreeningPanel(panel: HTMLElement, host: ScreeningHost): { open(): void; close(): void } {
  let screening: ScreeningView | null = null;
  /** The claim filters and hops the shown screening ran with: its flags' paths are searched with them. */
  let screenedWith: Filters & { maxHops: number } = { asOf: null, statuses: null, minConfidence: null, includeUndated: true, maxHops: 4 };
  let running: AbortController | null = null;
  /** Choices made for the portfolio being screened (this browser's, and this session's). */
  let choices = new Map<string, Choice>();

  const name = el('input', { type: 'text', value: 'My portfolio', 'aria-label': 'Portfolio name', 'data-testid': 'screening-name', maxlength: '200' });
  const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'aria-label': 'Holdings file (CSV)', 'data-testid': 'screening-file' });
  const paste = el('textarea', { rows: '5', 'aria-label': 'Or paste holdings', 'data-testid': 'screening-paste', placeholder: 'name,isin,ticker,lei,weight\nor one company name per line' });
  const hops = el('select', { 'aria-label': 'Most hops', 'data-testid': 'screening-hops' }, ...[1, 2, 3, 4, 5, 6].map((n) => el('option', { value: String(n), text: String(n) })));
  hops.value = '4';
  const run = el('button', { type: 'submit', 'data-testid': 'screening-run', text: 'Screen' });
  const progress = el('div', { class: 'screening-progress', 'data-testid': 'screening-progress', role: 'status' });
  const messages = el('div', { 'data-testid': 'screening-messages' });
  const review = el('section', { class: 'review', 'data-testid': 'screening-review' });
  const exports = el('p', { class: 'exports', 'data-testid': 'screening-exports' });
  const results = el('div', { 'data-testid': 'screening-results' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  const form = el(
    'form',
    { class: 'screening-form' },
    el('label', { class: 'field' }, el('span', { text: 'Portfolio' }), name),
    el('label', { class: 'field' }, el('span', { text: 'CSV file' }), file),
    el('label', { class: 'field' }, el('span', { text: 'or paste' }), paste),
    el('label', { class: 'field' }, el('span', { text: 'Most hops' }), el('span', {}, hops, el('span', { class: 'muted', text: ' from a holding (or its subsidiaries) to an abuse or conflict' }))),
    el('p', { class: 'muted', text: 'Columns (any of): name, isin, ticker, lei, and weight or value. A file with a problem is refused whole, with each problem by line.' }),
    run,
  );

  const showMessage = (text: string, error = false, lines: string[] = []) =>
    messages.replaceChildren(
      el('p', { class: error ? 'error' : 'muted', role: error ? 'alert' : 'status', text }),
      lines.length ? el('ul', { class: 'problems', 'data-testid': 'screening-problems' }, ...lines.map((l) => el('li', { text: l }))) : '',
    );

  /** Set when the chosen file was not UTF-8 and was read as Windows-1252. */
  let encodingNote: string | null = null;
  const showEncodingNote = () => {
    if (encodingNote) messages.append(el('p', { class: 'muted', role: 'status', 'data-testid': 'screening-encoding-note', text: `Note: ${encodingNote}.` }));
  };

  const readInput = async (): Promise<{ content: string; fileName: string } | null> => {
    const chosen = file.files?.[0];
    encodingNote = null;
    if (chosen) {
      if (chosen.size > MAX_FILE_BYTES) return showMessage(`${chosen.name} is larger than 10 MB; split it.`, true), null;
      // Bytes, not File.text(): that reads UTF-8 only, and Excel on Windows saves Windows-1252.
      const { text, note } = decodeSpreadsheet(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
      encodingNote = note;
      return { content: text, fileName: chosen.name };
    }
    if (paste.value.trim()) return { content: paste.value, fileName: 'pasted list' };
    showMessage('Choose a CSV file or paste holdings first.', true);
    return null;
  };

  const showProgress = (p: NonNullable<ScreeningEventView['progress']>) => {
    // Looked up, not matched: the summary says how many matched.
    const what = p.phase === 'MATCHING' ? 'Looking up holdings' : 'Screening matched entities';
    progress.replaceChildren(el('progress', { max: String(p.total), value: String(p.done) }), el('span', { text: ` ${what}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}` }));
  };

  const screen = async () => {
    const input = await readInput();
    if (!input) return;
    const portfolio = name.value.trim();
    if (!portfolio) return showMessage('Give the portfolio a name: choices are remembered by it.', true);
    running?.abort();
    const mine = (running = new AbortController());
    choices = loadChoices(portfolio);
    messages.replaceChildren();
    showEncodingNote();
    progress.replaceChildren(el('span', { text: 'Reading the file…' }));
    const { asOf, statuses, minConfidence, includeUndated } = host.filters();
    const filtersNow = { asOf, statuses, minConfidence, includeUndated, maxHops: Number(hops.value) };
    try {
      let result: ScreeningView | null = null;
      await subscribe<{ screenPortfolioProgress: ScreeningEventView }>(
        SCREEN_WITH_PROGRESS,
        { portfolio, ...input, decisions: decisionsInput(choices), ...filtersNow },
        ({ screenPortfolioProgress: e }) => {
          if (e.progress) showProgress(e.progress);
          if (e.result) result = e.result;
        },
        mine.signal,
      );
      if (mine !== running) return;
      if (!result) throw new Error('the server ended the screening without a result.');
      screenedWith = filtersNow;
      show(result);
    } catch (error) {
      if ((error as Error).name === 'AbortError' || mine !== running) return;
      progress.replaceChildren();
      const problems = (error as { details?: unknown }).details;
      const lines = Array.isArray(problems) ? problems.map((p: { item: string; reason: string }) => `${p.item}: ${p.reason}`) : [];
      showMessage(lines.length ? 'Nothing was screened: the holdings have problems.' : `Screening failed: ${(error as Error).message}`, true, lines);
      showEncodingNote();
    }
  };

  const show = (s: ScreeningView) => {
    screening = s;
    // The last progress stays in view, with the outcome after it.
    progress.append(el('span', { 'data-testid': 'screening-done', text: ` Screened ${s.summary.holdings.toLocaleString('en-US')} holdings of "${s.portfolio}".` }));
    renderReview(s);
    renderResults(results, s, { openPaths: (from, to) => host.openPaths(from, to, screenedWith.maxHops), loadFlagPaths });
    renderExports(s);
  };

  /** Fills in the paths of a holding's listed flags, searched as the screening searched them. */
  const loadFlagPaths = async (h: HoldingView) => {
    const e = h.exposure;
    if (!e || !h.match.entity || e.harms.every((f) => f.path !== undefined)) return;
    // A little past the listed flags: the same scores may be ordered differently at the edge.
    const data = await gql<{ exposure: { harms: { harm: { id: string }; path: PathView }[] } }>(FLAG_PATHS, { id: h.match.entity.id, limit: REPORT_FLAGS + 10, ...screenedWith });
    const byHarm = new Map(data.exposure.harms.map((x) => [x.harm.id, x.path]));
    for (const f of e.harms) f.path = byHarm.get(f.harm.id) ?? null;
  };

  /** Loads the flags' paths of the most severe holdings for the report, showing how far it is. */
  const loadReportPaths = async (s: ScreeningView, status: HTMLElement): Promise<string[]> => {
    const flagged = s.holdings.filter((h) => h.exposure && h.exposure.harmCount > 0).sort((a, b) => b.exposure!.severity - a.exposure!.severity);
    const chosen = flagged.slice(0, REPORT_PATH_HOLDINGS);
    let done = 0;
    const next = [...chosen];
    const worker = async () => {
      for (let h = next.shift(); h; h = next.shift()) {
        await loadFlagPaths(h);
        status.textContent = ` Loading the flags' paths: ${++done} of ${chosen.length} holdings…`;
      }
    };
    // Two at a time: what the server lets one anonymous reader run at once (api/limits/inFlight.ts).
    await Promise.all([worker(), worker()]);
    status.textContent = '';
    return flagged.length > chosen.length ? [`each flag's path is listed for the ${chosen.length} most severe holdings; the other ${flagged.length - chosen.length} show their best path (the CLI, npm run screen, lists them all)`] : [];
  };

  const choose = async (h: HoldingView, choice: Choice) => {
    const portfolio = screening!.portfolio;
    choices.set(h.holding.key, choice);
    if (host.isEditor()) {
      try {
        await gql(DECIDE_MATCH, { portfolio, holdingKey: h.holding.key, ...('entityId' in choice ? { entityId: choice.entityId } : { reject: true }) });
      } catch (error) {
        host.report('error', `The choice was not saved: ${(error as Error).message}`);
      }
    } else {
      saveChoices(portfolio, choices);
    }
    renderReview(screening!);
  };

  const renderReview = (s: ScreeningView) => {
    const open = s.holdings.filter(needsReview);
    if (open.length === 0) return review.replaceChildren();
    const decided = open.filter((h) => choices.has(h.holding.key)).length;
    const again = el('button', { type: 'button', 'data-testid': 'screening-rerun', text: `Screen again with ${decided} choice${decided === 1 ? '' : 's'}` });
    again.disabled = decided === 0;
    again.addEventListener('click', () => void screen());
    const where = host.isEditor() ? 'saved for this portfolio (editor)' : 'remembered in this browser for this portfolio';
    review.replaceChildren(
      el('h3', { text: `Matches to review (${open.length})` }),
      el('p', { class: 'muted', text: `These holdings were not screened: the match is ambiguous or weak, and the screening never guesses. Choices are ${where}.` }),
      el(
        'ul',
        {},
        ...open.map((h) => {
          const current = choices.get(h.holding.key);
          const button = (label: string, choice: Choice, testid: string) => {
            const picked = current !== undefined && JSON.stringify(current) === JSON.stringify(choice);
            const b = el('button', { type: 'button', class: picked ? 'picked' : '', 'aria-pressed': String(picked), 'data-testid': testid, text: label });
            b.addEventListener('click', () => void choose(h, choice));
            return b;
          };
          return el(
            'li',
            { 'data-testid': 'review-holding' },
            el('strong', { text: `Line ${h.holding.line}: ${h.holding.name ?? h.holding.isin ?? h.holding.ticker ?? ''}` }),
            el('span', { class: 'muted', text: ` (${h.match.status.toLowerCase()})` }),
            el('ul', {}, ...h.match.options.map((o) => el('li', {}, button(`This is ${o.entity.name}`, { entityId: o.entity.id }, 'review-confirm'), el('span', { class: 'muted', text: ` ${readableNumber(o.score, 2)} — ${o.reason}` })))),
            button('None of these', { reject: true }, 'review-reject'),
          );
        }),
      ),
      again,
    );
  };

  const renderExports = (s: ScreeningView) => {
    const status = el('span', { class: 'muted', role: 'status', 'data-testid': 'export-status' });
    const base = s.portfolio.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'portfolio';
    const button = (label: string, testid: string, save: () => void) => {
      const b = el('button', { type: 'button', 'data-testid': testid, text: label });
      b.addEventListener('click', save);
      return b;
    };
    exports.replaceChildren(
      'Export: ',
      button('CSV', 'export-csv', () => downloadText(`${base}-screening.csv`, 'text/csv', screeningCsv(s))),
      ' ',
      button('JSON', 'export-json', () => downloadText(`${base}-screening.json`, 'application/json', screeningJson(s))),
      ' ',
      button('Printable report', 'export-html', () => void printable()),
      status,
    );
    const printable = async () => {
      try {
        const notes = await loadReportPaths(s, status);
        downloadText(`${base}-screening.html`, 'text/html', screeningHtml({ ...s, notes: [...s.notes, ...notes] }, new Date().toISOString()));
      } catch (error) {
        status.textContent = '';
        host.report('error', `The report could not be written: ${(error as Error).message}`);
      }
    };
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void screen();
  });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen && name.value === 'My portfolio') name.value = chosen.name.replace(/\.[^.]+$/, '');
  });
  close.addEventListener('click', () => api.close());
  panel.replaceChildren(close, el('h2', { text: 'Portfolio screening' }), form, progress, messages, review, exports, results);

  const api = {
    open() {
      panel.hidden = false;
    },
    close() {
      panel.hidden = true;
    },
  };
  return api;
}

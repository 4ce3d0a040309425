// The disengagement scenario panel: choose a company, what it withdraws from (from the list of
// what it is linked to) and how it leaves; see the summary, the paths cut, left and created,
// the people who lose a service and who could step in; toggle the graph between before and
// after; save, share and compare scenarios.
import { pathResponsesList, responsesList } from './claimResponses.ts';
import { UNDATED_WHY, undatedText } from './claimPeriod.ts';
import { countryLabel, relationWords } from '../../api/domain/words.ts';
import { gql } from './api.ts';
import { el, safeUrl } from './dom.ts';
import type { Filters } from './filters.ts';
import type { PathEntity } from './pathQueries.ts';
import type { ClaimView } from './queries.ts';
import {
  COMPARE,
  DISENGAGEMENT,
  ENTITY_NAME,
  OPTIONS,
  SAVE_SCENARIO,
  SCENARIO,
  SCENARIOS,
  type Comparison,
  type Mode,
  type SavedScenario,
  type ScenarioInput,
  type ScenarioOptions,
  type ScenarioPathView,
  type ScenarioResult,
  type ScopeValue,
} from './scenarioQueries.ts';
import { setUpSearch } from './search.ts';
import { savedLine, scenarioTitle, sideNote } from './scenarioCaption.ts';

/** What the graph should draw for a scenario, on one side of the before/after toggle. */
export interface ScenarioDrawing {
  entities: PathEntity[];
  claims: ClaimView[];
  focusNodes: string[];
  focusEdges: string[];
  /** Claims the withdrawal ends: greyed and dashed. */
  removed: string[];
  /** Claims a sale creates: marked as simulated. */
  simulated: string[];
  /** The scenario by name and company, and what this side shows: a picture's caption. */
  title: string;
  notes: string[];
}

export interface ScenarioHost {
  filters(): Filters;
  show(drawing: ScenarioDrawing | null): void;
  /** The saved scenario on screen (null: none, or one not saved), for the address bar. */
  shown(savedId: string | null): void;
  report(kind: 'info' | 'error' | 'loading', text: string): void;
}

const MODES: { value: Mode; label: string }[] = [
  { value: 'SHUTDOWN', label: 'Shut down (operations stop)' },
  { value: 'SALE', label: 'Sell (to a buyer)' },
  { value: 'SUSPEND', label: 'Suspend named services or contracts' },
];
const ROLE_LABEL = { COMPANY: '', INVESTOR: 'investor', BUYER: 'buyer', BUYER_OWNER: "buyer's owner" } as const;

const people = (n: number) => Math.round(n).toLocaleString('en');
const score3 = (x: number) => (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);

export function setUpScenarioPanel(panel: HTMLElement, host: ScenarioHost) {
  let company: PathEntity | null = null;
  let buyer: PathEntity | null = null;
  let result: ScenarioResult | null = null;
  let lastInput: ScenarioInput | null = null;
  /** The saved scenario the result is of; null once the form runs another. */
  let current: SavedScenario | null = null;
  let side: 'before' | 'after' = 'before';
  let request = 0;

  const searchField = (label: string, testid: string, onPick: (e: PathEntity | null) => void) => {
    const input = el('input', { type: 'search', autocomplete: 'off', 'data-testid': testid, 'aria-label': label, placeholder: 'Search…' });
    const list = el('ul', { class: 'suggestions', role: 'listbox' });
    list.hidden = true;
    setUpSearch(input, list, (id, name) => onPick({ id, name, type: 'Company' }), (m) => host.report('error', `Search failed: ${m}`));
    input.addEventListener('input', () => onPick(null));
    return { input, element: el('label', { class: 'field search' }, el('span', { text: label }), el('div', { class: 'search' }, input, list)) };
  };

  const companyField = searchField('Company', 'scenario-company', (e) => {
    company = e;
    if (e) void loadOptions(e.id);
    else scopeBox.replaceChildren();
  });
  const scopeBox = el('fieldset', { class: 'scope', 'data-testid': 'scenario-scope' });
  const mode = el('select', { 'data-testid': 'scenario-mode', 'aria-label': 'How it leaves' }, ...MODES.map((m) => el('option', { value: m.value, text: m.label })));
  const buyerField = searchField('Buyer', 'scenario-buyer', (e) => (buyer = e));
  const buyerName = el('input', { type: 'text', 'data-testid': 'scenario-buyer-name', 'aria-label': 'Or a buyer not in the graph', placeholder: 'or a new buyer’s name' });
  const buyerBox = el('div', { class: 'buyer' }, buyerField.element, buyerName);
  const asOf = el('input', { type: 'date', 'data-testid': 'scenario-as-of', 'aria-label': 'As of' });
  const run = el('button', { type: 'submit', 'data-testid': 'scenario-run', text: 'Simulate' });
  const results = el('div', { class: 'scenario-results', 'data-testid': 'scenario-results' });
  const saved = el('div', { class: 'saved', 'data-testid': 'scenario-saved-list' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  const showBuyer = () => (buyerBox.hidden = mode.value !== 'SALE');
  mode.addEventListener('change', showBuyer);
  showBuyer();

  const form = el(
    'form',
    { class: 'path-form' },
    companyField.element,
    el('label', { class: 'field' }, el('span', { text: 'How' }), mode),
    buyerBox,
    scopeBox,
    el('p', { class: 'inline' }, el('label', {}, 'As of ', asOf), run),
  );

  async function loadOptions(companyId: string): Promise<void> {
    scopeBox.replaceChildren(el('p', { class: 'loading', text: 'Loading what it is linked to…' }));
    try {
      const { disengagementOptions: o } = await gql<{ disengagementOptions: ScenarioOptions }>(OPTIONS, { companyId, asOf: asOf.value || null });
      renderOptions(o);
      void loadSaved();
    } catch (error) {
      scopeBox.replaceChildren(el('p', { class: 'error', role: 'alert', text: (error as Error).message }));
    }
  }

  const check = (testid: string, value: string, label: string, group: string) =>
    el('label', { class: 'check' }, el('input', { type: 'checkbox', value, name: group, 'data-testid': testid }), ` ${label}`);

  function renderOptions(o: ScenarioOptions): void {
    const group = (title: string, items: HTMLElement[]) => (items.length ? el('div', { class: 'group' }, el('strong', { text: title }), ...items) : null);
    const children: (HTMLElement | null)[] = [
      el('legend', { text: 'Withdraw from' }),
      check('scope-all', 'all', 'All of its operations', 'all'),
      group('Countries', o.countries.map((c) => check(`scope-country-${c}`, c, countryLabel(c), 'countries'))),
      group('Contracts', o.contracts.map((e) => check(`scope-contract-${e.id}`, e.id, e.name, 'contracts'))),
      group('Infrastructure', o.infrastructure.map((e) => check(`scope-infrastructure-${e.id}`, e.id, e.name, 'infrastructure'))),
      group('Services to state bodies', o.stateBodies.map((e) => check(`scope-state-body-${e.id}`, e.id, e.name, 'stateBodies'))),
      o.subsidiaries.length ? el('p', { class: 'muted', text: `Subsidiaries: ${o.subsidiaries.map((s) => s.name).join(', ')}` }) : null,
    ];
    scopeBox.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  }

  function scope(): ScopeValue {
    const picked = (name: string) => [...scopeBox.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
    return { all: picked('all').length > 0, countries: picked('countries'), contracts: picked('contracts'), infrastructure: picked('infrastructure'), stateBodies: picked('stateBodies') };
  }

  function currentInput(): ScenarioInput | string {
    if (!company) return 'Choose a company: type its name and pick a suggestion.';
    const s = scope();
    if (!s.all && s.countries.length + s.contracts.length + s.infrastructure.length + s.stateBodies.length === 0) return 'Choose what it withdraws from.';
    const m = mode.value as Mode;
    const name = buyerName.value.trim();
    if (m === 'SALE' && !buyer && !name) return 'A sale needs a buyer: pick one, or type a new buyer’s name.';
    return {
      companyId: company.id,
      mode: m,
      scope: s,
      buyerId: m === 'SALE' && buyer ? buyer.id : null,
      buyerName: m === 'SALE' && !buyer && name ? name : null,
      asOf: asOf.value || null,
    };
  }

  async function simulate(input: ScenarioInput, saved: SavedScenario | null = null): Promise<void> {
    const mine = ++request;
    current = saved;
    host.shown(saved?.id ?? null);
    results.replaceChildren(el('p', { class: 'loading', text: 'Simulating…' }));
    const { statuses, minConfidence, includeUndated } = host.filters();
    try {
      const { disengagement } = await gql<{ disengagement: ScenarioResult }>(DISENGAGEMENT, { ...input, statuses, minConfidence, includeUndated });
      if (mine !== request) return;
      result = disengagement;
      lastInput = input;
      side = 'before';
      renderResult();
      draw();
    } catch (error) {
      if (mine === request) message((error as Error).message, true);
    }
  }

  const message = (text: string, error = false) =>
    results.replaceChildren(el('p', { class: error ? 'error' : 'muted', role: error ? 'alert' : 'status', text }));

  function draw(): void {
    if (!result) return host.show(null);
    const r = result;
    const removed = new Set(r.removedClaims.map((c) => c.claim.id));
    const simulated = r.simulatedClaims.map((c) => c.claim.id);
    const focus = side === 'before' ? r.cutPaths : [...r.remainingPaths, ...r.createdPaths];
    const all = [...r.cutPaths, ...r.remainingPaths, ...(side === 'after' ? r.createdPaths : [])];
    const entities = new Map<string, PathEntity>();
    const claims = new Map<string, ClaimView>();
    for (const p of all) {
      for (const n of p.path.nodes) entities.set(n.id, n);
      for (const h of p.path.hops) if (side === 'before' || !removed.has(h.claim.id)) claims.set(h.claim.id, h.claim);
    }
    for (const l of r.populations) {
      entities.set(l.population.id, l.population);
      entities.set(l.infrastructure.id, l.infrastructure);
      if (side === 'before') claims.set(l.claim.id, l.claim);
    }
    if (side === 'after') for (const c of r.simulatedClaims) claims.set(c.claim.id, c.claim);
    host.show({
      entities: [...entities.values()],
      claims: [...claims.values()],
      focusNodes: [...new Set(focus.flatMap((p) => p.path.nodes.map((n) => n.id)))],
      focusEdges: focus.flatMap((p) => p.path.hops.map((h) => h.claim.id)),
      removed: side === 'before' ? [...removed] : [],
      simulated: side === 'after' ? simulated : [],
      title: scenarioTitle({ saved: current, companyName: r.company.name }),
      notes: [r.summary, sideNote(side)],
    });
  }

  function renderResult(): void {
    const r = result!;
    const toggle = (value: 'before' | 'after', label: string) => {
      const b = el('button', { type: 'button', 'data-testid': `scenario-${value}`, 'aria-pressed': String(side === value), text: label });
      b.addEventListener('click', () => {
        side = value;
        renderResult();
        draw();
      });
      return b;
    };
    const name = el('input', { type: 'text', 'data-testid': 'scenario-name', 'aria-label': 'Scenario name', placeholder: 'Name this scenario' });
    const save = el('button', { type: 'button', 'data-testid': 'scenario-save', text: 'Save' });
    const saveNote = el('span', { class: 'muted', 'data-testid': 'scenario-save-note' });
    save.addEventListener('click', () => void saveScenario(name.value, saveNote));
    if (current) name.value = current.name;
    results.replaceChildren(
      el('h3', { class: 'scenario-title', 'data-testid': 'scenario-title', text: scenarioTitle({ saved: current, companyName: r.company.name }) }),
      current ? el('p', { class: 'muted', 'data-testid': 'scenario-saved-by', text: savedLine(current) }) : '',
      el('p', { class: 'summary', 'data-testid': 'scenario-summary', text: r.summary }),
      el('p', { class: 'toggle', role: 'group', 'aria-label': 'Show the graph' }, toggle('before', 'Before'), toggle('after', 'After')),
      section('Cut', 'scenario-cut', r.cutPaths, 'cut'),
      section('Remaining', 'scenario-remaining', r.remainingPaths, 'remaining'),
      section('Created through the buyer', 'scenario-created', r.createdPaths, 'created'),
      el('h3', { text: `People losing a service: ${people(r.peopleLosingService)}` }),
      r.populations.length
        ? el('ul', {}, ...r.populations.map((p) => el('li', { 'data-testid': 'scenario-population', text: `${p.population.name}${p.size ? ` (${people(p.size)})` : ''}, served by ${p.infrastructure.name}` })))
        : el('p', { class: 'muted', text: 'No population recorded as served loses a service.' }),
      el('h3', { text: 'Substitution risks' }),
      r.substitutionRisks.length
        ? el('ul', {}, ...r.substitutionRisks.map((x) => el('li', { 'data-testid': 'scenario-risk' }, el('span', { text: x.explanation }), contestedNote(x.claim), x.claim ? responsesList(x.claim.responses) : null, x.claim ? sourcesOf(x.claim) : null)))
        : el('p', { class: 'muted', text: 'None found in the graph.' }),
      el('h3', { text: 'Ended claims' }),
      el('ul', { class: 'removed' }, ...r.removedClaims.map((c) => el('li', { 'data-testid': 'scenario-removed' }, `${relationWords(c.claim.type)}: ${c.reason}`, responsesList(c.claim.responses)))),
      el('p', { class: 'inline' }, name, save, saveNote),
    );
  }

  function section(title: string, testid: string, list: ScenarioPathView[], kind: string): HTMLElement {
    return el(
      'div',
      { 'data-testid': testid },
      el('h3', { text: `${title} (${list.length})` }),
      list.length
        ? el(
            'ol',
            { class: 'paths' },
            ...list.map((p) =>
              el(
                'li',
                { class: `path ${kind}`, 'data-testid': 'scenario-path' },
                el('strong', { text: score3(p.path.score) }),
                ` ${p.path.nodes.map((n) => n.name).join(' → ')}`,
                ROLE_LABEL[p.role] ? el('span', { class: 'muted', text: ` (${ROLE_LABEL[p.role]})` }) : null,
                p.path.contested ? el('span', { class: 'contested', 'data-testid': 'scenario-path-contested', title: contestedWhy(p), text: ' contested evidence' }) : null,
                undatedText(p.path) ? el('span', { class: 'undated', 'data-testid': 'scenario-path-undated', title: UNDATED_WHY, text: ` ${undatedText(p.path)}` }) : null,
                pathResponsesList(p.path),
              ),
            ),
          )
        : el('p', { class: 'muted', text: 'None.' }),
    );
  }

  /** Why the contested hops of a path are contested, for a tooltip. */
  function contestedWhy(p: ScenarioPathView): string {
    return p.path.hops.filter((h) => h.contested).map((h) => `${h.from.name} → ${h.to.name}: ${h.claim.contestedBecause ?? ''}`).join(' ');
  }

  /** A risk's claim, when contested: marked, with why. */
  function contestedNote(claim: ScenarioResult['substitutionRisks'][number]['claim']): HTMLElement | null {
    return claim?.contested ? el('p', { class: 'contested-because', 'data-testid': 'risk-contested', text: `Contested: ${claim.contestedBecause ?? ''}` }) : null;
  }

  /** Two scenarios side by side: the summary, the paths cut and created by each or both, each one's risks. */
  function comparisonView(c: Comparison): HTMLElement[] {
    const risks = (name: string, testid: string, side: Comparison['resultA']) =>
      el(
        'div',
        { 'data-testid': testid },
        el('h4', { text: `Substitution risks of "${name}" (${side.substitutionRisks.length})` }),
        side.substitutionRisks.length
          ? el('ul', {}, ...side.substitutionRisks.map((x) => el('li', { 'data-testid': 'scenario-compare-risk' }, el('span', { text: x.explanation }), contestedNote(x.claim), x.claim ? sourcesOf(x.claim) : null)))
          : el('p', { class: 'muted', text: 'None found in the graph.' }),
      );
    return [
      el('p', { 'data-testid': 'scenario-compare-summary', text: c.summary }),
      section(`Cut by both`, 'scenario-compare-cut-both', c.cutByBoth, 'cut'),
      section(`Cut only by "${c.a.name}"`, 'scenario-compare-cut-a', c.cutOnlyByA, 'cut'),
      section(`Cut only by "${c.b.name}"`, 'scenario-compare-cut-b', c.cutOnlyByB, 'cut'),
      section(`Created by both`, 'scenario-compare-created-both', c.createdByBoth, 'created'),
      section(`Created only by "${c.a.name}"`, 'scenario-compare-created-a', c.createdOnlyByA, 'created'),
      section(`Created only by "${c.b.name}"`, 'scenario-compare-created-b', c.createdOnlyByB, 'created'),
      risks(c.a.name, 'scenario-compare-risks-a', c.resultA),
      risks(c.b.name, 'scenario-compare-risks-b', c.resultB),
    ];
  }

  function sourcesOf(claim: ClaimView): HTMLElement {
    return el(
      'ul',
      { class: 'sources' },
      ...claim.sources.map((s) => {
        const href = safeUrl(s.url);
        return el('li', {}, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'source-link', text: `${s.publisher}: ${s.title}` }) : el('span', { text: s.url }));
      }),
    );
  }

  async function saveScenario(name: string, note: HTMLElement): Promise<void> {
    if (!lastInput) return;
    if (!name.trim()) {
      note.textContent = 'Give the scenario a name first.';
      return;
    }
    try {
      const { saveScenario: s } = await gql<{ saveScenario: SavedScenario }>(SAVE_SCENARIO, { name: name.trim(), input: lastInput });
      const link = `${location.origin}${location.pathname}?scenario=${encodeURIComponent(s.id)}`;
      note.replaceChildren('Saved. Link: ', el('a', { href: link, 'data-testid': 'scenario-link', text: link }));
      current = s;
      host.shown(s.id);
      void loadSaved();
    } catch (error) {
      note.textContent = (error as Error).message;
    }
  }

  async function loadSaved(): Promise<void> {
    if (!company) return;
    try {
      const { scenarios } = await gql<{ scenarios: SavedScenario[] }>(SCENARIOS, { companyId: company.id });
      renderSaved(scenarios);
    } catch (error) {
      saved.replaceChildren(el('p', { class: 'error', text: (error as Error).message }));
    }
  }

  function renderSaved(list: SavedScenario[]): void {
    if (list.length === 0) return saved.replaceChildren();
    const compare = el('button', { type: 'button', 'data-testid': 'scenario-compare', text: 'Compare the two ticked' });
    const out = el('div', { 'data-testid': 'scenario-comparison' });
    compare.addEventListener('click', async () => {
      const ids = [...saved.querySelectorAll<HTMLInputElement>('input[name=compare]:checked')].map((i) => i.value);
      if (ids.length !== 2) return void (out.textContent = 'Tick exactly two scenarios to compare.');
      try {
        const { compareScenarios: c } = await gql<{ compareScenarios: Comparison }>(COMPARE, { a: ids[0], b: ids[1] });
        out.replaceChildren(...comparisonView(c));
      } catch (error) {
        out.textContent = (error as Error).message;
      }
    });
    saved.replaceChildren(
      el('h3', { text: 'Saved scenarios' }),
      el(
        'ul',
        {},
        ...list.map((s) => {
          const open = el('button', { type: 'button', class: 'link', 'data-testid': 'scenario-open', text: s.name });
          open.addEventListener('click', () => void openSaved(s));
          return el('li', { 'data-testid': 'scenario-saved' }, el('input', { type: 'checkbox', name: 'compare', value: s.id, 'aria-label': `Compare ${s.name}` }), ' ', open, el('span', { class: 'muted', text: ` by ${s.createdBy}` }));
        }),
      ),
      compare,
      out,
    );
  }

  /** An entity's name, for the form's fields: a reader sees names, never ids. */
  async function entityName(id: string): Promise<string> {
    const { entity } = await gql<{ entity: { name: string } | null }>(ENTITY_NAME, { id });
    return entity?.name ?? id;
  }

  /** Fills the form from a saved scenario and runs it. */
  async function openSaved(s: SavedScenario): Promise<void> {
    const input = s.input;
    mode.value = input.mode;
    showBuyer();
    asOf.value = input.asOf ?? '';
    buyerName.value = input.buyerName ?? '';
    const [companyName, buyerEntityName] = await Promise.all([entityName(input.companyId), input.buyerId ? entityName(input.buyerId) : null]);
    buyer = input.buyerId ? { id: input.buyerId, name: buyerEntityName!, type: 'Company' } : null;
    buyerField.input.value = buyer?.name ?? '';
    if (!company || company.id !== input.companyId) {
      company = { id: input.companyId, name: companyName, type: 'Company' };
      await loadOptions(input.companyId);
    }
    companyField.input.value = companyName;
    const values = [...(input.scope.all ? ['all'] : []), ...input.scope.countries, ...input.scope.contracts, ...input.scope.infrastructure, ...input.scope.stateBodies];
    for (const box of scopeBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = values.includes(box.value);
    await simulate({ ...input, scope: { all: input.scope.all, countries: input.scope.countries, contracts: input.scope.contracts, infrastructure: input.scope.infrastructure, stateBodies: input.scope.stateBodies } }, s);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = currentInput();
    if (typeof input === 'string') return message(input);
    void simulate(input);
  });
  close.addEventListener('click', () => api.close());
  panel.replaceChildren(close, el('h2', { text: 'Disengagement scenario' }), form, results, saved);

  const api = {
    open() {
      panel.hidden = false;
      companyField.input.focus();
    },
    close() {
      panel.hidden = true;
      result = null;
      current = null;
      host.shown(null);
      host.show(null);
    },
    /** Opens a saved scenario by id (from a shared link). */
    async openById(id: string) {
      panel.hidden = false;
      try {
        const { scenario } = await gql<{ scenario: SavedScenario }>(SCENARIO, { id });
        await openSaved(scenario);
      } catch (error) {
        message(`The shared scenario could not be opened: ${(error as Error).message}`, true);
      }
    },
  };
  return api;
}

// The side panel: an entity's facts, then its own relationships (claims that start or end at
// it), each as a sentence with the summary, status, dates and the public sources that report it.
import { claimPeriod, UNDATED_WHY } from './claimPeriod.ts';
import { capitalised, countryLabel, entityTypeWords, readableNumber } from '../../api/domain/words.ts';
import { ENTITY_TYPES } from '../../api/domain/model.ts';
import { STATUS_STYLES, TYPE_COLORS, statusFromName } from './appearance.ts';
import { claimSentence, ownClaimsByRelation } from './claimSentences.ts';
import { responsesList } from './claimResponses.ts';
import { el, safeUrl } from './dom.ts';
import type { ClaimView, EntityView, SourceView } from './queries.ts';

export interface DetailsActions {
  select(id: string): void;
  expand(id: string): void;
  close(): void;
  /** Set when an editor is signed in: forms for adding, correcting and retracting claims. */
  editing: null | {
    addClaim(entity: EntityView, done: () => void, cancel: () => void): HTMLElement;
    correct(claim: ClaimView, done: () => void, cancel: () => void): HTMLElement;
    retract(claim: ClaimView, done: () => void, cancel: () => void): HTMLElement;
    /** After a successful write: reload what is shown. */
    changed(): void;
  };
}

/** A button that swaps `slot`'s content for a form, and back when the form is done or cancelled. */
function formToggle(label: string, testid: string, slot: HTMLElement, make: (done: () => void, cancel: () => void) => HTMLElement, changed: () => void) {
  const button = el('button', { type: 'button', class: 'edit', 'data-testid': testid, text: label });
  button.addEventListener('click', () => {
    const cancel = () => slot.replaceChildren();
    slot.replaceChildren(make(() => {
      cancel();
      changed();
    }, cancel));
    slot.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });
  return button;
}

export function renderLoading(panel: HTMLElement, name: string): void {
  panel.hidden = false;
  panel.replaceChildren(el('p', { class: 'loading', text: `Loading ${name}…` }));
}

export function renderError(panel: HTMLElement, message: string, actions: DetailsActions): void {
  panel.hidden = false;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  close.addEventListener('click', actions.close);
  panel.replaceChildren(close, el('p', { class: 'error', role: 'alert', text: message }));
}

export function renderDetails(
  panel: HTMLElement,
  entity: EntityView,
  claims: ClaimView[],
  names: ReadonlyMap<string, string>,
  actions: DetailsActions,
): void {
  panel.hidden = false;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  close.addEventListener('click', actions.close);
  const expand = el('button', { type: 'button', class: 'expand', 'data-testid': 'expand-button', text: 'Expand neighbours' });
  expand.addEventListener('click', () => actions.expand(entity.id));

  panel.replaceChildren(
    ...[
    close,
    el('p', { class: 'entity-type' }, swatch(TYPE_COLORS[entity.type]), capitalised(entityTypeWords(entity.type))),
    el('h2', { 'data-testid': 'details-name', text: entity.name }),
    entity.description ? el('p', { class: 'description', text: entity.description }) : null,
    facts(entity),
    expand,
    ...ownClaims(entity, claims, names, actions),
    ].filter((n): n is HTMLElement => n !== null),
  );
}

/** The entity's own claims, grouped by relation; those among its neighbours are only counted. */
function ownClaims(entity: EntityView, claims: ClaimView[], names: ReadonlyMap<string, string>, actions: DetailsActions): (HTMLElement | null)[] {
  const { groups, others } = ownClaimsByRelation(entity.id, claims);
  const count = groups.reduce((n, g) => n + g.claims.length, 0);
  return [
    el('h3', { text: `Relationships (${count})` }),
    ...(actions.editing ? addClaimControls(entity, actions.editing) : []),
    ...(count
      ? groups.flatMap((g) => [
          el('h4', { class: 'relation-group', 'data-testid': 'relation-group', text: `${g.heading} (${g.claims.length})` }),
          el('ul', { class: 'claims' }, ...g.claims.map((c) => claimItem(c, entity.id, names, actions))),
        ])
      : [el('p', { class: 'muted', text: 'No relationships of its own pass the current filters.' })]),
    others
      ? el('p', { class: 'muted', 'data-testid': 'neighbour-claims', text: `${others} more ${others === 1 ? 'relationship joins' : 'relationships join'} its neighbours to each other; select a neighbour to read ${others === 1 ? 'it' : 'them'}.` })
      : null,
  ];
}

function swatch(color: string): HTMLElement {
  const dot = el('span', { class: 'dot' });
  dot.style.background = color;
  return dot;
}

const FIELD_LABELS: Readonly<Record<string, string>> = { isin: 'ISIN', lei: 'LEI', affectedPeople: 'Affected people', code: 'Country code', opensanctionsId: 'OpenSanctions id' };

/** A field's short label: its own, or its name in words ("affectedPeople" -> "Affected people"). */
function fieldLabel(field: string, doc: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field]!;
  // A one-line doc reads well as a label; a doc that lists values does not.
  const short = doc.replace(/\.$/, '').replace(/\s*\(.*\)$/, '');
  if (short.length <= 24 && !short.includes(',')) return short;
  return capitalised(field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

/** Aliases, country and the fields of the entity's own type that have a value. */
function facts(entity: EntityView): HTMLElement {
  const rows: [string, string][] = [];
  if (entity.aliases.length) rows.push(['Also known as', entity.aliases.join(', ')]);
  if (entity.country) rows.push(['Country', countryLabel(entity.country)]);
  for (const [field, spec] of Object.entries(ENTITY_TYPES[entity.type].fields)) {
    const value = entity[field];
    // A list field the API reads as empty when not stored (topics) says nothing.
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const shown = Array.isArray(value) ? value.join(', ') : typeof value === 'number' ? value.toLocaleString('en') : field === 'kind' ? String(value).replace(/-/g, ' ') : String(value);
    rows.push([fieldLabel(field, spec.doc), shown]);
  }
  return el('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

/** One end of a claim's sentence: the entity the panel is about in bold, the other a link to it. */
function sentenceEnd(end: { id: string; name: string }, focus: string, actions: DetailsActions): HTMLElement {
  if (end.id === focus) return el('strong', { text: end.name });
  const link = el('button', { type: 'button', class: 'link', text: end.name });
  link.addEventListener('click', () => actions.select(end.id));
  return link;
}

function claimItem(claim: ClaimView, focus: string, names: ReadonlyMap<string, string>, actions: DetailsActions): HTMLElement {
  const sentence = claimSentence(claim, names);
  const status = statusFromName(claim.status);
  const style = STATUS_STYLES[status];
  const badge = el('span', { class: `status status-${status}`, 'data-testid': 'claim-status', title: style.label, text: style.label });
  badge.style.borderColor = style.color;
  const period = claimPeriod(claim);
  const extra = [
    period.undated ? null : period.text,
    claim.percentage !== null ? `${readableNumber(claim.percentage, 2)}%` : null,
    claim.confidence !== null ? `confidence ${readableNumber(claim.confidence, 2)} (assessed by a curator)` : null,
  ].filter(Boolean) as string[];

  return el(
    'li',
    { class: 'claim', 'data-testid': 'claim', 'data-claim-id': claim.id },
    el('p', { class: 'relation', 'data-testid': 'claim-sentence' }, sentenceEnd(sentence.from, focus, actions), ` ${sentence.verb} `, sentenceEnd(sentence.to, focus, actions)),
    el(
      'p',
      { class: 'meta' },
      badge,
      period.undated ? el('span', { class: 'undated', 'data-testid': 'claim-undated', title: UNDATED_WHY, text: ' undated' }) : null,
      extra.length ? ` ${extra.join(' · ')}` : '',
    ),
    el('p', { class: 'summary', text: claim.summary }),
    claim.contested
      ? el('p', { class: 'contested-because', 'data-testid': 'claim-contested' }, el('strong', { text: 'Contested. ' }), claim.contestedBecause ?? '')
      : null,
    responsesList(claim.responses),
    claim.note ? el('p', { class: 'note', text: claim.note }) : null,
    el('ul', { class: 'sources' }, ...claim.sources.map((s) => sourceItem(s, claim.evidence.filter((e) => e.sourceId === s.id).map((e) => e.quote)))),
    ...(actions.editing ? claimEditControls(claim, actions.editing) : []),
  );
}

function addClaimControls(entity: EntityView, editing: NonNullable<DetailsActions['editing']>): HTMLElement[] {
  const slot = el('div', { class: 'form-slot' });
  return [formToggle('Add a claim', 'add-claim', slot, (done, cancel) => editing.addClaim(entity, done, cancel), editing.changed), slot];
}

function claimEditControls(claim: ClaimView, editing: NonNullable<DetailsActions['editing']>): HTMLElement[] {
  const slot = el('div', { class: 'form-slot' });
  return [
    el(
      'p',
      { class: 'edit-actions' },
      formToggle('Correct', 'correct-claim', slot, (done, cancel) => editing.correct(claim, done, cancel), editing.changed),
      formToggle('Retract', 'retract-claim', slot, (done, cancel) => editing.retract(claim, done, cancel), editing.changed),
    ),
    slot,
  ];
}

/** A source with the quotes of it the claim was checked against, so a reader sees what it says. */
function sourceItem(source: SourceView, quotes: readonly string[]): HTMLElement {
  const label = `${source.publisher}: ${source.title}${source.date ? ` (${source.date})` : ''}`;
  const href = safeUrl(source.url);
  return el(
    'li',
    {},
    href
      ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'source-link', text: label })
      : el('span', { 'data-testid': 'source-text', text: `${label} — ${source.url}` }),
    ...quotes.map((quote) => el('blockquote', { class: 'evidence', 'data-testid': 'source-quote', cite: href ?? undefined, text: `“${quote}”` })),
    source.licence ? el('span', { class: 'muted licence', 'data-testid': 'source-licence', text: ` Terms: ${source.licence}` }) : null,
  );
}

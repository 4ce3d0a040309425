// "Data": where the graph's records come from and what may be one entity twice. The official
// lists imported (publisher, version, licence, what each import came to), and the review queue:
// each pair of entities that may be one, side by side with their own claims and sources, for an
// editor to merge or keep apart. Decisions are remembered when a list is imported again.
import { countryLabel, dateWords, entityTypeWords, readableNumber } from '../../api/domain/words.ts';
import { gql } from './api.ts';
import { claimSentence } from './claimSentences.ts';
import { el, safeUrl } from './dom.ts';
import { NEIGHBORHOOD, type ClaimView, type EntityView, type NeighborhoodView } from './queries.ts';

export interface DatasetsHost {
  isEditor(): boolean;
  /** Open an entity in the explorer. */
  openEntity(id: string): void;
  report(kind: 'info' | 'error' | 'loading', text: string): void;
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

interface DatasetImportView {
  id: string;
  name: string;
  publisher: string;
  sourcePage: string;
  licence: string;
  version: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
  entities: Counts;
  claims: Counts;
  merged: number;
  sentToReview: number;
  ended: number;
  reported: string[];
}

interface PairView {
  key: string;
  score: number;
  reason: string;
  doubt: string;
  dataset: string;
  incoming: EntityView | null;
  candidate: EntityView | null;
}

const DATASETS = `{ datasets(limit: 200) { id name publisher sourcePage licence version fileName importedAt importedBy
  entities { created updated unchanged } claims { created updated unchanged } merged sentToReview ended reported } }`;
const PAIRS = `{ entityPairs(limit: 50) { key score reason doubt dataset incoming { id type name aliases country } candidate { id type name aliases country } } }`;
const DECIDE = `mutation($key: ID!, $same: Boolean!) { decideEntityPair(key: $key, same: $same) { key status } }`;

/** How many of an entity's own claims a pair shows on each side. */
const CLAIMS_SHOWN = 6;

/** The newest import of each list: what the graph holds of it now. */
function latestPerList(imports: DatasetImportView[]): DatasetImportView[] {
  const seen = new Set<string>();
  return imports.filter((d) => !seen.has(d.name) && seen.add(d.name));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countsWords(d: DatasetImportView): string {
  const parts = [
    `${d.entities.created} entities new, ${d.entities.updated} changed, ${d.entities.unchanged} unchanged`,
    `${d.claims.created} claims new, ${d.claims.updated} changed, ${d.claims.unchanged} unchanged`,
    d.merged ? `${d.merged} merged into entities already held` : null,
    d.sentToReview ? `${plural(d.sentToReview, 'possible duplicate')} sent to review` : null,
    d.ended ? `${plural(d.ended, 'listing')} no longer in the list ended` : null,
    d.reported.length ? `${plural(d.reported.length, 'row')} reported, not imported` : null,
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}

function importItem(d: DatasetImportView): HTMLElement {
  const page = safeUrl(d.sourcePage);
  const reported = d.reported.length
    ? el('details', {}, el('summary', { text: `Rows not imported (${d.reported.length})` }), el('ul', {}, ...d.reported.map((r) => el('li', { text: r }))))
    : null;
  return el(
    'li',
    { 'data-testid': 'dataset-import' },
    el('strong', { text: d.publisher }),
    el('div', { class: 'muted', text: `${d.version}. Imported on ${dateWords(d.importedAt.slice(0, 10))} by ${d.importedBy} from ${d.fileName}.` }),
    el('div', { 'data-testid': 'dataset-licence', text: `Terms: ${d.licence}` }),
    page ? el('a', { href: page, target: '_blank', rel: 'noopener noreferrer', text: 'Source page' }) : null,
    el('div', { class: 'muted', text: countsWords(d) }),
    reported,
  );
}

function ownClaims(id: string, n: NeighborhoodView): ClaimView[] {
  return n.edges.filter((c) => c.from === id || c.to === id);
}

/** One side of a pair: the entity's facts and its own claims with their sources. */
function entitySide(label: string, entity: EntityView, neighbourhood: NeighborhoodView | null, host: DatasetsHost): HTMLElement {
  const names = new Map((neighbourhood?.nodes ?? []).concat(neighbourhood?.center ?? []).map((e) => [e.id, e.name]));
  const claims = neighbourhood ? ownClaims(entity.id, neighbourhood) : [];
  const open = el('button', { type: 'button', class: 'link', text: entity.name });
  open.addEventListener('click', () => host.openEntity(entity.id));
  return el(
    'div',
    { class: 'pair-side', 'data-testid': 'pair-side' },
    el('div', { class: 'muted', text: label }),
    el('strong', {}, open),
    el('div', { class: 'muted', text: [entityTypeWords(entity.type), entity.country ? countryLabel(entity.country) : 'no country recorded', `id ${entity.id}`].join(' · ') }),
    entity.aliases.length ? el('div', { class: 'muted', text: `Also known as ${entity.aliases.join('; ')}` }) : null,
    el(
      'ul',
      { class: 'pair-claims' },
      ...claims.slice(0, CLAIMS_SHOWN).map((c) => {
        const s = claimSentence(c, names);
        return el('li', {}, `${s.from.name} ${s.verb} ${s.to.name}`, el('span', { class: 'muted', text: ` — ${c.sources.map((x) => x.publisher).join('; ')}` }));
      }),
      claims.length > CLAIMS_SHOWN ? el('li', { class: 'muted', text: `and ${claims.length - CLAIMS_SHOWN} more` }) : null,
      neighbourhood && claims.length === 0 ? el('li', { class: 'muted', text: 'No claims of its own.' }) : null,
    ),
  );
}

export function setUpDatasetsPanel(panel: HTMLElement, host: DatasetsHost): { open(): void; close(): void } {
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×' });
  const imports = el('ul', { class: 'dataset-imports', 'data-testid': 'dataset-imports' });
  const queue = el('div', { 'data-testid': 'pair-queue' });
  close.addEventListener('click', () => (panel.hidden = true));

  const neighbourhoodOf = (id: string) => gql<{ neighborhood: NeighborhoodView }>(NEIGHBORHOOD, { id, depth: 1, limit: 50 }).then((d) => d.neighborhood, () => null);

  async function decide(pair: PairView, same: boolean, row: HTMLElement): Promise<void> {
    try {
      await gql(DECIDE, { key: pair.key, same });
      row.replaceChildren(el('p', { 'data-testid': 'pair-decided', text: same ? `Merged: ${pair.incoming?.name} is now part of ${pair.candidate?.name}.` : `Kept apart: ${pair.incoming?.name} and ${pair.candidate?.name} are two entities.` }));
      host.report('info', same ? 'Merged. The decision is remembered when the list is imported again.' : 'Kept apart. The decision is remembered when the list is imported again.');
    } catch (error) {
      host.report('error', `The decision was not saved: ${(error as Error).message}`);
    }
  }

  async function pairRow(pair: PairView): Promise<HTMLElement> {
    const [a, b] = await Promise.all([neighbourhoodOf(pair.incoming!.id), neighbourhoodOf(pair.candidate!.id)]);
    const row = el('section', { class: 'pair', 'data-testid': 'pair' });
    const actions = host.isEditor()
      ? el('p', { class: 'inline' }, el('button', { type: 'button', 'data-testid': 'pair-same', text: 'Same entity: merge' }), el('button', { type: 'button', 'data-testid': 'pair-different', text: 'Different entities' }))
      : el('p', { class: 'muted', text: 'Sign in as an editor to decide.' });
    actions.querySelector('[data-testid=pair-same]')?.addEventListener('click', () => void decide(pair, true, row));
    actions.querySelector('[data-testid=pair-different]')?.addEventListener('click', () => void decide(pair, false, row));
    row.append(
      el('p', { 'data-testid': 'pair-reason', text: `${Math.round(pair.score * 100)}% alike: ${pair.reason}. Not merged without a person because ${pair.doubt}.` }),
      el('div', { class: 'pair-sides' }, entitySide(`From the list ${pair.dataset}`, pair.incoming!, a, host), entitySide('Already in the graph', pair.candidate!, b, host)),
      actions,
    );
    return row;
  }

  async function load(): Promise<void> {
    imports.replaceChildren(el('li', { class: 'muted', text: 'Loading…' }));
    queue.replaceChildren();
    try {
      const [{ datasets }, { entityPairs }] = await Promise.all([gql<{ datasets: DatasetImportView[] }>(DATASETS), gql<{ entityPairs: PairView[] }>(PAIRS)]);
      const latest = latestPerList(datasets);
      imports.replaceChildren(...(latest.length ? latest.map(importItem) : [el('li', { class: 'muted', text: 'No official list has been imported.' })]));
      const pairs = entityPairs.filter((p) => p.incoming && p.candidate);
      queue.replaceChildren(
        ...(pairs.length ? await Promise.all(pairs.map(pairRow)) : [el('p', { class: 'muted', 'data-testid': 'pair-queue-empty', text: 'No pair awaits review: every entity the lists brought was either certain to be one already held, or clearly another.' })]),
      );
    } catch (error) {
      imports.replaceChildren(el('li', { text: `Could not load the lists: ${(error as Error).message}` }));
    }
  }

  panel.append(
    close,
    el('h2', { text: 'Data' }),
    el('p', { class: 'muted', text: 'The seed’s sourced claims, and the official lists imported into the graph as their publishers issue them.' }),
    el('h3', { text: 'Official lists' }),
    imports,
    el('h3', { text: 'Possible duplicates' }),
    el('p', { class: 'muted', text: `A list’s entity is merged with one already held only when certain (the same LEI or ISIN, or the same name in the same country). Pairs that only look alike wait here, each side shown with up to ${readableNumber(CLAIMS_SHOWN, 0)} of its own claims.` }),
    queue,
  );
  return {
    open() {
      panel.hidden = false;
      void load();
    },
    close() {
      panel.hidden = true;
    },
  };
}

// Editors' forms in the side panel: add a claim to the entity (with at least one source, new
// or existing), correct a claim, retract one with a reason. The API validates everything and
// writes all or nothing; its message is shown next to the form when it refuses.
import { relationWords } from '../../api/domain/words.ts';
import { RELATION_TYPES, RELATION_TYPE_NAMES, CLAIM_STATUSES, type EntityType } from '../../api/domain/model.ts';
import { gql } from './api.ts';
import { statusFromName, statusName } from './appearance.ts';
import { el } from './dom.ts';
import type { ClaimView, EntityView } from './queries.ts';

const ADD = `mutation Add($input: ClaimInput!) { addClaim(input: $input) { id } }`;
const UPDATE = `mutation Update($id: ID!, $patch: ClaimPatch!) { updateClaim(id: $id, patch: $patch) { id } }`;
const RETRACT = `mutation Retract($id: ID!, $reason: String!) { retractClaim(id: $id, reason: $reason) { id } }`;

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function field(label: string, input: Field): HTMLElement {
  return el('label', { class: 'field' }, el('span', { text: label }), input);
}

const text = (name: string, attrs: Record<string, string> = {}) => el('input', { name, 'data-testid': `claim-${name}`, ...attrs });

function statusSelect(current?: string): HTMLSelectElement {
  return el(
    'select',
    { name: 'status', 'data-testid': 'claim-status-select' },
    ...CLAIM_STATUSES.map((s) => el('option', { value: statusName(s), text: s, ...(current === s ? { selected: '' } : {}) })),
  );
}

/** "src-amnesty-2024-report" from a title, for a new source the editor did not name. */
function sourceIdFrom(title: string, url: string): string {
  const slug = `${title} ${new URL(url).hostname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `src-${slug}`.replace(/-+/g, '-');
}

/** New-source fields, or existing source ids: what the API calls newSources / sourceIds. */
function sourceFields(): { element: HTMLElement; read(): { sourceIds: string[]; newSources: Record<string, string>[] } } {
  const existing = text('source-ids', { placeholder: 'src-… (comma-separated)' });
  const publisher = text('source-publisher');
  const title = text('source-title');
  const url = text('source-url', { type: 'url', placeholder: 'https://…' });
  const date = text('source-date', { placeholder: 'YYYY-MM-DD' });
  const element = el(
    'fieldset',
    { class: 'source-fields' },
    el('legend', { text: 'Source (an existing id, or a new one)' }),
    field('Existing source ids', existing),
    field('Publisher', publisher),
    field('Title', title),
    field('URL', url),
    field('Date', date),
  );
  return {
    element,
    read() {
      const sourceIds = existing.value.split(',').map((s) => s.trim()).filter(Boolean);
      const newSources: Record<string, string>[] = [];
      if (publisher.value || title.value || url.value) {
        let id: string;
        try {
          id = sourceIdFrom(title.value || publisher.value, url.value);
        } catch {
          throw new Error(`the source URL "${url.value}" is not a web address.`);
        }
        newSources.push({ id, publisher: publisher.value.trim(), title: title.value.trim(), url: url.value.trim(), ...(date.value ? { date: date.value.trim() } : {}) });
      }
      return { sourceIds, newSources };
    },
  };
}

function shell(title: string, body: HTMLElement[], submitLabel: string, onSubmit: () => Promise<void>, onCancel: () => void): HTMLFormElement {
  const message = el('p', { class: 'error', role: 'alert', 'data-testid': 'form-error' });
  message.hidden = true;
  const submit = el('button', { type: 'submit', 'data-testid': 'form-submit', text: submitLabel });
  const cancel = el('button', { type: 'button', text: 'Cancel' });
  cancel.addEventListener('click', onCancel);
  const form = el('form', { class: 'claim-form' }, el('h4', { text: title }), ...body, message, el('p', { class: 'actions' }, submit, cancel));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      await onSubmit();
    } catch (error) {
      message.textContent = (error as Error).message;
      message.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

const numberOrNull = (value: string, name: string): number | null => {
  if (value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number; got "${value}".`);
  return n;
};

/** Relation types this entity may take part in, as "TYPE→" (it is the source) or "←TYPE". */
function relationChoices(type: EntityType): HTMLSelectElement {
  const options = RELATION_TYPE_NAMES.flatMap((name) => {
    const spec = RELATION_TYPES[name];
    const out: HTMLOptionElement[] = [];
    if ((spec.from as readonly string[]).includes(type)) out.push(el('option', { value: `out:${name}`, text: `${relationWords(name)} → …` }));
    if ((spec.to as readonly string[]).includes(type)) out.push(el('option', { value: `in:${name}`, text: `… ${relationWords(name)} → this` }));
    return out;
  });
  return el('select', { name: 'relation', 'data-testid': 'claim-relation' }, ...options);
}

export function addClaimForm(entity: EntityView, done: () => void, cancel: () => void): HTMLFormElement {
  const relation = relationChoices(entity.type);
  const other = text('other', { placeholder: 'id of the other entity, e.g. contract-nimbus', required: '' });
  const status = statusSelect('reported');
  const summary = el('textarea', { name: 'summary', 'data-testid': 'claim-summary', rows: '3', required: '', placeholder: 'Only what the sources report.' });
  const confidence = text('confidence', { placeholder: '0..1 (optional)' });
  const start = text('start', { placeholder: 'YYYY[-MM[-DD]]' });
  const end = text('end', { placeholder: 'YYYY[-MM[-DD]]' });
  const sources = sourceFields();
  return shell(
    `New claim about ${entity.name}`,
    [field('Relationship', relation), field('Other entity (id)', other), field('Status', status), field('Summary', summary), field('Confidence', confidence), field('Start', start), field('End', end), sources.element],
    'Add claim',
    async () => {
      const [direction, type] = relation.value.split(':') as ['out' | 'in', string];
      const { sourceIds, newSources } = sources.read();
      if (sourceIds.length + newSources.length === 0) throw new Error('A claim needs at least one source: give an existing source id or a new source.');
      const input = {
        from: direction === 'out' ? entity.id : other.value.trim(),
        to: direction === 'out' ? other.value.trim() : entity.id,
        type,
        status: status.value,
        summary: summary.value.trim(),
        sourceIds,
        newSources,
        confidence: numberOrNull(confidence.value, 'Confidence'),
        start: start.value.trim() || null,
        end: end.value.trim() || null,
      };
      await gql(ADD, { input });
      done();
    },
    cancel,
  );
}

export function correctClaimForm(claim: ClaimView, done: () => void, cancel: () => void): HTMLFormElement {
  const status = statusSelect(statusFromName(claim.status));
  const summary = el('textarea', { name: 'summary', 'data-testid': 'claim-summary', rows: '3' });
  summary.value = claim.summary;
  const confidence = text('confidence', { value: claim.confidence === null ? '' : String(claim.confidence) });
  const start = text('start', { value: claim.start ?? '' });
  const end = text('end', { value: claim.end ?? '' });
  const sources = sourceFields();
  return shell(
    'Correct this claim',
    [field('Status', status), field('Summary', summary), field('Confidence', confidence), field('Start', start), field('End', end), sources.element],
    'Save correction',
    async () => {
      const { sourceIds, newSources } = sources.read();
      const patch: Record<string, unknown> = {
        status: status.value,
        summary: summary.value.trim(),
        confidence: numberOrNull(confidence.value, 'Confidence'),
        start: start.value.trim() || null,
        end: end.value.trim() || null,
      };
      if (sourceIds.length) patch.addSourceIds = sourceIds;
      if (newSources.length) patch.newSources = newSources;
      await gql(UPDATE, { id: claim.id, patch });
      done();
    },
    cancel,
  );
}

export function retractClaimForm(claim: ClaimView, done: () => void, cancel: () => void): HTMLFormElement {
  const reason = el('textarea', { name: 'reason', 'data-testid': 'retract-reason', rows: '2', required: '', placeholder: 'Why: e.g. the source was corrected.' });
  return shell(
    'Retract this claim',
    [el('p', { class: 'muted', text: 'It disappears from every view but keeps its history.' }), field('Reason', reason)],
    'Retract',
    async () => {
      await gql(RETRACT, { id: claim.id, reason: reason.value.trim() });
      done();
    },
    cancel,
  );
}

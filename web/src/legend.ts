// The legend: a swatch per entity type and a line style per claim status.
import { CLAIM_STATUSES, ENTITY_TYPE_NAMES } from '../../api/domain/model.ts';
import { SCENARIO_STYLES, STATUS_STYLES, TYPE_COLORS } from './appearance.ts';
import { el } from './dom.ts';

export function renderLegend(container: HTMLElement): void {
  const types = ENTITY_TYPE_NAMES.map((type) => {
    const dot = el('span', { class: 'dot' });
    dot.style.background = TYPE_COLORS[type];
    return el('li', { 'data-type': type }, dot, type.replace(/([a-z])([A-Z])/g, '$1 $2'));
  });
  const statuses = CLAIM_STATUSES.map((status) => {
    const style = STATUS_STYLES[status];
    const line = el('span', { class: `line${style.dashed ? ' dashed' : ''}` });
    line.style.borderTopColor = style.color;
    return el('li', { 'data-status': status }, line, style.label);
  });
  const marks = Object.values(SCENARIO_STYLES).map((style) => {
    const line = el('span', { class: 'line dashed' });
    line.style.borderTopColor = style.color;
    return el('li', { class: 'scenario-mark' }, line, style.label);
  });
  const toggle = el('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true', text: 'Legend' });
  const body = el('div', { class: 'legend-body' }, el('ul', {}, ...types), el('ul', {}, ...statuses, ...marks));
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
  });
  container.replaceChildren(toggle, body);
}

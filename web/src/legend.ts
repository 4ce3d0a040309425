// The legend over the graph: a swatch per entity type and a line style per claim status, and
// how a scenario marks claims while a scenario is drawn (legendEntries.ts says what).
import { el } from './dom.ts';
import { legendEntries, type LegendEntry } from './legendEntries.ts';

const item = (entry: LegendEntry) => {
  const swatch = el('span', { class: entry.kind === 'entity' ? 'dot' : `line${entry.dashed ? ' dashed' : ''}` });
  if (entry.kind === 'entity') swatch.style.background = entry.color;
  else swatch.style.borderTopColor = entry.color;
  const data = entry.kind === 'entity' ? 'data-type' : entry.kind === 'claim' ? 'data-status' : 'data-scenario-mark';
  return el('li', { [data]: entry.key, class: entry.kind === 'scenario' ? 'scenario-mark' : undefined }, swatch, entry.label);
};

/** Draws the legend; the function it returns says whether a scenario is drawn. */
export function renderLegend(container: HTMLElement): (scenarioShown: boolean) => void {
  const toggle = el('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true', text: 'Legend' });
  const types = el('ul', {});
  const claims = el('ul', {});
  const body = el('div', { class: 'legend-body' }, types, claims);
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
  });
  container.replaceChildren(toggle, body);
  const show = (scenarioShown: boolean) => {
    const entries = legendEntries(null, scenarioShown);
    types.replaceChildren(...entries.filter((e) => e.kind === 'entity').map(item));
    claims.replaceChildren(...entries.filter((e) => e.kind !== 'entity').map(item));
  };
  show(false);
  return show;
}

// The search box: suggestions from the full-text index as the user types, chosen with the
// mouse or the keyboard (arrows, Enter, Escape). Stale answers never overwrite newer ones.
import { capitalised, countryLabel, entityTypeWords } from '../../api/domain/words.ts';
import { gql } from './api.ts';
import { TYPE_COLORS } from './appearance.ts';
import { SEARCH, type SearchHitView } from './queries.ts';

const DEBOUNCE_MS = 180;

export function setUpSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  onChoose: (id: string, name: string) => void,
  onError: (message: string) => void,
): void {
  let timer: number | undefined;
  let pending: AbortController | null = null;
  let hits: SearchHitView[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
  };

  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = document.createElement('li');
        item.role = 'option';
        item.dataset.testid = 'search-suggestion';
        item.dataset.id = hit.entity.id;
        item.className = i === active ? 'active' : '';
        item.setAttribute('aria-selected', String(i === active));
        const dot = document.createElement('span');
        dot.className = 'dot';
        dot.style.background = TYPE_COLORS[hit.entity.type];
        const name = document.createElement('span');
        name.className = 'name';
        name.textContent = hit.entity.name;
        const type = document.createElement('span');
        type.className = 'type';
        type.textContent = capitalised(entityTypeWords(hit.entity.type)) + (hit.entity.country ? ` · ${countryLabel(hit.entity.country)}` : '');
        item.append(dot, name, type);
        // mousedown, not click: the input's blur would hide the list before a click lands.
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return item;
      }),
    );
    if (hits.length === 0 && input.value.trim()) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = `Nothing matches "${input.value.trim()}".`;
      list.replaceChildren(none);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.entity.name;
    close();
    onChoose(hit.entity.id, hit.entity.name);
  };

  const lookUp = async (text: string) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const data = await gql<{ search: SearchHitView[] }>(SEARCH, { text, limit: 10 }, controller.signal);
      if (controller.signal.aborted) return;
      hits = data.search;
      active = hits.length ? 0 : -1;
      render();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') onError((error as Error).message);
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      pending?.abort();
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(() => void lookUp(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden || hits.length === 0) {
      if (e.key === 'Enter' && input.value.trim()) {
        window.clearTimeout(timer);
        void lookUp(input.value.trim());
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(Math.max(active, 0));
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
}

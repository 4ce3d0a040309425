// A claim's company responses, shown beside the claim wherever it appears (side panel, path
// hops, scenario results, screening flags): "Company response (23 September 2025, responded)
// — OHCHR", linked to its source, with the response's words when recorded.
import { responseHead } from '../../api/domain/responses.ts';
import { el, safeUrl } from './dom.ts';

/** What the explorer asks of a claim's responses; the same in every query that shows claims. */
export const RESPONSE_FIELDS = 'responses { kind date text sources { id publisher title date url } }';

export interface ResponseView {
  kind: string;
  date: string;
  text: string | null;
  sources: { id?: string; publisher: string; title: string; date: string | null; url: string }[];
}

/** Who records the response, each linked to its source. */
function recordedBy(source: ResponseView['sources'][number]): HTMLElement {
  const href = safeUrl(source.url);
  return href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', title: source.title, text: source.publisher })
    : el('span', { title: source.url, text: source.publisher });
}

function responseItem(r: ResponseView): HTMLElement {
  const by = r.sources.flatMap((s, i) => (i === 0 ? [recordedBy(s)] : ['; ', recordedBy(s)]));
  return el(
    'li',
    { class: 'response', 'data-testid': 'claim-response' },
    el('strong', { text: responseHead(r) }),
    by.length ? ' — ' : '',
    ...by,
    r.text ? el('blockquote', { class: 'response-text', text: `“${r.text}”` }) : null,
  );
}

/** The list of a claim's responses, or null when none is recorded. */
export function responsesList(responses: readonly ResponseView[] | undefined): HTMLElement | null {
  if (!responses?.length) return null;
  return el('ul', { class: 'responses', 'data-testid': 'claim-responses' }, ...responses.map(responseItem));
}

/** The responses on a path's hops, each after the hop it answers ("A → B: Company response …"); null when none. */
export function pathResponsesList(path: { nodes: readonly { name: string }[]; hops: readonly { claim: { responses?: readonly ResponseView[] } }[] }): HTMLElement | null {
  const items = path.hops.flatMap((hop, i) =>
    (hop.claim.responses ?? []).map((r) => {
      const item = responseItem(r);
      item.prepend(`${path.nodes[i]?.name ?? ''} → ${path.nodes[i + 1]?.name ?? ''}: `);
      return item;
    }),
  );
  return items.length ? el('ul', { class: 'responses', 'data-testid': 'path-responses' }, ...items) : null;
}

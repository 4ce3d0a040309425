// The export menu: the current view as data (every format the API exports, with sources and
// statuses), as a picture of the whole graph with its caption (PNG, SVG), or as a link that
// restores it.
import { gql } from './api.ts';
import { el } from './dom.ts';
import { downloadBlob, downloadText } from './download.ts';
import { pngFromSvg } from './pngPicture.ts';
import type { Filters } from './filters.ts';

const DATA_FORMATS = [
  ['GRAPHML', 'GraphML (Gephi, NetworkX)'],
  ['GEXF', 'GEXF (Gephi)'],
  ['CSV', 'CSV (entities + relationships)'],
  ['JSON', 'JSON (graphology)'],
  ['FTM', 'FollowTheMoney (JSON lines)'],
  ['CYPHER', 'Cypher script'],
] as const;

/** Formats that carry a drawing: they get the positions and sizes of the view. */
const DRAWN_FORMATS: ReadonlySet<string> = new Set(['GRAPHML', 'GEXF']);

const EXPORT = `query Export($format: ExportFormat!, $ids: [ID!], $asOf: String, $statuses: [ClaimStatus!], $minConfidence: Float, $includeUndated: Boolean, $layout: [NodePlacementInput!]) {
  exportGraph(format: $format, ids: $ids, asOf: $asOf, statuses: $statuses, minConfidence: $minConfidence, includeUndated: $includeUndated, layout: $layout) {
    files { name mediaType content } entities claims sources
  }
}`;

export interface ExportSource {
  ids(): string[];
  /** Where each drawn node is and how large, so GEXF and GraphML open as the view looks. */
  layout(): { id: string; x: number; y: number; size: number }[];
  filters(): Filters;
  /** The whole graph as an SVG picture with its title, legend, filters, date and credits. */
  picture(): { svg: string; width: number; height: number };
  link(): { url: string; note: string };
  report(kind: 'info' | 'error' | 'loading', text: string): void;
}

export function setUpExportMenu(container: HTMLElement, source: ExportSource): void {
  const button = (label: string, testid: string, action: () => Promise<void> | void) => {
    const b = el('button', { type: 'button', 'data-testid': testid, text: label });
    b.addEventListener('click', async () => {
      container.querySelector('details')?.removeAttribute('open');
      try {
        await action();
      } catch (error) {
        source.report('error', `Export failed: ${(error as Error).message}`);
      }
    });
    return el('li', {}, b);
  };
  const needsView = () => {
    const ids = source.ids();
    if (ids.length === 0) throw new Error('nothing is drawn yet; search for an entity first.');
    return ids;
  };

  const data = DATA_FORMATS.map(([format, label]) =>
    button(label, `export-${format.toLowerCase()}`, async () => {
      const ids = needsView();
      source.report('loading', `Exporting ${ids.length} entities as ${format}…`);
      const { asOf, statuses, minConfidence, includeUndated } = source.filters();
      const { exportGraph } = await gql<{
        exportGraph: { files: { name: string; mediaType: string; content: string }[]; entities: number; claims: number; sources: number };
      }>(EXPORT, { format, ids, asOf, statuses, minConfidence, includeUndated, layout: DRAWN_FORMATS.has(format) ? source.layout() : null });
      for (const file of exportGraph.files) downloadText(file.name, file.mediaType, file.content);
      source.report('info', `Exported ${exportGraph.entities} entities, ${exportGraph.claims} relationships and ${exportGraph.sources} sources.`);
    }),
  );
  const pictures = [
    button('Picture (PNG)', 'export-png', async () => {
      const ids = needsView();
      const { svg, width, height } = source.picture();
      downloadBlob('conflict-links-view.png', await pngFromSvg(svg, width, height));
      source.report('info', `Saved a picture of the whole graph (${ids.length} entities) as PNG.`);
    }),
    button('Picture (SVG)', 'export-svg', () => {
      const ids = needsView();
      downloadText('conflict-links-view.svg', 'image/svg+xml', source.picture().svg);
      source.report('info', `Saved a picture of the whole graph (${ids.length} entities) as SVG.`);
    }),
    button('Copy link to this view', 'copy-link', async () => {
      const { url, note } = source.link();
      try {
        await navigator.clipboard.writeText(url);
        source.report('info', `Link copied: ${note}`);
      } catch {
        // Clipboard access can be refused (no permission, not https): show the link instead.
        source.report('info', `Link to this view (${note}): ${url}`);
      }
    }),
  ];
  container.replaceChildren(
    el(
      'details',
      { class: 'menu' },
      el('summary', { 'data-testid': 'export-menu', text: 'Export' }),
      el('ul', {}, ...data, el('li', { class: 'separator' }), ...pictures),
    ),
  );
}

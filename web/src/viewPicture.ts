// The picture of what the explorer shows, as evidence: the whole graph with its title, the
// legend of what is drawn, the filters in words, the date and the publishers of the sources of
// the claims drawn. Pure: the explorer hands it the shapes and the words of its state.
import type { Filters } from './filters.ts';
import type { GraphShapes } from './graphShapes.ts';
import { legendEntries } from './legendEntries.ts';
import { creditLine, exportDate, filterWords } from './pictureCaption.ts';
import type { ClaimView } from './queries.ts';
import { svgPicture } from './svgPicture.ts';

export interface ViewInWords {
  title: string;
  /** What a highlight, a selection or a scenario on screen means. */
  notes: string[];
  filters: Filters;
  /** The claims loaded, by id: those drawn give the credit line its publishers. */
  claims: ReadonlyMap<string, ClaimView>;
  scenarioShown: boolean;
  now: Date;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function viewPicture(shapes: GraphShapes, view: ViewInWords): { svg: string; width: number; height: number } {
  const publishers = shapes.edgeIds.flatMap((id) => view.claims.get(id)?.sources.map((s) => s.publisher) ?? []);
  const subtitle = `${count(shapes.nodes.length, 'entity', 'entities')} and ${count(shapes.edges.length, 'relationship', 'relationships')}. ${exportDate(view.now)} from conflict-links.`;
  return svgPicture(shapes.nodes, shapes.edges, {
    title: view.title,
    subtitle,
    legend: legendEntries(shapes, view.scenarioShown),
    notes: [filterWords(view.filters), ...view.notes],
    credit: creditLine(publishers),
  });
}

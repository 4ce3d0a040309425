// Titles and notes for a picture of the explorer's view, in words: whose neighbourhood, which
// paths, what a selection highlights. Pure.
import type { PathView } from './pathQueries.ts';

/** "Project Nimbus and its neighbours"; "Google, Microsoft and their neighbours". */
export function neighbourhoodTitle(names: string[]): string {
  if (names.length === 0) return 'conflict-links';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${list} and ${names.length === 1 ? 'its' : 'their'} neighbours`;
}

/** "Complicity paths from Google to Gaza war", and what the highlight means. */
export function pathsCaption(paths: PathView[], focus: number | null): { title: string; notes: string[] } {
  const first = paths[0]!;
  const from = first.nodes[0]!.name;
  const ends = new Set(paths.map((p) => p.nodes.at(-1)!.name));
  const to = ends.size === 1 ? ` to ${[...ends][0]}` : '';
  const shown = focus === null ? `the ${paths.length} paths found` : `path ${focus + 1} of the ${paths.length} found`;
  return { title: `Complicity paths from ${from}${to}`, notes: [`Highlighted: ${shown}; entities and claims off them are grey.`] };
}

/** What a selection highlights on screen, and so in a picture. */
export function selectionNote(name: string): string {
  return `Highlighted: ${name} and its direct links; the rest is grey.`;
}

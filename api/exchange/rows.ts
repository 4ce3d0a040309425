// Row shapes of the merge queries in cypher/exchange/ for validated records.
import type { Dataset } from './dataset.ts';

/** Entities as stored: every field, the type as a property too, aliases always a list. */
export function entityRows(dataset: Pick<Dataset, 'entities'>) {
  return dataset.entities.map((e) => ({
    type: e.type,
    props: { aliases: [], ...e.props, id: e.id, name: e.name, type: e.type } as Record<string, unknown>,
  }));
}

// Which subgraph an export holds: listed entities, a neighbourhood, or everything, with the
// claim filters applied; read through readSubgraph and kept within bounds, so one request
// cannot make the API serialise the whole database.
import type { Database } from '../db/database.ts';
import { cypherInt } from '../db/database.ts';
import { resolveEntityId } from '../entity/resolvers.ts';
import { badInput, intInRange, notFound } from '../errors.ts';
import { claimFilterParams, type ClaimFilter } from '../filters/claimFilter.ts';
import { NEIGHBORHOOD_LIMIT_MAX } from '../neighborhood/resolvers.ts';
import type { Dataset } from './dataset.ts';
import { readSubgraph } from './subgraph.ts';

export type ExportSelection =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'neighborhood'; id: string; depth: number; limit: number }
  | { kind: 'all' };

export interface ExportBounds {
  entities: number;
  claims: number;
}

/** What one API request may export; the export CLI has no such bound. */
export const API_EXPORT_BOUNDS: ExportBounds = { entities: 5_000, claims: 50_000 };
export const UNBOUNDED: ExportBounds = { entities: Infinity, claims: Infinity };

export interface SelectionArgs {
  ids?: string[] | null;
  neighborhoodOf?: string | null;
  depth?: number | null;
  limit?: number | null;
  all?: boolean | null;
}

/** Exactly one way of choosing entities; names the arguments when that is not so. */
export function exportSelection(args: SelectionArgs, bounds: ExportBounds = API_EXPORT_BOUNDS): ExportSelection {
  const given = [
    args.ids != null ? 'ids' : null,
    args.neighborhoodOf != null ? 'neighborhoodOf' : null,
    args.all ? 'all' : null,
  ].filter((g): g is string => g !== null);
  if (given.length !== 1) {
    const got = given.length === 0 ? 'none was given' : `got ${given.join(' and ')}`;
    throw badInput(`Choose what to export with exactly one of ids, neighborhoodOf or all: true; ${got}.`, given[1] ?? 'ids');
  }
  if (args.ids != null) {
    const ids = [...new Set(args.ids)];
    if (ids.length === 0) throw badInput('ids must list at least one entity id.', 'ids');
    if (ids.length > bounds.entities) {
      throw badInput(`ids lists ${ids.length} entities; an export holds at most ${bounds.entities}.`, 'ids');
    }
    return { kind: 'ids', ids };
  }
  if (args.neighborhoodOf != null) {
    return {
      kind: 'neighborhood',
      id: args.neighborhoodOf,
      depth: intInRange('depth', args.depth ?? 1, 1, 2),
      limit: intInRange('limit', args.limit ?? NEIGHBORHOOD_LIMIT_MAX, 1, NEIGHBORHOOD_LIMIT_MAX),
    };
  }
  return { kind: 'all' };
}

function tooLarge(what: string, count: number, max: number): Error {
  const f = (n: number) => n.toLocaleString('en-US');
  return badInput(
    `The export would hold ${f(count)} ${what}; one request exports at most ${f(max)}. ` +
      'Narrow it (ids, neighborhoodOf, statuses, minConfidence) or run `npm run export` for the whole graph.',
  );
}

async function neighbourhoodIds(db: Database, selection: Extract<ExportSelection, { kind: 'neighborhood' }>, filter: ClaimFilter) {
  const id = await resolveEntityId({ db }, selection.id);
  const [row] = await db.read('neighborhood/neighborhood', {
    id,
    depth: cypherInt(selection.depth),
    limit: cypherInt(selection.limit),
    ...claimFilterParams(filter),
  });
  if (!row) throw notFound(`No entity with id "${selection.id}".`);
  return (row.nodes as { id: string }[]).map((n) => n.id);
}

/** Reads the selected subgraph; refuses one larger than the bounds before serialising it. */
export async function selectSubgraph(db: Database, selection: ExportSelection, filter: ClaimFilter, bounds: ExportBounds): Promise<Dataset> {
  let dataset: Dataset;
  if (selection.kind === 'all') {
    const [counts] = await db.read('exchange/counts');
    const entities = Number(counts?.entities ?? 0);
    if (entities > bounds.entities) throw tooLarge('entities', entities, bounds.entities);
    dataset = await readSubgraph(db, { all: true }, filter);
  } else {
    const ids = selection.kind === 'ids' ? selection.ids : await neighbourhoodIds(db, selection, filter);
    dataset = await readSubgraph(db, { ids }, filter);
    if (selection.kind === 'ids') {
      const found = new Set(dataset.entities.map((e) => e.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        const shown = missing.slice(0, 10).map((m) => `"${m}"`).join(', ');
        throw notFound(`No entity with id ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}.`);
      }
    }
  }
  if (dataset.claims.length > bounds.claims) throw tooLarge('claims', dataset.claims.length, bounds.claims);
  return dataset;
}

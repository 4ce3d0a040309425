import type { ApiContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { badInput, notFound } from '../errors.ts';
import { column, type StoredSource } from '../graph/mapping.ts';

export const SOURCES_MAX = 500;

export async function sourcesByIds(db: Database, ids: string[]): Promise<StoredSource[]> {
  if (ids.length === 0) return [];
  return column<StoredSource>(await db.read('sources/sources-by-ids', { ids: [...new Set(ids)] }), 'source');
}

export const sourceResolvers = {
  Query: {
    async sources(_: unknown, args: { ids: string[] }, ctx: ApiContext) {
      if (args.ids.length > SOURCES_MAX) throw badInput(`At most ${SOURCES_MAX} source ids per request.`, 'ids');
      const found = new Map((await sourcesByIds(ctx.db, args.ids)).map((s) => [s.id, s]));
      const missing = args.ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw notFound(`No source with id ${missing.map((m) => `"${m}"`).join(', ')}.`);
      return args.ids.map((id) => found.get(id)!);
    },
  },
};

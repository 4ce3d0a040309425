// The API of official lists: recorded imports, importing a list, the review queue and decisions.
import { requireEditor } from '../auth/viewer.ts';
import { cypherInt } from '../db/database.ts';
import type { ApiContext } from '../context.ts';
import { badInput, intInRange } from '../errors.ts';
import { asEntity } from '../graph/mapping.ts';
import { checkImportSize } from '../exchange/resolvers.ts';
import { decidePair, listPairs, pairByKey, type PairStatus, type StoredPair } from '../resolution/store.ts';
import { importOfficialList, isOfficialListName } from './importList.ts';

const counts = (r: Record<string, unknown>, kind: string) => ({
  created: Number(r[`${kind}Created`] ?? 0),
  updated: Number(r[`${kind}Updated`] ?? 0),
  unchanged: Number(r[`${kind}Unchanged`] ?? 0),
});

function datasetImport(r: Record<string, unknown>) {
  return { ...r, entities: counts(r, 'entities'), claims: counts(r, 'claims'), sources: counts(r, 'sources'), reported: (r.reported as string[]) ?? [] };
}

function entityPair({ pair, incoming, candidate }: StoredPair) {
  return {
    ...pair,
    status: String(pair.status).toUpperCase(),
    incoming: incoming ? asEntity(incoming) : null,
    candidate: candidate ? asEntity(candidate) : null,
  };
}

/** OHCHR_SETTLEMENTS -> ohchr-settlements, the reader's name. */
function listName(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}

export const datasetResolvers = {
  Query: {
    async datasets(_: unknown, args: { limit: number }, ctx: ApiContext) {
      const rows = await ctx.db.read('datasets/list-imports', { limit: cypherInt(intInRange('limit', args.limit, 1, 1_000)) });
      return rows.map((row) => datasetImport(row.record as Record<string, unknown>));
    },
    async entityPairs(_: unknown, args: { status: string; limit: number }, ctx: ApiContext) {
      const pairs = await listPairs(ctx.db, [args.status.toLowerCase() as PairStatus], intInRange('limit', args.limit, 1, 1_000));
      return pairs.map(entityPair);
    },
  },
  Mutation: {
    async importOfficialList(_: unknown, args: { list: string; fileName: string; content: string; dryRun: boolean | null }, ctx: ApiContext) {
      const by = requireEditor(ctx);
      const list = listName(args.list);
      if (!isOfficialListName(list)) throw badInput(`No reader for the list ${args.list}.`, 'list');
      checkImportSize(args, 'importOfficialList', `\`npm run import -- --dataset ${list} FILE\``);
      const { report } = await importOfficialList(ctx.db, list, args.content, args.fileName, { by, dryRun: args.dryRun ?? false });
      return report;
    },
    async decideEntityPair(_: unknown, args: { key: string; same: boolean }, ctx: ApiContext) {
      const by = requireEditor(ctx);
      await decidePair(ctx.db, by, args.key, args.same);
      return entityPair(await pairByKey(ctx.db, args.key));
    },
  },
};

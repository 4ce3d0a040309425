import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { asEntity, type StoredEntity } from '../graph/mapping.ts';

/** The entity with this id, following merges: a merged-away id resolves to its survivor. */
export async function entityById(ctx: Pick<ApiContext, 'db'>, id: string): Promise<StoredEntity> {
  const [row] = await ctx.db.read('entity/entity-by-id', { id });
  if (!row) throw notFound(`No entity with id "${id}".`);
  return asEntity(row.entity);
}

/** The current id for an id that may have been merged away. */
export async function resolveEntityId(ctx: Pick<ApiContext, 'db'>, id: string): Promise<string> {
  return (await entityById(ctx, id)).id;
}

export const entityResolvers = {
  Query: {
    entity: (_: unknown, args: { id: string }, ctx: ApiContext) => entityById(ctx, args.id),
  },
};

import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { asEntity, type StoredEntity } from '../graph/mapping.ts';

export async function entityById(ctx: ApiContext, id: string): Promise<StoredEntity> {
  const [row] = await ctx.db.read('entity/entity-by-id', { id });
  if (!row) throw notFound(`No entity with id "${id}".`);
  return asEntity(row.entity);
}

export const entityResolvers = {
  Query: {
    entity: (_: unknown, args: { id: string }, ctx: ApiContext) => entityById(ctx, args.id),
  },
};

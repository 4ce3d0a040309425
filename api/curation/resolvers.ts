import { requireEditor } from '../auth/viewer.ts';
import type { ApiContext } from '../context.ts';
import { cypherInt } from '../db/database.ts';
import { intInRange } from '../errors.ts';
import { addClaim, addSource, retractClaim, updateClaim } from './claims.ts';
import { createEntity, mergeEntities, updateEntity } from './entities.ts';
import { claimById } from './store.ts';

type Input = Record<string, unknown>;

export const curationResolvers = {
  Query: {
    // Lets a client check a token before offering editing; anonymous callers get null.
    viewer: (_: unknown, __: unknown, ctx: ApiContext) => (ctx.viewer.name === null ? null : ctx.viewer),
    async history(_: unknown, args: { id: string; limit: number }, ctx: ApiContext) {
      const limit = intInRange('limit', args.limit, 1, 1000);
      const rows = await ctx.db.read('audit/history', { id: args.id, limit: cypherInt(limit) });
      return rows.map((r) => r.record);
    },
    claim: (_: unknown, args: { id: string }, ctx: ApiContext) => claimById(ctx.db.read, args.id),
  },
  Mutation: {
    createEntity: (_: unknown, args: { input: Input }, ctx: ApiContext) => createEntity(ctx.db, requireEditor(ctx), args.input),
    updateEntity: (_: unknown, args: { id: string; patch: Input }, ctx: ApiContext) =>
      updateEntity(ctx.db, requireEditor(ctx), args.id, args.patch),
    mergeEntities: (_: unknown, args: { survivorId: string; duplicateId: string }, ctx: ApiContext) =>
      mergeEntities(ctx.db, requireEditor(ctx), args.survivorId, args.duplicateId),
    addSource: (_: unknown, args: { input: Input }, ctx: ApiContext) => addSource(ctx.db, requireEditor(ctx), args.input),
    addClaim: (_: unknown, args: { input: Input }, ctx: ApiContext) => addClaim(ctx.db, requireEditor(ctx), args.input),
    updateClaim: (_: unknown, args: { id: string; patch: Input }, ctx: ApiContext) =>
      updateClaim(ctx.db, requireEditor(ctx), args.id, args.patch),
    retractClaim: (_: unknown, args: { id: string; reason: string }, ctx: ApiContext) =>
      retractClaim(ctx.db, requireEditor(ctx), args.id, args.reason),
  },
};

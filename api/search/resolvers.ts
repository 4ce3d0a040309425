import type { ApiContext } from '../context.ts';
import { cypherInt } from '../db/database.ts';
import { badInput, intInRange } from '../errors.ts';
import { asEntity } from '../graph/mapping.ts';
import { luceneQuery } from './luceneQuery.ts';

export const SEARCH_LIMIT_MAX = 100;

interface SearchArgs {
  text: string;
  types?: string[] | null;
  limit: number;
}

export const searchResolvers = {
  Query: {
    async search(_: unknown, args: SearchArgs, ctx: ApiContext) {
      const limit = intInRange('limit', args.limit, 1, SEARCH_LIMIT_MAX);
      if (args.text.length > 200) throw badInput('Search text must be at most 200 characters.', 'text');
      const query = luceneQuery(args.text);
      if (query === null) throw badInput('Search text is empty: type at least one letter or digit.', 'text');
      const rows = await ctx.db.read('search/search-entities', { query, types: args.types ?? [], limit: cypherInt(limit) });
      return rows.map((row) => ({ entity: asEntity(row.entity), score: row.score as number }));
    },
  },
};

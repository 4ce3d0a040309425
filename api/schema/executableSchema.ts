import { makeExecutableSchema } from '@graphql-tools/schema';
import { complicityResolvers } from '../complicity/resolvers.ts';
import { curationResolvers } from '../curation/resolvers.ts';
import { datasetResolvers } from '../datasets/resolvers.ts';
import { disengagementResolvers } from '../disengagement/resolvers.ts';
import { entityResolvers } from '../entity/resolvers.ts';
import { exchangeResolvers } from '../exchange/resolvers.ts';
import { graphResolvers } from '../graph/resolvers.ts';
import { neighborhoodResolvers } from '../neighborhood/resolvers.ts';
import { portfolioResolvers } from '../portfolio/resolvers.ts';
import { searchResolvers } from '../search/resolvers.ts';
import { sourceResolvers } from '../sources/resolvers.ts';
import { typeDefs } from './load.ts';

export function executableSchema() {
  return makeExecutableSchema({
    typeDefs: typeDefs(),
    resolvers: [
      graphResolvers,
      entityResolvers,
      searchResolvers,
      neighborhoodResolvers,
      sourceResolvers,
      curationResolvers,
      exchangeResolvers,
      complicityResolvers,
      disengagementResolvers,
      portfolioResolvers,
      datasetResolvers,
    ],
  });
}

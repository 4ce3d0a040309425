// The bounds on a complicity search, and the error that names the one a request exceeded.
import { GraphQLError } from 'graphql';

export const COMPLICITY_BOUNDS = {
  /** Hops in a path (maxHops argument). */
  maxHops: 6,
  /** Paths returned by complicityPaths (k argument). */
  k: 50,
  /** Harms listed by exposure (limit argument). */
  exposureLimit: 500,
  /** Claims read from the graph by one search, over all its hops. */
  maxClaimsVisited: 200_000,
  /** Partial paths the path search may take from its queue. */
  maxPathsExplored: 200_000,
  /** Wall time of one search's queries together; each runs with what is left as its transaction timeout. */
  timeoutMs: 10_000,
} as const;

export type BoundName = keyof typeof COMPLICITY_BOUNDS;

/** Thrown by the pure search and the graph walk; resolvers turn it into a GraphQL error. */
export class BoundExceeded extends Error {
  override name = 'BoundExceeded';
  constructor(
    readonly bound: BoundName,
    readonly limit: number,
    message: string,
  ) {
    super(message);
  }
}

const NARROW = 'allow fewer hops, or narrow the search by date, status or confidence';

export function tooManyClaims(limit: number): BoundExceeded {
  return new BoundExceeded('maxClaimsVisited', limit, `The search read more than ${limit.toLocaleString('en-US')} claims; ${NARROW}.`);
}

export function tooManyPaths(limit: number): BoundExceeded {
  return new BoundExceeded('maxPathsExplored', limit, `The search explored more than ${limit.toLocaleString('en-US')} partial paths; ${NARROW}, or ask for fewer paths (k).`);
}

export function tooSlow(limit: number): BoundExceeded {
  return new BoundExceeded('timeoutMs', limit, `The search took longer than ${limit / 1000} s; ${NARROW}.`);
}

export function boundError(e: BoundExceeded): GraphQLError {
  return new GraphQLError(e.message, { extensions: { code: 'LIMIT_EXCEEDED', bound: e.bound, limit: e.limit } });
}

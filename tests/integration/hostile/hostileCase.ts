// One hostile input and what must come of it. A case is a GraphQL request (document,
// variables, who sends it) or a raw HTTP body; `expect` says whether it must be refused
// (a clear error, or an import report that applies nothing) or may be answered (inputs
// that look hostile but are fine, e.g. Lucene syntax in a search, which must not break it).
export type Sender = 'anonymous' | 'reader' | 'editor' | 'bogus';

export interface GraphQLCase {
  name: string;
  query: string;
  variables?: unknown;
  as?: Sender;
  expect?: 'refused' | 'answered';
  /** When given, the error's extensions.code must be one of these. */
  codes?: string[];
}

export interface BodyCase {
  name: string;
  body: string | Buffer;
  contentType?: string;
  method?: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  /** Appended to /graphql, for GET cases. */
  search?: string;
  headers?: Record<string, string>;
}

/** The error codes a client can act on; a hostile input must get one of them. */
export const CLEAR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  // yoga's own, for a request that is not a GraphQL request or names no operation it holds.
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
];

/** Shorthand for a table of cases that share a document and a sender. */
export function variants(
  prefix: string,
  query: string,
  as: Sender,
  rows: [name: string, variables: unknown, expect?: 'refused' | 'answered'][],
): GraphQLCase[] {
  return rows.map(([name, variables, expect]) => ({ name: `${prefix}: ${name}`, query, variables, as, expect: expect ?? 'refused' }));
}

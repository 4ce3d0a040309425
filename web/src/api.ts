// A small GraphQL client. Every failure becomes an ApiError whose message a person can read:
// the server's own message for GraphQL errors, a plain sentence for network trouble.
export class ApiError extends Error {
  override name = 'ApiError';
  /** `details`: the error's extra facts, e.g. the problems of a file by line. */
  constructor(message: string, readonly code?: string, readonly details?: unknown) {
    super(message);
  }
}

let authToken: string | null = null;

/** An editor's or reader's token, sent as a Bearer header from now on (null forgets it). */
export function setToken(token: string | null): void {
  authToken = token;
}

/** The Authorization header for the token in use, if any. */
function authorization(): Record<string, string> {
  return authToken ? { authorization: `Bearer ${authToken}` } : {};
}

/** POSTs a GraphQL request; `accept` picks the answer (JSON, or server-sent events for a subscription). */
export async function postGraphQL(query: string, variables: Record<string, unknown>, accept: string, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...authorization() },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the server. Is it running?');
  }
}

export interface GraphQLPayload<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: unknown } }[];
}

/** Throws the payload's errors as one ApiError (code and problems of the first); else returns it. */
export function withoutErrors<T>(payload: GraphQLPayload<T>): GraphQLPayload<T> {
  if (payload.errors?.length) {
    const first = payload.errors[0]!;
    throw new ApiError(payload.errors.map((e) => e.message).join(' '), first.extensions?.code, first.extensions?.problems);
  }
  return payload;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await postGraphQL(query, variables, 'application/json', signal);
  let body: GraphQLPayload<T>;
  try {
    body = withoutErrors(await response.json());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  if (!body.data) throw new ApiError('The server returned no data.');
  return body.data;
}

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
export function authorization(): Record<string, string> {
  return authToken ? { authorization: `Bearer ${authToken}` } : {};
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authToken ? { authorization: `Bearer ${authToken}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the server. Is it running?');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new ApiError(body.errors.map((e) => e.message).join(' '), first.extensions?.code);
  }
  if (!body.data) throw new ApiError('The server returned no data.');
  return body.data;
}

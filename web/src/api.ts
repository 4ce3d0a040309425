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

// The server's messages also serve scripts and operators (they name shell commands to run);
// a person in the explorer gets what they can do from where they are.
const READER_MESSAGES: Readonly<Record<string, (message: string) => string>> = {
  FORBIDDEN: (m) =>
    /No token was sent/.test(m)
      ? 'Changing the graph needs an editor’s token: sign in with one (whoever runs this server can make one).'
      : 'Your token may read but not change the graph: sign in with an editor’s token to make changes.',
  UNAUTHENTICATED: (m) =>
    /needs a token for every request/.test(m)
      ? 'This server asks every visitor for a token: sign in with a reader’s or an editor’s token (whoever runs this server can make one).'
      : 'That token is not known or has been revoked: ask whoever runs this server for a new one.',
};

/** A server message as a reader should see it: no shell commands. */
export function readerMessage(code: string | undefined, message: string): string {
  const rewrite = code ? READER_MESSAGES[code] : undefined;
  if (rewrite) return rewrite(message);
  // Any other text quoting a command keeps what precedes it.
  return message.replace(/\s*[^.;]*`[^`]*`[^.;]*[.;]?/g, '').trim() || message;
}

/** Throws the payload's errors as one ApiError (code and problems of the first); else returns it. */
export function withoutErrors<T>(payload: GraphQLPayload<T>): GraphQLPayload<T> {
  if (payload.errors?.length) {
    const first = payload.errors[0]!;
    const text = [...new Set(payload.errors.map((e) => readerMessage(e.extensions?.code, e.message)))].join(' ');
    throw new ApiError(text, first.extensions?.code, first.extensions?.problems);
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

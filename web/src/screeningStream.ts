// A GraphQL subscription over server-sent events (what graphql-yoga serves to a POST with
// "Accept: text/event-stream"): each event's payload goes to `onData` as it arrives, so a
// long screening can show its progress. Errors become ApiErrors, as with gql().
import { ApiError, authorization } from './api.ts';

export async function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, signal?: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authorization() },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the server. Is it running?');
  }
  if (!response.ok || !response.body) throw new ApiError(`The server answered ${response.status} ${response.statusText}.`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // Events end with a blank line; a partial one waits for the rest.
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
      if (event === 'complete') return;
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (event !== 'next' || !data) continue;
      const payload = JSON.parse(data) as { data?: T; errors?: { message: string; extensions?: { code?: string; problems?: unknown } }[] };
      if (payload.errors?.length) {
        const first = payload.errors[0]!;
        throw new ApiError(payload.errors.map((e) => e.message).join(' '), first.extensions?.code, first.extensions?.problems);
      }
      if (payload.data) onData(payload.data);
    }
  }
}

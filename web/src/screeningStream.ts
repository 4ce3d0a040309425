// A GraphQL subscription over server-sent events (what graphql-yoga serves to a POST with
// "Accept: text/event-stream"): each event's payload goes to `onData` as it arrives, so a
// long screening can show its progress. Errors become ApiErrors, as with gql().
import { ApiError, postGraphQL, withoutErrors, type GraphQLPayload } from './api.ts';

export async function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, signal?: AbortSignal): Promise<void> {
  const response = await postGraphQL(query, variables, 'text/event-stream', signal);
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
      const payload = withoutErrors(JSON.parse(data) as GraphQLPayload<T>);
      if (payload.data) onData(payload.data);
    }
  }
}

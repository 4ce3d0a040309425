// Starts the real HTTP server (API + web app) on a free port for a test, and a small
// GraphQL client for it.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { createServer, type ServerOptions } from '../../api/server.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string; [key: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestApi(
  db: Database,
  opts: Partial<Omit<ServerOptions, 'db'>> = {},
): Promise<TestApi> {
  const server = createServer({ webDir: join(projectRoot, 'web/dist'), ...opts, db });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async gql(query, variables = {}, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<GraphQLResponse<any>>;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

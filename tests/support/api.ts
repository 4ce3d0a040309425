// Starts the real HTTP server (API + web app) on a free port for a test, and a small
// GraphQL client for it.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import { createServer } from '../../api/server.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

export interface TestApi {
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestApi(db: Database, webDir = join(projectRoot, 'web/dist')): Promise<TestApi> {
  const server = createServer({ db, webDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async gql(query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
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

// createServer(config) wires the GraphQL API (/graphql) and the web app (/) on one HTTP
// server. It holds no state beyond the database handle, so many can run behind a balancer.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { ApiContext } from './context.ts';
import type { Database } from './db/database.ts';
import { viewerFromHeader } from './auth/viewer.ts';
import { answerHealth } from './http/healthz.ts';
import { maskError } from './http/maskError.ts';
import { safeHandler } from './http/safeHandler.ts';
import { executableSchema } from './schema/executableSchema.ts';
import { serveStatic } from './staticFiles.ts';

export interface ServerOptions {
  db: Database;
  webDir: string;
  /** When true, reads need a token too (any role); writes always need an editor's. */
  requireReadToken?: boolean;
}

export function createServer({ db, webDir, requireReadToken = false }: ServerOptions): Server {
  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema: executableSchema(),
    graphqlEndpoint: '/graphql',
    context: async ({ request }) => ({
      db,
      viewer: await viewerFromHeader(db, request.headers.get('authorization'), requireReadToken),
    }),
    // Unexpected errors reach clients as "Unexpected error." only; details go to the log.
    maskedErrors: { maskError },
    logging: 'warn',
  });
  return createHttpServer(safeHandler((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql' || path?.startsWith('/graphql/')) return yoga(req, res);
    if (path === '/healthz') return answerHealth(db, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' });
      return void res.end('Method not allowed\n');
    }
    serveStatic(webDir, req, res);
  }));
}

// createServer(config) wires the GraphQL API (/graphql) and the web app (/) on one HTTP
// server. It holds no state beyond the database handle, so many can run behind a balancer.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga } from 'graphql-yoga';
import type { ApiContext } from './context.ts';
import { abortableDatabase } from './db/abortable.ts';
import type { Database } from './db/database.ts';
import { viewerFromHeader } from './auth/viewer.ts';
import { bodyRefusal } from './http/bodyLimit.ts';
import { clientErrorsPlugin } from './http/clientErrors.ts';
import { CSRF_HEADER } from './http/csrf.ts';
import { requestJsonPlugin } from './http/errorCodes.ts';
import { setSecurityHeaders } from './http/securityHeaders.ts';
import { ExpensiveRequestSlots } from './limits/inFlight.ts';
import { documentLimitsPlugin, documentNestingPlugin, operationBudgetPlugin } from './limits/queryLimits.ts';
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
  /** Other origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** Serve GraphiQL to browsers at /graphql (GRAPHIQL=true). */
  graphiql?: boolean;
  /** The slots anonymous expensive requests share; tests pass their own. */
  slots?: ExpensiveRequestSlots;
}

export { CSRF_HEADER } from './http/csrf.ts';

interface NodeServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  // The unread body is not worth reading: close the connection once the answer is out.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function createServer({ db, webDir, requireReadToken = false, corsOrigins = [], graphiql = false, slots }: ServerOptions): Server {
  const yoga = createYoga<NodeServerContext, ApiContext>({
    schema: executableSchema(),
    graphqlEndpoint: '/graphql',
    context: async ({ request, req }) => ({
      db: abortableDatabase(db, request.signal),
      viewer: await viewerFromHeader(db, request.headers.get('authorization'), requireReadToken),
      signal: request.signal,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    }),
    // Same origin only, unless CORS_ORIGINS names others (their requests may carry tokens).
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, credentials: true } : false,
    graphiql,
    plugins: [
      // Forms and text/plain POSTs (which a browser sends cross-site without asking) need a header.
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      requestJsonPlugin(),
      documentNestingPlugin(),
      documentLimitsPlugin(),
      operationBudgetPlugin(slots),
      clientErrorsPlugin(),
    ],
    // Unexpected errors reach clients as "Unexpected error." only; details go to the log.
    maskedErrors: { maskError },
    logging: 'warn',
  });
  return createHttpServer(safeHandler((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql' || path?.startsWith('/graphql/')) {
      const page = graphiql && req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
      setSecurityHeaders(page ? 'graphiql' : 'api', req, res);
      const refusal = bodyRefusal(req);
      if (refusal) return sendJsonError(res, refusal.status, refusal.code, refusal.message);
      return yoga(req, res, { req, res });
    }
    setSecurityHeaders(path === '/healthz' ? 'api' : 'app', req, res);
    if (path === '/healthz') return answerHealth(db, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' });
      return void res.end('Method not allowed\n');
    }
    serveStatic(webDir, req, res);
  }));
}

// Security headers on every response, set by helmet: a Content-Security-Policy (the app's own
// scripts and styles only, no framing), nosniff, a strict Referrer-Policy and helmet's other
// defaults. The API's answers are data, never a page, so their policy allows nothing at all;
// GraphiQL (only with GRAPHIQL=true) is a page that loads its scripts from a CDN.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Headers = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const common = {
  referrerPolicy: { policy: 'no-referrer' as const },
  frameguard: { action: 'deny' as const },
  // Pictures and downloads of the graph are made in the page; nothing here is embedded elsewhere.
  crossOriginEmbedderPolicy: false,
};

const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // ForceAtlas2 runs its layout in a worker it builds from a Blob.
  workerSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'"],
  // Bars and colour dots are sized and coloured through style attributes.
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const appHeaders = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: APP_POLICY } });

const apiHeaders = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
});

const GRAPHIQL_CDN = 'https://unpkg.com';
const graphiqlHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", GRAPHIQL_CDN],
      styleSrc: ["'self'", "'unsafe-inline'", GRAPHIQL_CDN],
      imgSrc: ["'self'", 'data:', GRAPHIQL_CDN],
      fontSrc: ["'self'", 'data:', GRAPHIQL_CDN],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
});

export type ResponseKind = 'app' | 'api' | 'graphiql';

/** Sets the headers of that kind of response on `res` (before anything is written). */
export function setSecurityHeaders(kind: ResponseKind, req: IncomingMessage, res: ServerResponse): void {
  const headers: Headers = kind === 'app' ? appHeaders : kind === 'graphiql' ? graphiqlHeaders : apiHeaders;
  // helmet only sets headers and calls next synchronously.
  headers(req, res, () => {});
}

// Serves the built web app (web/dist). Unknown paths fall back to index.html so that
// shareable links into the app load it; paths outside the folder are refused.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function serveStatic(webDir: string, req: IncomingMessage, res: ServerResponse): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The web app is not built. Run `npm run build` (npm start does it for you).\n');
    return;
  }
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
  const candidate = normalize(join(webDir, urlPath));
  const inside = candidate === webDir || candidate.startsWith(webDir + sep);
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
  const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  // Vite puts a content hash in asset names, so those may be cached for long.
  if (file.includes(`${sep}assets${sep}`)) headers['cache-control'] = 'public, max-age=31536000, immutable';
  res.writeHead(200, headers);
  res.end(readFileSync(file));
}

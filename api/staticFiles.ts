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

/**
 * The file under webDir a request URL names, or null when the URL cannot be read (bad
 * percent-encoding, a NUL byte, no valid URL at all). Paths that leave webDir, however they
 * are spelled, name no file (undefined), so they get the app's index, never what is outside.
 */
export function staticFileFor(webDir: string, rawUrl: string): string | undefined | null {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(rawUrl, 'http://local').pathname);
  } catch {
    return null;
  }
  if (urlPath.includes('\0')) return null;
  const candidate = normalize(join(webDir, urlPath));
  const inside = candidate.startsWith(webDir + sep);
  return inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

export function serveStatic(webDir: string, req: IncomingMessage, res: ServerResponse): void {
  const index = join(webDir, 'index.html');
  const found = staticFileFor(webDir, req.url ?? '/');
  if (found === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the URL is not valid (check its percent-encoding).\n');
    return;
  }
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The web app is not built. Run `npm run build` (npm start does it for you).\n');
    return;
  }
  const file = found ?? index;
  const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  // Vite puts a content hash in asset names, so those may be cached for long.
  if (file.includes(`${sep}assets${sep}`)) headers['cache-control'] = 'public, max-age=31536000, immutable';
  res.writeHead(200, headers);
  res.end(readFileSync(file));
}

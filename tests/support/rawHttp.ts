// Sends a request exactly as written (no URL normalising, unlike fetch), for tests of what
// hostile clients send; returns the status and body, or status 0 if the server cut the line.
import { createConnection } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

export function rawRequest(baseUrl: string, text: string, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(text.slice(0, 80))}`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, split);
      const body = raw.slice(split + 4);
      resolve({ status, body: /^transfer-encoding: *chunked/im.test(head) ? dechunk(body) : body });
    });
    socket.write(text, 'latin1');
  });
}

function dechunk(body: string): string {
  let out = '';
  for (let at = 0; at < body.length; ) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, eol), 16);
    if (!(size > 0)) break;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
  return out;
}

/** A GET of `path` as sent, with extra header lines, closing the connection after. */
export function rawGet(baseUrl: string, path: string, headers: string[] = []): Promise<RawResponse> {
  return rawRequest(baseUrl, [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, 'Connection: close', '', ''].join('\r\n'));
}

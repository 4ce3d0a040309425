// Wraps the HTTP request handler so that no request can end the process: whatever it throws
// or rejects with is logged and answered (400 for a URL that cannot be decoded, else 500).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A URL whose percent-encoding or form the server cannot read: the client's fault. */
export class BadRequestUrl extends Error {
  override name = 'BadRequestUrl';
}

function isBadUrl(error: unknown): boolean {
  return error instanceof BadRequestUrl || error instanceof URIError || (error as { code?: unknown })?.code === 'ERR_INVALID_URL';
}

/** The start of a request line for the log: never the whole of what a client sent. */
function describe(req: IncomingMessage): string {
  const url = String(req.url ?? '');
  return `${req.method ?? '?'} ${url.length > 120 ? `${url.slice(0, 120)}...` : url}`;
}

function answer(req: IncomingMessage, res: ServerResponse, error: unknown, log: (line: string) => void): void {
  try {
    answerOnce(req, res, error, log);
  } catch {
    res.destroy();
  }
}

function answerOnce(req: IncomingMessage, res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const bad = isBadUrl(error);
  if (!bad) log(`request failed: ${describe(req)}: ${(error as Error)?.stack ?? String(error)}`);
  if (res.headersSent || res.writableEnded) {
    // Part of an answer is out: the only honest end left is to cut the connection.
    res.destroy();
    return;
  }
  const [status, text] = bad ? [400, 'Bad request: the URL is not valid.\n'] : [500, 'Internal server error.\n'];
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(text);
}

export function safeHandler(handler: RequestHandler, log: (line: string) => void = (l) => console.error(`[conflict-links] ${l}`)): RequestListener {
  return (req, res) => {
    try {
      const pending = handler(req, res);
      if (pending) pending.catch((error: unknown) => answer(req, res, error, log));
    } catch (error) {
      answer(req, res, error, log);
    }
  };
}

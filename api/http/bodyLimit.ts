// The most a request body may carry, derived from the largest import the API takes, so that a
// too-large import is refused with the import's own message (in the GraphQL answer) unless
// it is far past it. Node's parser reads exactly Content-Length bytes, so checking the header
// bounds what is read; a POST without one (chunked) is asked to send one.
import type { IncomingMessage } from 'node:http';
import { API_IMPORT_MAX_CHARS } from '../exchange/resolvers.ts';

/** JSON escaping and UTF-8 make a file of N characters up to about 3N bytes; plus the request around it. */
export const MAX_BODY_BYTES = 3 * API_IMPORT_MAX_CHARS + 1024 * 1024;

export interface BodyRefusal {
  status: 411 | 413;
  code: 'LENGTH_REQUIRED' | 'PAYLOAD_TOO_LARGE';
  message: string;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e5) / 10} MB`;

export function bodyRefusal(req: IncomingMessage): BodyRefusal | null {
  if (req.method !== 'POST') return null;
  const header = req.headers['content-length'];
  if (header === undefined) {
    return { status: 411, code: 'LENGTH_REQUIRED', message: 'A POST to /graphql needs a Content-Length header (chunked bodies are not taken).' };
  }
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0) return { status: 411, code: 'LENGTH_REQUIRED', message: 'The Content-Length header is not a byte count.' };
  if (length > MAX_BODY_BYTES) {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message:
        `The request body is ${mb(length)}, more than the ${mb(MAX_BODY_BYTES)} the API takes. ` +
        `importData takes files of at most ${API_IMPORT_MAX_CHARS.toLocaleString('en-US')} characters; import larger ones with \`npm run import -- FILE\`. Nothing was written.`,
    };
  }
  return null;
}

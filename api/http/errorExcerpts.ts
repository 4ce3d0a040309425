// Error messages never carry more than a short excerpt of what was sent: graphql-js quotes a
// bad variable's whole value, and a parser may quote the text around a syntax error, so a
// 10 MB body could come back inside its own error.
import type { GraphQLError } from 'graphql';

export const MAX_ERROR_MESSAGE = 400;

export function excerpt(message: string, max = MAX_ERROR_MESSAGE): string {
  if (message.length <= max) return message;
  const cut = message.length - max;
  return `${message.slice(0, max)}… (${cut.toLocaleString('en-US')} more characters left out)`;
}

/** Cuts the error's message, and the parser message yoga quotes inside it, to an excerpt. */
export function shortenError(error: GraphQLError): void {
  if (error.message.length > MAX_ERROR_MESSAGE) error.message = excerpt(error.message);
  // yoga quotes the JSON parser's own message for a body that is not JSON.
  const original = error.extensions?.originalError as { message?: unknown } | undefined;
  if (original && typeof original.message === 'string') original.message = excerpt(original.message);
}

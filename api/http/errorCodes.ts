// Every error a client gets carries a code it can act on. graphql-js gives a variable of the
// wrong type ('Variable "$limit" got invalid value "ten"...') no code, and the CSRF check
// answers with a bare sentence; a query string whose variables are not JSON made yoga's
// request parser throw, which reached the client as a 500.
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { CSRF_HEADER } from './csrf.ts';
import { excerpt } from './errorExcerpts.ts';

const CSRF_MESSAGE =
  `This request needs the header ${CSRF_HEADER}, or a JSON body (Content-Type: application/json): ` +
  'browsers send forms and text/plain cross-site without asking, so those are refused.';

/** Gives an error that has no code the one that says what was wrong. */
export function codeUncoded(error: GraphQLError): void {
  if (error.extensions?.code) return;
  const extensions = error.extensions as Record<string, unknown>;
  if (error.message.startsWith('Variable "$')) extensions.code = 'BAD_USER_INPUT';
  else if (error.message.startsWith('Required CSRF header')) {
    error.message = CSRF_MESSAGE;
    extensions.code = 'FORBIDDEN';
  }
}

/** A GET whose variables or extensions are not JSON: 400 and what to fix, not a 500. */
export function requestJsonPlugin(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError(`The request's "variables" or "extensions" parameter is not valid JSON: ${excerpt(error.message, 120)}`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}

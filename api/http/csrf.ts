/** The header a non-browser client sends with a form or text/plain POST to pass CSRF prevention. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

// Errors a client can act on. Anything else is masked by yoga as "Unexpected error."
import { GraphQLError } from 'graphql';

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** The write meets a state it cannot change: an id already taken, or a record another write
 *  has merged, moved or retracted meanwhile. The message says what to do instead. */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 } } });
}

/** Checks an integer argument lies within bounds, naming the argument and the bound if not. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be a whole number from ${min} to ${max}; got ${value}.`, name);
  }
  return value;
}

/** The database cannot be reached right now: the client may try again shortly. */
export function databaseUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } } });
}

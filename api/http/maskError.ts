// Yoga's error masking, except that a failure caused by the database being unreachable
// reaches the client as DATABASE_UNAVAILABLE with HTTP 503 (try again), not "Unexpected error.".
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { DatabaseUnavailableError } from '../db/availability.ts';
import { databaseUnavailable } from '../errors.ts';

const MESSAGE = 'The database is unavailable right now; try again in a few seconds.';

/** The DatabaseUnavailableError behind an error, through GraphQL's originalError and cause. */
export function unavailableCause(error: unknown): DatabaseUnavailableError | undefined {
  for (let e = error, depth = 0; e && depth < 10; depth++) {
    if (e instanceof DatabaseUnavailableError) return e;
    e = e instanceof GraphQLError ? e.originalError : (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  if (!unavailableCause(error)) return yogaMaskError(error, message, isDev);
  const plain = databaseUnavailable(MESSAGE);
  if (!(error instanceof GraphQLError)) return plain;
  // The field's own error, rewritten in place: it keeps its path and locations, and yoga logs
  // only errors that masking replaces, so an outage is not one stack trace per field (the
  // availability monitor has said once that the database is down).
  return Object.assign(error, { message: plain.message, extensions: plain.extensions });
}

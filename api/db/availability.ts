// Knows whether Neo4j can be reached, so that requests fail at once while it cannot (a
// DatabaseUnavailableError, which the API answers as 503 DATABASE_UNAVAILABLE) and work again
// on their own once it answers: a driver call that fails for connectivity, or the local
// server's exit, marks it down; a ping every second marks it up again.
import type { Database } from './database.ts';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    /** Why, in words fit for an operator: never the client's input. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The database is unavailable: ${reason}.`, options);
    // Always thrown by the same guard: where says nothing, the reason says it all.
    this.stack = `${this.name}: ${this.message}`;
  }
}

const DOWN_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const DOWN_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * What a driver error says about the database: 'down' when it cannot be reached or is not
 * serving, 'busy' when no pooled connection came free in time, null for anything else (a
 * query's own failure, a deadlock the driver retries, the app's errors).
 */
export function unavailability(error: unknown): 'down' | 'busy' | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (DOWN_CODES.has(code) || DOWN_ERRNOS.has(code))) return 'down';
    if (/^Connection acquisition timed out/.test((e as Error).message ?? '')) return 'busy';
  }
  return null;
}

export interface Availability {
  readonly up: boolean;
  /** Why it is down, while it is; null while up. */
  readonly reason: string | null;
  /** Marks it down now (the local server exited, say); the probe marks it up again. */
  /** `known`: the cause is certain (the local server exited), so it replaces a reason guessed from a failed call. */
  markDown(reason: string, known?: boolean): void;
}

export interface AvailabilityOptions {
  log?: (line: string) => void;
  /** How often to ping while down. */
  probeMs?: number;
  /** How often to ping while up, so that /healthz tells the truth without traffic. */
  checkMs?: number;
  /** A ping slower than this counts as no answer. */
  pingTimeoutMs?: number;
}

/** Pings slower than pingTimeoutMs this many times in a row while up: the server hangs. */
const HUNG_AFTER = 3;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code !== 'N/A' ? `Neo4j cannot be reached (${code})` : 'Neo4j does not answer';
}

/**
 * Wraps a database so that every call rejects at once with DatabaseUnavailableError while it
 * is down; reads in flight when it goes down reject then too (writes wait for the driver,
 * whose retries are bounded, so a write is never reported failed and then committed).
 */
export function watchAvailability(db: Database, opts: AvailabilityOptions = {}): Database & { availability: Availability } {
  const log = opts.log ?? (() => {});
  const probeMs = opts.probeMs ?? 1_000;
  const checkMs = opts.checkMs ?? 5_000;
  const pingTimeoutMs = opts.pingTimeoutMs ?? 2_000;
  let reason: string | null = null;
  let downSince = 0;
  let slowPings = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const onDown = new Set<(error: DatabaseUnavailableError) => void>();

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(() => void probe(), ms);
    timer.unref();
  };

  const markDown = (why: string, known = false) => {
    if (closed) return;
    // A request may notice the lost connection a moment before the supervisor sees the
    // process exit: the exit is the better reason, so it replaces a guessed one.
    if (reason !== null) {
      if (known && reason !== why) {
        reason = why;
        log(`Neo4j is unavailable: ${why}.`);
      }
      return;
    }
    reason = why;
    downSince = Date.now();
    log(`Neo4j is unavailable (${why}); requests get 503 DATABASE_UNAVAILABLE until it answers again.`);
    const error = new DatabaseUnavailableError(why);
    for (const reject of onDown) reject(error);
    onDown.clear();
    schedule(probeMs);
  };

  const probe = async () => {
    try {
      await withTimeout(db.autoCommit('system/ping'), pingTimeoutMs);
      slowPings = 0;
      if (reason !== null) {
        log(`Neo4j answers again after ${((Date.now() - downSince) / 1000).toFixed(1)} s; requests are served.`);
        reason = null;
      }
    } catch (error) {
      if (reason === null) {
        if (unavailability(error) === 'down') markDown(reasonOf(error));
        else if (++slowPings >= HUNG_AFTER) markDown(`Neo4j has not answered a ping for ${(HUNG_AFTER * (checkMs + pingTimeoutMs)) / 1000} s`);
      }
    }
    schedule(reason === null ? checkMs : probeMs);
  };

  const unavailable = (cause?: unknown) => new DatabaseUnavailableError(reason ?? 'Neo4j cannot be reached', cause === undefined ? undefined : { cause });

  async function guarded<T>(call: () => Promise<T>, rejectWhenDown: boolean): Promise<T> {
    if (reason !== null) throw unavailable();
    try {
      if (!rejectWhenDown) return await call();
      return await new Promise<T>((resolve, reject) => {
        onDown.add(reject);
        call()
          .then(resolve, reject)
          .finally(() => onDown.delete(reject));
      });
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      const kind = unavailability(error);
      if (kind === 'busy') throw new DatabaseUnavailableError('every connection to Neo4j is busy', { cause: error });
      if (kind === 'down') {
        log(`A database call failed for connectivity: ${(error as Error).message}`);
        markDown(reasonOf(error));
        throw unavailable(error);
      }
      throw error;
    }
  }

  schedule(checkMs);
  return {
    driver: db.driver,
    availability: {
      get up() {
        return reason === null;
      },
      get reason() {
        return reason;
      },
      markDown,
    },
    read: (query, params, options) => guarded(() => db.read(query, params, options), true),
    write: (query, params) => guarded(() => db.write(query, params), false),
    writeTransaction: (work, timeoutMs, options) => guarded(() => db.writeTransaction(work, timeoutMs, options), false),
    autoCommit: (query, params) => guarded(() => db.autoCommit(query, params), false),
    async close() {
      closed = true;
      clearTimeout(timer);
      await db.close();
    },
  };
}

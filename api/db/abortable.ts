// A request's view of the database: once its client has gone (the request's signal aborted),
// every further query is refused, so a long walk of many reads stops at its next read instead
// of running on for nobody. A query already running ends at its own transaction timeout.
import type { Database } from './database.ts';

export class RequestAborted extends Error {
  override name = 'RequestAborted';
  constructor() {
    super('The client closed the request; its remaining queries were not run.');
  }
}

export function abortableDatabase(db: Database, signal: AbortSignal | undefined): Database {
  if (!signal) return db;
  const check = () => {
    if (signal.aborted) throw new RequestAborted();
  };
  return {
    ...db,
    async read(query, params, options) {
      check();
      return db.read(query, params, options);
    },
    async write(query, params) {
      check();
      return db.write(query, params);
    },
    async writeTransaction(work, timeoutMs, options) {
      check();
      return db.writeTransaction(work, timeoutMs, options);
    },
    async autoCommit(query, params) {
      check();
      return db.autoCommit(query, params);
    },
    close: () => db.close(),
    driver: db.driver,
  };
}

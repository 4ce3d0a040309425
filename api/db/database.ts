// The one gateway to Neo4j: runs named queries in managed transactions (executeRead for
// reads so a cluster can spread them), with a timeout, returning plain JS objects.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Availability } from './availability.ts';
import { namedQuery } from './queries.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Per-query options; the timeout replaces the database's default for this one query. */
export interface QueryOptions {
  timeoutMs?: number;
}

export interface Database {
  read(query: string, params?: Params, options?: QueryOptions): Promise<Row[]>;
  write(query: string, params?: Params): Promise<Row[]>;
  /** Runs several named queries in one write transaction: all happen or none does. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>, timeoutMs?: number, options?: { retry?: boolean }): Promise<T>;
  /** Auto-commit run, for schema statements and CALL ... IN TRANSACTIONS. */
  autoCommit(query: string, params?: Params): Promise<Row[]>;
  close(): Promise<void>;
  readonly driver: Driver;
  /** Whether Neo4j can be reached, on a database opened by connect() (see availability.ts). */
  readonly availability?: Availability;
}

export type TxRunner = (query: string, params?: Params) => Promise<Row[]>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Per-transaction timeout; a query that runs longer is stopped by the server. */
  timeoutMs?: number;
}

function runner(tx: Pick<ManagedTransaction, 'run'>): TxRunner {
  return async (query, params = {}) => {
    const result = await tx.run(namedQuery(query), params);
    return result.records.map((record) => record.toObject() as Row);
  };
}

export function openDatabase(opts: DatabaseOptions): Database {
  const driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    // Bounded waits, so that a database that went away fails a request in seconds, not
    // minutes; transient errors (deadlocks) are still retried within the retry time.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
  const sessionConfig = opts.database ? { database: opts.database } : {};
  const txConfig = { timeout: opts.timeoutMs ?? 15_000 };
  return {
    driver,
    async read(query, params, options) {
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      const config = options?.timeoutMs === undefined ? txConfig : { timeout: Math.max(1, Math.ceil(options.timeoutMs)) };
      try {
        return await session.executeRead((tx) => runner(tx)(query, params), config);
      } finally {
        await session.close();
      }
    },
    async write(query, params) {
      const session = driver.session(sessionConfig);
      try {
        return await session.executeWrite((tx) => runner(tx)(query, params), txConfig);
      } finally {
        await session.close();
      }
    },
    async writeTransaction(work, timeoutMs = 300_000, options = {}) {
      const session = driver.session(sessionConfig);
      try {
        if (options.retry !== false) return await session.executeWrite((tx) => work(runner(tx)), { timeout: timeoutMs });
        // Without retries: a large import that fails at commit (out of transaction memory)
        // would only fail again, after as long again.
        const tx = session.beginTransaction({ timeout: timeoutMs });
        try {
          const result = await work(runner(tx));
          await tx.commit();
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          throw error;
        }
      } finally {
        await session.close();
      }
    },
    async autoCommit(query, params = {}) {
      const session = driver.session(sessionConfig);
      try {
        const result = await session.run(namedQuery(query), params);
        return result.records.map((record) => record.toObject() as Row);
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

/** Waits until the database answers a query, not just the Bolt port (it may still be starting). */
export async function waitUntilReady(db: Database, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await db.read('system/ping');
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Neo4j did not become ready in ${timeoutMs / 1000} s: ${(lastError as Error)?.message}`);
}

/** True when the server stopped a transaction for running past its timeout. */
export function isTimeoutError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** JS numbers travel as floats; LIMIT, SKIP and ranges need Cypher integers. */
export function cypherInt(value: number) {
  return neo4j.int(value);
}

// GET /healthz, for a load balancer or an operator: 200 "ok" when the database answers,
// 503 "database unavailable: <reason>" when it does not (the app itself is up either way).
import type { ServerResponse } from 'node:http';
import type { Database } from '../db/database.ts';

const PING_TIMEOUT_MS = 2_000;

/** Up or why not: the watched state when the database has one, else a ping of our own. */
async function databaseState(db: Database): Promise<string | null> {
  if (db.availability) return db.availability.up ? null : (db.availability.reason ?? 'unknown');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((done) => (timer = setTimeout(() => done('no answer to a ping'), PING_TIMEOUT_MS)));
  const ping = db.read('system/ping').then(
    () => null,
    (error: unknown) => `ping failed (${(error as { code?: string }).code ?? 'error'})`,
  );
  return Promise.race([ping, late]).finally(() => clearTimeout(timer));
}

export async function answerHealth(db: Database, res: ServerResponse): Promise<void> {
  const down = await databaseState(db);
  res.writeHead(down === null ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(down === null ? 'ok\n' : `database unavailable: ${down}\n`);
}

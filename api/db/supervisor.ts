// Keeps the app's local Neo4j running: when it exits without being asked to, says so and
// starts it again on the same home and port, at most RESTART_LIMIT times in RESTART_WINDOW;
// past that it gives up, says so, and the API goes on answering 503 until the app restarts.
import { join } from 'node:path';
import { startLocalNeo4j, type LocalNeo4jOptions, type Neo4jExit, type RunningNeo4j } from './localNeo4j.ts';

export const RESTART_LIMIT = 5;
export const RESTART_WINDOW_MS = 10 * 60_000;

export interface SupervisedNeo4j {
  uri: string;
  /** The pid of the Neo4j running now (it changes on a restart). */
  readonly pid: number;
  stop(): Promise<void>;
}

export interface SupervisorOptions extends LocalNeo4jOptions {
  /** Called as soon as Neo4j exits unasked, before any restart. */
  onExit?: (why: string) => void;
  restartLimit?: number;
  restartWindowMs?: number;
}

/** Restart times still inside the window, or null when the limit is reached and no restart is allowed. */
export function allowRestart(history: readonly number[], now: number, limit: number, windowMs: number): number[] | null {
  const recent = history.filter((t) => now - t < windowMs);
  return recent.length >= limit ? null : [...recent, now];
}

export function describeExit(exit: Neo4jExit): string {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

export async function superviseLocalNeo4j(opts: SupervisorOptions): Promise<SupervisedNeo4j> {
  const log = opts.log ?? (() => {});
  const limit = opts.restartLimit ?? RESTART_LIMIT;
  const windowMs = opts.restartWindowMs ?? RESTART_WINDOW_MS;
  const minutes = `${Math.round(windowMs / 60_000)} min`;
  let current: RunningNeo4j = await startLocalNeo4j(opts);
  let stopping = false;
  let restarts: number[] = [];
  let restarting: Promise<void> = Promise.resolve();

  const restart = async (firstWhy: string) => {
    let why = firstWhy;
    while (!stopping) {
      const allowed = allowRestart(restarts, Date.now(), limit, windowMs);
      if (!allowed) {
        log(
          `${why}. It was restarted ${limit} times in the last ${minutes}, so it is not restarted again: ` +
            `requests get 503 DATABASE_UNAVAILABLE until the app is restarted. Logs: ${join(opts.homeDir, 'logs')}.`,
        );
        return;
      }
      restarts = allowed;
      log(`${why}; restarting it (restart ${restarts.length} of at most ${limit} in ${minutes})...`);
      try {
        current = await startLocalNeo4j(opts);
        log(`Neo4j restarted (pid ${current.pid}).`);
        watch(current);
        return;
      } catch (error) {
        why = `Restarting Neo4j failed: ${(error as Error).message}`;
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }
  };

  function watch(running: RunningNeo4j): void {
    void running.exited.then((exit) => {
      if (stopping) return;
      const why = `The local Neo4j (pid ${running.pid}) ${describeExit(exit)}`;
      opts.onExit?.(why);
      restarting = restart(why);
    });
  }

  watch(current);
  return {
    uri: current.uri,
    get pid() {
      return current.pid;
    },
    async stop() {
      stopping = true;
      // A restart under way finishes its start first, so that it can be stopped too.
      await restarting;
      await current.stop();
    },
  };
}

// Anonymous readers may have only a few expensive requests running at once, each client and
// all of them together, so that one client cannot take every core from the rest. A request
// over the limit waits briefly for a slot, then gets TOO_MANY_REQUESTS (HTTP 429). Token
// holders are known people and are not held back here.
import { GraphQLError } from 'graphql';
import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';

export interface InFlightLimits {
  /** Expensive requests one anonymous client may have running. */
  perClient: number;
  /** Expensive requests all anonymous clients together may have running. */
  anonymous: number;
  /** How long a request waits for a slot before it is refused. */
  waitMs: number;
}

export const IN_FLIGHT_LIMITS: InFlightLimits = { perClient: 2, anonymous: 4, waitMs: 10_000 };

export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
  });
}

interface ClientSlots {
  semaphore: SemaphoreInterface;
  /** Requests holding or waiting for one of this client's slots; the entry goes when it is 0. */
  users: number;
}

export class ExpensiveRequestSlots {
  private readonly all: SemaphoreInterface;
  private readonly clients = new Map<string, ClientSlots>();

  constructor(readonly limits: InFlightLimits = IN_FLIGHT_LIMITS) {
    this.all = this.timed(limits.anonymous, `all anonymous readers together have ${limits.anonymous} expensive requests running`);
  }

  private timed(slots: number, why: string): SemaphoreInterface {
    const retry = Math.ceil(this.limits.waitMs / 1000);
    const error = tooManyRequests(`Too many expensive requests at once: ${why}. Retry in a few seconds, or sign in with a token.`, retry);
    return withTimeout(new Semaphore(slots), this.limits.waitMs, error);
  }

  /** Waits for a slot of this client and one of all anonymous readers; resolves to their release. */
  async acquire(client: string): Promise<() => void> {
    let entry = this.clients.get(client);
    if (!entry) {
      entry = { semaphore: this.timed(this.limits.perClient, `this client already has ${this.limits.perClient} running`), users: 0 };
      this.clients.set(client, entry);
    }
    const mine = entry;
    mine.users++;
    const leave = () => {
      if (--mine.users === 0) this.clients.delete(client);
    };
    let releaseMine: () => void;
    try {
      [, releaseMine] = await mine.semaphore.acquire();
    } catch (error) {
      leave();
      throw error;
    }
    try {
      const [, releaseAll] = await this.all.acquire();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        releaseAll();
        releaseMine();
        leave();
      };
    } catch (error) {
      releaseMine();
      leave();
      throw error;
    }
  }

  /** Expensive requests running now (for tests and the bench). */
  running(): number {
    return this.limits.anonymous - this.all.getValue();
  }
}

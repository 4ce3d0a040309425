import type { Database } from './db/database.ts';

export const ROLES = ['reader', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a named token holder, or nobody in particular. */
export type Viewer = { name: string; role: Role } | { name: null; role: 'anonymous' };

/** What every resolver receives. The API keeps no state of its own beyond this. */
export interface ApiContext {
  /** The database as this request sees it: it stops answering once the client has gone. */
  db: Database;
  viewer: Viewer;
  /** Aborted when the client disconnects; long work checks it between steps. */
  signal?: AbortSignal;
  /** The client's address, for per-client limits on expensive requests. */
  clientAddress?: string;
}

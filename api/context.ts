import type { Database } from './db/database.ts';

export const ROLES = ['reader', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a named token holder, or nobody in particular. */
export type Viewer = { name: string; role: Role } | { name: null; role: 'anonymous' };

/** What every resolver receives. The API keeps no state of its own beyond this. */
export interface ApiContext {
  db: Database;
  viewer: Viewer;
}

import type { Database } from './db/database.ts';

/** What every resolver receives. The API keeps no state of its own beyond this. */
export interface ApiContext {
  db: Database;
}

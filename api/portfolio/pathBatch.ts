// Shows a screening's paths only when a client asks for them, and all it asks for in one go:
// a screening keeps the best path to every harm of every holding (thousands), while a request
// may select a few or all of them. Paths asked for in the same turn of the event loop are
// presented together (two reads: their claims and entities, then their sources).
import type { ScoredPath } from '../complicity/pathSearch.ts';
import { presentPaths, type ApiPath } from '../complicity/present.ts';
import type { ComplicityWeights } from '../complicity/weights.ts';
import type { Database } from '../db/database.ts';

export type PathLoader = (path: ScoredPath) => Promise<ApiPath>;

export function pathLoader(db: Database, weights: ComplicityWeights): PathLoader {
  const shown = new Map<ScoredPath, Promise<ApiPath>>();
  let pending: { path: ScoredPath; resolve: (p: ApiPath) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const presented = await presentPaths(db, batch.map((b) => b.path), weights);
      batch.forEach((b, i) => b.resolve(presented[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return (path) => {
    const known = shown.get(path);
    if (known) return known;
    const promise = new Promise<ApiPath>((resolve, reject) => {
      pending.push({ path, resolve, reject });
      // After the resolvers of this turn have all asked.
      if (pending.length === 1) setImmediate(() => void flush());
    });
    shown.set(path, promise);
    return promise;
  };
}

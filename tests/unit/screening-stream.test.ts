// The screening stream (screeningEvents in api/portfolio/resolvers.ts): a client that closes
// the stream early stops the screening's work; one that reads to the end gets the result and
// the work is never cut short. The screening run is a stand-in here (the stream's wiring is
// what is tested); screenPortfolio's own stop is tested against Neo4j in screening-progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiContext } from '../../api/context.ts';
import type { Database } from '../../api/db/database.ts';
import { screeningEvents } from '../../api/portfolio/resolvers.ts';
import type { Screening, ScreenOptions } from '../../api/portfolio/screen.ts';
import { portfolioSummary } from '../../api/portfolio/severity.ts';
import { claimFilter } from '../../api/filters/claimFilter.ts';
import { resolveWeights } from '../../api/complicity/weights.ts';

const ctx = { db: {} as Database, viewer: { name: null, role: 'anonymous' } } as ApiContext;
const args = { portfolio: 'stream-fund', content: 'name\nAcme', fileName: 'x.csv', maxHops: 4 };

const emptyScreening: Screening = {
  portfolio: 'stream-fund',
  holdings: [],
  summary: portfolioSummary([]),
  notes: [],
  needsReview: 0,
  claimsVisited: 0,
  settings: { maxHops: 4, filter: claimFilter({}), weights: resolveWeights(null) },
};

test('closing the stream after the first progress event aborts the screening', async () => {
  let signal: AbortSignal | undefined;
  let settled: 'pending' | 'resolved' | 'rejected' = 'pending';
  const run = (_db: Database, opts: ScreenOptions) => {
    signal = opts.signal;
    opts.onProgress?.(1, 3, 'matching');
    // Runs until stopped, as a long screening would.
    return new Promise<Screening>((_, reject) => opts.signal!.addEventListener('abort', () => reject(opts.signal!.reason)));
  };
  const events = screeningEvents(args, ctx, async (db, opts) => {
    try {
      const s = await run(db, opts);
      settled = 'resolved';
      return s;
    } catch (error) {
      settled = 'rejected';
      throw error;
    }
  });
  const first = await events.next();
  assert.deepEqual(first.value, { screenPortfolioProgress: { progress: { phase: 'MATCHING', done: 1, total: 3 }, result: null } });
  assert.equal(signal?.aborted, false, 'still running while the client reads');
  await events.return(undefined);
  assert.equal(signal?.aborted, true);
  assert.match(String(signal?.reason), /stream was closed before the screening ended/);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, 'rejected', 'the work stopped');
});

test('a stream read to the end gets progress then the result, and the work is not aborted', async () => {
  let abortedWhileRunning: boolean | undefined;
  const events = screeningEvents(args, ctx, async (_db, opts) => {
    opts.onProgress?.(1, 1, 'matching');
    await new Promise((resolve) => setImmediate(resolve));
    opts.onProgress?.(0, 0, 'exposure');
    abortedWhileRunning = opts.signal!.aborted;
    return emptyScreening;
  });
  const seen: unknown[] = [];
  for await (const e of events) seen.push(e.screenPortfolioProgress.progress ? e.screenPortfolioProgress.progress.phase : e.screenPortfolioProgress.result?.portfolio);
  assert.deepEqual(seen, ['MATCHING', 'EXPOSURE', 'stream-fund']);
  assert.equal(abortedWhileRunning, false);
});

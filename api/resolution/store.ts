// Reads and writes of entity resolution: the graph's state a list is resolved against, the
// merged ids and review pairs an import writes in its own transaction, the review queue, and
// an editor's decision on a pair (a merge when they are one), read and written in one transaction.
import { cypherInt, type Database, type TxRunner } from '../db/database.ts';
import type { EntityProps, EntityRecord } from '../exchange/dataset.ts';
import { conflict, notFound } from '../errors.ts';
import { isEntityType } from '../domain/model.ts';
import { mergeEntities } from '../curation/entities.ts';
import type { GraphState, MergedId, PairDecision, ReviewPair } from './resolve.ts';

function asRecord(stored: Record<string, unknown>): EntityRecord | null {
  const { id, type, name, ...rest } = stored;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof type !== 'string' || !isEntityType(type)) return null;
  const props: EntityProps = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'number') props[key] = value;
    else if (Array.isArray(value) && value.length > 0) props[key] = value.map(String);
  }
  return { id, type, name, props };
}

export async function readGraphState(db: Database): Promise<GraphState> {
  const [row] = await db.read('resolution/graph-state');
  const stored = ((row?.stored as Record<string, unknown>[]) ?? []).map(asRecord).filter((e): e is EntityRecord => e !== null);
  return {
    stored,
    mergedInto: new Map((row?.merged as [string, string][]) ?? []),
    decisions: new Map((row?.decisions as [string, PairDecision][]) ?? []),
  };
}

/** Inside an import's transaction: the folded ids' markers and the pairs for review. */
export async function writeResolution(run: TxRunner, merged: MergedId[], review: ReviewPair[], context: { by: string; at: string; dataset: string }): Promise<void> {
  if (merged.length > 0) await run('resolution/record-merged-ids', { rows: merged, at: context.at, by: context.by });
  if (review.length > 0) await run('resolution/queue-pairs', { rows: review, at: context.at, dataset: context.dataset });
}

export type PairStatus = 'open' | 'same' | 'different';

export interface StoredPair {
  pair: Record<string, unknown>;
  incoming: Record<string, unknown> | null;
  candidate: Record<string, unknown> | null;
}

export async function pairByKey(db: Database, key: string): Promise<StoredPair> {
  const [row] = await db.read('resolution/pair-by-key', { key });
  if (!row) throw notFound(`No pair "${key}".`);
  return { pair: row.pair as Record<string, unknown>, incoming: (row.incoming as Record<string, unknown> | null) ?? null, candidate: (row.candidate as Record<string, unknown> | null) ?? null };
}

export async function listPairs(db: Database, statuses: PairStatus[], limit: number): Promise<StoredPair[]> {
  const rows = await db.read('resolution/pairs', { statuses, limit: cypherInt(limit) });
  return rows.map((r) => ({
    pair: r.pair as Record<string, unknown>,
    incoming: (r.incoming as Record<string, unknown> | null) ?? null,
    candidate: (r.candidate as Record<string, unknown> | null) ?? null,
  }));
}

async function decided(run: TxRunner, key: string, status: PairDecision, by: string, at: string): Promise<Record<string, unknown>> {
  const [row] = await run('resolution/decide-pair', { key, status, by, at });
  if (row) return row.pair as Record<string, unknown>;
  const [known] = await run('resolution/pair-by-key', { key });
  if (!known) throw notFound(`No pair "${key}" awaits review.`);
  throw conflict(`The pair "${key}" was already decided (${String((known.pair as Record<string, unknown>).status)}); nothing was changed.`);
}

/**
 * An editor's decision. "same" merges the list's entity into the stored one (its claims move,
 * its id keeps resolving), in the transaction that marks the pair decided; "different" only
 * marks it, so importing the list again keeps the two apart.
 */
export async function decidePair(db: Database, by: string, key: string, same: boolean): Promise<Record<string, unknown>> {
  const at = new Date().toISOString();
  if (!same) return db.writeTransaction((run) => decided(run, key, 'different', by, at));
  const [row] = await db.read('resolution/pair-by-key', { key });
  if (!row) throw notFound(`No pair "${key}" awaits review.`);
  const pair = row.pair as Record<string, unknown>;
  let result: Record<string, unknown> = pair;
  await mergeEntities(db, by, String(pair.candidateId), String(pair.incomingId), async (run) => {
    result = await decided(run, key, 'same', by, at);
  });
  return result;
}

// What portfolio screening reads and writes in Neo4j: the entities a holding can match, the
// decisions people made per portfolio, and a holding's subsidiaries through ownership chains.
import { cypherInt, type Database } from '../db/database.ts';
import { claimFilterParams, type ClaimFilter } from '../filters/claimFilter.ts';
import type { Candidate, Decision } from './matching.ts';

export async function loadCandidates(db: Database): Promise<Candidate[]> {
  const rows = await db.read('portfolio/match-candidates');
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    type: (r.labels as string[]).find((l) => l === 'Company' || l === 'Investor') ?? 'Company',
    aliases: r.aliases as string[],
    isin: (r.isin as string | null) ?? null,
    lei: (r.lei as string | null) ?? null,
    ticker: (r.ticker as string | null) ?? null,
  }));
}

const decisionKey = (portfolio: string, holdingKey: string) => `${portfolio}\u0000${holdingKey}`;

export async function loadDecisions(db: Database, portfolio: string): Promise<Map<string, Decision>> {
  const rows = await db.read('portfolio/decisions', { portfolio });
  return new Map(
    rows.map((r) => [r.holdingKey as string, r.rejected ? { rejected: true as const } : { entityId: r.entityId as string }]),
  );
}

export async function saveDecision(db: Database, by: string, portfolio: string, holdingKey: string, decision: Decision): Promise<void> {
  await db.write('portfolio/save-decision', {
    key: decisionKey(portfolio, holdingKey),
    portfolio,
    holdingKey,
    entityId: 'entityId' in decision ? decision.entityId : null,
    rejected: 'rejected' in decision,
    by,
    at: new Date().toISOString(),
  });
}

export interface Subsidiary {
  id: string;
  name: string;
  hops: number;
  /** Effective share held through the chain, 0..1; null when a link's percentage is unknown. */
  share: number | null;
  /** Entity ids from the holding to the subsidiary. */
  chain: string[];
}

/** At most this many subsidiaries per holding. */
export const MAX_SUBSIDIARIES = 200;

/** Subsidiaries of each of `ids`, nearest first, in one read; an owner of none maps to []. */
export async function subsidiariesOfMany(db: Database, ids: readonly string[], filter: ClaimFilter): Promise<Map<string, Subsidiary[]>> {
  const unique = [...new Set(ids)];
  const byOwner = new Map<string, Subsidiary[]>(unique.map((id) => [id, []]));
  if (unique.length === 0) return byOwner;
  const rows = await db.read('portfolio/subsidiaries', { ids: unique, limit: cypherInt(MAX_SUBSIDIARIES), ...claimFilterParams(filter) });
  for (const r of rows) {
    byOwner.get(r.owner as string)?.push({
      id: r.id as string,
      name: r.name as string,
      hops: r.hops as number,
      share: (r.share as number | null) ?? null,
      chain: r.chain as string[],
    });
  }
  return byOwner;
}

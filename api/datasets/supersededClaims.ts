// Claims a list's reader once recorded under a relation type it no longer uses are retracted
// when the list is imported again (kept for their history, gone from every view), so a graph
// loaded by an earlier version does not hold the same listing twice under two types.
import type { Database, TxRunner } from '../db/database.ts';
import { appendAudit, auditRecords } from '../audit/audit.ts';
import { isRelationType } from '../domain/model.ts';
import type { DatasetProvenance } from './reading.ts';

/** The (allow-listed) superseded types of a list, each with why. */
function superseded(p: DatasetProvenance): { type: string; reason: string }[] {
  return p.listSourceId ? (p.supersededTypes ?? []).filter((s) => isRelationType(s.type)) : [];
}

/** What a dry run would retract: claim ids. */
export async function supersededClaims(db: Database, p: DatasetProvenance): Promise<string[]> {
  const ids: string[] = [];
  for (const { type } of superseded(p)) {
    for (const row of await db.read('datasets/superseded-claims', { sourceId: p.listSourceId, type })) ids.push(String((row.before as Record<string, unknown>).id));
  }
  return ids;
}

/** Inside the import's transaction: retracts them, with an audit record each; returns their ids. */
export async function retractSuperseded(run: TxRunner, p: DatasetProvenance, by: string, at: string, fileName: string): Promise<string[]> {
  const ids: string[] = [];
  for (const { type, reason } of superseded(p)) {
    const rows = await run('datasets/retract-superseded', { sourceId: p.listSourceId, type, at, by, reason });
    const entries = rows.map((r) => ({ targetId: String((r.before as Record<string, unknown>).id), targetKind: 'claim' as const, action: 'retract', before: r.before, after: r.after, reason: `${fileName}: ${reason}` }));
    await appendAudit(run, auditRecords(by, entries, at));
    ids.push(...entries.map((e) => e.targetId));
  }
  return ids;
}

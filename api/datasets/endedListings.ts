// A newer copy of a list that no longer names an enterprise ends the listing its earlier copy
// made (on the day the newer copy is imported: all the list says is that the row is gone), and
// keeps it: a listing that was, stays on record.
import type { Database, TxRunner } from '../db/database.ts';
import { appendAudit, auditRecords } from '../audit/audit.ts';
import { dayInWords } from './reading.ts';

export interface EndedListing {
  id: string;
  from: string;
  to: string;
}

export interface ListingsToEnd {
  /** The list's own source: the claims it made cite it. */
  sourceId: string;
  /** Claim ids the newer copy holds, and the relation types the list makes. */
  keptIds: string[];
  types: string[];
  /** YYYY-MM-DD: the day the newer copy was imported. */
  end: string;
  fileName: string;
}

function params(l: ListingsToEnd) {
  return { sourceId: l.sourceId, keptIds: l.keptIds, types: l.types, end: l.end, note: ` It is not in the list as imported on ${dayInWords(l.end)} (${l.fileName}), so it is recorded as ended then.` };
}

const asEnded = (row: Record<string, unknown>): EndedListing => {
  const c = row.before as Record<string, unknown>;
  return { id: String(c.id), from: String(c.from), to: String(c.to) };
};

/** What a dry run would end. */
export async function listingsToEnd(db: Database, l: ListingsToEnd): Promise<EndedListing[]> {
  return (await db.read('datasets/listings-to-end', params(l))).map(asEnded);
}

/** Inside the import's transaction: ends them, with an audit record each. */
export async function endListings(run: TxRunner, l: ListingsToEnd, by: string, at: string): Promise<EndedListing[]> {
  const rows = await run('datasets/end-listings', params(l));
  await appendAudit(
    run,
    auditRecords(by, rows.map((r) => ({ targetId: String((r.before as Record<string, unknown>).id), targetKind: 'claim' as const, action: 'import', before: r.before, after: r.after, reason: `${l.fileName}: no longer in the list` })), at),
  );
  return rows.map(asEnded);
}

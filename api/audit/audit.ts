// The audit trail: every write appends one record per entity, claim or source it touched,
// in the same transaction as the change itself.
import { randomUUID } from 'node:crypto';
import type { TxRunner } from '../db/database.ts';

export type AuditTargetKind = 'entity' | 'claim' | 'source';

export interface AuditEntry {
  targetId: string;
  targetKind: AuditTargetKind;
  action: string;
  before: unknown;
  after: unknown;
  reason?: string;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
  by: string;
  /** Records written by one operation share it. */
  operationId: string;
}

export function auditRecords(by: string, entries: AuditEntry[], at = new Date().toISOString()): AuditRecord[] {
  const operationId = randomUUID();
  return entries.map((e) => ({ ...e, id: randomUUID(), at, by, operationId }));
}

/** Appends records inside the caller's transaction. before/after are stored as JSON text. */
export async function appendAudit(run: TxRunner, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    ...r,
    before: r.before === undefined || r.before === null ? null : JSON.stringify(r.before),
    after: r.after === undefined || r.after === null ? null : JSON.stringify(r.after),
    reason: r.reason ?? null,
  }));
  await run('audit/append', { rows });
}

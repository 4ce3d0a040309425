// Imports a file's records (already parsed into the project's JSON shape): validate against
// the model and the database, plan, and unless it is a dry run write every change in one
// transaction with an audit record per changed record. All or nothing; idempotent.
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database, TxRunner } from '../db/database.ts';
import { isRelationType, type EntityType } from '../domain/model.ts';
import { knownIds } from '../curation/store.ts';
import { validateDataset, type ValidationProblem } from './dataset.ts';
import { planImport, planSummary, type Existing, type ImportPlan } from './importPlan.ts';

export interface ImportOptions {
  /** Recorded as the author of every change: an editor's name or "import:FILE". */
  by: string;
  dryRun: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** How long the one write transaction may run; large files from the CLI need more than the default. */
  timeoutMs?: number;
  /**
   * More writes that belong to the import (an official list's provenance record, ids it merged),
   * run in its one transaction after the records: written with them or not at all.
   */
  alsoWrite?: (run: TxRunner, summary: ImportReport['summary'], at: string) => Promise<void>;
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  /** True when the changes were written (never for a dry run or a file with problems). */
  applied: boolean;
  summary: ReturnType<typeof planSummary>;
  problems: ValidationProblem[];
  notes: string[];
}

const BATCH = 5_000;
/** Ids per read of what is stored: each read stays well inside the read timeout. */
const READ_BATCH = 10_000;
export const EMPTY_SUMMARY = planSummary({ sources: [], entities: [], claims: [], unchanged: { sources: 0, entities: 0, claims: 0 }, problems: [] });

function referencedIds(raw: unknown): { entityIds: string[]; sourceIds: string[] } {
  const entityIds = new Set<string>();
  const sourceIds = new Set<string>();
  const r = (raw ?? {}) as { relations?: unknown; responses?: unknown };
  const cite = (sources: unknown) => {
    if (Array.isArray(sources)) for (const s of sources) if (typeof s === 'string') sourceIds.add(s);
  };
  // A response may cite a stored source the claim does not: inline or in the top-level list.
  const citeResponses = (responses: unknown) => {
    for (const answer of Array.isArray(responses) ? responses : []) if (typeof answer === 'object' && answer !== null) cite((answer as Record<string, unknown>).sources);
  };
  for (const rel of Array.isArray(r.relations) ? r.relations : []) {
    if (typeof rel !== 'object' || rel === null) continue;
    const { from, to, sources, responses } = rel as Record<string, unknown>;
    if (typeof from === 'string') entityIds.add(from);
    if (typeof to === 'string') entityIds.add(to);
    cite(sources);
    citeResponses(responses);
  }
  citeResponses(r.responses);
  return { entityIds: [...entityIds], sourceIds: [...sourceIds] };
}

async function inBatches<T>(items: T[], phase: string, opts: ImportOptions, write: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) {
    await write(items.slice(i, i + BATCH));
    opts.onProgress?.(phase, Math.min(i + BATCH, items.length), items.length);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

async function knownIdsInBatches(db: Database, entityIds: string[], sourceIds: string[]) {
  const known = { entities: new Map<string, EntityType>(), sources: new Set<string>() };
  const rounds = Math.max(1, Math.ceil(Math.max(entityIds.length, sourceIds.length) / READ_BATCH));
  for (let i = 0; i < rounds; i++) {
    const part = await knownIds(db, entityIds.slice(i * READ_BATCH, (i + 1) * READ_BATCH), sourceIds.slice(i * READ_BATCH, (i + 1) * READ_BATCH));
    for (const [id, type] of part.entities) known.entities.set(id, type);
    for (const id of part.sources) known.sources.add(id);
  }
  return known;
}

export async function existingRecords(db: Database, entityIds: string[], sourceIds: string[], claims: { id: string; from: string; to: string; type: string }[]): Promise<Existing> {
  const existing: Existing = { entities: [], merged: [], sources: [], claims: [] };
  const [e, s, c] = [chunks(entityIds, READ_BATCH), chunks(sourceIds, READ_BATCH), chunks(claims, READ_BATCH)];
  for (let i = 0; i < Math.max(e.length, s.length, c.length); i++) {
    const [row] = await db.read('exchange/existing-records', { entityIds: e[i] ?? [], sourceIds: s[i] ?? [], claims: c[i] ?? [] });
    const part = row as unknown as Existing;
    existing.entities.push(...part.entities);
    existing.merged.push(...part.merged);
    existing.sources.push(...part.sources);
    existing.claims.push(...part.claims);
  }
  return existing;
}

export async function importDataset(
  db: Database,
  raw: unknown,
  file: string,
  opts: ImportOptions,
  notes: string[] = [],
): Promise<ImportReport> {
  const report = (problems: ValidationProblem[], summary = EMPTY_SUMMARY, applied = false): ImportReport => ({
    file,
    dryRun: opts.dryRun,
    applied,
    summary,
    problems,
    notes,
  });
  const refs = referencedIds(raw);
  // Planning a large import reads a lot from a large graph: its reads get the import's time bound.
  const planner: Database = opts.timeoutMs ? { ...db, read: (q, p, o) => db.read(q, p, o ?? { timeoutMs: opts.timeoutMs }) } : db;
  const known = await knownIdsInBatches(planner, refs.entityIds, refs.sourceIds);
  const validated = validateDataset(raw, file, known);
  if (!validated.ok) return report(validated.problems);
  const dataset = validated.dataset;

  const existing = await existingRecords(
    planner,
    [...new Set([...dataset.entities.map((e) => e.id), ...refs.entityIds])],
    dataset.sources.map((s) => s.id),
    dataset.claims.filter((c) => isRelationType(c.type)).map((c) => ({ id: c.id, from: c.from, to: c.to, type: c.type })),
  );
  const at = new Date().toISOString();
  const plan = planImport(dataset, existing, file, { by: opts.by, at });
  const summary = planSummary(plan);
  if (plan.problems.length > 0 || opts.dryRun) return report(plan.problems, summary);

  try {
    await db.writeTransaction(
      async (run) => {
        await writePlan(run, plan, file, opts, at);
        await opts.alsoWrite?.(run, summary, at);
      },
      opts.timeoutMs,
      { retry: false },
    );
  } catch (error) {
    const reason = rolledBackReason(error);
    if (reason === null) throw error;
    return report([{ file, item: '(database)', reason }], summary);
  }
  return report([], summary, true);
}

/** The database changed between planning and writing; thrown to roll the import back. */
class ChangedMeanwhile extends Error {
  override name = 'ChangedMeanwhile';
}

const OUT_OF_TRANSACTION_MEMORY = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/** The import needs more memory than Neo4j gives one transaction; thrown so it is not retried. */
class TooLargeForOneTransaction extends Error {
  override name = 'TooLargeForOneTransaction';
}

/** Why the transaction was rolled back, in words for the report; null for an unexpected failure. */
function rolledBackReason(error: unknown): string | null {
  const again = 'Nothing was written; run the import again, it will plan against the current graph.';
  if (error instanceof ChangedMeanwhile) return `${error.message} ${again}`;
  if ((error as { code?: string }).code === OUT_OF_TRANSACTION_MEMORY) error = new TooLargeForOneTransaction(String((error as Error).message));
  if (error instanceof TooLargeForOneTransaction) {
    return (
      `The import does not fit in one transaction on this Neo4j (${error.message}). Nothing was written. ` +
      'Give Neo4j more memory (NEO4J_LOCAL_HEAP for the local server; the transaction may use 70% of the heap, ' +
      'dbms.memory.transaction.total.max) or split the file.'
    );
  }
  if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return `Another change added one of these records while the import ran (${(error as Error).message}). ${again}`;
  }
  return null;
}

async function expectWritten(rows: Promise<Record<string, unknown>[]>, expected: number, what: string): Promise<void> {
  const written = Number((await rows)[0]?.written ?? 0);
  if (written !== expected) throw new ChangedMeanwhile(`${expected - written} ${what}.`);
}

type ClaimChange = ImportPlan['claims'][number];
const claimRow = ({ after: { from, to, type, ...props } }: ClaimChange) => ({ from, to, type, props });

/** Every change of the plan and its audit records, inside the caller's one transaction. */
async function writePlan(tx: TxRunner, plan: ImportPlan, file: string, opts: ImportOptions, at: string): Promise<void> {
  // The driver retries transient errors, but running out of transaction memory would only
  // happen again: stop at once.
  const run: TxRunner = (query, params) =>
    tx(query, params).catch((error: { code?: string; message?: string }) => {
      throw error.code === OUT_OF_TRANSACTION_MEMORY ? new TooLargeForOneTransaction(String(error.message)) : error;
    });
  await inBatches(plan.sources, 'sources', opts, (rows) => run('exchange/merge-sources', { rows: rows.map((c) => c.after) }));
  await inBatches(plan.entities, 'entities', opts, (rows) =>
    run('exchange/merge-entities', { rows: rows.map((c) => ({ type: c.after.type, props: c.after })) }),
  );
  // Changed claims are found by id first, while the transaction holds few new relationships
  // to look through; new ones are plainly created (looking each up first in a large
  // transaction grows with every claim already added to it).
  const changed = plan.claims.filter((c) => c.before !== null);
  const created = plan.claims.filter((c) => c.before === null);
  await inBatches(changed, 'changed claims', opts, (rows) =>
    expectWritten(run('exchange/replace-claims', { rows: rows.map(claimRow) }), rows.length, 'claim(s) stored when the import was planned are gone'),
  );
  await inBatches(created, 'claims', opts, (rows) =>
    expectWritten(run('exchange/create-claims', { rows: rows.map(claimRow) }), rows.length, 'claim(s) join an entity that is gone'),
  );
  const entries: AuditEntry[] = [
    ...plan.sources.map((c) => ({ targetId: c.id, targetKind: 'source' as const, action: 'import', before: c.before, after: c.after, reason: file })),
    ...plan.entities.map((c) => ({ targetId: c.id, targetKind: 'entity' as const, action: 'import', before: c.before, after: c.after, reason: file })),
    ...plan.claims.map((c) => ({ targetId: c.id, targetKind: 'claim' as const, action: 'import', before: c.before, after: c.after, reason: file })),
  ];
  await inBatches(auditRecords(opts.by, entries, at), 'audit', opts, (rows) => appendAudit(run, rows));
}

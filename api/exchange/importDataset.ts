// Imports a file's records (already parsed into the project's JSON shape): validate against
// the model and the database, plan, and unless it is a dry run write every change in one
// transaction with an audit record per changed record. All or nothing; idempotent.
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { isRelationType } from '../domain/model.ts';
import { knownIds } from '../curation/store.ts';
import { validateDataset, type ValidationProblem } from './dataset.ts';
import { planImport, planSummary, type Existing } from './importPlan.ts';

export interface ImportOptions {
  /** Recorded as the author of every change: an editor's name or "import:FILE". */
  by: string;
  dryRun: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
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
const EMPTY_SUMMARY = planSummary({ sources: [], entities: [], claims: [], unchanged: { sources: 0, entities: 0, claims: 0 }, problems: [] });

function referencedIds(raw: unknown): { entityIds: string[]; sourceIds: string[] } {
  const entityIds = new Set<string>();
  const sourceIds = new Set<string>();
  const r = (raw ?? {}) as { relations?: unknown };
  for (const rel of Array.isArray(r.relations) ? r.relations : []) {
    if (typeof rel !== 'object' || rel === null) continue;
    const { from, to, sources } = rel as Record<string, unknown>;
    if (typeof from === 'string') entityIds.add(from);
    if (typeof to === 'string') entityIds.add(to);
    if (Array.isArray(sources)) for (const s of sources) if (typeof s === 'string') sourceIds.add(s);
  }
  return { entityIds: [...entityIds], sourceIds: [...sourceIds] };
}

async function inBatches<T>(items: T[], phase: string, opts: ImportOptions, write: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) {
    await write(items.slice(i, i + BATCH));
    opts.onProgress?.(phase, Math.min(i + BATCH, items.length), items.length);
  }
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
  const known = await knownIds(db, refs.entityIds, refs.sourceIds);
  const validated = validateDataset(raw, file, known);
  if (!validated.ok) return report(validated.problems);
  const dataset = validated.dataset;

  const [row] = await db.read('exchange/existing-records', {
    entityIds: [...new Set([...dataset.entities.map((e) => e.id), ...refs.entityIds])],
    sourceIds: dataset.sources.map((s) => s.id),
    claims: dataset.claims.filter((c) => isRelationType(c.type)).map((c) => ({ id: c.id, from: c.from, to: c.to, type: c.type })),
  });
  const at = new Date().toISOString();
  const plan = planImport(dataset, row as unknown as Existing, file, { by: opts.by, at });
  const summary = planSummary(plan);
  if (plan.problems.length > 0 || opts.dryRun) return report(plan.problems, summary);

  await db.writeTransaction(async (run) => {
    await inBatches(plan.sources, 'sources', opts, (rows) => run('exchange/merge-sources', { rows: rows.map((c) => c.after) }));
    await inBatches(plan.entities, 'entities', opts, (rows) =>
      run('exchange/merge-entities', { rows: rows.map((c) => ({ type: c.after.type, props: c.after })) }),
    );
    await inBatches(plan.claims, 'claims', opts, (rows) =>
      run('exchange/merge-claims', {
        rows: rows.map(({ after: { from, to, type, ...props } }) => ({ from, to, type, props })),
      }),
    );
    const entries: AuditEntry[] = [
      ...plan.sources.map((c) => ({ targetId: c.id, targetKind: 'source' as const, action: 'import', before: c.before, after: c.after, reason: file })),
      ...plan.entities.map((c) => ({ targetId: c.id, targetKind: 'entity' as const, action: 'import', before: c.before, after: c.after, reason: file })),
      ...plan.claims.map((c) => ({ targetId: c.id, targetKind: 'claim' as const, action: 'import', before: c.before, after: c.after, reason: file })),
    ];
    const records = auditRecords(opts.by, entries, at);
    await inBatches(records, 'audit', opts, (rows) => appendAudit(run, rows));
  });
  return report([], summary, true);
}

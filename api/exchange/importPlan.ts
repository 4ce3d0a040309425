// Compares a validated dataset with what the database holds and plans the import: which
// records are new, which change (with before and after), which are already there. Pure, so
// dry runs and the real import agree, and importing the same file twice writes nothing.
import type { StoredClaim, StoredEntity, StoredSource } from '../graph/mapping.ts';
import type { ClaimRecord, Dataset, EntityRecord, SourceRecord, ValidationProblem } from './dataset.ts';
import { entityRows } from './rows.ts';

export interface Existing {
  entities: StoredEntity[];
  merged: [string, string][];
  sources: StoredSource[];
  claims: StoredClaim[];
}

export interface Change<T> {
  id: string;
  before: T | null;
  after: T;
}

export interface ImportPlan {
  sources: Change<SourceRecord>[];
  entities: Change<Record<string, unknown>>[];
  claims: Change<Record<string, unknown>>[];
  unchanged: { sources: number; entities: number; claims: number };
  problems: ValidationProblem[];
}

const CLAIM_CONTENT = [
  'status', 'summary', 'sourceIds', 'confidence', 'start', 'end', 'percentage', 'note',
  'responseKinds', 'responseDates', 'responseTexts', 'responseSourceIds',
] as const;

function canonical(value: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(value).sort().filter((k) => value[k] !== undefined && value[k] !== null).map((k) => [k, value[k]]));
}

function claimContent(claim: ClaimRecord | StoredClaim): Record<string, unknown> {
  return Object.fromEntries(CLAIM_CONTENT.map((k) => [k, (claim as unknown as Record<string, unknown>)[k]]));
}

/**
 * An import adds aliases and never takes one away: an entity many sources name (the seed's, and
 * an official list's spelling folded into it) keeps every name it is known by, and loading the
 * seed again after a list does not undo what the list added. Removing an alias is an edit.
 */
function withStoredAliases(after: Record<string, unknown>, before: Record<string, unknown> | null): Record<string, unknown> {
  const stored = Array.isArray(before?.aliases) ? (before!.aliases as string[]) : [];
  const incoming = Array.isArray(after.aliases) ? (after.aliases as string[]) : [];
  const missing = stored.filter((a) => !incoming.includes(a));
  return missing.length === 0 ? after : { ...after, aliases: [...incoming, ...missing] };
}

export function planImport(dataset: Dataset, existing: Existing, file: string, stamp: { by: string; at: string }): ImportPlan {
  const plan: ImportPlan = { sources: [], entities: [], claims: [], unchanged: { sources: 0, entities: 0, claims: 0 }, problems: [] };
  const merged = new Map(existing.merged);
  const entities = new Map(existing.entities.map((e) => [e.id, e]));
  const sources = new Map(existing.sources.map((s) => [s.id, s]));
  const claims = new Map(existing.claims.map((c) => [c.id, c]));

  for (const source of dataset.sources) {
    const before = sources.get(source.id) ?? null;
    if (before && canonical({ ...before }) === canonical({ ...source })) plan.unchanged.sources++;
    else plan.sources.push({ id: source.id, before: before as SourceRecord | null, after: source });
  }

  const rows = entityRows(dataset);
  dataset.entities.forEach((entity: EntityRecord, i) => {
    const into = merged.get(entity.id);
    if (into) {
      plan.problems.push({ file, item: `entity ${entity.id}`, reason: `"${entity.id}" was merged into "${into}"; use that id` });
      return;
    }
    const before = entities.get(entity.id) ?? null;
    if (before && before.type !== entity.type) {
      plan.problems.push({
        file,
        item: `entity ${entity.id}`,
        reason: `is a ${before.type} in the database but a ${entity.type} in the file; an import cannot change a type`,
      });
      return;
    }
    const after = withStoredAliases(rows[i]!.props as Record<string, unknown>, before);
    if (before && canonical(before) === canonical(after)) plan.unchanged.entities++;
    else plan.entities.push({ id: entity.id, before, after });
  });

  for (const claim of dataset.claims) {
    for (const end of [claim.from, claim.to]) {
      const into = merged.get(end);
      if (into) plan.problems.push({ file, item: `claim ${claim.id}`, reason: `"${end}" was merged into "${into}"; use that id` });
    }
    const before = claims.get(claim.id) ?? null;
    if (before && canonical(claimContent(before)) === canonical(claimContent(claim))) {
      plan.unchanged.claims++;
      continue;
    }
    const { from, to, type, ...content } = claim;
    // Keep who first recorded it and any retraction; an import is a correction, not a new claim.
    const kept = before
      ? Object.fromEntries(
          ['recordedBy', 'recordedAt', 'retractedAt', 'retractedBy', 'retractionReason']
            .filter((k) => (before as unknown as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, (before as unknown as Record<string, unknown>)[k]]),
        )
      : { recordedBy: stamp.by, recordedAt: stamp.at };
    const after = { from, to, type, ...content, ...kept, ...(before ? { updatedBy: stamp.by, updatedAt: stamp.at } : {}) };
    plan.claims.push({ id: claim.id, before: before as unknown as Record<string, unknown> | null, after });
  }
  return plan;
}

export function planSummary(plan: ImportPlan) {
  const count = <T>(changes: Change<T>[]) => ({
    created: changes.filter((c) => c.before === null).length,
    updated: changes.filter((c) => c.before !== null).length,
  });
  return {
    sources: { ...count(plan.sources), unchanged: plan.unchanged.sources },
    entities: { ...count(plan.entities), unchanged: plan.unchanged.entities },
    claims: { ...count(plan.claims), unchanged: plan.unchanged.claims },
  };
}

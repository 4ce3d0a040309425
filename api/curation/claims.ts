// Adding, correcting and retracting claims, and adding the sources they cite.
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database, TxRunner } from '../db/database.ts';
import { claimId, isRelationType } from '../domain/model.ts';
import { badInput } from '../errors.ts';
import type { SourceRecord } from '../exchange/dataset.ts';
import type { StoredClaim, StoredSource } from '../graph/mapping.ts';
import { sourcesByIds } from '../sources/resolvers.ts';
import { claimRow } from './claimRows.ts';
import { claimById, knownIds } from './store.ts';
import { checkClaim, checkSources } from './validation.ts';

type Input = Record<string, unknown>;

/** New sources must not clash with stored ones; an identical copy is simply reused. */
async function newSources(db: Database, raw: Input[] | null | undefined): Promise<SourceRecord[]> {
  if (!raw || raw.length === 0) return [];
  const sources = checkSources(raw);
  const stored = new Map((await sourcesByIds(db, sources.map((s) => s.id))).map((s) => [s.id, s]));
  const fresh: SourceRecord[] = [];
  for (const source of sources) {
    const old = stored.get(source.id);
    if (!old) fresh.push(source);
    else if (JSON.stringify(sortKeys(old)) !== JSON.stringify(sortKeys(source))) {
      throw badInput(`A different source with id "${source.id}" already exists; cite it by id or choose a new id.`, 'newSources');
    }
  }
  return fresh;
}

function sortKeys(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

async function writeSources(run: TxRunner, by: string, sources: SourceRecord[], at: string): Promise<AuditEntry[]> {
  if (sources.length === 0) return [];
  await run('exchange/merge-sources', { rows: sources });
  void at;
  return sources.map((s) => ({ targetId: s.id, targetKind: 'source' as const, action: 'create', before: null, after: s }));
}

export async function addSource(db: Database, by: string, input: Input): Promise<StoredSource> {
  const [source] = await newSources(db, [input]);
  if (!source) throw badInput(`The source "${String(input.id)}" already exists with the same content.`, 'id');
  return db.writeTransaction(async (run) => {
    const at = new Date().toISOString();
    await appendAudit(run, auditRecords(by, await writeSources(run, by, [source], at), at));
    return source;
  });
}

export async function addClaim(db: Database, by: string, input: Input): Promise<StoredClaim> {
  const { newSources: rawSources, sourceIds, ...rest } = input;
  const created = await newSources(db, rawSources as Input[] | null);
  const cited = [...new Set([...((sourceIds as string[] | null) ?? []), ...created.map((s) => s.id)])];
  const from = String(rest.from);
  const to = String(rest.to);
  const known = await knownIds(db, [from, to], cited);
  for (const s of created) known.sources.add(s.id);
  const claim = checkClaim({ ...rest, sources: cited }, known.entities, known.sources);
  const type = String(rest.type);
  if (isRelationType(type)) {
    const id = claimId(from, type, to);
    const exists = await claimById(db.read, id).then(
      () => true,
      () => false,
    );
    if (exists) throw badInput(`A ${type} claim from "${from}" to "${to}" already exists (id "${id}"); correct it with updateClaim.`);
  }
  const at = new Date().toISOString();
  const stored: StoredClaim = { ...claim, recordedBy: by, recordedAt: at } as StoredClaim;
  return db.writeTransaction(async (run) => {
    const entries = await writeSources(run, by, created, at);
    await run('exchange/merge-claims', { rows: [claimRow(stored)] });
    entries.push({ targetId: stored.id, targetKind: 'claim', action: 'add-claim', before: null, after: stored });
    await appendAudit(run, auditRecords(by, entries, at));
    return stored;
  });
}

export async function updateClaim(db: Database, by: string, id: string, patch: Input): Promise<StoredClaim> {
  const current = await claimById(db.read, id);
  if (current.retractedAt) throw badInput(`Claim "${id}" is retracted; add a new claim instead.`);
  const { newSources: rawSources, sourceIds, addSourceIds, ...fields } = patch;
  const created = await newSources(db, rawSources as Input[] | null);
  let cited = (sourceIds as string[] | null | undefined) ?? current.sourceIds;
  cited = [...new Set([...cited, ...((addSourceIds as string[] | null) ?? []), ...created.map((s) => s.id)])];
  const next: Input = {
    from: current.from,
    to: current.to,
    type: current.type,
    status: current.status,
    summary: current.summary,
    confidence: current.confidence,
    start: current.start,
    end: current.end,
    percentage: current.percentage,
    note: current.note,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null && (key === 'status' || key === 'summary')) throw badInput(`A claim must keep its ${key}.`, key);
    next[key] = value;
  }
  const known = await knownIds(db, [current.from, current.to], cited);
  for (const s of created) known.sources.add(s.id);
  const checked = checkClaim({ ...next, sources: cited }, known.entities, known.sources);
  const at = new Date().toISOString();
  const stored = {
    ...checked,
    recordedBy: current.recordedBy,
    recordedAt: current.recordedAt,
    updatedBy: by,
    updatedAt: at,
  } as StoredClaim;
  return db.writeTransaction(async (run) => {
    const entries = await writeSources(run, by, created, at);
    await run('exchange/merge-claims', { rows: [claimRow(stored)] });
    entries.push({ targetId: id, targetKind: 'claim', action: 'update-claim', before: current, after: stored });
    await appendAudit(run, auditRecords(by, entries, at));
    return stored;
  });
}

export async function retractClaim(db: Database, by: string, id: string, reason: string): Promise<StoredClaim> {
  if (reason.trim().length < 3) throw badInput('Say why the claim is retracted (reason).', 'reason');
  const current = await claimById(db.read, id);
  if (current.retractedAt) throw badInput(`Claim "${id}" was already retracted on ${current.retractedAt}.`);
  return db.writeTransaction(async (run) => {
    const at = new Date().toISOString();
    const [row] = await run('curation/retract-claim', { id, from: current.from, to: current.to, type: current.type, at, by, reason });
    const after = row!.claim as StoredClaim;
    await appendAudit(run, auditRecords(by, [{ targetId: id, targetKind: 'claim', action: 'retract', before: current, after, reason }], at));
    return after;
  });
}

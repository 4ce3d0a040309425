// Adding, correcting and retracting claims, and adding the sources they cite. Each write reads
// what it depends on inside its own transaction, under the locks of api/curation/locks.ts.
import { appendAudit, auditRecords, type AuditEntry } from '../audit/audit.ts';
import type { Database, TxRunner } from '../db/database.ts';
import { badInput, conflict } from '../errors.ts';
import type { SourceRecord } from '../exchange/dataset.ts';
import type { StoredClaim, StoredSource } from '../graph/mapping.ts';
import { unlessTaken } from '../uniqueness.ts';
import { claimRow } from './claimRows.ts';
import { liveTypes, lockClaim, lockEntities, mergedAway, storedClaim } from './locks.ts';
import { storedSources } from './store.ts';
import { checkClaim, checkSources } from './validation.ts';

type Input = Record<string, unknown>;

const KEPT_ON_UPDATE = ['evidenceSourceIds', 'evidenceQuotes', 'responseKinds', 'responseDates', 'responseTexts', 'responseSourceIds'] as const;

function sortKeys(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** The given sources not stored yet; one stored with the same content is reused, another is a CONFLICT. */
function freshSources(given: SourceRecord[], stored: Map<string, StoredSource>): SourceRecord[] {
  return given.filter((source) => {
    const old = stored.get(source.id);
    if (old && JSON.stringify(sortKeys(old)) !== JSON.stringify(sortKeys(source))) {
      throw conflict(`A different source with id "${source.id}" already exists; cite it by id or choose a new id.`);
    }
    return !old;
  });
}

async function writeSources(run: TxRunner, sources: SourceRecord[]): Promise<AuditEntry[]> {
  if (sources.length === 0) return [];
  await unlessTaken(run('curation/create-sources', { rows: sources }), () =>
    conflict(`Another write has just added a source with one of the ids ${sources.map((s) => `"${s.id}"`).join(', ')}; cite it by id or choose a new id.`),
  );
  return sources.map((s) => ({ targetId: s.id, targetKind: 'source' as const, action: 'create', before: null, after: s }));
}

/** New sources to write, and the ids of every stored or new source among those cited. */
async function citable(run: TxRunner, given: SourceRecord[], cited: string[]) {
  const stored = await storedSources(run, [...cited, ...given.map((s) => s.id)]);
  const fresh = freshSources(given, stored);
  return { fresh, known: new Set([...stored.keys(), ...fresh.map((s) => s.id)]) };
}

export async function addSource(db: Database, by: string, input: Input): Promise<StoredSource> {
  const [source] = checkSources([input]);
  return db.writeTransaction(async (run) => {
    const [fresh] = freshSources([source!], await storedSources(run, [source!.id]));
    if (!fresh) throw conflict(`The source "${source!.id}" already exists with the same content; cite it by id.`);
    const at = new Date().toISOString();
    await appendAudit(run, auditRecords(by, await writeSources(run, [fresh]), at));
    return fresh;
  });
}

export async function addClaim(db: Database, by: string, input: Input): Promise<StoredClaim> {
  const { newSources: rawSources, sourceIds, ...rest } = input;
  const given = rawSources ? checkSources(rawSources as Input[]) : [];
  const cited = [...new Set([...((sourceIds as string[] | null) ?? []), ...given.map((s) => s.id)])];
  const [from, to] = [String(rest.from), String(rest.to)];
  return db.writeTransaction(async (run) => {
    const ends = await lockEntities(run, [from, to]);
    for (const [id, found] of ends) {
      if ('mergedInto' in found) throw mergedAway(id, found.mergedInto, `add the claim to "${found.mergedInto}" instead.`);
    }
    const { fresh, known } = await citable(run, given, cited);
    const claim = checkClaim({ ...rest, sources: cited }, liveTypes(ends), known);
    const [taken] = await run('curation/claim-by-id', { id: claim.id, from, to, type: claim.type });
    if (taken) {
      const retracted = (taken.claim as StoredClaim).retractedAt;
      throw conflict(`The claim "${claim.id}" already exists${retracted ? ` (retracted on ${retracted})` : ''}; correct it with updateClaim.`);
    }
    const at = new Date().toISOString();
    const entries = await writeSources(run, fresh);
    const { props } = claimRow({ ...claim, recordedBy: by, recordedAt: at } as StoredClaim);
    const [row] = await unlessTaken(run('curation/create-claim', { from, to, type: claim.type, props }), () =>
      conflict(`The claim "${claim.id}" was just added by another write; correct it with updateClaim.`),
    );
    const stored = storedClaim(row, claim);
    entries.push({ targetId: stored.id, targetKind: 'claim', action: 'add-claim', before: null, after: stored });
    await appendAudit(run, auditRecords(by, entries, at));
    return stored;
  });
}

export async function updateClaim(db: Database, by: string, id: string, patch: Input): Promise<StoredClaim> {
  const { newSources: rawSources, sourceIds, addSourceIds, ...fields } = patch;
  for (const key of ['status', 'summary']) {
    if (key in fields && fields[key] === null) throw badInput(`A claim must keep its ${key}.`, key);
  }
  const given = rawSources ? checkSources(rawSources as Input[]) : [];
  return db.writeTransaction(async (run) => {
    const { claim: current, ends } = await lockClaim(run, id);
    if (current.retractedAt) throw conflict(`Claim "${id}" was retracted on ${current.retractedAt}; add a new claim instead.`);
    const base = (sourceIds as string[] | null | undefined) ?? current.sourceIds;
    const cited = [...new Set([...base, ...((addSourceIds as string[] | null) ?? []), ...given.map((s) => s.id)])];
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
      ...fields,
    };
    const { fresh, known } = await citable(run, given, cited);
    const checked = checkClaim({ ...next, sources: cited }, liveTypes(ends), known);
    const at = new Date().toISOString();
    // A correction keeps what the patch cannot set: the claim's evidence quotes and company responses.
    const kept = Object.fromEntries(KEPT_ON_UPDATE.filter((k) => current[k] !== undefined && current[k] !== null).map((k) => [k, current[k]]));
    const { props } = claimRow({ ...checked, ...kept, recordedBy: current.recordedBy, recordedAt: current.recordedAt, updatedBy: by, updatedAt: at } as StoredClaim);
    const entries = await writeSources(run, fresh);
    const [row] = await run('curation/update-claim', { id, from: current.from, to: current.to, type: current.type, props });
    const stored = storedClaim(row, current);
    entries.push({ targetId: id, targetKind: 'claim', action: 'update-claim', before: current, after: stored });
    await appendAudit(run, auditRecords(by, entries, at));
    return stored;
  });
}

export async function retractClaim(db: Database, by: string, id: string, reason: string): Promise<StoredClaim> {
  if (reason.trim().length < 3) throw badInput('Say why the claim is retracted (reason).', 'reason');
  return db.writeTransaction(async (run) => {
    const { claim: current } = await lockClaim(run, id);
    if (current.retractedAt) throw conflict(`Claim "${id}" was already retracted on ${current.retractedAt}.`);
    const at = new Date().toISOString();
    const [row] = await run('curation/retract-claim', { id, from: current.from, to: current.to, type: current.type, at, by, reason });
    const after = row!.claim as StoredClaim;
    await appendAudit(run, auditRecords(by, [{ targetId: id, targetKind: 'claim', action: 'retract', before: current, after, reason }], at));
    return after;
  });
}

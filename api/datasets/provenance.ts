// The record of one import of an official list: what the file was (publisher, page, licence,
// version, its digest) and what it came to (new, changed, unchanged, merged, sent to review,
// reported rows). Written in the import's own transaction, so a record means the data is there.
import { createHash, randomUUID } from 'node:crypto';
import type { TxRunner } from '../db/database.ts';
import type { ImportReport } from '../exchange/importDataset.ts';
import type { DatasetProvenance, RowNote } from './reading.ts';

export interface ImportRecordInput {
  provenance: DatasetProvenance;
  fileName: string;
  text: string;
  by: string;
  merged: number;
  sentToReview: number;
  /** Claims of an earlier copy that this one no longer holds, ended by this import. */
  ended: number;
  reported: readonly RowNote[];
}

/** Flat properties, as a node stores them; the reader's own counts as JSON. */
export function importRecord(input: ImportRecordInput, summary: ImportReport['summary'], at: string): Record<string, unknown> {
  const { provenance: p } = input;
  return {
    id: randomUUID(),
    name: p.name,
    publisher: p.publisher,
    sourcePage: p.sourcePage,
    licence: p.terms,
    version: p.version,
    copiedFrom: p.copiedFrom,
    fileName: input.fileName,
    fileSha256: createHash('sha256').update(input.text).digest('hex'),
    importedAt: at,
    importedBy: input.by,
    readerCounts: JSON.stringify(p.counts),
    entitiesCreated: summary.entities.created,
    entitiesUpdated: summary.entities.updated,
    entitiesUnchanged: summary.entities.unchanged,
    claimsCreated: summary.claims.created,
    claimsUpdated: summary.claims.updated,
    claimsUnchanged: summary.claims.unchanged,
    sourcesCreated: summary.sources.created,
    sourcesUpdated: summary.sources.updated,
    sourcesUnchanged: summary.sources.unchanged,
    merged: input.merged,
    sentToReview: input.sentToReview,
    ended: input.ended,
    reported: input.reported.map((r) => `line ${r.line}: ${r.reason}`),
  };
}

export async function recordImport(run: TxRunner, record: Record<string, unknown>): Promise<void> {
  await run('datasets/record-import', { record });
}

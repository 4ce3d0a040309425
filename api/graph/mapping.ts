// Shapes of stored records as the resolvers see them, and their mapping to API objects.
import type { Row } from '../db/database.ts';
import type { StoredResponses } from '../domain/responses.ts';

export interface StoredEntity {
  id: string;
  type: string;
  name: string;
  aliases?: string[];
  [field: string]: unknown;
}

export interface StoredSource {
  id: string;
  publisher: string;
  title: string;
  url: string;
  date?: string;
  kind?: string;
  licence?: string;
}

export interface StoredClaim extends StoredResponses {
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
  sourceIds: string[];
  summary: string;
  confidence?: number;
  start?: string;
  end?: string;
  percentage?: number;
  note?: string;
  /** Aligned lists: evidenceQuotes[i] quotes the source evidenceSourceIds[i] (api/domain/evidence.ts). */
  evidenceSourceIds?: string[];
  evidenceQuotes?: string[];
  recordedBy?: string;
  recordedAt?: string;
  updatedBy?: string;
  updatedAt?: string;
  retractedAt?: string;
  retractedBy?: string;
  retractionReason?: string;
}

export interface ApiClaim extends StoredClaim {
  sources: StoredSource[];
}

export function asEntity(value: unknown): StoredEntity {
  const e = value as StoredEntity;
  return { ...e, aliases: e.aliases ?? [] };
}

export function column<T>(rows: Row[], name: string): T[] {
  return rows.map((row) => row[name] as T);
}

/** Attaches resolved sources to claims, in the order each claim cites them. */
export function withSources(claims: StoredClaim[], sources: StoredSource[]): ApiClaim[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return claims.map((c) => ({
    ...c,
    sources: c.sourceIds.map((id) => byId.get(id)).filter((s): s is StoredSource => s !== undefined),
  }));
}

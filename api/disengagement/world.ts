// Reads the part of the graph a scenario needs, ring by ring from the company, with one named
// query (cypher/disengagement/claims-around.cypher): its ownership group, what the group runs,
// serves and signs, what that infrastructure serves and is used in, and who is responsible for
// those harms. Every ring passes the request's filters.
import { GraphQLError } from 'graphql';
import { cypherInt, type Database, type Row } from '../db/database.ts';
import type { ClaimStatus, RelationType } from '../domain/model.ts';
import type { StoredEntity } from '../graph/mapping.ts';
import type { Facts, LocalClaim, World } from './model.ts';

/** Ownership chains followed down from the company. */
const GROUP_DEPTH = 4;
/** Claims one ring may read; more means the scenario is too broad to simulate in one request. */
export const MAX_RING_CLAIMS = 50_000;

export interface RingReader {
  /** Claims touching `ids` (of `types`, all when empty), added to the world; returns them. */
  ring(ids: string[], types?: RelationType[]): Promise<LocalClaim[]>;
  claimsRead: number;
}

function asFacts(value: unknown): Facts {
  const e = value as Record<string, unknown>;
  return {
    id: e.id as string,
    type: e.type as string,
    name: e.name as string,
    country: (e.country as string | null) ?? null,
    kind: (e.kind as string | null) ?? null,
    size: e.size == null ? null : Number(e.size),
  };
}

function asClaim(r: Row): LocalClaim {
  return {
    id: r.id as string,
    type: r.type as RelationType,
    from: r.from as string,
    to: r.to as string,
    status: r.status as ClaimStatus,
    confidence: (r.confidence as number | null) ?? null,
    percentage: (r.percentage as number | null) ?? null,
    start: (r.start as string | null) ?? null,
    end: (r.end as string | null) ?? null,
  };
}

export function ringReader(db: Database, filter: Record<string, unknown>, world: World): RingReader {
  const reader: RingReader = {
    claimsRead: 0,
    async ring(ids, types = []) {
      if (ids.length === 0) return [];
      const rows = await db.read('disengagement/claims-around', { ids, types, limit: cypherInt(MAX_RING_CLAIMS + 1), ...filter });
      if (rows.length > MAX_RING_CLAIMS) {
        throw new GraphQLError(
          `The scenario touches more than ${MAX_RING_CLAIMS.toLocaleString('en')} claims around ${ids.length} entities; narrow the scope or the filters.`,
          { extensions: { code: 'LIMIT_EXCEEDED', bound: 'ringClaims' } },
        );
      }
      reader.claimsRead += rows.length;
      const claims = rows.map(asClaim);
      rows.forEach((r) => {
        for (const e of [asFacts(r.fromEntity), asFacts(r.toEntity)]) world.entities.set(e.id, e);
      });
      for (const c of claims) world.claims.set(c.id, c);
      return claims;
    },
  };
  return reader;
}

/** Loads the company's world: group, operations, their systems and contracts, harms and actors. */
export async function loadWorld(db: Database, company: StoredEntity, filter: Record<string, unknown>): Promise<{ world: World; reader: RingReader }> {
  const world: World = { company: asFacts(company), group: new Set([company.id]), entities: new Map([[company.id, asFacts(company)]]), claims: new Map() };
  const reader = ringReader(db, filter, world);
  let frontier = [company.id];
  for (let depth = 0; depth <= GROUP_DEPTH && frontier.length > 0; depth++) {
    const claims = await reader.ring(frontier);
    const owned = claims.filter((c) => c.type === 'OWNS' && frontier.includes(c.from) && world.entities.get(c.to)?.type === 'Company' && !world.group.has(c.to));
    frontier = depth === GROUP_DEPTH ? [] : [...new Set(owned.map((c) => c.to))];
    for (const id of frontier) world.group.add(id);
  }
  const touched = new Set<string>();
  for (const c of world.claims.values()) {
    if (!world.group.has(c.from)) continue;
    const type = world.entities.get(c.to)?.type;
    if (type === 'Infrastructure' || type === 'Contract') touched.add(c.to);
  }
  await reader.ring([...touched]);
  const harms = new Set<string>();
  for (const c of world.claims.values()) {
    const type = world.entities.get(c.to)?.type;
    if ((type === 'Abuse' || type === 'Conflict') && touched.has(c.from)) harms.add(c.to);
  }
  const responsible = await reader.ring([...harms], ['ALLEGEDLY_RESPONSIBLE_FOR']);
  await reader.ring([...new Set(responsible.map((c) => c.from))], ['PART_OF']);
  return { world, reader };
}

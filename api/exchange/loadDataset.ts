// Writes a validated dataset to Neo4j in one transaction: all of it or nothing.
import type { Database } from '../db/database.ts';
import type { Dataset } from './dataset.ts';

export interface Provenance {
  /** Who or what recorded the claims, e.g. "seed:seed-facts.json" or an editor's name. */
  recordedBy: string;
  /** When; fixed for a given file so that loading it twice gives the same graph. */
  recordedAt: string;
}

export interface LoadReport {
  sources: number;
  entities: number;
  claims: number;
}

const BATCH = 5_000;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export function entityRows(dataset: Dataset) {
  return dataset.entities.map((e) => ({
    type: e.type,
    props: { aliases: [], ...e.props, id: e.id, name: e.name, type: e.type },
  }));
}

export function claimRows(dataset: Dataset, provenance: Provenance) {
  return dataset.claims.map(({ from, to, type, ...props }) => ({
    from,
    to,
    type,
    props: { ...props, recordedBy: provenance.recordedBy, recordedAt: provenance.recordedAt },
  }));
}

export async function loadDataset(db: Database, dataset: Dataset, provenance: Provenance): Promise<LoadReport> {
  return db.writeTransaction(async (run) => {
    for (const rows of batches(dataset.sources)) await run('exchange/merge-sources', { rows });
    for (const rows of batches(entityRows(dataset))) await run('exchange/merge-entities', { rows });
    let claims = 0;
    for (const rows of batches(claimRows(dataset, provenance))) {
      const [result] = await run('exchange/merge-claims', { rows });
      claims += Number(result?.written ?? 0);
    }
    if (claims !== dataset.claims.length) {
      // A claim whose endpoint vanished between validation and write: abort the whole load.
      throw new Error(`Only ${claims} of ${dataset.claims.length} claims found both their entities; nothing was written.`);
    }
    return { sources: dataset.sources.length, entities: dataset.entities.length, claims };
  });
}

// A list that is one of many naming the same entity (OpenSanctions publishes one feed per
// dataset, and a company may be in several) adds to what is stored instead of replacing it:
// the stored name stays and the feed's name becomes an alias, aliases and topics are joined,
// fields the feed does not give are kept, and fields it gives are its own. So importing feed
// A, then B, then A again changes nothing the third time. Pure.
import { claimId } from '../domain/model.ts';
import type { Dataset, EntityProps, EntityRecord } from '../exchange/dataset.ts';
import type { StoredEntity } from '../graph/mapping.ts';

const LIST_FIELDS = ['aliases', 'topics'] as const;

function joined(...lists: (unknown | undefined)[]): string[] {
  return [...new Set(lists.flatMap((l) => (Array.isArray(l) ? (l as string[]) : [])))];
}

export function addedToStored(entity: EntityRecord, stored: StoredEntity | undefined): EntityRecord {
  if (!stored || stored.type !== entity.type) return entity;
  const { id: _id, type: _type, name, ...storedProps } = stored;
  const props: EntityProps = { ...(storedProps as EntityProps), ...entity.props };
  const aliases = joined(stored.aliases, entity.props.aliases, [entity.name]).filter((a) => a !== name);
  if (aliases.length > 0) props.aliases = aliases;
  else delete props.aliases;
  const topics = joined(storedProps.topics, entity.props.topics).sort();
  if (topics.length > 0) props.topics = topics;
  for (const field of LIST_FIELDS) if (Array.isArray(props[field]) && (props[field] as string[]).length === 0) delete props[field];
  return { id: entity.id, type: entity.type, name, props };
}

/** The dataset with each entity already stored (same id and type) added to rather than replaced. */
export function addToStored(dataset: Dataset, stored: readonly StoredEntity[]): Dataset {
  const byId = new Map(stored.map((e) => [e.id, e]));
  return { ...dataset, entities: dataset.entities.map((e) => addedToStored(e, byId.get(e.id))) };
}

/**
 * The dataset with each entity whose id is not stored, but one of its former ids is, under that
 * stored id (its claims too): OpenSanctions may merge an entity imported before into a new one,
 * naming the old id among the new one's referents. An id another entity of the dataset has is
 * left alone.
 */
export function renamedToStored(dataset: Dataset, formerIds: Readonly<Record<string, string[]>>, storedIds: ReadonlySet<string>): Dataset {
  const taken = new Set(dataset.entities.map((e) => e.id));
  const renamed = new Map<string, string>();
  for (const e of dataset.entities) {
    if (storedIds.has(e.id)) continue;
    const former = (formerIds[e.id] ?? []).find((id) => storedIds.has(id) && !taken.has(id));
    if (!former) continue;
    renamed.set(e.id, former);
    taken.add(former);
  }
  if (renamed.size === 0) return dataset;
  const to = (id: string) => renamed.get(id) ?? id;
  return {
    ...dataset,
    entities: dataset.entities.map((e) => (renamed.has(e.id) ? { ...e, id: to(e.id) } : e)),
    claims: dataset.claims.map((c) =>
      renamed.has(c.from) || renamed.has(c.to) ? { ...c, from: to(c.from), to: to(c.to), id: claimId(to(c.from), c.type, to(c.to)) } : c,
    ),
  };
}

// A list that is one of many naming the same entity (OpenSanctions publishes one feed per
// dataset, and a company may be in several) adds to what is stored instead of replacing it:
// the stored name stays and the feed's name becomes an alias, aliases and topics are joined,
// fields the feed does not give are kept, and fields it gives are its own. So importing feed
// A, then B, then A again changes nothing the third time. Pure.
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

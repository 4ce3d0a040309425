// A list says a few things about an entity (a name, a country, an LEI); the graph may hold more
// (a curator's description, an ISIN, aliases from another list). The import writes whole
// entities, so an official list's entity is first given the stored fields it does not say,
// and its aliases are added to the stored ones: importing a list never erases what it does not cover.
import { entityFields } from '../domain/model.ts';
import type { EntityRecord } from '../exchange/dataset.ts';
import type { StoredEntity } from '../graph/mapping.ts';

export function withStoredFields(entities: readonly EntityRecord[], stored: readonly StoredEntity[]): EntityRecord[] {
  const byId = new Map(stored.map((s) => [s.id, s]));
  return entities.map((entity) => {
    const before = byId.get(entity.id);
    // Another type is the import's own problem to report; nothing to keep.
    if (!before || before.type !== entity.type) return entity;
    const fields = entityFields(entity.type);
    const kept: EntityRecord['props'] = {};
    for (const [key, value] of Object.entries(before)) {
      if (key === 'id' || key === 'name' || key === 'type' || !(key in fields) || value === null || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      kept[key] = value as string | number | string[];
    }
    const props = { ...kept, ...entity.props };
    const aliases = [...new Set([...((before.aliases as string[] | undefined) ?? []), ...((entity.props.aliases as string[] | undefined) ?? [])])].filter((a) => a !== entity.name);
    if (aliases.length > 0) props.aliases = aliases;
    return { ...entity, props };
  });
}

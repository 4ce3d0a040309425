// The entity lines of an OpenSanctions feed, read before its claims: each actor as an entity
// (opensanctionsEntities.ts), each other schema left out with why, and an Address's country
// given to the entities that name it and have none. What claims need comes back with them:
// which FtM id is which entity, which was left out, each entity's topics and former ids.
import { isCountryCode } from '../domain/standards.ts';
import type { EntityRecord } from '../exchange/dataset.ts';
import { LINKS } from './opensanctionsClaims.ts';
import { feedEntity, openSanctionsEntityId } from './opensanctionsEntities.ts';
import type { FeedRecord } from './opensanctionsFeed.ts';
import { NO_PLACE, Tally } from './opensanctionsNotes.ts';
import type { RowNote } from './reading.ts';

export interface FeedActors {
  entities: EntityRecord[];
  lines: number[];
  /** By FtM id: the entity's id and topics. */
  byRef: Map<string, { id: string; topics: string[] }>;
  /** By FtM id: why a line that is not imported is not. */
  leftOut: Map<string, string>;
  formerIds: Record<string, string[]>;
  problems: RowNote[];
  defaulted: Tally;
  several: Tally;
  unkept: Tally;
  ignored: Map<string, number>;
  countriesFromAddresses: number[];
}

/** `report(rec, why, reason)` records a line not imported; `why` is said once for all of its kind. */
export function readActors(records: readonly FeedRecord[], report: (rec: FeedRecord, why: string, reason: string) => void): FeedActors {
  const out: FeedActors = {
    entities: [], lines: [], byRef: new Map(), leftOut: new Map(), formerIds: {}, problems: [],
    defaulted: new Tally(), several: new Tally(), unkept: new Tally(), ignored: new Map(), countriesFromAddresses: [],
  };
  const addressCountry = new Map<string, string>();
  const waitingForCountry: { entity: EntityRecord; refs: string[]; line: number }[] = [];
  for (const rec of records) {
    if (rec.schema === 'Sanction' || LINKS[rec.schema]) continue;
    const read = feedEntity(rec);
    if (!read) {
      const code = rec.schema === 'Address' ? rec.properties.country?.[0]?.trim().toUpperCase() : undefined;
      if (code && isCountryCode(code)) addressCountry.set(rec.id, code);
      out.leftOut.set(rec.id, `${/^[AEIOU]/.test(rec.schema) ? 'an' : 'a'} ${rec.schema}, which is not imported`);
      const why = NO_PLACE[rec.schema] ?? `the model has no type for a FollowTheMoney ${rec.schema}`;
      report(rec, why, `${rec.schema} "${rec.id}" not imported: ${why}`);
      continue;
    }
    if (read.problems.length > 0) {
      for (const reason of read.problems) out.problems.push({ line: rec.line, reason });
      continue;
    }
    const { id, type, name, ...props } = read.entity;
    const entity = { id, type, name, props } as EntityRecord;
    out.entities.push(entity);
    out.lines.push(rec.line);
    out.byRef.set(rec.id, { id, topics: (props.topics as string[] | undefined) ?? [] });
    if (rec.referents.length > 0) out.formerIds[id] = rec.referents.map(openSanctionsEntityId);
    for (const p of read.ignoredProps) out.ignored.set(p, (out.ignored.get(p) ?? 0) + 1);
    if (read.defaultedTo) out.defaulted.add(`${rec.schema} as ${read.defaultedTo}`, rec.line);
    for (const p of read.severalValues) out.several.add(p, rec.line);
    for (const v of read.unkept) out.unkept.add(v, rec.line);
    if (entity.props.country === undefined && read.addressRefs.length > 0) waitingForCountry.push({ entity, refs: read.addressRefs, line: rec.line });
  }
  // An Address's country is the entity's country when the entity gives none itself.
  for (const { entity, refs, line } of waitingForCountry) {
    const code = refs.map((r) => addressCountry.get(r)).find((c) => c !== undefined);
    if (!code) continue;
    entity.props.country = code;
    out.countriesFromAddresses.push(line);
  }
  return out;
}

// Reads an OpenSanctions feed (a dataset's entities.ftm.json, downloaded by the user; the
// project ships none, as OpenSanctions data is CC BY-NC 4.0): actors become entities
// (opensanctionsEntities.ts), Sanctions, Ownerships and UnknownLinks claims
// (opensanctionsClaims.ts) citing the dataset's page and the authority's own page. An
// Address gives its country to the entities that have none; every other line the model has
// no place for is counted by schema in the notes, never dropped silently.
import { isWebAddress } from '../domain/standards.ts';
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { lineList, plural } from '../exchange/formats/common.ts';
import { shortHash, slug } from '../exchange/formats/ftmMapping.ts';
import { hostOf } from '../exchange/formats/ftmRecords.ts';
import { LINKS, combineListings, linkClaim, listingClaim, sanctionListing, type Listing, type Resolve } from './opensanctionsClaims.ts';
import { feedEntity, openSanctionsEntityId } from './opensanctionsEntities.ts';
import { readFeedLines, type FeedRecord } from './opensanctionsFeed.ts';
import { emptyDataset, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';

export const OPENSANCTIONS_TERMS =
  'CC BY-NC 4.0 (Creative Commons Attribution-NonCommercial 4.0 International): cite OpenSanctions; commercial use needs a data licence from OpenSanctions.';

/** The Source of an OpenSanctions dataset: its page on opensanctions.org. */
export function datasetSource(name: string, changed: string | undefined): SourceRecord {
  const source: SourceRecord = {
    id: `src-opensanctions-${name}`,
    publisher: 'OpenSanctions',
    title: `[OpenSanctions dataset ${name}, FollowTheMoney entities]`,
    url: `https://www.opensanctions.org/datasets/${name}/`,
    kind: 'dataset',
  };
  if (changed) source.date = changed;
  return source;
}

/** The page a Sanction names as its source (the authority's own list), as a Source of that authority. */
export function authoritySource(url: string, authority: string): SourceRecord {
  return {
    id: `src-${slug(hostOf(url)) || 'web'}-${shortHash(url)}`,
    publisher: authority,
    title: `[List of ${authority}, as OpenSanctions cites it]`,
    url,
    kind: 'official',
  };
}

/** Why the model has no place for a schema's lines. */
const NO_PLACE: Readonly<Record<string, string>> = {
  Address: 'the model keeps no street addresses',
  Identification: 'the model has no field for identity documents',
  Passport: 'the model has no field for identity documents',
  Event: 'an event is neither an abuse nor a conflict without a curator saying which',
  Directorship: 'the model has no directorship relation',
  Family: 'the model has no family relation',
  Associate: 'the model has no relation for associates',
};

/** Lines by label, for notes such as "3 Address records (lines 20, 21, 22)". */
class Tally {
  readonly lines = new Map<string, number[]>();
  add(label: string, line: number): void {
    const lines = this.lines.get(label);
    if (lines) lines.push(line);
    else this.lines.set(label, [line]);
  }
}

export function readOpenSanctions(text: string, file = 'entities.ftm.json'): DatasetReading {
  const counts: Record<string, number> = { lines: 0, entities: 0, authorities: 0, listings: 0, sanctions: 0, ownerships: 0, links: 0, reported: 0, problems: 0 };
  const provenance: DatasetProvenance = {
    name: 'opensanctions',
    publisher: 'OpenSanctions',
    sourcePage: 'https://www.opensanctions.org/datasets/',
    terms: OPENSANCTIONS_TERMS,
    version: 'unknown',
    copiedFrom: `${file}, downloaded by the user from OpenSanctions (the project ships no OpenSanctions data)`,
    counts,
  };
  const { records, problems } = readFeedLines(text, file);
  counts.lines = records.length;
  const reported: RowNote[] = [];
  const notReported = new Tally();
  // `why` says it for the whole kind in the notes; `reason` for the one line.
  const report = (rec: FeedRecord, why: string, reason: string) => {
    reported.push({ line: rec.line, reason });
    notReported.add(`${rec.schema}|${why}`, rec.line);
  };

  // Entities first, so claims know which references lead to an entity of the feed.
  const entities: EntityRecord[] = [];
  const entityLines: number[] = [];
  const byRef = new Map<string, { id: string; name: string; topics: string[] }>();
  const formerIds: Record<string, string[]> = {};
  const leftOut = new Map<string, string>();
  const addressCountry = new Map<string, string>();
  const waitingForCountry: { entity: EntityRecord; refs: string[]; line: number }[] = [];
  const ignored = new Map<string, number>();
  const defaulted = new Tally();
  const several = new Tally();
  const unkept = new Tally();
  for (const rec of records) {
    if (rec.schema === 'Sanction' || LINKS[rec.schema]) continue;
    const read = feedEntity(rec);
    if (!read) {
      if (rec.schema === 'Address') {
        const code = rec.properties.country?.[0]?.trim().toUpperCase();
        if (code) addressCountry.set(rec.id, code);
      }
      leftOut.set(rec.id, `${/^[AEIOU]/.test(rec.schema) ? 'an' : 'a'} ${rec.schema}, which is not imported`);
      const why = NO_PLACE[rec.schema] ?? `the model has no type for a FollowTheMoney ${rec.schema}`;
      report(rec, why, `${rec.schema} "${rec.id}" not imported: ${why}`);
      continue;
    }
    if (read.problems.length > 0) {
      for (const reason of read.problems) problems.push({ line: rec.line, reason });
      continue;
    }
    const { id, type, name, ...props } = read.entity;
    const entity = { id, type, name, props } as EntityRecord;
    entities.push(entity);
    entityLines.push(rec.line);
    byRef.set(rec.id, { id, name, topics: (props.topics as string[] | undefined) ?? [] });
    if (rec.referents.length > 0) formerIds[id] = rec.referents.map(openSanctionsEntityId);
    for (const p of read.ignoredProps) ignored.set(p, (ignored.get(p) ?? 0) + 1);
    if (read.defaultedTo) defaulted.add(`${rec.schema} as ${read.defaultedTo}`, rec.line);
    for (const p of read.severalValues) several.add(p, rec.line);
    for (const v of read.unkept) unkept.add(v, rec.line);
    if (entity.props.country === undefined && read.addressRefs.length > 0) waitingForCountry.push({ entity, refs: read.addressRefs, line: rec.line });
  }
  // An Address's country is the entity's country when the entity gives none itself.
  const countriesFromAddresses: number[] = [];
  for (const { entity, refs, line } of waitingForCountry) {
    const code = refs.map((r) => addressCountry.get(r)).find((c) => c !== undefined);
    if (code && !unkept.lines.has(`country "${code}"`) && /^[A-Z]{2}$/.test(code)) {
      entity.props.country = code;
      countriesFromAddresses.push(line);
    }
  }

  const resolve: Resolve = (ref) => {
    const known = byRef.get(ref);
    if (known) return { id: known.id };
    const why = leftOut.get(ref);
    // Not in the feed: it may be in the database; the import's validation says if it is not.
    return why ? { leftOut: why } : { id: openSanctionsEntityId(ref) };
  };
  const sources = new Map<string, SourceRecord>();
  const sourceLines = new Map<string, number>();
  const addSource = (source: SourceRecord, line: number) => {
    if (sources.has(source.id)) return;
    sources.set(source.id, source);
    sourceLines.set(source.id, line);
  };
  const changedOf = new Map<string, string>();
  for (const rec of records) {
    for (const d of rec.datasets) if (rec.changed && rec.changed > (changedOf.get(d) ?? '')) changedOf.set(d, rec.changed);
  }
  const datasetSourceIds = (datasets: string[], line: number) =>
    datasets.map((d) => {
      const source = datasetSource(d, changedOf.get(d));
      addSource(source, line);
      return source.id;
    });

  const listings: Listing[] = [];
  const claims: ClaimRecord[] = [];
  const claimLines: number[] = [];
  const lineOfClaim = new Map<string, number>();
  for (const rec of records) {
    if (rec.schema === 'Sanction') {
      const read = sanctionListing(rec, resolve);
      if ('problem' in read) problems.push({ line: rec.line, reason: read.problem });
      else if ('leftOut' in read) report(rec, read.why, `Sanction "${rec.id}" not imported: ${read.leftOut}`);
      else {
        const bad = read.listing.sourceUrls.find((u) => !isWebAddress(u));
        if (bad) problems.push({ line: rec.line, reason: `Sanction "${rec.id}" has sourceUrl "${bad}", which is not an http(s) address` });
        else listings.push(read.listing);
      }
      counts.sanctions!++;
    } else if (LINKS[rec.schema]) {
      const read = linkClaim(rec, resolve, datasetSourceIds(rec.datasets, rec.line));
      if ('problem' in read) problems.push({ line: rec.line, reason: read.problem });
      else if ('leftOut' in read) report(rec, read.why, `${rec.schema} "${rec.id}" not imported: ${read.leftOut}`);
      else if (lineOfClaim.has(read.claim.id)) {
        const why = 'each joins the same two entities as an earlier line, which is kept';
        report(rec, why, `${rec.schema} "${rec.id}" not imported: it joins the same two entities as line ${lineOfClaim.get(read.claim.id)}, which is kept`);
      } else {
        claims.push(read.claim);
        claimLines.push(rec.line);
        lineOfClaim.set(read.claim.id, rec.line);
        counts[read.claim.type === 'OWNS' ? 'ownerships' : 'links']!++;
      }
    }
  }
  const topicsOf = new Map([...byRef.values()].map((e) => [e.id, e.topics]));
  const authorities = new Map<string, EntityRecord>();
  const authorityLines: number[] = [];
  for (const listing of combineListings(listings)) {
    if (!authorities.has(listing.authority.id)) {
      authorities.set(listing.authority.id, listing.authority);
      authorityLines.push(listing.lines[0]!);
    }
    const line = listing.lines[0]!;
    // One page, one source (its id comes from the address), whichever authority names it first.
    const own = listing.sourceUrls.map((url) => {
      const source = authoritySource(url, listing.authority.name);
      addSource(source, line);
      return source.id;
    });
    const topics = topicsOf.get(listing.from) ?? [];
    claims.push(listingClaim(listing, topics, [...new Set([...datasetSourceIds(listing.datasets, line), ...own])]));
    claimLines.push(listing.lines[0]!);
    counts.listings!++;
  }
  counts.entities = entities.length;
  counts.authorities = authorities.size;
  counts.reported = reported.length;
  counts.problems = problems.length;
  for (const [key, lines] of notReported.lines) {
    const name = `not imported: ${key.split('|')[0]}`;
    counts[name] = (counts[name] ?? 0) + lines.length;
  }
  const names = [...changedOf.keys()].sort();
  if (names.length === 1) provenance.sourcePage = datasetSource(names[0]!, undefined).url;
  const latestChange = [...changedOf.values()].sort().at(-1);
  if (latestChange) provenance.version = `entities last changed ${latestChange}`;
  if (problems.length > 0) return { dataset: emptyDataset(), reported, problems: problems.sort((a, b) => a.line - b.line), provenance };

  const allEntities = [...entities, ...authorities.values()];
  const sourceList = [...sources.values()];
  const notes = feedNotes({ counts, names, notReported, defaulted, several, unkept, ignored, countriesFromAddresses });
  return {
    dataset: { sources: sourceList, entities: allEntities, claims },
    reported,
    problems,
    provenance,
    notes,
    formerIds,
    lines: { sources: sourceList.map((s) => sourceLines.get(s.id)!), entities: [...entityLines, ...authorityLines], claims: claimLines },
  };
}

interface NoteParts {
  counts: Record<string, number>;
  names: string[];
  notReported: Tally;
  defaulted: Tally;
  several: Tally;
  unkept: Tally;
  ignored: Map<string, number>;
  countriesFromAddresses: number[];
}

function feedNotes(p: NoteParts): string[] {
  const c = p.counts;
  const notes = [
    `Read ${plural(c.lines!, 'line', 'lines')} of OpenSanctions ${p.names.length === 1 ? 'dataset' : 'datasets'} ${p.names.join(', ')}: ` +
      `${plural(c.entities!, 'entity', 'entities')}, ${plural(c.listings!, 'listing', 'listings')} (SANCTIONED_BY, from ${plural(c.sanctions!, 'Sanction', 'Sanctions')}) ` +
      `by ${plural(c.authorities!, 'authority', 'authorities')}, ${plural(c.ownerships!, 'ownership', 'ownerships')} (OWNS), ${plural(c.links!, 'link', 'links')} (LINKED_TO).`,
  ];
  for (const [key, lines] of p.notReported.lines) {
    const [schema, why] = key.split('|') as [string, string];
    notes.push(`${plural(lines.length, `${schema} record`, `${schema} records`)} not imported (${lineList(lines, 10)}): ${why}.`);
  }
  if (p.countriesFromAddresses.length > 0) {
    notes.push(`Took the country of ${plural(p.countriesFromAddresses.length, 'entity', 'entities')} from its Address (${lineList(p.countriesFromAddresses, 10)}): the entity gives none itself.`);
  }
  for (const [label, lines] of p.defaulted.lines) notes.push(`Imported ${plural(lines.length, 'entity', 'entities')} of schema ${label} (${lineList(lines, 10)}): the schema alone does not say which type.`);
  for (const [prop, lines] of p.several.lines) notes.push(`Kept the first of several ${prop} values (${lineList(lines, 10)}): the model holds one.`);
  for (const [value, lines] of p.unkept.lines) notes.push(`Left out ${value} (${lineList(lines, 10)}): not a value the model can hold.`);
  if (p.ignored.size > 0) {
    const props = [...p.ignored].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([prop, n]) => `${prop} (${n})`);
    notes.push(`Ignored FollowTheMoney properties the model has no field for: ${props.join(', ')}.`);
  }
  return notes;
}

// Reads an OpenSanctions feed (a dataset's entities.ftm.json, downloaded by the user; the
// project ships none, as OpenSanctions data is CC BY-NC 4.0): actors become entities
// (opensanctionsEntities.ts), Sanctions, Ownerships and UnknownLinks claims
// (opensanctionsClaims.ts) citing the dataset's page and the authority's own page. An
// Address gives its country to the entities that have none; every other line the model has
// no place for is counted by schema in the notes, never dropped silently.
import { isWebAddress } from '../domain/standards.ts';
import type { ClaimRecord, EntityRecord, SourceRecord } from '../exchange/dataset.ts';
import { shortHash, slug } from '../exchange/formats/ftmMapping.ts';
import { hostOf } from '../exchange/formats/ftmRecords.ts';
import { LINKS, combineListings, linkClaim, listingClaim, sanctionListing, type Listing, type Resolve } from './opensanctionsClaims.ts';
import { readActors } from './opensanctionsActors.ts';
import { openSanctionsEntityId } from './opensanctionsEntities.ts';
import { readFeedLines, type FeedRecord } from './opensanctionsFeed.ts';
import { Tally, feedNotes } from './opensanctionsNotes.ts';
import { emptyDataset, type DatasetProvenance, type DatasetReading, type RowNote } from './reading.ts';

export const OPENSANCTIONS_LICENCE = 'CC BY-NC 4.0';
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
    licence: OPENSANCTIONS_LICENCE,
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
  const notImported = new Tally();
  // `why` says it for the whole kind in the notes; `reason` for the one line.
  const report = (rec: FeedRecord, why: string, reason: string) => {
    reported.push({ line: rec.line, reason });
    notImported.add(`${rec.schema}|${why}`, rec.line);
  };

  // Entities first, so claims know which references lead to an entity of the feed.
  const actors = readActors(records, report);
  problems.push(...actors.problems);
  const { byRef, leftOut } = actors;

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
  const datasets = new Set<string>();
  const changedOf = new Map<string, string>();
  for (const rec of records) {
    for (const d of rec.datasets) {
      datasets.add(d);
      if (rec.changed && rec.changed > (changedOf.get(d) ?? '')) changedOf.set(d, rec.changed);
    }
  }
  const datasetSourceIds = (cited: string[], line: number) =>
    cited.map((d) => {
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
    claimLines.push(line);
    counts.listings!++;
  }
  counts.entities = actors.entities.length;
  counts.authorities = authorities.size;
  counts.reported = reported.length;
  counts.problems = problems.length;
  for (const [key, lines] of notImported.lines) {
    const name = `not imported: ${key.split('|')[0]}`;
    counts[name] = (counts[name] ?? 0) + lines.length;
  }
  const names = [...datasets].sort();
  if (names.length === 1) {
    const source = datasetSource(names[0]!, undefined);
    provenance.sourcePage = source.url;
    // A newer copy of a one-dataset feed ends the claims of an earlier copy it no longer holds.
    provenance.listSourceId = source.id;
  }
  const latestChange = [...changedOf.values()].sort().at(-1);
  if (latestChange) provenance.version = `entities last changed ${latestChange}`;
  if (problems.length > 0) return { dataset: emptyDataset(), reported, problems: problems.sort((a, b) => a.line - b.line), provenance };

  const allEntities = [...actors.entities, ...authorities.values()];
  const sourceList = [...sources.values()];
  const { defaulted, several, unkept, ignored, countriesFromAddresses } = actors;
  const notes = feedNotes({ counts, datasets: names, notImported, defaulted, several, unkept, ignored, countriesFromAddresses });
  return {
    dataset: { sources: sourceList, entities: allEntities, claims },
    reported,
    problems,
    provenance,
    notes,
    formerIds: actors.formerIds,
    lines: { sources: sourceList.map((s) => sourceLines.get(s.id)!), entities: [...actors.lines, ...authorityLines], claims: claimLines },
  };
}

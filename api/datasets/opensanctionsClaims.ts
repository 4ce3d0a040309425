// OpenSanctions interval lines as claims. A Sanction is a listing: SANCTIONED_BY from the
// listed entity to its authority (a StateBody named by the feed, one node per name and
// country), status sanctioned, dated by its listing or start date and its end date, its
// summary only the authority, program, reason and the entity's topics as the feed gives them.
// Sanctions of one entity by one authority are one claim. An Ownership is OWNS with its
// percentage; an UnknownLink between actors LINKED_TO.
import { claimId, type ClaimStatus, type RelationType } from '../domain/model.ts';
import { isCountryCode } from '../domain/standards.ts';
import type { ClaimRecord, EntityRecord } from '../exchange/dataset.ts';
import { parseNumberCell } from '../exchange/formats/cells.ts';
import { shortHash, slug } from '../exchange/formats/ftmMapping.ts';
import { dateOf } from '../exchange/formats/ftmRecords.ts';
import type { FeedRecord } from './opensanctionsFeed.ts';

/** Where an FtM reference leads: an entity id (of the feed, or maybe of the database), or an entity the reader left out. */
export type Resolve = (ftmRef: string) => { id: string } | { leftOut: string };

/** One line, of text: the feed's reasons may run over paragraphs. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const values = (rec: FeedRecord, prop: string) => [...new Set((rec.properties[prop] ?? []).map(oneLine).filter((v) => v !== ''))];

/** The StateBody a Sanction's authority names: the same name (any case) and country is one id in every feed. */
export function authorityEntity(name: string, country: string | undefined): EntityRecord {
  const base = slug(name) || shortHash(name);
  const id = `authority-${base}${country ? `-${country.toLowerCase()}` : ''}`;
  return { id, type: 'StateBody', name, props: country ? { country } : {} };
}

export interface Listing {
  lines: number[];
  from: string;
  authority: EntityRecord;
  programs: string[];
  reasons: string[];
  start?: string;
  end?: string;
  /** Whether every Sanction of the listing has an end date (else the listing has not ended). */
  ended: boolean;
  datasets: string[];
  sourceUrls: string[];
}

/** Left out: `leftOut` says why for the line, `why` for every line left out alike (the notes). */
export type LeftOut = { leftOut: string; why: string };
export type SanctionRead = { listing: Listing } | { problem: string } | LeftOut;

export function sanctionListing(rec: FeedRecord, resolve: Resolve): SanctionRead {
  const ref = rec.properties.entity?.[0];
  if (!ref) return { problem: `Sanction "${rec.id}" names no "entity" (the listed person or company)` };
  const from = resolve(ref);
  if ('leftOut' in from) return { leftOut: `its entity "${ref}" is ${from.leftOut}`, why: `each lists ${from.leftOut}` };
  const name = values(rec, 'authority')[0];
  if (!name) return { leftOut: 'it names no authority', why: 'each names no authority to be SANCTIONED_BY' };
  const code = rec.properties.country?.map((c) => c.trim().toUpperCase()).find(isCountryCode);
  const start = dateOf(rec.properties.listingDate?.[0] ?? rec.properties.startDate?.[0]);
  const end = dateOf(rec.properties.endDate?.[0]);
  return {
    listing: {
      lines: [rec.line],
      from: from.id,
      authority: authorityEntity(name, code),
      programs: values(rec, 'program'),
      reasons: values(rec, 'reason'),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ended: end !== undefined,
      datasets: rec.datasets,
      sourceUrls: values(rec, 'sourceUrl'),
    },
  };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const earliest = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const latest = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/** Listings of one entity by one authority as one: every program and reason, the earliest start, an end only when all ended. */
export function combineListings(listings: Listing[]): Listing[] {
  const byClaim = new Map<string, Listing>();
  for (const l of listings) {
    const key = claimId(l.from, 'SANCTIONED_BY', l.authority.id);
    const seen = byClaim.get(key);
    if (!seen) {
      byClaim.set(key, { ...l });
      continue;
    }
    const ended = seen.ended && l.ended;
    const combined: Listing = {
      ...seen,
      lines: [...seen.lines, ...l.lines],
      programs: union(seen.programs, l.programs),
      reasons: union(seen.reasons, l.reasons),
      ended,
      datasets: union(seen.datasets, l.datasets).sort(),
      sourceUrls: union(seen.sourceUrls, l.sourceUrls),
    };
    const start = earliest(seen.start, l.start);
    const end = ended ? latest(seen.end, l.end) : undefined;
    delete combined.start;
    delete combined.end;
    if (start) combined.start = start;
    if (end) combined.end = end;
    byClaim.set(key, combined);
  }
  return [...byClaim.values()];
}

const quoted = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

function datasetWords(datasets: string[]): string {
  return `OpenSanctions dataset${datasets.length > 1 ? 's' : ''} ${datasets.join(', ')}`;
}

/** "Listed by X; program: "P"; reason: "R"; OpenSanctions dataset d; topics: mil, sanction." */
export function listingSummary(listing: Listing, topics: readonly string[]): string {
  const parts = [`Listed by ${listing.authority.name}`];
  if (listing.programs.length > 0) parts.push(`program: ${quoted(listing.programs)}`);
  if (listing.reasons.length > 0) parts.push(`reason: ${quoted(listing.reasons)}`);
  parts.push(datasetWords(listing.datasets));
  if (topics.length > 0) parts.push(`topics: ${topics.join(', ')}`);
  return `${parts.join('; ')}.`;
}

export function listingClaim(listing: Listing, topics: readonly string[], sourceIds: string[]): ClaimRecord {
  const claim: ClaimRecord = {
    id: claimId(listing.from, 'SANCTIONED_BY', listing.authority.id),
    type: 'SANCTIONED_BY',
    from: listing.from,
    to: listing.authority.id,
    status: 'sanctioned',
    sourceIds,
    summary: listingSummary(listing, topics),
  };
  if (listing.start) claim.start = listing.start;
  if (listing.end) claim.end = listing.end;
  return claim;
}

/** The interval schemata read as claims between two entities of the feed (or the database). */
export const LINKS: Readonly<Record<string, { from: string; to: string; type: RelationType; status: ClaimStatus; words: string }>> = {
  Ownership: { from: 'owner', to: 'asset', type: 'OWNS', status: 'reported', words: 'Owns' },
  UnknownLink: { from: 'subject', to: 'object', type: 'LINKED_TO', status: 'reported', words: 'Linked' },
};

export type LinkRead = { claim: ClaimRecord } | { problem: string } | LeftOut;

/** An Ownership or UnknownLink line as a claim citing `sourceIds`. */
export function linkClaim(rec: FeedRecord, resolve: Resolve, sourceIds: string[]): LinkRead {
  const spec = LINKS[rec.schema]!;
  const ends: string[] = [];
  for (const prop of [spec.from, spec.to]) {
    const ref = rec.properties[prop]?.[0];
    if (!ref) return { problem: `${rec.schema} "${rec.id}" has no "${prop}"` };
    const end = resolve(ref);
    if ('leftOut' in end) return { leftOut: `its ${prop} "${ref}" is ${end.leftOut}`, why: `each has an end that is ${end.leftOut}` };
    ends.push(end.id);
  }
  const [from, to] = ends as [string, string];
  const claim: ClaimRecord = { id: claimId(from, spec.type, to), type: spec.type, from, to, status: spec.status, sourceIds, summary: '' };
  const words = [spec.words];
  const share = rec.properties.percentage?.[0]?.trim();
  if (share !== undefined) {
    const n = parseNumberCell(share.replace(/\s*%$/, ''));
    // A range such as "25-50" stays in the words, not guessed into one number.
    if (n !== null) claim.percentage = n;
    words.push(n !== null ? `${share.replace(/\s*%$/, '')}%` : `a share given as "${share}"`);
  }
  const roles = [...values(rec, 'role'), ...values(rec, 'ownershipType')];
  if (roles.length > 0) words.push(`(${quoted(roles)})`);
  claim.summary = `${words.join(' ')}; ${datasetWords(rec.datasets)}.`;
  const start = dateOf(rec.properties.startDate?.[0] ?? rec.properties.date?.[0]);
  const end = dateOf(rec.properties.endDate?.[0]);
  if (start) claim.start = start;
  if (end) claim.end = end;
  return { claim };
}

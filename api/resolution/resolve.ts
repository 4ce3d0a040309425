// One entity, many sources: before an official list is written, each company it brings is
// looked up among the stored ones with the screening's matching engine (identifiers first,
// then normalised names and aliases). Certain matches fold into the stored entity (its name
// kept, the list's name added as an alias, the list's id remembered as merged into it);
// uncertain ones are written as their own entity and sent to review as a pair; an editor's
// earlier decision on a pair wins. Pure: the graph's state comes in, the plan goes out.
import type { ClaimRecord, Dataset, EntityProps, EntityRecord } from '../exchange/dataset.ts';
import { canonicalIdentifier } from '../domain/identifiers.ts';
import { claimId } from '../domain/model.ts';
import { buildMatchIndex, MATCHING, matchOptions, type MatchOption } from '../portfolio/matching.ts';

/**
 * The least score a pair needs to be sent to review. The screening offers names from 0.55 (a
 * person there picks among a holding's options); two whole entities that only look alike in
 * spelling ("Villar International" and "Gamma International", 0.63) are noise in a queue.
 */
export const REVIEW_FLOOR = 0.7;

/** Types resolved by name; the others (state bodies, conflicts, countries) are joined by id only. */
const RESOLVED_TYPES = new Set(['Company', 'Investor']);

export type PairDecision = 'same' | 'different';

export interface GraphState {
  /** Stored entities of the resolved types, with all their fields. */
  stored: readonly EntityRecord[];
  /** Ids merged away, and the survivor each now resolves to. */
  mergedInto: ReadonlyMap<string, string>;
  /** Editors' decisions by pair key (see pairKey). */
  decisions: ReadonlyMap<string, PairDecision>;
}

export interface MergedId {
  /** The list's id for the entity, which now resolves to `into`. */
  id: string;
  into: string;
  name: string;
  reason: string;
}

export interface ReviewPair {
  key: string;
  /** The entity the list brings (written as its own entity until an editor decides). */
  incomingId: string;
  incomingName: string;
  /** The stored entity it may be. */
  candidateId: string;
  candidateName: string;
  score: number;
  reason: string;
  /** Why it is not merged without a person: what falls short of certainty. */
  doubt: string;
}

export interface Resolution {
  dataset: Dataset;
  merged: MergedId[];
  review: ReviewPair[];
}

/** A pair's key: the list's id, then the stored one (an incoming entity is never the survivor). */
export function pairKey(incomingId: string, candidateId: string): string {
  return `${incomingId}|${candidateId}`;
}

function textList(value: EntityProps[string] | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/** The identifier as the matching index keys it (upper case, no spaces). */
function canonicalOrNull(value: EntityProps[string] | undefined): string | null {
  return typeof value === 'string' ? canonicalIdentifier(value) : null;
}

function optionalText(value: EntityProps[string] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Certain: the same LEI or ISIN; or the same name or alias once case, punctuation and legal
 * form are set aside, for the same type, where the two countries do not differ, and no second
 * option comes close. Anything else the engine offers is for a person to decide.
 */
function isCertain(option: MatchOption, incoming: EntityRecord, candidate: EntityRecord, second: MatchOption | undefined): boolean {
  if (candidate.type !== incoming.type) return false;
  const sameIdentifier = (field: 'lei' | 'isin') => {
    const a = optionalText(incoming.props[field]);
    const b = optionalText(candidate.props[field]);
    return a !== null && b !== null && canonicalIdentifier(a) === canonicalIdentifier(b);
  };
  if (sameIdentifier('lei') || sameIdentifier('isin')) return true;
  const [a, b] = [optionalText(incoming.props.country), optionalText(candidate.props.country)];
  if (a !== null && b !== null && a !== b) return false;
  const close = second !== undefined && option.score - second.score < MATCHING.margin;
  return option.score >= MATCHING.exactAlias && !close;
}

/** Why an option is left to a person, in words; the first shortfall of isCertain's rule. */
function doubtOf(option: MatchOption, incoming: EntityRecord, candidate: EntityRecord, options: readonly MatchOption[], taken: boolean): string {
  if (taken) return `another row of the same list was already merged into ${candidate.name}`;
  const [a, b] = [optionalText(incoming.props.country), optionalText(candidate.props.country)];
  if (option.score >= MATCHING.exactAlias && a !== null && b !== null && a !== b) return `the countries differ (${a} and ${b})`;
  const rival = options.find((o) => o.entityId !== option.entityId && Math.abs(o.score - option.score) < MATCHING.margin);
  if (option.score >= MATCHING.exactAlias && rival) return `${rival.name} is as close a match`;
  return 'the names are alike but not the same, and no identifier joins them';
}

/**
 * The stored entity with what the list adds: its name and aliases as aliases, fields the stored
 * one lacks, and the items of list fields it does not hold yet (a feed's topics).
 */
function folded(stored: EntityRecord, incoming: EntityRecord): EntityRecord {
  const props: EntityProps = { ...stored.props };
  for (const [field, value] of Object.entries(incoming.props)) {
    if (field === 'aliases') continue;
    const held = props[field];
    if (held === undefined) props[field] = value;
    else if (Array.isArray(held) && Array.isArray(value)) props[field] = [...held, ...value.filter((v) => !held.includes(v))];
  }
  const known = new Set([stored.name, ...textList(stored.props.aliases)].map((n) => n.toLowerCase()));
  const added = [incoming.name, ...textList(incoming.props.aliases)].filter((n) => !known.has(n.toLowerCase()));
  const aliases = [...textList(stored.props.aliases), ...new Set(added)];
  if (aliases.length > 0) props.aliases = aliases;
  return { ...stored, props };
}

function rewriteClaim(claim: ClaimRecord, into: ReadonlyMap<string, string>): ClaimRecord {
  const from = into.get(claim.from) ?? claim.from;
  const to = into.get(claim.to) ?? claim.to;
  return from === claim.from && to === claim.to ? claim : { ...claim, id: claimId(from, claim.type, to), from, to };
}

export function resolveIncoming(dataset: Dataset, graph: GraphState): Resolution {
  const storedById = new Map(graph.stored.map((e) => [e.id, e]));
  const index = buildMatchIndex(
    graph.stored.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: textList(e.props.aliases),
      isin: optionalText(e.props.isin),
      lei: optionalText(e.props.lei),
    })),
  );
  const into = new Map<string, string>();
  const merged: MergedId[] = [];
  const review: ReviewPair[] = [];
  // A stored entity takes at most one of the list's entities: two rows of one list are two
  // enterprises to the publisher, so a second one that looks the same goes to review.
  const taken = new Set<string>();
  const entities: EntityRecord[] = [];
  const foldedById = new Map<string, EntityRecord>();
  const foldInto = (incoming: EntityRecord, target: EntityRecord, reason: string) => {
    into.set(incoming.id, target.id);
    taken.add(target.id);
    merged.push({ id: incoming.id, into: target.id, name: incoming.name, reason });
    foldedById.set(target.id, folded(foldedById.get(target.id) ?? target, incoming));
  };

  for (const incoming of dataset.entities) {
    const earlier = graph.mergedInto.get(incoming.id);
    const survivor = earlier ? storedById.get(earlier) : undefined;
    if (survivor) {
      foldInto(incoming, survivor, `merged earlier into ${survivor.name}`);
      continue;
    }
    if (storedById.has(incoming.id) || !RESOLVED_TYPES.has(incoming.type)) {
      entities.push(incoming);
      continue;
    }
    const options = matchOptions(
      {
        line: 0,
        name: incoming.name,
        isin: canonicalOrNull(incoming.props.isin),
        lei: canonicalOrNull(incoming.props.lei),
        ticker: null,
        weight: null,
        value: null,
      },
      index,
    ).filter((o) => o.entityId !== incoming.id && graph.decisions.get(pairKey(incoming.id, o.entityId)) !== 'different');
    const confirmed = options.find((o) => graph.decisions.get(pairKey(incoming.id, o.entityId)) === 'same');
    const [first, second] = options;
    const target = confirmed ?? first;
    const candidate = target ? storedById.get(target.entityId) : undefined;
    if (target && candidate && !taken.has(candidate.id) && (confirmed || isCertain(target, incoming, candidate, second))) {
      foldInto(incoming, candidate, confirmed ? 'an editor confirmed they are one' : target.reason);
      continue;
    }
    entities.push(incoming);
    for (const option of options) {
      const isTaken = taken.has(option.entityId);
      const stored = storedById.get(option.entityId);
      if (!stored || stored.type !== incoming.type || option.score < REVIEW_FLOOR) continue;
      review.push({
        key: pairKey(incoming.id, option.entityId),
        incomingId: incoming.id,
        incomingName: incoming.name,
        candidateId: option.entityId,
        candidateName: option.name,
        score: option.score,
        reason: option.reason,
        doubt: doubtOf(option, incoming, stored, options, isTaken),
      });
    }
  }
  return {
    dataset: {
      ...dataset,
      entities: [...entities, ...foldedById.values()],
      // A claim may name an entity of an earlier import merged since (GLEIF's relationship
      // records name the LEI records' ids): it joins the survivor.
      claims: dataset.claims.map((c) => rewriteClaim(c, new Map([...graph.mergedInto, ...into]))),
    },
    merged,
    review,
  };
}

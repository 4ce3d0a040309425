// Entity resolution for portfolio screening. It never guesses silently: identifiers first
// (exact), then normalised names and aliases with a score and the reason; anything ambiguous
// or weak is returned for a person to confirm or reject, and their choice wins next time.
import type { Holding } from './holdings.ts';
import { canonicalIdentifier } from './identifiers.ts';
import { containment, nameVariants, normaliseName, similarity, spellingSimilarity, trigrams } from './names.ts';

export interface Candidate {
  id: string;
  name: string;
  type: string;
  aliases: readonly string[];
  isin?: string | null;
  lei?: string | null;
  ticker?: string | null;
}

export interface MatchOption {
  entityId: string;
  name: string;
  score: number;
  reason: string;
}

export type MatchStatus = 'matched' | 'confirmed' | 'ambiguous' | 'weak' | 'unmatched' | 'rejected';

export interface MatchResult {
  status: MatchStatus;
  /** The entity screened: set for matched and confirmed only. */
  entityId: string | null;
  /** Best first; what the user chooses from when the status is ambiguous or weak. */
  options: MatchOption[];
}

/** A person's earlier decision for this holding: an entity, or "none of these". */
export type Decision = { entityId: string } | { rejected: true };

/** Scores and thresholds, in one place. */
export const MATCHING = {
  isin: 1,
  lei: 1,
  /** Tickers repeat across exchanges, so a ticker alone is strong but not certain. */
  ticker: 0.9,
  exactName: 0.95,
  exactAlias: 0.9,
  /** Fuzzy name score = this × the better of trigram and spelling similarity: always below `accept`. */
  fuzzy: 0.84,
  /** One name's words all inside the other's: base + share of words × scale; below `accept`. */
  containedBase: 0.55,
  containedScale: 0.29,
  /** At or above: matched, unless another option is within `margin`. */
  accept: 0.85,
  /** Below: not offered at all. */
  offer: 0.55,
  margin: 0.05,
  maxOptions: 5,
} as const;

interface Indexed {
  candidate: Candidate;
  names: { text: string; normalised: string; grams: Set<string>; alias: boolean }[];
}

export interface MatchIndex {
  byIsin: Map<string, Candidate>;
  byLei: Map<string, Candidate>;
  byTicker: Map<string, Candidate[]>;
  byName: Map<string, { candidate: Candidate; alias: boolean; text: string }[]>;
  /** Trigram -> entries, to find fuzzy candidates without comparing against every name. */
  byGram: Map<string, Indexed[]>;
  all: Indexed[];
}

export function buildMatchIndex(candidates: readonly Candidate[]): MatchIndex {
  const index: MatchIndex = { byIsin: new Map(), byLei: new Map(), byTicker: new Map(), byName: new Map(), byGram: new Map(), all: [] };
  for (const candidate of candidates) {
    if (candidate.isin) index.byIsin.set(canonicalIdentifier(candidate.isin), candidate);
    if (candidate.lei) index.byLei.set(canonicalIdentifier(candidate.lei), candidate);
    if (candidate.ticker) {
      const key = canonicalIdentifier(candidate.ticker);
      index.byTicker.set(key, [...(index.byTicker.get(key) ?? []), candidate]);
    }
    const entry: Indexed = { candidate, names: [] };
    for (const [text, alias] of [[candidate.name, false], ...candidate.aliases.map((a) => [a, true] as const)] as const) {
      const normalised = normaliseName(text);
      if (!normalised) continue;
      const grams = trigrams(normalised);
      entry.names.push({ text, normalised, grams, alias });
      index.byName.set(normalised, [...(index.byName.get(normalised) ?? []), { candidate, alias, text }]);
      for (const g of grams) {
        const list = index.byGram.get(g) ?? [];
        if (list[list.length - 1] !== entry) list.push(entry);
        index.byGram.set(g, list);
      }
    }
    index.all.push(entry);
  }
  return index;
}

/** Every option for a holding, best first, each with its reason. */
export function matchOptions(holding: Holding, index: MatchIndex): MatchOption[] {
  const best = new Map<string, MatchOption>();
  const offer = (candidate: Candidate, score: number, reason: string) => {
    const known = best.get(candidate.id);
    if (!known || known.score < score) best.set(candidate.id, { entityId: candidate.id, name: candidate.name, score: Number(score.toFixed(3)), reason });
  };
  if (holding.isin) {
    const hit = index.byIsin.get(holding.isin);
    if (hit) offer(hit, MATCHING.isin, `ISIN ${holding.isin} is ${hit.name}'s`);
  }
  if (holding.lei) {
    const hit = index.byLei.get(holding.lei);
    if (hit) offer(hit, MATCHING.lei, `LEI ${holding.lei} is ${hit.name}'s`);
  }
  if (holding.ticker) {
    for (const hit of index.byTicker.get(canonicalIdentifier(holding.ticker)) ?? []) {
      offer(hit, MATCHING.ticker, `ticker ${holding.ticker.toUpperCase()} is ${hit.name}'s`);
    }
  }
  for (const variant of holding.name ? nameVariants(holding.name) : []) {
    const normalised = normaliseName(variant);
    if (!normalised) continue;
    for (const hit of index.byName.get(normalised) ?? []) {
      offer(
        hit.candidate,
        hit.alias ? MATCHING.exactAlias : MATCHING.exactName,
        hit.alias ? `"${variant}" is an alias of ${hit.candidate.name} ("${hit.text}")` : `"${variant}" is the name "${hit.text}" once case, punctuation and legal form are set aside`,
      );
    }
    const grams = trigrams(normalised);
    const seen = new Set<Indexed>();
    for (const g of grams) for (const entry of index.byGram.get(g) ?? []) seen.add(entry);
    for (const entry of seen) {
      for (const name of entry.names) {
        if (name.normalised === normalised) continue;
        const spelled = Math.max(similarity(grams, name.grams), spellingSimilarity(normalised, name.normalised));
        const contained = containment(normalised, name.normalised);
        const fuzzy = MATCHING.fuzzy * spelled;
        const byWords = contained > 0 ? MATCHING.containedBase + MATCHING.containedScale * contained : 0;
        const label = `${name.alias ? 'the alias ' : ''}"${name.text}"`;
        if (fuzzy >= byWords && fuzzy >= MATCHING.offer) offer(entry.candidate, fuzzy, `"${variant}" is spelled like ${label} (${Math.round(spelled * 100)}% similar)`);
        else if (byWords >= MATCHING.offer) offer(entry.candidate, byWords, `"${variant}" and ${label} share all the words of the shorter one`);
      }
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, MATCHING.maxOptions);
}

/** The decision for a holding: an earlier human choice first, else the rules above. */
export function matchHolding(holding: Holding, index: MatchIndex, decision?: Decision): MatchResult {
  const options = matchOptions(holding, index);
  if (decision && 'rejected' in decision) return { status: 'rejected', entityId: null, options };
  if (decision) return { status: 'confirmed', entityId: decision.entityId, options };
  const [first, second] = options;
  if (!first) return { status: 'unmatched', entityId: null, options };
  const close = second !== undefined && first.score - second.score < MATCHING.margin;
  if (first.score >= MATCHING.accept && !close) return { status: 'matched', entityId: first.entityId, options };
  return { status: close ? 'ambiguous' : 'weak', entityId: null, options };
}

/** Stable key of a holding within a portfolio, for remembering decisions across runs. */
export function holdingKey(holding: Holding): string {
  return [holding.isin ?? '', holding.lei ?? '', holding.ticker ? canonicalIdentifier(holding.ticker) : '', holding.name ? normaliseName(holding.name) : ''].join('|');
}

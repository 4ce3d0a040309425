// Entity resolution for portfolio screening. It never guesses silently: identifiers first
// (exact), then normalised names and aliases with a score and the reason; anything ambiguous
// or weak is returned for a person to confirm or reject, and their choice wins next time.
import type { Holding } from './holdings.ts';
import { canonicalIdentifier } from '../domain/identifiers.ts';
import { letterCounts, NameIndex, type IndexedName, type Nearby } from './nameIndex.ts';
import { containment, editDistanceWithin, nameVariants, normaliseName, spellingSimilarityBound, trigrams } from './names.ts';

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

export interface MatchIndex {
  byIsin: Map<string, Candidate>;
  byLei: Map<string, Candidate>;
  byTicker: Map<string, Candidate[]>;
  byName: Map<string, { candidate: Candidate; alias: boolean; text: string }[]>;
  /** Every name and alias by trigram and word, for fuzzy and word matches. */
  names: NameIndex<Candidate>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildMatchIndex(candidates: readonly Candidate[]): MatchIndex {
  const index: MatchIndex = { byIsin: new Map(), byLei: new Map(), byTicker: new Map(), byName: new Map(), names: new NameIndex() };
  for (const candidate of candidates) {
    if (candidate.isin) index.byIsin.set(canonicalIdentifier(candidate.isin), candidate);
    if (candidate.lei) index.byLei.set(canonicalIdentifier(candidate.lei), candidate);
    if (candidate.ticker) push(index.byTicker, canonicalIdentifier(candidate.ticker), candidate);
    const names = [{ text: candidate.name, alias: false }, ...candidate.aliases.map((text) => ({ text, alias: true }))].map((n) => ({ ...n, normalised: normaliseName(n.text) }));
    for (const n of names) if (n.normalised) push(index.byName, n.normalised, { candidate, alias: n.alias, text: n.text });
    index.names.add(candidate, names);
  }
  return index;
}

/** The most a name that is not an exact name or alias can score, by spelling or by words. */
const LOOKALIKE_MAX = Math.max(MATCHING.fuzzy, MATCHING.containedBase + MATCHING.containedScale);

/** The best score of each of the k best candidates so far: what a new option must beat. */
class TopScores {
  private readonly top: { id: string; score: number }[] = [];
  constructor(private readonly k: number) {}

  /** Scores only rise per candidate (offers keep the best), so a small list stays exact. */
  update(id: string, score: number): void {
    const known = this.top.find((t) => t.id === id);
    if (known) known.score = Math.max(known.score, score);
    else if (this.top.length < this.k) this.top.push({ id, score });
    else {
      const lowest = this.top.reduce((a, b) => (b.score < a.score ? b : a));
      if (score > lowest.score) Object.assign(lowest, { id, score });
    }
  }

  best(): number {
    return Math.max(-Infinity, ...this.top.map((t) => t.score));
  }

  /** The k-th best score, or -Infinity while fewer than k candidates were offered. */
  kth(): number {
    return this.top.length < this.k ? -Infinity : Math.min(...this.top.map((t) => t.score));
  }
}

/** A holding's name as the search compares it. */
interface Probe {
  normalised: string;
  grams: Set<string>;
  letters: Uint8Array;
  near: Nearby;
}

/**
 * The most a name can score against the probe, cheaply: spelling bounded by lengths, shared
 * trigrams (one edit changes at most 4) and shared letters (the bag distance); words exactly
 * (containment is cheap). No edit distance.
 */
function scoreBound(probe: Probe, name: IndexedName<Candidate>, index: MatchIndex): number {
  const { normalised, grams, near } = probe;
  const common = near.shared[name.id]!;
  const dice = (2 * common) / (grams.size + name.grams.size);
  const minEdits = Math.max(Math.ceil(Math.max(grams.size - common, name.grams.size - common) / 4), index.names.bagDistance(name.id, probe.letters));
  const spelling = spellingSimilarityBound(normalised.length, name.normalised.length, minEdits);
  const hits = near.wordHits[name.id]!;
  const mayContain = hits === near.words || hits === name.words;
  const contained = mayContain ? containment(normalised, name.normalised) : 0;
  return Math.max(MATCHING.fuzzy * Math.max(dice, spelling), contained > 0 ? MATCHING.containedBase + MATCHING.containedScale * contained : 0);
}

/**
 * max(trigram similarity, spelling similarity) of two names, exact when it is at least `floor`;
 * below it, some value under `floor` (the edit distance is not worked out past what could reach it).
 */
function spellingAtLeast(normalised: string, grams: Set<string>, name: IndexedName<Candidate>, near: Nearby, floor: number): number {
  // similarity(grams, name.grams), from the shared trigrams already counted.
  const dice = (2 * near.shared[name.id]!) / (grams.size + name.grams.size);
  const longest = Math.max(normalised.length, name.normalised.length);
  if (longest === 0) return 1;
  const max = Math.floor((1 - floor) * longest + 1e-9);
  const distance = editDistanceWithin(normalised, name.normalised, max);
  return distance <= max ? Math.max(dice, 1 - distance / longest) : dice;
}

/**
 * Indices of `bounds` at or above `floor`, highest bound first (ties in index order), sorted
 * bucket by bucket as they are asked for: a search that stops early sorts little.
 */
function* byBoundDescending(bounds: Float64Array, floor: number): Generator<number> {
  const BUCKETS = 256;
  const buckets: number[][] = Array.from({ length: BUCKETS }, () => []);
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    if (b >= floor) buckets[Math.max(0, Math.min(BUCKETS - 1, Math.floor(b * BUCKETS)))]!.push(i);
  }
  for (let k = BUCKETS - 1; k >= 0; k--) {
    const list = buckets[k]!;
    list.sort((x, y) => bounds[y]! - bounds[x]! || x - y);
    yield* list;
  }
}

/** Every option for a holding, best first, each with its reason. */
export function matchOptions(holding: Holding, index: MatchIndex): MatchOption[] {
  const best = new Map<string, MatchOption>();
  const top = new TopScores(MATCHING.maxOptions);
  const offer = (candidate: Candidate, score: number, reason: string) => {
    const known = best.get(candidate.id);
    const rounded = Number(score.toFixed(3));
    if (!known || known.score < score) best.set(candidate.id, { entityId: candidate.id, name: candidate.name, score: rounded, reason });
    top.update(candidate.id, rounded);
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
    // An identifier or exact name this far above any look-alike decides the match; listing
    // look-alikes under it would cost a search through every similar name and change nothing.
    if (top.best() >= LOOKALIKE_MAX + MATCHING.margin) continue;
    const grams = trigrams(normalised);
    const near = index.names.nearby(normalised, grams);
    const probe: Probe = { normalised, grams, letters: letterCounts(normalised), near };
    // Entities in order of the most they could score, so the search stops once no other can
    // reach the options kept (a graph of numbered look-alike names has thousands of them).
    const bounds = new Float64Array(near.entries.length);
    for (let i = 0; i < near.entries.length; i++) {
      for (const name of index.names.entries[near.entries[i]!]!) if (name.normalised !== normalised) bounds[i] = Math.max(bounds[i]!, scoreBound(probe, name, index));
    }
    for (const i of byBoundDescending(bounds, MATCHING.offer - 1e-9)) {
      const names = index.names.entries[near.entries[i]!]!;
      // Scores are kept to 3 decimals: a margin of 0.001 keeps a tie from being cut.
      if (bounds[i]! + 0.001 < top.kth()) break;
      // A score under `needed` can no longer make the options, so spelling is only worked out
      // exactly when it could reach it (the edit distance within a band).
      const needed = Math.max(MATCHING.offer, top.kth() - 0.001);
      for (const name of names) {
        const candidate = name.owner;
        if (name.normalised === normalised || scoreBound(probe, name, index) < needed - 1e-9) continue;
        const spelled = spellingAtLeast(normalised, grams, name, near, needed / MATCHING.fuzzy);
        const contained = containment(normalised, name.normalised);
        const fuzzy = MATCHING.fuzzy * spelled;
        const byWords = contained > 0 ? MATCHING.containedBase + MATCHING.containedScale * contained : 0;
        const label = `${name.alias ? 'the alias ' : ''}"${name.text}"`;
        if (fuzzy >= byWords && fuzzy >= MATCHING.offer) offer(candidate, fuzzy, `"${variant}" is spelled like ${label} (${Math.round(spelled * 100)}% similar)`);
        else if (byWords >= MATCHING.offer) offer(candidate, byWords, `"${variant}" and ${label} share all the words of the shorter one`);
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

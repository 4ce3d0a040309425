// The names of every entity a holding may match, indexed by trigram and by word, so that a
// holding is compared only with the names it shares something with. Counting runs in typed
// arrays: a graph of 100,000 entities holds ~50,000 company names, and a screening of 10,000
// holdings asks this once per holding.
import { trigrams } from './names.ts';

export interface IndexedName<T> {
  /** Position in NameIndex.names. */
  id: number;
  /** Position in NameIndex.entries: the entity the name belongs to. */
  entry: number;
  text: string;
  normalised: string;
  grams: Set<string>;
  /** Distinct words of the normalised name. */
  words: number;
  alias: boolean;
  owner: T;
}

/** What a holding's name shares with the indexed names. */
export interface Nearby {
  /** Entities with a name sharing a trigram, in the order first met (grams in order, then index order). */
  entries: number[];
  /** By name id: trigrams it shares with the holding's name. */
  shared: Int32Array;
  /** By name id: distinct words of the holding's name it has. */
  wordHits: Int32Array;
  /** Distinct words of the holding's name. */
  words: number;
}

export class NameIndex<T> {
  readonly names: IndexedName<T>[] = [];
  /** Each entity's names, main name first, then aliases. */
  readonly entries: IndexedName<T>[][] = [];
  private readonly byGram = new Map<string, number[]>();
  private readonly byWord = new Map<string, number[]>();
  private sharedCounts = new Int32Array(0);
  private wordCounts = new Int32Array(0);
  private entryMet = new Int32Array(0);
  private stamp = 0;
  /** Names whose counts the last call set. */
  private touched: number[] = [];
  /** Letter counts of every name, SYMBOLS.length per name: for the bag distance. */
  private letters = new Uint8Array(1024);

  /** Adds an entity with its names (already normalised; empty ones are skipped). */
  add(owner: T, names: readonly { text: string; normalised: string; alias: boolean }[]): void {
    const entry = this.entries.length;
    const list: IndexedName<T>[] = [];
    for (const n of names) {
      if (!n.normalised) continue;
      const words = new Set(n.normalised.split(' '));
      const name: IndexedName<T> = { id: this.names.length, entry, ...n, grams: trigrams(n.normalised), words: words.size, owner };
      this.names.push(name);
      list.push(name);
      if (this.letters.length < this.names.length * SYMBOLS) {
        const grown = new Uint8Array(this.letters.length * 2);
        grown.set(this.letters);
        this.letters = grown;
      }
      this.letters.set(letterCounts(n.normalised), name.id * SYMBOLS);
      for (const g of name.grams) push(this.byGram, g, name.id);
      for (const w of words) push(this.byWord, w, name.id);
    }
    this.entries.push(list);
  }

  /** What `normalised` shares with the indexed names; valid until the next call. */
  nearby(normalised: string, grams: Set<string>): Nearby {
    if (this.sharedCounts.length !== this.names.length) {
      this.sharedCounts = new Int32Array(this.names.length);
      this.wordCounts = new Int32Array(this.names.length);
      this.entryMet = new Int32Array(this.entries.length);
      this.touched = [];
    }
    // Clear what the previous call counted, rather than the whole arrays.
    const shared = this.sharedCounts;
    const hits = this.wordCounts;
    for (const id of this.touched) shared[id] = hits[id] = 0;
    const touched: number[] = (this.touched = []);
    const stamp = ++this.stamp;
    const entries: number[] = [];
    for (const g of grams) {
      for (const id of this.byGram.get(g) ?? []) {
        if (shared[id] === 0 && hits[id] === 0) touched.push(id);
        shared[id]!++;
        const entry = this.names[id]!.entry;
        if (this.entryMet[entry] !== stamp) {
          this.entryMet[entry] = stamp;
          entries.push(entry);
        }
      }
    }
    const words = new Set(normalised.split(' '));
    for (const w of words) {
      for (const id of this.byWord.get(w) ?? []) {
        if (shared[id] === 0 && hits[id] === 0) touched.push(id);
        hits[id]!++;
      }
    }
    return { entries, shared, wordHits: hits, words: words.size };
  }

  /**
   * The bag distance of name `id` and a name with these letter counts: the letters one has
   * more of than the other, whichever side has more. Never above the edit distance (with
   * transpositions, which keep the letters), and far cheaper.
   */
  bagDistance(id: number, counts: Uint8Array): number {
    let extra = 0;
    let missing = 0;
    const base = id * SYMBOLS;
    for (let k = 0; k < SYMBOLS; k++) {
      const d = this.letters[base + k]! - counts[k]!;
      if (d > 0) extra += d;
      else missing -= d;
    }
    return Math.max(extra, missing);
  }
}

/** Normalised names hold a-z, 0-9 and spaces only (normaliseName). */
const SYMBOLS = 37;

/** How often each symbol occurs in a normalised name (capped at 255). */
export function letterCounts(normalised: string): Uint8Array {
  const counts = new Uint8Array(SYMBOLS);
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    const k = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    if (counts[k]! < 255) counts[k]!++;
  }
  return counts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

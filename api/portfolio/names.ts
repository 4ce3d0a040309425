// Name normalisation for matching holdings to entities: case, accents, punctuation, "&", and
// legal-form suffixes ("Inc.", "ASA", "Pte Ltd") do not distinguish companies; words do.

/**
 * Legal forms and their abbreviations, normalised (lower case, no dots). Dropped only at the
 * end of a name, so "Company" in "The Coca-Cola Company" goes but a leading word never does.
 */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'llp', 'lp',
  'ag', 'sa', 'sas', 'sarl', 'spa', 'srl', 'nv', 'bv', 'gmbh', 'kg', 'kgaa', 'se', 'asa', 'as', 'ab', 'oyj', 'oy',
  'aps', 'pte', 'pty', 'bhd', 'sdn', 'kk', 'tbk', 'pjsc', 'ojsc', 'jsc', 'ooo', 'sal', 'holding', 'holdings', 'group',
]);

/** Share-class and security words a holdings file adds to an issuer's name ("Class A", "ADR"). */
const SECURITY_WORDS = /\b(?:class|cl|series)\s+[a-z]\b|\b(?:ordinary shares|common stock|common shares|registered shares|shares|ord|adr|ads|gdr|reg)\b/g;

/** Lower case, accents removed, "&" as "and", punctuation as spaces, legal forms at the end dropped. */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(SECURITY_WORDS, ' ')
    // "A.S.A." and "S.p.A." become "asa" and "spa" before punctuation turns into spaces.
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/\.(?=[a-z]\b)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length > 1 && words[0] === 'the') words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/**
 * The names a holding's text may stand for: itself, and what is in parentheses or outside
 * them ("Saudi Arabian Oil Co (Saudi Aramco)" is also "Saudi Aramco").
 */
export function nameVariants(name: string): string[] {
  const inner = [...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!.trim());
  const outer = name.replace(/\([^)]*\)/g, ' ').trim();
  return [...new Set([name, outer, ...inner].filter(Boolean))];
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment). Three rolling rows
 * of typed arrays: screening compares a holding with hundreds of similar names.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Int32Array(cols); // row i - 2
  let prev = Int32Array.from({ length: cols }, (_, j) => j); // row i - 1
  let cur = new Int32Array(cols);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, before[j - 2]! + 1);
      cur[j] = best;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}

/**
 * editDistance(a, b) if it is at most `max`, else max + 1: only the band of the table within
 * `max` of its diagonal is filled, and it stops once a whole row is past `max`.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const over = max + 1;
  if (max < 0) return over;
  if (Math.abs(a.length - b.length) > max) return over;
  const cols = b.length + 1;
  let before = new Int32Array(cols).fill(over);
  let prev = new Int32Array(cols).fill(over);
  let cur = new Int32Array(cols);
  for (let j = 0; j <= Math.min(b.length, max); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur.fill(over);
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    if (i <= max) cur[0] = i;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, before[j - 2]! + 1);
      cur[j] = Math.min(best, over);
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > max) return over;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(prev[b.length]!, over);
}

/** 1 for equal strings, falling by edit distance relative to the longer one. */
export function spellingSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * An upper bound of spellingSimilarity(a, b) from their lengths and a lower bound of their
 * edit distance (`minEdits`, e.g. from shared trigrams or letters).
 */
export function spellingSimilarityBound(lengthA: number, lengthB: number, minEdits: number): number {
  const longest = Math.max(lengthA, lengthB);
  return longest === 0 ? 1 : 1 - Math.max(Math.abs(lengthA - lengthB), minEdits) / longest;
}

/**
 * How much of the shorter name's words the longer one contains, 0..1 (0 unless all of them):
 * "nso group technologies" contains "nso"; "hikvision digital technology" is contained in
 * "hangzhou hikvision digital technology".
 */
export function containment(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a.split(' '), b.split(' ')] : [b.split(' '), a.split(' ')];
  const words = new Set(long);
  return short.every((w) => words.has(w)) ? short.length / long.length : 0;
}

/** Character trigrams of a normalised name, padded so short names still have some. */
export function trigrams(normalised: string): Set<string> {
  const padded = `  ${normalised} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of two trigram sets, 0..1: tolerant of typos and small word changes. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

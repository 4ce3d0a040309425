// Turns what a person types into a safe Lucene query for the full-text index. The text is cut
// into the index's own words (indexWords.ts), so "AT&T", "T-Mobile" and "Israel-Gaza" find what
// the index holds as "at t", "t mobile", "israel gaza". Every Lucene operator in a word is
// escaped, so typed text never becomes query syntax.
import { indexWords } from './indexWords.ts';

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
// Lucene's operators are words too; escaped, they are searched as words.
const OPERATOR_WORD = /^(?:AND|OR|NOT|TO)$/;
// A bound on the query's size: each word is up to three clauses, a typo one up to 50 terms.
const MAX_WORDS = 8;
// The typo alternative from this length on: shorter words have too many one-letter neighbours.
const TYPO_FROM = 4;
const EXACT_BOOST = 3;
const PHRASE_BOOST = 4;

export function searchWords(text: string): string[] {
  return indexWords(text).slice(0, MAX_WORDS);
}

/** A word as a Lucene term: itself, never syntax. */
export function escapeTerm(word: string): string {
  const escaped = word.replace(SPECIAL, (c) => `\\${c}`);
  return OPERATOR_WORD.test(escaped) ? `\\${escaped}` : escaped;
}

// Every word is required: a researcher who types "Israel-Gaza war" or "NSO Group" narrows the
// search with each word, as in any search box, and the hits that lack one are noise. Among the
// hits, those holding the words in the order typed (the whole phrase) come first.
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  // A word typed twice is required once.
  const distinct = words.filter((word, i) => words.findIndex((w) => w.toLowerCase() === word.toLowerCase()) === i);
  const required = distinct.map((word, i) => `+(${alternatives(word, i === distinct.length - 1).join(' OR ')})`);
  const phrase = words.length > 1 ? [`"${words.map(escapeTerm).join(' ')}"^${PHRASE_BOOST}`] : [];
  return [...required, ...phrase].join(' ');
}

/**
 * A word matches exactly (ranked first), as a prefix (for suggestions while typing, and "Corp"
 * for "Corporation"), or with one typo when long enough. A one-letter word is a prefix only while
 * it is the last word typed: as the "T" of "T-Mobile" or the "A" of "A&B" it would match a
 * 26th of all words and only add noise.
 */
function alternatives(word: string, last: boolean): string[] {
  const term = escapeTerm(word);
  const length = [...word].length;
  const found = [`${term}^${EXACT_BOOST}`];
  if (length > 1 || last) found.push(`${term}*`);
  if (length >= TYPO_FROM) found.push(`${term}~1`);
  return found;
}

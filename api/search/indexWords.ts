// The words the full-text index holds for a text, cut where its analyzer cuts. The index
// `entity_search` uses Neo4j's 'standard-no-stop-words' analyzer (named in cypher/schema.cypher):
// Lucene's StandardTokenizer (UAX #29 word boundaries, with Lucene's own rules for Han, kana,
// Hangul, Southeast Asian scripts and emoji), then lower-casing. A prefix or typo query is not
// analyzed by Lucene, so a search word must already be one of those words: "AT&T" is indexed
// as "at" and "t", "Israel-Gaza" as "israel" and "gaza", "S.A." as "s.a", "日立" as "日" and "立".
// Intl.Segmenter is not used: ICU joins Han and Thai by dictionary and keeps Hangul apart from
// Latin ("SK텔레콤"), where Lucene does neither. This runs Lucene's grammar (wordBreak.ts).
import { WORD_RULES, type WordKind } from './wordBreak.ts';

export interface IndexWord {
  text: string;
  kind: WordKind;
}

/** Every word the analyzer makes of `text`, in order, with the letters' case as typed. */
export function analyzedWords(text: string): IndexWord[] {
  const words: IndexWord[] = [];
  let at = 0;
  while (at < text.length) {
    const longest = longestMatch(text, at);
    if (longest) {
      words.push(longest);
      at += longest.text.length;
    } else {
      // Nothing a word starts with (space, punctuation, a stray mark): skip one code point.
      at += text.codePointAt(at)! > 0xffff ? 2 : 1;
    }
  }
  return words;
}

/**
 * The words a search needs: the analyzer's words without its emoji and symbols (™, ©), as a
 * researcher typing "Acme™" means Acme. Case is left to Lucene, which lower-cases query terms
 * with the index's own rules (Java's, which differ from JavaScript's for "İ" and final "Σ").
 */
export function indexWords(text: string): string[] {
  return analyzedWords(text)
    .filter((w) => w.kind !== 'emoji')
    .map((w) => w.text);
}

function longestMatch(text: string, at: number): IndexWord | null {
  // Matched on the rest of the text alone: a word starts afresh, and the rules that look back
  // (wordBreak.ts) must not see the word before it.
  const rest = text.slice(at);
  let best: IndexWord | null = null;
  for (const { kind, pattern } of WORD_RULES) {
    pattern.lastIndex = 0;
    const found = pattern.exec(rest)?.[0];
    if (found && found.length > (best?.text.length ?? 0)) best = { text: found, kind };
  }
  return best;
}

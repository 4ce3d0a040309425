// Turns what a person types into a safe Lucene query for the full-text index: the text is cut
// into words where the index's analyzer cuts names (so "AT&T" is "at" and "t", "Israel-Gaza"
// is "israel" and "gaza"), every special character left is dropped, each word matches exactly,
// as a prefix (for suggestions while typing) or with one typo, and all words must match.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TERMS = 8;

// The index uses Neo4j's "standard-no-stop-words" analyzer: Lucene's StandardTokenizer, which
// splits on Unicode word boundaries (UAX #29), as Intl.Segmenter does, then lowercases.
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
// StandardTokenizer makes each Han or Hiragana character a token of its own; Intl.Segmenter
// keeps dictionary words ("東京"). Prefix queries are not analysed, so split them here too.
const ONE_BY_ONE = /[\p{Script=Han}\p{Script=Hiragana}]|[^\p{Script=Han}\p{Script=Hiragana}]+/gu;

export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const { segment, isWordLike } of WORDS.segment(text.normalize('NFKC').toLowerCase())) {
    if (!isWordLike) continue;
    for (const part of segment.match(ONE_BY_ONE) ?? []) {
      const term = part.replace(SPECIAL, '');
      if (term.length > 0 && !terms.includes(term)) terms.push(term);
    }
  }
  return terms.slice(0, MAX_TERMS);
}

export function luceneQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      const alternatives = [`${t}^3`, `${t}*`];
      if (t.length >= 4) alternatives.push(`${t}~1`);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

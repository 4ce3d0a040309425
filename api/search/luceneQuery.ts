// Turns what a person types into a safe Lucene query for the full-text index: every
// special character is escaped, each word matches exactly, as a prefix (for suggestions
// while typing) or with one typo, and all words must match.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TERMS = 8;

export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((t) => t.replace(SPECIAL, ''))
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
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

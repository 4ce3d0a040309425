// How deeply a GraphQL document's brackets nest, read before the parser sees it. graphql-js
// parses value literals ([[[...]]], { a: { a: ... } }) by recursion, and armor's depth limit
// counts selections only, so a 2,000-deep list literal ran the parser out of stack (HTTP 500).
// Counting brackets outside strings and comments is cheap and needs no stack at all.

/** The deepest nesting of (), [] and {} in the document, ignoring strings and comments. */
export function bracketNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        // A block string ends at the next unescaped """.
        const end = source.indexOf('"""', i + 3);
        let at = end;
        while (at > 0 && source[at - 1] === '\\') at = source.indexOf('"""', at + 3);
        i = at < 0 ? source.length : at + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

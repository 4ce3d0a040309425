// XML text and attribute escaping for the GraphML and GEXF writers. XML 1.0 cannot carry
// most control characters or lone surrogates even as references, so those become U+FFFD;
// tab, newline and carriage return are written as references so parsers keep them.

// Characters XML 1.0 forbids: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes a value for an attribute (double-quoted) or element text. */
export function xmlEscape(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => REFERENCES[c]!);
}

/** Text for an XML comment: no "--" and no trailing "-" (both end or break a comment). */
export function xmlCommentText(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}

export function attrs(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v!)}"`)
    .join('');
}

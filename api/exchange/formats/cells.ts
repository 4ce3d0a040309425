// Flat formats (CSV, GraphML, GEXF) hold one text per cell. These codecs put a list of
// strings and spreadsheet-safe text into a cell and take them back out unchanged.

/**
 * A list of strings as one cell: "a; b; c" when that reads back the same (every item
 * non-empty, without ";" or surrounding spaces, and the first not starting with "["), else
 * as a JSON array. The empty list is "[]", so it differs from a missing value.
 */
export function encodeList(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  const plain = items.every((s) => s !== '' && s === s.trim() && !s.includes(';')) && !items[0]!.startsWith('[');
  return plain ? items.join('; ') : JSON.stringify(items);
}

/** Reads encodeList's output back; also takes hand-typed "a;b" or "a ; b". */
export function decodeList(cell: string): string[] {
  const text = cell.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      // Not JSON after all: a plain list whose first item starts with "[".
    }
  }
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// Spreadsheets run a cell that starts with = + - @ (or tab or CR before them) as a formula.
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;

/**
 * Formula-injection guard: a leading apostrophe on text a spreadsheet would run. Text that
 * already starts with apostrophes before such a character gets one more, so unguardFormula
 * gives back exactly the original text.
 */
export function guardFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return UNGUARD.test(text) ? text.slice(1) : text;
}

/** Numbers as cells: what String() gives, which Number() reads back exactly. */
export function numberCell(value: number): string {
  return String(value);
}

/** A strict decimal number (no hex, no blanks, no "Infinity"), else null. */
export function parseNumberCell(text: string): number | null {
  const t = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

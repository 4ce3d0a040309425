// Security and entity identifiers, checked wherever they come in (imports, curation,
// portfolios): a mistyped ISIN or LEI should be reported, not silently fail to match.
// The check digits are computed here too, so whatever makes identifiers (the synthetic
// generator) makes ones these checks accept.

export type IdentifierKind = 'isin' | 'lei';

/** Each identifier in words, for problems: its name, its form, and what a mistyped one fails. */
export const IDENTIFIER_WORDS: Readonly<Record<IdentifierKind, { name: string; form: string; mismatch: string }>> = {
  isin: { name: 'ISIN', form: '2 letters, 9 letters or digits, a check digit', mismatch: 'its check digit does not match the other characters' },
  lei: { name: 'LEI', form: '18 letters or digits, 2 check digits', mismatch: 'its check digits do not match the other characters' },
};

const SHAPES: Readonly<Record<IdentifierKind, RegExp>> = {
  isin: /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/,
  // MOD 97-10 check digits run from 02 to 98: 00, 01 and 99 are never valid.
  lei: /^[A-Z0-9]{18}(?!0[01]|99)[0-9]{2}$/,
};

/** A letter as the number ISIN and LEI check digits read it: A = 10 ... Z = 35. */
const numberOf = (c: string): number => parseInt(c, 36);

/** The ISIN check digit of its first 11 characters: Luhn over the letters-as-numbers string. */
export function isinCheckDigit(body: string): number {
  const digits = [...body].map(numberOf).join('');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** ISO 7064 MOD 97-10 remainder of the characters, letters as numbers. */
function mod97(text: string): number {
  let rest = 0;
  for (const c of text) {
    const n = numberOf(c);
    rest = (rest * (n > 9 ? 100 : 10) + n) % 97;
  }
  return rest;
}

/** The two LEI check digits (ISO 17442) of its first 18 characters. */
export function leiCheckDigits(body: string): string {
  return String(98 - mod97(`${body}00`)).padStart(2, '0');
}

/**
 * Why `value`, exactly as written, is not an identifier of the kind: "form" when it has
 * the wrong length or characters, "check digits" when they do not match the rest; null when
 * it is valid.
 */
export function identifierFault(kind: IdentifierKind, value: string): 'form' | 'check digits' | null {
  if (!SHAPES[kind].test(value)) return 'form';
  const valid = kind === 'isin' ? isinCheckDigit(value.slice(0, 11)) === Number(value[11]) : mod97(value) === 1;
  return valid ? null : 'check digits';
}

export function isValidIsin(value: string): boolean {
  return identifierFault('isin', value) === null;
}

export function isValidLei(value: string): boolean {
  return identifierFault('lei', value) === null;
}

/** Upper case, spaces and dashes removed: how identifiers are compared. */
export function canonicalIdentifier(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

// Security and entity identifiers, checked before they are trusted: a mistyped ISIN or LEI
// should be reported, not silently fail to match.

/** ISIN: 2 letters, 9 alphanumerics, 1 check digit (Luhn over the letters-as-numbers string). */
export function isValidIsin(value: string): boolean {
  if (!/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(value)) return false;
  const digits = value
    .split('')
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** LEI (ISO 17442): 18 alphanumerics and 2 check digits, valid when mod 97 of the whole is 1. */
export function isValidLei(value: string): boolean {
  if (!/^[A-Z0-9]{18}[0-9]{2}$/.test(value)) return false;
  let remainder = 0;
  for (const c of value) {
    const n = /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : Number(c);
    remainder = (remainder * (n > 9 ? 100 : 10) + n) % 97;
  }
  return remainder === 1;
}

/** Upper case, spaces and dashes removed: how identifiers are compared. */
export function canonicalIdentifier(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

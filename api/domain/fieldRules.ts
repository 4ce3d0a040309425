// Whether a value fits its field of the model: its kind, its bounds and the standard it
// follows (see FieldSpec). One set of rules for every way data comes in (imports of every
// format, curation), so a value is valid in exactly one sense wherever it comes from.
import { IDENTIFIER_WORDS, canonicalIdentifier, identifierFault, type IdentifierKind } from './identifiers.ts';
import type { FieldFormat, FieldSpec } from './model.ts';
import { isCountryCode, isCurrencyCode, isWebAddress } from './standards.ts';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const MAX_TEXT = 10_000;
/** Items of a list field (aliases): generous for a sanctions list's many spellings. */
export const MAX_LIST_ITEMS = 500;

/** A date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar. */
export function isPartialDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [, , month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }
  return true;
}

const DATE_FORMS = 'write dates as YYYY-MM-DD (e.g. 2021-05-26), YYYY-MM or YYYY';
/** 26/05/2021, 05/26/2021, 26.05.2021, 26-05-2021: what spreadsheets write for a date. */
const LOCAL_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** What to write instead of a value that is not a date of the model, with its ISO form when it is clear. */
export function dateAdvice(value: unknown): string {
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return `${DATE_FORMS}; "${value}" is no day of the calendar`;
  const m = typeof value === 'string' ? LOCAL_DATE.exec(value.trim()) : null;
  if (!m) return DATE_FORMS;
  const [, first, second, year] = m as unknown as [string, string, string, string];
  const iso = (month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const dayFirst = iso(second, first);
  const monthFirst = iso(first, second);
  const fits = [dayFirst, monthFirst].filter(isPartialDate);
  if (fits.length === 0) return `${DATE_FORMS}; "${value}" is no day of the calendar read day first or month first`;
  if (fits.length === 1 || dayFirst === monthFirst) return `${DATE_FORMS}; "${value}" is ${fits[0]}`;
  return `${DATE_FORMS}; "${value}" is ambiguous: ${dayFirst} read day first, ${monthFirst} read month first`;
}

interface FormatRule {
  /** What is allowed, completing "must be ...". */
  allowed: string;
  /** Null when the value follows the standard; else a note after "got <value>" ('' for none). */
  fault(value: string): string | null;
}

/** Identifiers are stored as written, so a lower-case or spaced one gets its canonical form. */
function identifierRule(kind: IdentifierKind): FormatRule {
  const words = IDENTIFIER_WORDS[kind];
  return {
    allowed: `a valid ${words.name} (${words.form})`,
    fault: (value) => {
      const fault = identifierFault(kind, value);
      if (fault === 'check digits') return `: ${words.mismatch}`;
      if (fault === null) return null;
      const canonical = canonicalIdentifier(value);
      return canonical !== value && identifierFault(kind, canonical) === null ? `; write it as "${canonical}"` : '';
    },
  };
}

/** Codes are written in capitals; a lower-case one that would be valid says so. */
function codeRule(allowed: string, valid: (value: string) => boolean): FormatRule {
  return {
    allowed,
    fault: (value) => (valid(value) ? null : valid(value.trim().toUpperCase()) ? `; write it as "${value.trim().toUpperCase()}"` : ''),
  };
}

const FORMAT_RULES: Readonly<Record<FieldFormat, FormatRule>> = {
  country: codeRule(
    'an ISO 3166-1 alpha-2 country code (two capital letters, e.g. "FR") or a code ISO reserves for user assignment (AA, QM to QZ, XA to XZ, ZZ)',
    isCountryCode,
  ),
  currency: codeRule('an ISO 4217 currency code (three capital letters, e.g. "USD")', isCurrencyCode),
  isin: identifierRule('isin'),
  lei: identifierRule('lei'),
  webAddress: { allowed: 'an http(s) address', fault: (value) => (isWebAddress(value) ? null : '') },
};

/** Every number of the model is a quantity (a value, a size, a share): at least 0 unless its spec says otherwise. */
function boundsProblem(name: string, spec: FieldSpec, value: number, what: string): string | null {
  const { min = 0, max } = spec;
  if (value >= min && (max === undefined || value <= max)) return null;
  return `"${name}" must be ${max === undefined ? `${what} ≥ ${min}` : `between ${min} and ${max}`}; got ${value}`;
}

/** The value as JSON, cut short: a problem names what was wrong without echoing a whole field. */
function excerpt(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// Control characters (tab and line breaks aside) and the non-characters U+FFFE/U+FFFF never
// belong in a name or a text: they come from a binary file, a wrong encoding or an attack.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** A reason when the text holds a control character, naming it and where it is. */
export function controlCharacterProblem(name: string, value: string): string | null {
  const at = value.search(CONTROL);
  if (at < 0) return null;
  const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return `"${name}" holds the control character U+${code} (at character ${at + 1}), which belongs in no text`;
}

/** Checks one value against its field spec; returns a reason when it does not fit. */
export function fieldProblem(name: string, spec: FieldSpec, value: unknown): string | null {
  const got = excerpt(value);
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return `"${name}" must be a string`;
      if (value.length > MAX_TEXT) return `"${name}" is longer than ${MAX_TEXT} characters`;
      const control = controlCharacterProblem(name, value);
      if (control) return control;
      const rule = spec.format && FORMAT_RULES[spec.format];
      const fault = rule ? rule.fault(value) : null;
      return rule && fault !== null ? `"${name}" must be ${rule.allowed}; got ${got}${fault}` : null;
    }
    case 'date':
      return typeof value === 'string' && isPartialDate(value) ? null : `"${name}" must be a date; got ${got}: ${dateAdvice(value)}`;
    case 'int':
      if (!Number.isInteger(value)) return `"${name}" must be a whole number ≥ ${spec.min ?? 0}; got ${got}`;
      return boundsProblem(name, spec, value as number, 'a whole number');
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `"${name}" must be a number; got ${got}`;
      return boundsProblem(name, spec, value, 'a number');
    case 'stringList':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return `"${name}" must be a list of strings`;
      if (value.length > MAX_LIST_ITEMS) return `"${name}" has ${value.length} items; at most ${MAX_LIST_ITEMS} are kept`;
      if (value.some((v) => v.trim() === '')) return `"${name}" holds an empty item; leave it out`;
      if (value.some((v) => v.length > MAX_TEXT)) return `"${name}" holds an item longer than ${MAX_TEXT} characters`;
      return value.map((v) => controlCharacterProblem(name, v)).find(Boolean) ?? null;
  }
}

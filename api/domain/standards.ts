// The outside standards some fields follow: ISO 3166-1 country codes, ISO 4217 currencies and
// web addresses. The code lists come from maintained packages, not from a list kept here.
import { codes as currencyCodes } from 'currency-codes';
// The library's core alone: its default entry also loads the country names of every locale.
import { getAlpha2Codes } from 'i18n-iso-countries/index.js';

import { USER_ASSIGNED_COUNTRY_CODE } from './userAssignedCodes.ts';

export { USER_ASSIGNED_COUNTRY_CODE };

const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(getAlpha2Codes()));
const CURRENCY_CODES: ReadonlySet<string> = new Set(currencyCodes());

/** An ISO 3166-1 alpha-2 code of a real country, in capitals (not a user-assigned one). */
export function isAssignedCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

/** An ISO 3166-1 alpha-2 code, in capitals: an assigned country's or a user-assigned one. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && (COUNTRY_CODES.has(value) || USER_ASSIGNED_COUNTRY_CODE.test(value));
}

/** An ISO 4217 currency code, in capitals (funds, metals and the test code XTS included). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCY_CODES.has(value);
}

/** An absolute http or https address with a host: what a link may safely point at. */
export function isWebAddress(value: string): boolean {
  // The host right after "//": URL() alone would read "https:///x" as the host "x".
  if (!/^https?:\/\/[^\s/?#]\S*$/i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

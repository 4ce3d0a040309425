// The standards fields follow, as the domain checks them for imports, curation and screening:
// ISIN and LEI check digits, ISO 3166-1 country codes, ISO 4217 currencies, web addresses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalIdentifier, identifierFault, isinCheckDigit, isValidIsin, isValidLei, leiCheckDigits } from '../../api/domain/identifiers.ts';
import { isCountryCode, isCurrencyCode, isWebAddress, USER_ASSIGNED_COUNTRY_CODE } from '../../api/domain/standards.ts';

test('ISINs: the form and the check digit are both checked', () => {
  // Published examples of the ISIN standard's check digit (ISO 6166): shares, not claims.
  for (const ok of ['US0378331005', 'AU0000XVGZA3', 'GB0002634946', 'XA0000000017']) assert.equal(identifierFault('isin', ok), null, ok);
  for (const bad of ['bad', 'US037833100', 'US03783310055', '1S0378331005', 'us0378331005']) assert.equal(identifierFault('isin', bad), 'form', bad);
  for (const bad of ['US0378331006', 'AU0000XVGZA4', 'XA0000000018']) assert.equal(identifierFault('isin', bad), 'check digits', bad);
});

test('LEIs: the form and the two check digits are both checked, and 00, 01 and 99 are never check digits', () => {
  for (const ok of ['54930000000000000002', '9999SYN0000000000127', '549300ACMEWIDGETS019']) assert.equal(identifierFault('lei', ok), null, ok);
  for (const bad of ['x', '5493000000000000000X', '549300000000000000022', '9999syn0000000000127']) assert.equal(identifierFault('lei', bad), 'form', bad);
  for (const bad of ['54930000000000000003', '9999SYN0000000000128']) assert.equal(identifierFault('lei', bad), 'check digits', bad);
  // 02 + 97: the same remainder, but not a check digit pair the standard issues.
  assert.equal(identifierFault('lei', '54930000000000000099'), 'form');
});

test('the check digits the domain computes are the ones it accepts, and no other digit is', () => {
  const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  fc.assert(
    fc.property(fc.array(letter, { minLength: 2, maxLength: 2 }), fc.array(alnum, { minLength: 9, maxLength: 9 }), fc.integer({ min: 1, max: 9 }), (cc, rest, shift) => {
      const body = [...cc, ...rest].join('');
      const digit = isinCheckDigit(body);
      assert.ok(isValidIsin(`${body}${digit}`));
      assert.ok(!isValidIsin(`${body}${(digit + shift) % 10}`));
    }),
  );
  fc.assert(
    fc.property(fc.array(alnum, { minLength: 18, maxLength: 18 }), fc.integer({ min: 2, max: 98 }), (chars, other) => {
      const body = chars.join('');
      const digits = leiCheckDigits(body);
      assert.ok(isValidLei(`${body}${digits}`));
      if (String(other).padStart(2, '0') !== digits) assert.ok(!isValidLei(`${body}${String(other).padStart(2, '0')}`));
    }),
  );
});

test('identifiers compare in their canonical form: capitals, no spaces or dashes', () => {
  assert.equal(canonicalIdentifier(' us-0378 3310-05 '), 'US0378331005');
});

test('country codes: ISO 3166-1 alpha-2 codes and the user-assigned range, in capitals', () => {
  for (const ok of ['FR', 'GB', 'MM', 'IL', 'XK', 'AA', 'QM', 'QZ', 'XA', 'XZ', 'ZZ']) assert.ok(isCountryCode(ok), ok);
  for (const bad of ['Narnia', 'UK', 'ZY', 'QL', 'fr', 'F', 'FRA', '', ' FR']) assert.ok(!isCountryCode(bad), bad);
  assert.ok(USER_ASSIGNED_COUNTRY_CODE.test('XA') && !USER_ASSIGNED_COUNTRY_CODE.test('FR'));
});

test('currencies: ISO 4217 codes in capitals, the test code XTS included', () => {
  for (const ok of ['USD', 'EUR', 'NOK', 'XAU', 'XTS']) assert.ok(isCurrencyCode(ok), ok);
  for (const bad of ['NOTACURRENCY', 'usd', 'US', 'ABC', '']) assert.ok(!isCurrencyCode(bad), bad);
});

test('web addresses: absolute http(s) with a host, nothing else', () => {
  for (const ok of ['https://example.org', 'http://example.org/a?b=1,2', 'HTTPS://EXAMPLE.ORG/']) assert.ok(isWebAddress(ok), ok);
  for (const bad of ['javascript:alert(1)', 'ftp://x', 'http://', 'https:///path', 'example.org', '//example.org', 'https://exa mple.org', 'data:text/html,x']) {
    assert.ok(!isWebAddress(bad), bad);
  }
});

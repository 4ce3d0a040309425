// A country's national government as an entity, named and id'd as seed/seed-facts.json does
// ("gov-israel", "Government of Israel", country IL), so a list that names only a country
// joins the seed's government of that country. The id follows from the code alone.
import { createRequire } from 'node:module';
import { getName, registerLocale, type LocaleData } from 'i18n-iso-countries/index.js';
import type { EntityRecord } from '../exchange/dataset.ts';
import { FICTIONAL_COUNTRIES } from '../../seed/generate.ts';
import { nameId } from './reading.ts';

registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

/**
 * The short English name where i18n-iso-countries' own short form (its first alias) is not
 * the one in use or would be shared by two countries (the two Congos).
 */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  AE: 'United Arab Emirates',
  BN: 'Brunei',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  FM: 'Micronesia',
  GB: 'United Kingdom',
  GM: 'Gambia',
  KR: 'South Korea',
  LA: 'Laos',
  MD: 'Moldova',
  NL: 'Netherlands',
  SY: 'Syria',
  VA: 'Holy See',
};

/** Names said with "the" ("Government of the United States"); the id leaves it out. */
const WITH_THE: ReadonlySet<string> = new Set(['AE', 'BS', 'CD', 'CF', 'CG', 'DO', 'GB', 'GM', 'KM', 'MH', 'MV', 'NL', 'PH', 'SB', 'US', 'VA']);

const FICTIONAL_NAMES: ReadonlyMap<string, string> = new Map(FICTIONAL_COUNTRIES.map((c) => [c.code, c.name]));

/** "RU" -> "Russia", "TR" -> "Turkey", "XC" -> "Ruritania" (the synthetic data's fictional countries); null when unknown. */
export function countryShortName(code: string): string | null {
  return SHORT_NAMES[code] ?? FICTIONAL_NAMES.get(code) ?? getName(code, 'en', { select: 'alias' }) ?? null;
}

/** The government of the country with this ISO 3166-1 alpha-2 code; null for a code no country has. */
export function governmentOf(code: string): EntityRecord | null {
  const name = countryShortName(code);
  if (!name) return null;
  return { id: `gov-${nameId(name)}`, type: 'Government', name: `Government of ${WITH_THE.has(code) ? 'the ' : ''}${name}`, props: { country: code } };
}

// Home states as the UN writes them -> ISO 3166-1 alpha-2 codes. Names come from
// i18n-iso-countries' English names (official and short forms), the package that already
// gives the project its country codes; the table below holds only the UN names it lacks.
import { createRequire } from 'node:module';
import { getAlpha2Code, registerLocale, type LocaleData } from 'i18n-iso-countries/index.js';

// The English names only: the package's default entry would load every locale.
registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

/** UN-style names i18n-iso-countries does not know (checked against the OHCHR file). */
const UN_NAMES: Readonly<Record<string, string>> = {
  'Kingdom of the Netherlands': 'NL',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
};

/** The code of a state named in full or short form; null when the name is not known (never guessed). */
export function homeStateCode(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  return UN_NAMES[trimmed] ?? getAlpha2Code(trimmed, 'en') ?? null;
}

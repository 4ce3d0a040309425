// The model in a reader's words, said once for the API's texts (score explanations, reports,
// scenario summaries) and the explorer: statuses, relations, entity types, countries and
// numbers as people read them, never as enum names, ISO codes alone or raw floats.
import { RELATION_TYPES, type ClaimStatus, type EntityType, type RelationType } from './model.ts';
import { USER_ASSIGNED_COUNTRY_CODE } from './userAssignedCodes.ts';

export const STATUS_WORDS: Readonly<Record<ClaimStatus, string>> = {
  reported: 'reported',
  alleged: 'alleged',
  'company-confirmed': 'confirmed by the company',
  adjudicated: 'adjudicated by a court',
  sanctioned: 'sanctioned',
  'officially-listed': 'listed by an official body',
  denied: 'denied',
};

/** A status as stored ("company-confirmed") or as GraphQL names it ("COMPANY_CONFIRMED"). */
export function statusWords(status: string): string {
  const stored = status.toLowerCase().replace(/_/g, '-') as ClaimStatus;
  return STATUS_WORDS[stored] ?? stored.replace(/-/g, ' ');
}

/** "OPERATES" -> "operates", "PARTY_TO" -> "is a party to". */
export function relationWords(type: string): string {
  return type in RELATION_TYPES ? RELATION_TYPES[type as RelationType].verb : type.toLowerCase().replace(/_/g, ' ');
}

const TYPE_WORDS: Readonly<Record<EntityType, string>> = {
  Company: 'company',
  Investor: 'investor',
  Person: 'person',
  Government: 'government',
  StateBody: 'state body',
  ArmedGroup: 'armed group',
  Infrastructure: 'infrastructure',
  Contract: 'contract',
  Abuse: 'abuse',
  Conflict: 'conflict',
  Country: 'country',
  Population: 'population',
};

/** "StateBody" -> "state body". */
export function entityTypeWords(type: string): string {
  return TYPE_WORDS[type as EntityType] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

// Country names from the runtime's own ICU data (Node and every browser carry it), in English.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "MM" -> "Myanmar (MM)"; a code ISO leaves to users ("XA", as the synthetic data uses) says so. */
export function countryLabel(code: string): string {
  if (USER_ASSIGNED_COUNTRY_CODE.test(code)) return `${code} (a user-assigned code)`;
  let name: string | undefined;
  try {
    // ICU adds another name in brackets ("Myanmar (Burma)"); the code goes there instead.
    name = regionNames.of(code)?.replace(/\s*\(.*\)$/, '');
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** A score, weight or confidence to at most three decimals: 0.044000000000000004 -> "0.044". */
export function readableNumber(x: number, decimals = 3): string {
  if (!Number.isFinite(x)) return String(x);
  // toPrecision(12) first, so 0.4165 stored as 0.41649999999999998 rounds up as written.
  const rounded = Math.round(Number(x.toPrecision(12)) * 10 ** decimals) / 10 ** decimals;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** "state body" -> "State body", for a label that starts a line. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-05-26" -> "26 May 2021", "2021-05" -> "May 2021", "2021" -> "2021"; anything else as given. */
export function dateWords(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return date;
  if (!m[2]) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

// One OpenSanctions entity line (Company, Organization, LegalEntity, PublicBody, Person) as an
// entity of the model: the FtM property mapping of the FtM import (ftmRecords.ts), then what a
// feed adds: an id made from the OpenSanctions id, which is kept in `opensanctionsId`; its
// topics; a country the model can hold; LEI and ISIN checked (a bad one is a problem).
import { IDENTIFIER_WORDS, canonicalIdentifier, identifierFault, type IdentifierKind } from '../domain/identifiers.ts';
import { isValidId } from '../domain/model.ts';
import { isCountryCode, isWebAddress } from '../domain/standards.ts';
import { shortHash, slug } from '../exchange/formats/ftmMapping.ts';
import { ftmEntity } from '../exchange/formats/ftmRecords.ts';
import type { FeedRecord } from './opensanctionsFeed.ts';

/** The schemata a feed's actors come in; others (Vessel, Airplane...) have no type in the model. */
export const ACTOR_SCHEMATA: ReadonlySet<string> = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody', 'Person']);

/**
 * The project id of an OpenSanctions id: "os-" and the id when that is a valid id
 * ("ofac-12345" -> "os-ofac-12345"), else "os-", its slug and a hash of the exact id, since
 * OpenSanctions ids such as "NK-2pTDo4..." tell upper from lower case.
 */
export function openSanctionsEntityId(id: string): string {
  const plain = `os-${id}`;
  return isValidId(plain) ? plain : `os-${slug(id) || 'entity'}-${shortHash(id)}`;
}

/** FtM properties this reader reads itself or that say nothing the model keeps apart from them. */
const READ_HERE = new Set(['topics', 'country', 'jurisdiction', 'mainCountry', 'addressEntity', 'leiCode', 'isinCode']);

const IDENTIFIER_PROPS: readonly { prop: string; kind: IdentifierKind; field: string }[] = [
  { prop: 'leiCode', kind: 'lei', field: 'lei' },
  { prop: 'isinCode', kind: 'isin', field: 'isin' },
];

export interface FeedEntity {
  entity: { id: string; type: string; name: string; [field: string]: unknown };
  problems: string[];
  /** FtM properties the model has no field for. */
  ignoredProps: string[];
  /** The Organization/LegalEntity/PublicBody schema's type it was given, when the schema alone did not say. */
  defaultedTo: string | null;
  /** Identifier properties with several valid values, of which the first was kept. */
  severalValues: string[];
  /** Values the model cannot hold, as 'country "SUHH"' (the Soviet Union) or 'website "www.x"'. */
  unkept: string[];
  addressRefs: string[];
}

function countryOf(rec: FeedRecord): { country?: string; others: string[] } {
  const values = ['country', 'mainCountry', 'jurisdiction'].flatMap((p) => rec.properties[p] ?? []);
  const codes = values.map((v) => v.trim().toUpperCase());
  const country = codes.find(isCountryCode);
  return { ...(country ? { country } : {}), others: [...new Set(codes.filter((c) => !isCountryCode(c)))] };
}

export function feedEntity(rec: FeedRecord): FeedEntity | null {
  if (!ACTOR_SCHEMATA.has(rec.schema)) return null;
  const read = ftmEntity(rec, openSanctionsEntityId);
  if ('leftOut' in read) return null;
  const entity = read.entity as FeedEntity['entity'];
  const problems: string[] = [];
  if (typeof entity.name !== 'string' || entity.name.trim() === '') {
    if (rec.caption) entity.name = rec.caption;
    else problems.push(`"${rec.id}" (${rec.schema}) has no "name" and no "caption"`);
  }
  entity.opensanctionsId = rec.id;
  const topics = [...new Set(rec.properties.topics ?? [])].sort();
  if (topics.length > 0) entity.topics = topics;
  const { country, others } = countryOf(rec);
  if (country) entity.country = country;
  else delete entity.country;
  const unkept = others.map((c) => `country "${c}"`);
  if (typeof entity.website === 'string' && !isWebAddress(entity.website)) {
    unkept.push(`website "${entity.website}"`);
    delete entity.website;
  }
  const ignoredProps = read.ignoredProps.filter((p) => !READ_HERE.has(p));
  const severalValues: string[] = [];
  for (const { prop, kind, field } of IDENTIFIER_PROPS) {
    delete entity[field];
    const values = [...new Set((rec.properties[prop] ?? []).map(canonicalIdentifier))];
    const words = IDENTIFIER_WORDS[kind];
    const bad = values.filter((v) => identifierFault(kind, v) !== null);
    for (const v of bad) {
      const fault = identifierFault(kind, v) === 'form' ? `it must be ${words.form}` : words.mismatch;
      problems.push(`"${rec.id}" has ${prop} "${v}", which is not a valid ${words.name}: ${fault}`);
    }
    // The model keeps one ISIN and one LEI; ISIN is a field of companies only.
    if (bad.length > 0 || values.length === 0) continue;
    if (kind === 'isin' && entity.type !== 'Company') {
      ignoredProps.push(prop);
      continue;
    }
    entity[field] = values[0];
    if (values.length > 1) severalValues.push(prop);
  }
  return {
    entity,
    problems,
    ignoredProps,
    defaultedTo: read.defaultedTo,
    severalValues,
    unkept,
    addressRefs: rec.properties.addressEntity ?? [],
  };
}

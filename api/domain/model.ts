// The one model of the knowledge graph: entity types with their fields, relationship
// (claim) types with the endpoints each may join, and claim statuses. The GraphQL schema's
// entity types, the loader's validation and the Cypher allow-list are all derived from here.

export type FieldKind = 'string' | 'int' | 'float' | 'date' | 'stringList';

/** A standard a string field's value must follow (checked in fieldRules.ts). */
export type FieldFormat = 'country' | 'currency' | 'isin' | 'lei' | 'webAddress';

export interface FieldSpec {
  kind: FieldKind;
  doc: string;
  format?: FieldFormat;
  /** Bounds of a number field, inclusive; min is 0 when not given (every number is a quantity). */
  min?: number;
  max?: number;
}

/** Fields every entity has, whatever its type. */
export const COMMON_FIELDS = {
  id: { kind: 'string', doc: 'Stable slug, unique across all entities.' },
  name: { kind: 'string', doc: 'Display name.' },
  aliases: { kind: 'stringList', doc: 'Other names it is known by.' },
  description: { kind: 'string', doc: 'One or two neutral sentences.' },
  country: { kind: 'string', format: 'country', doc: 'ISO 3166-1 alpha-2 code of its country, where it has one.' },
} as const satisfies Record<string, FieldSpec>;

const identifiers = {
  isin: { kind: 'string', format: 'isin', doc: 'ISIN of its listed shares.' },
  ticker: { kind: 'string', doc: 'Exchange ticker.' },
  lei: { kind: 'string', format: 'lei', doc: 'Legal Entity Identifier.' },
  website: { kind: 'string', format: 'webAddress', doc: 'Official website.' },
} as const satisfies Record<string, FieldSpec>;

/** What official lists say of a listed actor (imports of OpenSanctions feeds). */
const listing = {
  topics: { kind: 'stringList', doc: 'FollowTheMoney topics the lists naming it give it, e.g. sanction, export.control, mil, debarment.' },
  opensanctionsId: { kind: 'string', doc: 'Its OpenSanctions entity id (e.g. NK-...), so an import of another feed or version finds it.' },
} as const satisfies Record<string, FieldSpec>;

const period = {
  start: { kind: 'date', doc: 'Start date (YYYY, YYYY-MM or YYYY-MM-DD).' },
  end: { kind: 'date', doc: 'End date (YYYY, YYYY-MM or YYYY-MM-DD).' },
} as const satisfies Record<string, FieldSpec>;

/**
 * Entity types and their own fields. `ftm` names the FollowTheMoney schema it maps to.
 * Source is stored as a node too but is evidence, not an entity: see SOURCE_FIELDS.
 */
export const ENTITY_TYPES = {
  Company: {
    ftm: 'Company',
    doc: 'A company, listed or not.',
    fields: { ...identifiers, sector: { kind: 'string', doc: 'Business sector.' }, ...listing },
  },
  Investor: {
    ftm: 'Organization',
    doc: 'An asset manager, pension fund or other investor.',
    fields: { ...identifiers, ...listing },
  },
  Person: {
    ftm: 'Person',
    doc: 'A natural person, such as a director or owner (imports from FollowTheMoney).',
    fields: { position: { kind: 'string', doc: 'Role or title, e.g. chairman.' }, ...listing },
  },
  Government: { ftm: 'PublicBody', doc: 'A national government.', fields: { ...listing } },
  StateBody: {
    ftm: 'PublicBody',
    doc: 'A ministry, army, intelligence unit, police force or other state body.',
    fields: { kind: { kind: 'string', doc: 'ministry, army, intelligence, police, regulator...' }, ...listing },
  },
  ArmedGroup: { ftm: 'Organization', doc: 'A non-state armed group.', fields: { ...listing } },
  Infrastructure: {
    ftm: 'Asset',
    doc: 'A cloud region, data centre, surveillance system, spyware, telecom network, platform, satellite network, AI or biometric system.',
    fields: { kind: { kind: 'string', doc: 'cloud, cloud-region, data-centre, surveillance-system, spyware, telecom-network, platform, satellite-network, ai-system, biometric-system' } },
  },
  Contract: {
    ftm: 'Contract',
    doc: 'A contract, partnership or sale.',
    fields: {
      value: { kind: 'float', min: 0, doc: 'Reported value.' },
      currency: { kind: 'string', format: 'currency', doc: 'ISO 4217 currency of the value.' },
      kind: { kind: 'string', doc: 'contract, partnership, sale...' },
      ...period,
    },
  },
  Abuse: {
    ftm: 'Event',
    doc: 'An alleged abuse or pattern of abuse.',
    fields: {
      category: { kind: 'string', doc: 'Abuse category, e.g. mass-surveillance.' },
      place: { kind: 'string', doc: 'Where it happened.' },
      affectedPeople: { kind: 'string', doc: 'Who was affected.' },
      ...period,
    },
  },
  Conflict: {
    ftm: 'Event',
    doc: 'An armed conflict, occupation or repressive situation.',
    fields: { ...period },
  },
  Country: {
    ftm: 'Address',
    doc: 'A country.',
    fields: { code: { kind: 'string', format: 'country', doc: 'ISO 3166-1 alpha-2 code.' } },
  },
  Population: {
    ftm: 'Organization',
    doc: 'People who depend on a service.',
    fields: { size: { kind: 'int', min: 0, doc: 'Number of people.' } },
  },
} as const satisfies Record<string, { ftm: string; doc: string; fields: Record<string, FieldSpec> }>;

export type EntityType = keyof typeof ENTITY_TYPES;
export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES) as EntityType[];

export const SOURCE_FIELDS = {
  id: { kind: 'string', doc: 'Stable slug.' },
  publisher: { kind: 'string', doc: 'Who published it.' },
  title: { kind: 'string', doc: 'Title; in [brackets] when it is a description, not the headline.' },
  date: { kind: 'date', doc: 'Publication date.' },
  url: { kind: 'string', format: 'webAddress', doc: 'Public address.' },
  kind: { kind: 'string', doc: 'news, ngo-statement, court, regulator, company...' },
  licence: { kind: 'string', doc: 'The licence or terms its publisher states for reuse (e.g. "CC0 1.0"); absent when none is stated.' },
} as const satisfies Record<string, FieldSpec>;

/** How a claim stands; stored with hyphens, exposed in GraphQL in upper case. */
export const CLAIM_STATUSES = [
  'reported',
  'alleged',
  'company-confirmed',
  'adjudicated',
  'sanctioned',
  // Named in an official body's own list or database (the OHCHR settlement database, the FCC
  // Covered List): the listing is the finding; it is not a court ruling nor a sanction.
  'officially-listed',
  'denied',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const actors = ['Company', 'Investor', 'Person', 'Government', 'StateBody', 'ArmedGroup'] as const;
const harms = ['Abuse', 'Conflict'] as const;
const all = ENTITY_TYPE_NAMES;

/** Relationship (claim) types with the entity types each may join, from -> to. */
export const RELATION_TYPES = {
  OWNS: { verb: 'owns', ftm: 'Ownership', doc: 'Owns shares of, or controls.', from: actors, to: ['Company', 'Infrastructure'] },
  HOLDS: { verb: 'holds shares of', ftm: 'Ownership', doc: 'An investor holds shares of a company.', from: ['Investor'], to: ['Company'] },
  OPERATES: { verb: 'operates', ftm: null, doc: 'Runs a system or network.', from: actors, to: ['Infrastructure'] },
  PROVIDES_SERVICE_TO: {
    verb: 'provides a service to',
    ftm: null,
    doc: 'Provides a service to a customer.',
    from: ['Company', 'Infrastructure'],
    to: ['Company', 'Government', 'StateBody', 'ArmedGroup', 'Population'],
  },
  PARTY_TO: { verb: 'is a party to', ftm: 'ContractAward', doc: 'Is a party to a contract.', from: actors, to: ['Contract'] },
  COVERS: { verb: 'covers', ftm: null, doc: 'A contract covers infrastructure or a service.', from: ['Contract'], to: ['Infrastructure'] },
  SUPPLIES: {
    verb: 'supplies',
    ftm: null,
    doc: 'Supplies equipment, software or services.',
    from: ['Company'],
    to: ['Infrastructure', 'Company', 'Government', 'StateBody', 'ArmedGroup'],
  },
  LOCATED_IN: { verb: 'is located in', ftm: null, doc: 'Is located in a country.', from: all.filter((t) => t !== 'Country'), to: ['Country'] },
  PART_OF: {
    verb: 'is part of',
    ftm: 'Membership',
    doc: 'Is part of a larger body, system, abuse or conflict.',
    from: ['StateBody', 'Company', 'ArmedGroup', 'Infrastructure', 'Abuse'],
    to: ['StateBody', 'Government', 'Company', 'ArmedGroup', 'Infrastructure', 'Abuse', 'Conflict'],
  },
  ALLEGEDLY_USED_IN: {
    verb: 'is allegedly used in',
    ftm: null,
    doc: 'A service or system allegedly used in an abuse or a conflict.',
    from: ['Infrastructure', 'Company', 'Contract'],
    to: harms,
  },
  ALLEGEDLY_RESPONSIBLE_FOR: {
    verb: 'is allegedly responsible for',
    ftm: null,
    doc: 'An actor allegedly responsible for an abuse or conflict.',
    from: actors,
    to: harms,
  },
  // An official body's listing: it names the company as involved in the situation, not the
  // system or service, so it is not an alleged use (the OHCHR settlement database).
  LISTED_AS_INVOLVED_IN: {
    verb: 'is listed as involved in',
    ftm: null,
    doc: "Named by an official body's list or database as involved in an abuse or a conflict.",
    from: ['Company'],
    to: harms,
  },
  RAISES_RISK_OF: {
    verb: 'raises a risk of',
    ftm: null,
    doc: 'A warned risk, not yet a documented use.',
    from: ['Infrastructure', 'Company', 'Contract'],
    to: harms,
  },
  LINKED_TO: { verb: 'is linked to', ftm: 'UnknownLink', doc: 'Alleged ties between actors.', from: actors, to: actors },
  SERVES: { verb: 'serves', ftm: null, doc: 'Infrastructure serves a population.', from: ['Infrastructure'], to: ['Population'] },
  DISENGAGED_FROM: {
    verb: 'disengaged from',
    ftm: null,
    doc: 'Withdrawal, sale or suspension.',
    from: ['Company', 'Investor'],
    // A Conflict too: an official list's removal ("no longer involved in the settlements")
    // records a withdrawal from the situation itself, with no actor or contract named.
    to: ['Company', 'Government', 'StateBody', 'ArmedGroup', 'Contract', 'Infrastructure', 'Country', 'Conflict'],
  },
  SANCTIONED_BY: {
    verb: 'is sanctioned by',
    ftm: 'Sanction',
    doc: 'Listed or sanctioned by a state body or government.',
    from: actors,
    to: ['Government', 'StateBody'],
  },
} as const satisfies Record<
  string,
  // verb: what the claim says in words, from its `from` to its `to` ("Google operates ...").
  { verb: string; ftm: string | null; doc: string; from: readonly EntityType[]; to: readonly EntityType[] }
>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** Properties a claim may carry besides its endpoints and type. */
export const CLAIM_FIELDS = {
  id: { kind: 'string', doc: 'Stable id; derived from type and endpoints when not given.' },
  sourceIds: { kind: 'stringList', doc: 'Ids of the sources that report it (at least one).' },
  status: { kind: 'string', doc: 'How it stands.' },
  confidence: { kind: 'float', min: 0, max: 1, doc: 'Curator confidence 0..1; null when not assessed.' },
  start: { kind: 'date', doc: 'When it began.' },
  end: { kind: 'date', doc: 'When it ended.' },
  summary: { kind: 'string', doc: 'One line saying only what the sources report.' },
  percentage: { kind: 'float', min: 0, max: 100, doc: 'For OWNS and HOLDS: share held, 0..100.' },
  note: { kind: 'string', doc: "A curator's note about the claim itself." },
} as const satisfies Record<string, FieldSpec>;

export function isEntityType(value: string): value is EntityType {
  return Object.prototype.hasOwnProperty.call(ENTITY_TYPES, value);
}

export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}

export function isClaimStatus(value: string): value is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(value);
}

/** The fields an entity of this type may carry, common ones included. */
export function entityFields(type: EntityType): Record<string, FieldSpec> {
  return { ...COMMON_FIELDS, ...ENTITY_TYPES[type].fields };
}

export function relationAllows(type: RelationType, from: EntityType, to: EntityType): boolean {
  const spec = RELATION_TYPES[type];
  return (spec.from as readonly string[]).includes(from) && (spec.to as readonly string[]).includes(to);
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,199}$/;

/** Entity and source ids: lower-case slugs. "--" is kept for claim ids, which join two. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('--');
}

export const ID_RULE = 'lower-case letters, digits, ".", "_" or "-" (not "--"), at most 200 characters';

/**
 * Deterministic claim id: one claim per (from, type, to), so loading the same claim twice
 * merges instead of duplicating, and the id alone says where to find the relationship.
 */
export function claimId(from: string, type: RelationType, to: string): string {
  return `${from}--${type.toLowerCase().replace(/_/g, '-')}--${to}`;
}

export function parseClaimId(id: string): { from: string; type: RelationType; to: string } | null {
  const parts = id.split('--');
  if (parts.length !== 3) return null;
  const [from, typeSlug, to] = parts as [string, string, string];
  const type = typeSlug.toUpperCase().replace(/-/g, '_');
  if (!isRelationType(type) || !isValidId(from) || !isValidId(to)) return null;
  return { from, type, to };
}

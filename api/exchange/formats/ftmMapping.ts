// How the model maps onto FollowTheMoney (FtM), both ways. Entity types name their FtM schema
// in the model (`ftm`); relationship types too, or become UnknownLink. Entity fields map to the
// FtM property of the same meaning where FtM has one for that schema.
//
// What FtM cannot say travels in a top-level "conflictLinks" object on each line: the exact
// entity type (several share a schema), fields FtM has no property for, and a claim's
// relationship type, status and confidence. FtM tools keep unknown top-level keys as the
// entity's context and write them back, while they drop unknown properties; so the block
// survives a pass through them, and the standard properties (status, role, summary...) still
// say the same for readers that ignore it.
import {
  ENTITY_TYPES,
  ENTITY_TYPE_NAMES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  isValidId,
  type EntityType,
  type RelationType,
} from '../../domain/model.ts';

export const BLOCK = 'conflictLinks';

/** The FtM schema of an entity type (from the model). */
export function entitySchema(type: EntityType): string {
  return ENTITY_TYPES[type].ftm;
}

/** Entity types by the FtM schema they export to: "Organization" -> Investor, ArmedGroup, Population. */
export const TYPES_BY_SCHEMA: ReadonlyMap<string, readonly EntityType[]> = (() => {
  const map = new Map<string, EntityType[]>();
  for (const type of ENTITY_TYPE_NAMES) map.set(entitySchema(type), [...(map.get(entitySchema(type)) ?? []), type]);
  return map;
})();

/**
 * Entity types for FtM data without a conflictLinks block, where the schema alone does not
 * pick one. Each is the least specific fitting type: an FtM Organization says less than
 * "investor", "armed group" or "population", so it becomes a Company (FtM's Company is an
 * Organization too); a PublicBody a StateBody, of which a government is one kind. Event
 * (Abuse or Conflict), Address (street addresses, not only countries) and Asset stay unmapped
 * without the block: guessing would put an allegation or a wrong kind of thing in the graph.
 */
const DEFAULT_TYPE: Readonly<Record<string, EntityType>> = {
  Organization: 'Company',
  PublicBody: 'StateBody',
  LegalEntity: 'Company',
};

const NEEDS_BLOCK: ReadonlySet<string> = new Set(['Event', 'Address', 'Asset']);

export type TypeChoice = { type: EntityType; defaulted: boolean } | { type: null; candidates: readonly EntityType[] };

export function entityTypeForSchema(schema: string): TypeChoice {
  const types = TYPES_BY_SCHEMA.get(schema) ?? [];
  const fallback = DEFAULT_TYPE[schema];
  if (fallback) return { type: fallback, defaulted: types.length !== 1 || types[0] !== fallback };
  if (types.length === 1 && !NEEDS_BLOCK.has(schema)) return { type: types[0]!, defaulted: false };
  return { type: null, candidates: types };
}

// Schemata whose entities are FtM "legal entities" (may own, direct, sign).
const LEGAL = ['Company', 'Organization', 'PublicBody', 'Person', 'LegalEntity'];

export interface FieldProp {
  field: string;
  prop: string;
  /** FtM schemata that have the property; absent: every Thing. */
  schemata?: readonly string[];
}

export const FIELD_PROPS: readonly FieldProp[] = [
  { field: 'aliases', prop: 'alias' },
  { field: 'description', prop: 'description' },
  { field: 'country', prop: 'country' },
  { field: 'website', prop: 'website', schemata: LEGAL },
  { field: 'lei', prop: 'leiCode', schemata: LEGAL },
  { field: 'sector', prop: 'sector', schemata: LEGAL },
  { field: 'isin', prop: 'isinCode', schemata: ['Company'] },
  { field: 'ticker', prop: 'ticker', schemata: ['Company'] },
  { field: 'position', prop: 'position', schemata: ['Person'] },
  { field: 'value', prop: 'amount', schemata: ['Contract'] },
  { field: 'currency', prop: 'currency', schemata: ['Contract'] },
  { field: 'kind', prop: 'type', schemata: ['Contract'] },
  { field: 'place', prop: 'location', schemata: ['Event'] },
  { field: 'start', prop: 'startDate', schemata: ['Event'] },
  { field: 'end', prop: 'endDate', schemata: ['Event'] },
];

/** The FtM property an entity field exports to in this schema, if any. */
export function propForField(field: string, schema: string): string | null {
  const mapping = FIELD_PROPS.find((m) => m.field === field && (!m.schemata || m.schemata.includes(schema)));
  return mapping?.prop ?? null;
}

/** Schemata that become sources: FtM's documents. */
export const DOCUMENT_SCHEMATA: ReadonlySet<string> = new Set(['Article', 'Document', 'Pages', 'HyperText', 'PlainText', 'Page']);
export const SOURCE_SCHEMA = 'Article';

export interface LinkSchema {
  /** The properties holding the two ends; Sanction names its authority as text, not an entity. */
  from: string;
  to: string | null;
  /** The FtM schema each end must be (its property's range). */
  fromRange: string;
  toRange: string | null;
  /** The relation a line of this schema becomes without a conflictLinks block or a role. */
  relation: RelationType;
  /** Interest schemata have a free-text `role`. */
  hasRole: boolean;
}

const UNKNOWN_LINK_RELATION = RELATION_TYPE_NAMES.find((t) => RELATION_TYPES[t].ftm === 'UnknownLink')!;

function relationForSchema(schema: string): RelationType {
  return RELATION_TYPE_NAMES.find((t) => RELATION_TYPES[t].ftm === schema) ?? UNKNOWN_LINK_RELATION;
}

/** FtM interval schemata read as claims, with their ends. Directorship and Employment have no
 * relation of their own in the model: they are ties between actors (the UnknownLink relation). */
export const LINK_SCHEMATA: Readonly<Record<string, LinkSchema>> = Object.fromEntries(
  (
    [
      ['Ownership', 'owner', 'LegalEntity', 'asset', 'Asset', true],
      ['ContractAward', 'supplier', 'LegalEntity', 'contract', 'Contract', true],
      ['Membership', 'member', 'LegalEntity', 'organization', 'Organization', true],
      ['UnknownLink', 'subject', 'Thing', 'object', 'Thing', true],
      ['Directorship', 'director', 'LegalEntity', 'organization', 'Organization', true],
      ['Employment', 'employee', 'Person', 'employer', 'Organization', true],
      ['Sanction', 'entity', 'Thing', null, null, false],
    ] as const
  ).map(([schema, from, fromRange, to, toRange, hasRole]) => [schema, { from, to, fromRange, toRange, relation: relationForSchema(schema), hasRole }]),
);

/** What each FtM schema the model exports to is, in FtM's model (itself and its ancestors). */
const FTM_IS_A: Readonly<Record<string, readonly string[]>> = {
  Company: ['Company', 'Organization', 'LegalEntity', 'Asset', 'Value', 'Thing'],
  Organization: ['Organization', 'LegalEntity', 'Thing'],
  PublicBody: ['PublicBody', 'Organization', 'LegalEntity', 'Thing'],
  Person: ['Person', 'LegalEntity', 'Thing'],
  Asset: ['Asset', 'Value', 'Thing'],
  Contract: ['Contract', 'Asset', 'Value', 'Thing'],
  Event: ['Event', 'Interval', 'Analyzable', 'Thing'],
  Address: ['Address', 'Thing'],
};

export function ftmIsA(schema: string, range: string): boolean {
  return (FTM_IS_A[schema] ?? [schema]).includes(range);
}

/** Entity types that are the state: FtM names them as a contract's `authority`, never its supplier. */
export const STATE_TYPES: ReadonlySet<EntityType> = new Set(['Government', 'StateBody']);

/**
 * The FtM schema of one claim: its relation's schema when both ends are of the kinds that
 * schema joins (PART_OF between two organisations is a Membership; between an abuse and a
 * conflict, or two systems, it is not), else UnknownLink with the relation as its role. A
 * state's PARTY_TO is an UnknownLink too: the state is the contract's authority (ftm.ts).
 */
export function claimSchema(type: RelationType, fromType: EntityType, toType: EntityType): string {
  if (type === 'PARTY_TO' && STATE_TYPES.has(fromType)) return 'UnknownLink';
  const schema = linkSchema(type);
  const link = LINK_SCHEMATA[schema]!;
  const fits = ftmIsA(entitySchema(fromType), link.fromRange) && (link.toRange === null || ftmIsA(entitySchema(toType), link.toRange));
  return fits ? schema : 'UnknownLink';
}

/** The FtM schema a relationship type exports to. */
export function linkSchema(type: RelationType): string {
  return RELATION_TYPES[type].ftm ?? 'UnknownLink';
}

/** A relation as FtM's free-text role: "allegedly used in". */
export function relationRole(type: RelationType): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** Reads a role back: "allegedly used in" or "ALLEGEDLY_USED_IN", if it names a relation. */
export function roleRelation(role: string): RelationType | null {
  const name = role.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (RELATION_TYPE_NAMES as string[]).includes(name) ? (name as RelationType) : null;
}

/**
 * Every schema of FtM's model, so a line with a schema outside it (a typo, another format) is
 * a problem, while a real FtM schema the project does not map is only noted and left out.
 */
export const FTM_SCHEMATA: ReadonlySet<string> = new Set([
  'Address', 'Airplane', 'Analyzable', 'Article', 'Assessment', 'Asset', 'Associate', 'Audio', 'BankAccount', 'Call',
  'CallForTenders', 'Company', 'Contract', 'ContractAward', 'Control', 'CourtCase', 'CourtCaseParty', 'CryptoWallet', 'Debt',
  'Directorship', 'Document', 'Documentation', 'EconomicActivity', 'Email', 'Employment', 'Event', 'Family', 'Folder',
  'HyperText', 'Identification', 'Image', 'Interest', 'Interval', 'LegalEntity', 'License', 'Membership', 'Mention',
  'Message', 'Note', 'Occupancy', 'Organization', 'Ownership', 'Package', 'Page', 'Pages', 'Passport', 'Payment',
  'Person', 'PlainText', 'Position', 'Post', 'Project', 'ProjectParticipant', 'PublicBody', 'RealEstate', 'Representation', 'Risk',
  'Sanction', 'Security', 'Similar', 'Succession', 'Table', 'TaxRoll', 'Territory', 'Thing', 'Trip', 'UnknownLink', 'UserAccount',
  'Value', 'Vehicle', 'Vessel', 'Video', 'Workbook',
]);

/** A short, stable hash (53 bits, base 36) of a text, for ids. */
export function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Lower-case letters, digits and single hyphens, from any text. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

/**
 * The project id for an FtM id. A valid project id stays as it is (so an export reads back
 * unchanged); any other becomes its slug plus a hash of the original, so two ids that differ
 * only in case or punctuation stay apart and the same FtM id always gives the same id.
 */
export function projectId(ftmId: string): string {
  if (isValidId(ftmId)) return ftmId;
  return `${slug(ftmId) || 'ftm'}-${shortHash(ftmId)}`;
}

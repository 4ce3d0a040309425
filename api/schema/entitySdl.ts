// Derives the GraphQL types of the domain (enums, the Entity interface and one type per
// entity label) from api/domain/model.ts, so the two can never disagree.
// `npm run schema` writes the result to api/schema/domain.generated.graphql for reading.
import {
  CLAIM_STATUSES,
  COMMON_FIELDS,
  ENTITY_TYPES,
  RELATION_TYPES,
  type FieldKind,
  type FieldSpec,
} from '../domain/model.ts';

const graphqlType: Record<FieldKind, string> = {
  string: 'String',
  int: 'Int',
  float: 'Float',
  date: 'String',
  stringList: '[String!]!',
};

/** GraphQL enum value for a stored status: "company-confirmed" -> COMPANY_CONFIRMED. */
export function statusToEnum(status: string): string {
  return status.toUpperCase().replace(/-/g, '_');
}

function field(name: string, spec: FieldSpec, required: boolean): string {
  const type = graphqlType[spec.kind];
  const bang = required && !type.endsWith('!') ? '!' : '';
  return `  "${spec.doc.replace(/"/g, '\\"')}"\n  ${name}: ${type}${bang}`;
}

function commonFields(): string[] {
  return [
    field('id', { kind: 'string', doc: COMMON_FIELDS.id.doc }, true).replace('id: String!', 'id: ID!'),
    '  "The entity type (its label)."\n  type: EntityType!',
    field('name', COMMON_FIELDS.name, true),
    field('aliases', COMMON_FIELDS.aliases, true),
    field('description', COMMON_FIELDS.description, false),
    field('country', COMMON_FIELDS.country, false),
  ];
}

export function domainSdl(): string {
  const parts: string[] = [
    '# GENERATED from api/domain/model.ts by `npm run schema`. Do not edit by hand.',
    '',
    '"Entity types (node labels)."',
    `enum EntityType {\n${Object.keys(ENTITY_TYPES).map((t) => `  ${t}`).join('\n')}\n}`,
    '',
    '"Relationship (claim) types."',
    `enum RelationType {\n${Object.entries(RELATION_TYPES)
      .map(([t, spec]) => `  "${spec.doc}"\n  ${t}`)
      .join('\n')}\n}`,
    '',
    '"How a claim stands."',
    `enum ClaimStatus {\n${CLAIM_STATUSES.map((s) => `  ${statusToEnum(s)}`).join('\n')}\n}`,
    '',
    '"Anything in the graph that is not a source: a company, a state body, a system, an abuse..."',
    `interface Entity {\n${commonFields().join('\n')}\n}`,
  ];
  for (const [name, spec] of Object.entries(ENTITY_TYPES)) {
    const own = Object.entries(spec.fields as Record<string, FieldSpec>).map(([f, s]) => field(f, s, false));
    parts.push('', `"${spec.doc}"`, `type ${name} implements Entity {\n${[...commonFields(), ...own].join('\n')}\n}`);
  }
  return parts.join('\n') + '\n';
}

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

/** Every type-specific field of any entity type; a name has one kind wherever it appears. */
export function allEntityFields(): Map<string, FieldSpec> {
  const fields = new Map<string, FieldSpec>();
  for (const [typeName, spec] of Object.entries(ENTITY_TYPES)) {
    for (const [name, field] of Object.entries(spec.fields as Record<string, FieldSpec>)) {
      const seen = fields.get(name);
      if (seen && seen.kind !== field.kind) throw new Error(`Field "${name}" of ${typeName} has a kind that differs elsewhere.`);
      if (!seen) fields.set(name, field);
    }
  }
  return fields;
}

function inputField(name: string, spec: FieldSpec): string {
  const type = spec.kind === 'stringList' ? '[String!]' : graphqlType[spec.kind];
  return `  ${name}: ${type}`;
}

function entityInputs(): string[] {
  const specific = [...allEntityFields()].map(([name, spec]) => inputField(name, spec));
  const common = ['aliases', 'description', 'country'].map((f) => inputField(f, COMMON_FIELDS[f as keyof typeof COMMON_FIELDS]));
  return [
    '"A new entity. Only the fields of its type are accepted (see the type\'s own fields)."',
    `input EntityInput {\n  id: ID!\n  type: EntityType!\n  name: String!\n${[...common, ...specific].join('\n')}\n}`,
    '',
    '"Changes to an entity: fields left out stay as they are; a field set to null is removed."',
    `input EntityPatch {\n  name: String\n${[...common, ...specific].join('\n')}\n}`,
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
  parts.push('', ...entityInputs());
  return parts.join('\n') + '\n';
}

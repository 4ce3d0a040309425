import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { projectRoot } from '../../api/config.ts';
import { ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES, RELATION_TYPES, ENTITY_TYPES } from '../../api/domain/model.ts';
import { domainSdl } from '../../api/schema/entitySdl.ts';
import { generatedSchemaPath, typeDefs } from '../../api/schema/load.ts';

test('the generated GraphQL domain schema is up to date with the model (run `npm run schema`)', () => {
  assert.equal(readFileSync(generatedSchemaPath, 'utf8'), domainSdl());
});

test('every entity type is a GraphQL type implementing Entity, with its own fields', () => {
  const schema = buildSchema(typeDefs().join('\n'));
  const entity = schema.getType('Entity');
  assert.ok(isInterfaceType(entity));
  for (const name of ENTITY_TYPE_NAMES) {
    const type = schema.getType(name);
    assert.ok(isObjectType(type), `${name} is missing`);
    assert.ok(type.getInterfaces().some((i) => i.name === 'Entity'));
    for (const field of Object.keys(ENTITY_TYPES[name].fields)) {
      assert.ok(type.getFields()[field], `${name}.${field} is missing`);
    }
  }
  assert.equal(schema.getType('Contract') && isObjectType(schema.getType('Contract')) && String((schema.getType('Contract') as any).getFields().value.type), 'Float');
});

test('relation endpoints only name known entity types', () => {
  for (const type of RELATION_TYPE_NAMES) {
    for (const end of [...RELATION_TYPES[type].from, ...RELATION_TYPES[type].to]) {
      assert.ok((ENTITY_TYPE_NAMES as string[]).includes(end), `${type} names unknown type ${end}`);
    }
  }
});

test('cypher/schema.cypher has a unique-id constraint for every entity label', () => {
  const schema = readFileSync(join(projectRoot, 'cypher/schema.cypher'), 'utf8');
  for (const label of [...ENTITY_TYPE_NAMES, 'Entity', 'Source']) {
    assert.match(schema, new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE`), `no constraint for ${label}`);
  }
});

test('cypher/schema.cypher has a unique-id constraint for every relationship type', () => {
  const schema = readFileSync(join(projectRoot, 'cypher/schema.cypher'), 'utf8');
  for (const type of RELATION_TYPE_NAMES) {
    assert.match(schema, new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) REQUIRE r\\.id IS UNIQUE`), `no constraint for ${type}`);
  }
});

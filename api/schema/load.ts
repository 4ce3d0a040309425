// Reads the SDL files that make up the API schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config.ts';

const schemaDir = join(projectRoot, 'api/schema');
export const generatedSchemaPath = join(schemaDir, 'domain.generated.graphql');

export function typeDefs(): string[] {
  return ['domain.generated.graphql', 'schema.graphql'].map((f) => readFileSync(join(schemaDir, f), 'utf8'));
}

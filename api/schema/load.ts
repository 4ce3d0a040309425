// Reads the SDL files that make up the API schema: the generated domain types, then every
// other api/schema/*.graphql (one per feature, each extending Query or Mutation).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config.ts';

const schemaDir = join(projectRoot, 'api/schema');
export const generatedSchemaPath = join(schemaDir, 'domain.generated.graphql');

export function typeDefs(): string[] {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.graphql')).sort();
  return files.map((f) => readFileSync(join(schemaDir, f), 'utf8'));
}

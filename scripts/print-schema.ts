// Writes the generated part of the GraphQL schema so it can be read and reviewed.
import { writeFileSync } from 'node:fs';
import { domainSdl } from '../api/schema/entitySdl.ts';
import { generatedSchemaPath } from '../api/schema/load.ts';

writeFileSync(generatedSchemaPath, domainSdl());
console.log(`wrote ${generatedSchemaPath}`);

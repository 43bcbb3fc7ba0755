/** Writes schema/report.schema.json from the zod schema (run: npx tsx scripts/generate-schema.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from '../src/model/jsonSchema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'report.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, reportJsonSchemaText());
console.log(`wrote ${target}`);

/** Writes docs/definition.schema.json from the zod schema; run `npx tsx scripts/generate-definition-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionJsonSchema } from '@trellis/definition';

const target = join(__dirname, '..', 'docs', 'definition.schema.json');
writeFileSync(target, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);

// Writes packages/schema/journey.schema.json; a test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { journeyJsonSchema } from '../src/jsonSchema.ts';

const target = new URL('../journey.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);

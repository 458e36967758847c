/**
 * Regenerates src/annotations/generated/validate-annotations.js (+ .d.ts) from
 * schema/claimlens-annotations.schema.json. Run after every schema change:
 *   npx tsx scripts/build-validator.ts
 * A unit test fails while the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidatorSource, VALIDATOR_DECLARATIONS } from '../src/annotations/validator-codegen.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaText = readFileSync(`${root}schema/claimlens-annotations.schema.json`, 'utf8');
const out = `${root}src/annotations/generated/validate-annotations`;
writeFileSync(`${out}.js`, generateValidatorSource(schemaText));
writeFileSync(`${out}.d.ts`, VALIDATOR_DECLARATIONS);
console.log(`wrote ${out}.js and ${out}.d.ts`);

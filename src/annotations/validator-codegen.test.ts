import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validateAnnotationDocument } from './generated/validate-annotations.js';
import { sampleRecord } from './test-support.ts';
import {
  AJV_OPTIONS,
  generateValidatorSource,
  SCHEMA_ID,
  VALIDATOR_DECLARATIONS,
} from './validator-codegen.ts';
import { buildAnnotationDocument } from './w3c.ts';

const root = new URL('../../', import.meta.url);
const schemaText = readFileSync(new URL('schema/claimlens-annotations.schema.json', root), 'utf8');
const generated = readFileSync(new URL('src/annotations/generated/validate-annotations.js', root), 'utf8');
const declarations = readFileSync(
  new URL('src/annotations/generated/validate-annotations.d.ts', root),
  'utf8',
);

describe('generated validator', () => {
  it('is up to date with the schema (run `npx tsx scripts/build-validator.ts` if this fails)', () => {
    expect(generated === generateValidatorSource(schemaText), 'generated validator is stale').toBe(true);
    expect(declarations).toBe(VALIDATOR_DECLARATIONS);
  });

  it('needs no eval, Function or require (MV3 extension pages forbid them)', () => {
    expect(generated).not.toMatch(/\beval\(|new Function|\brequire\(/);
  });

  it('agrees with Ajv compiling the schema at run time', () => {
    const ajv = new Ajv2020(AJV_OPTIONS);
    ajv.addSchema(JSON.parse(schemaText));
    const reference = ajv.getSchema(SCHEMA_ID)!;
    const good = buildAnnotationDocument([sampleRecord(1), sampleRecord(2, 'Kremlin')]);
    const cases: unknown[] = [
      good,
      { ...good, total: -1 },
      { ...good, 'cl:formatVersion': 2 },
      { ...good, first: { ...good.first, items: [{ ...good.first.items[0], 'cl:kind': 'nope' }] } },
      { ...good, first: { ...good.first, items: [{ ...good.first.items[0], extra: 1 }] } },
      { ...good, '@context': ['http://www.w3.org/ns/anno.jsonld', { cl: 'https://evil.example/' }] },
      { ...good, first: { ...good.first, items: [{ ...good.first.items[0], created: 'yesterday' }] } },
      null,
      [],
    ];
    for (const c of cases) {
      expect(validateAnnotationDocument(c)).toBe(reference(c));
      expect(validateAnnotationDocument.errors?.[0]?.instancePath).toBe(reference.errors?.[0]?.instancePath);
    }
    expect(validateAnnotationDocument(good)).toBe(true);
  });
});

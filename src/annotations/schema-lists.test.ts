import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS, VERDICTS } from '../model/annotation.ts';
import type { NumberQualifier } from '../model/sentence.ts';
import { STANCES } from '../model/stance.ts';
import { QUALIFIERS } from '../nlp/numbers.ts';

/** Every `enum` list of the published JSON Schema, by the property it constrains. */
function enumsOf(node: unknown, key = '', out = new Map<string, unknown[][]>()): Map<string, unknown[][]> {
  if (Array.isArray(node)) for (const n of node) enumsOf(n, key, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' && Array.isArray(v)) out.set(key, [...(out.get(key) ?? []), v]);
      else enumsOf(v, k === 'properties' || k === 'then' ? key : k, out);
    }
  return out;
}

/**
 * The model's lists (src/model) are the one home of verdicts, kinds, stances and qualifiers; the JSON
 * Schema is a published document, so it states them too, and this test holds it to the model.
 */
describe('the JSON Schema states the model lists', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../schema/claimlens-annotations.schema.json', import.meta.url), 'utf8'),
  );
  const enums = enumsOf(schema);
  const sorted = (xs: readonly unknown[]) => [...xs].map(String).sort();

  it('kinds, verdicts, stances and qualifiers', () => {
    expect(enums.get('cl:kind')?.map(sorted)).toEqual([sorted(ANNOTATION_KINDS)]);
    expect(enums.get('cl:stance')?.map(sorted)).toEqual([sorted(STANCES)]);
    expect(enums.get('cl:qualifier')?.map(sorted)).toEqual([
      sorted(['exact', ...new Set(QUALIFIERS.map(([, q]) => q))] as NumberQualifier[]),
    ]);
    expect(enums.get('value')?.map(sorted)).toContainEqual(sorted(VERDICTS));
  });
});

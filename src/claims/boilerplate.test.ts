import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './boilerplate.ts';

/** The definition `countWords` stands for: white-space-separated runs holding a letter or a digit. */
function regexCount(t: string): number {
  return t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

describe('countWords', () => {
  it('counts what splitting on \\s and testing each run for a letter or digit counts', () => {
    for (const t of [
      '',
      'Hello',
      'Kyiv, Oct. 21 — “We will win,” he said.',
      'a\u00a0b\u2003c\u3000d\ufeffe',
      '— – · 12 %',
      'Ἀθῆναι 𝐀𝐁 😀 ٣',
    ]) {
      expect(countWords(t.trim())).toBe(regexCount(t.trim()));
      expect(countWords(t.trim(), 3)).toBe(Math.min(3, regexCount(t.trim())));
    }
  });

  it('agrees with the definition around every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      if (countWords(t) !== regexCount(t)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('agrees with the definition on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const t = s.trim();
        expect(countWords(t)).toBe(regexCount(t));
        expect(countWords(t, 2)).toBe(Math.min(2, regexCount(t)));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from './matches.ts';

/** Matches as comparable values: index, text and named groups. */
function shape(ms: Iterable<RegExpMatchArray>) {
  return [...ms].map((m) => ({ index: m.index, all: [...m], groups: m.groups }));
}

describe('allMatches', () => {
  const patterns = [
    /\b(?<word>[a-z]+)\b/gi,
    /x*/g,
    /(?:)/gu,
    /\p{L}?/gu,
    /(?<num>\d+)(?:\.(?<frac>\d+))?/g,
    /\b(?:may|might|could)\b/gi,
  ];

  it('finds what matchAll finds, empty matches and surrogate pairs included', () => {
    for (const re of patterns)
      for (const text of ['', 'a', 'May 3, 2.5 could x', '😀a😀', 'xx yx', '\ud83d', 'é1.25 ab'])
        expect(shape(allMatches(re, text))).toEqual(shape(text.matchAll(re)));
  });

  it('agrees with matchAll on arbitrary text and leaves lastIndex at 0', () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: 'binary', maxLength: 30 }), (re, text) => {
        expect(shape(allMatches(re, text))).toEqual(shape(text.matchAll(re)));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});

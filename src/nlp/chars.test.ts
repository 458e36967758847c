import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterOrDigitAt } from './chars.ts';

const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\u180e',
  '\u200b',
];
const ODD = ['é', 'ſ', 'K', '٣', 'Ⅻ', '²', '’', '“', '—', '𝐀', '😀', '\ud800', '\udc00', '.', '-', '%'];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES, ...ODD), { maxLength: 40 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('letterOrDigitAt', () => {
  it('finds letters and digits where the Unicode regex does', () => {
    fc.assert(
      fc.property(text, (s) => {
        const re = /[\p{L}\p{N}]/uy;
        for (let i = 0; i <= s.length; i++) {
          re.lastIndex = i;
          const len = re.test(s) ? re.lastIndex - i : 0;
          // Inside a surrogate pair the regex may read the whole pair; scans never start there.
          const c = s.charCodeAt(i);
          const p = s.charCodeAt(i - 1);
          if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) continue;
          expect(letterOrDigitAt(s, i)).toBe(len);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Letters and digits read one UTF-16 unit at a time, for the word scan that runs on every sentence
 * of an article (src/claims/features.ts). It answers exactly what the Unicode regex `[\p{L}\p{N}]`
 * answers, without a regex call per character: ASCII is decided by code, and any other unit is asked
 * of the regex once and remembered.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
/** Per UTF-16 unit outside ASCII and the surrogates: 0 not yet known, 1 neither, 2 a letter or digit. */
const KNOWN = new Uint8Array(0x10000);

/** 1 when the unit `c` (outside ASCII and the surrogates) is a letter or digit, else 0. */
function classOf(c: number): number {
  let known = KNOWN[c];
  if (known === 0) {
    LETTER_OR_DIGIT.lastIndex = 0;
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
    KNOWN[c] = known;
  }
  return known - 1;
}

/** 1 for the ASCII letters and digits, else 0, by code. */
const ASCII_LETTER_OR_DIGIT = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0,
);

/**
 * Length in UTF-16 units of the letter or digit (`[\p{L}\p{N}]`) starting at `i`, or 0 when there is none.
 * Kept this small so that the compiler inlines it into the scans; the rest of Unicode is one call away.
 */
export function letterOrDigitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : nonAsciiLetterOrDigitAt(s, i, c);
}

function nonAsciiLetterOrDigitAt(s: string, i: number, c: number): number {
  if (Number.isNaN(c)) return 0;
  if (c < 0xd800 || c > 0xdfff) return classOf(c);
  // A letter outside the Basic Multilingual Plane takes two units.
  LETTER_OR_DIGIT.lastIndex = i;
  if (!LETTER_OR_DIGIT.test(s)) return 0;
  return LETTER_OR_DIGIT.lastIndex - i;
}

/** Units taken by the code point at `i` (2 for a surrogate pair, else 1). */
export function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = s.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

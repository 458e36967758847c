/**
 * UTF-16 <-> code point offset conversion. JavaScript strings and DOM ranges count UTF-16 code
 * units, the W3C TextPositionSelector counts code points: an emoji is 2 units but 1 point, so the
 * two disagree after every astral character.
 */

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair (not a character boundary). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLow(text.charCodeAt(offset)) &&
    isHigh(text.charCodeAt(offset - 1))
  );
}

/** Code-point count of `text.slice(0, offset)`; linear in `offset`, no allocation. */
export function utf16ToCodePoint(text: string, offset: number): number {
  const end = Math.max(0, Math.min(offset, text.length));
  let points = end;
  for (let i = 1; i < end; i++) {
    if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) points--;
  }
  return points;
}

/** UTF-16 offset of the `points`-th code point of `text` (clamped to the text's length). */
export function codePointToUtf16(text: string, points: number): number {
  let offset = 0;
  let seen = 0;
  while (seen < points && offset < text.length) {
    offset += isHigh(text.charCodeAt(offset)) && isLow(text.charCodeAt(offset + 1)) ? 2 : 1;
    seen++;
  }
  return offset;
}

/** Number of code points in a string (what the W3C model calls its length). */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

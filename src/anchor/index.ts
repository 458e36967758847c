/** Public API of the anchoring core (see README-style docs in each module). */
export { codePointLength, codePointToUtf16, splitsSurrogatePair, utf16ToCodePoint } from './code-points.ts';
export {
  anchorRange,
  buildTextIndex,
  buildTextIndexChunked,
  type ChunkedTextIndexOptions,
  describeRange,
  offsetsFromRange,
  rangeFromOffsets,
  type TextIndex,
  type TextIndexOptions,
} from './dom-index.ts';
export { anchor, describe, maxFuzzyErrors } from './text-anchor.ts';
export * from './types.ts';

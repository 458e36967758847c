/**
 * Text-level anchoring (the approach Hypothesis uses, written for ClaimLens): describe a span of a
 * page's text with W3C selectors, and find it again after the page changed — first at the stored
 * position, then as the exact quote, then as an approximate quote with a bounded number of errors.
 * Pure string functions, so the content script, the CLI and the tests share them.
 */
import search from 'approx-string-match';
import { splitsSurrogatePair, utf16ToCodePoint } from './code-points.ts';
import { type AnchorResult, type AnchorSelectors, CONTEXT_LENGTH } from './types.ts';

/** Weights of the candidate score: the quote matters most, context tells repeats apart, position breaks ties. */
const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
const WEIGHT_POSITION = 2;
const WEIGHT_TOTAL = WEIGHT_QUOTE + WEIGHT_PREFIX + WEIGHT_SUFFIX + WEIGHT_POSITION;

/** Exact occurrences of a (short, common) quote scored at most; beyond this the position hint decides. */
const MAX_EXACT_CANDIDATES = 1000;

/**
 * Selectors for `text.slice(start, end)` (UTF-16 offsets). Offsets that would split an emoji are
 * widened to whole characters, so the code-point offsets are exact.
 * @throws RangeError when the span is empty or outside the text — a caller bug, not a user error.
 */
export function describe(text: string, start: number, end: number): AnchorSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: bad span ${start}..${end} in a text of length ${text.length}`);
  }
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  const cpStart = utf16ToCodePoint(text, start);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
    codePoints: { start: cpStart, end: cpStart + utf16ToCodePoint(text.slice(start, end), end - start) },
  };
}

/** The error budget of the fuzzy step: a quarter of the quote, at most 32 edits. */
export function maxFuzzyErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

/**
 * Finds the selectors' words in `text` (UTF-16 offsets), or null when they are gone: the caller lists
 * the annotation as an orphan instead of dropping it. Order: position verified against quote and context,
 * exact quote (repeats told apart by context and closeness to the stored position), then the best
 * approximate match within `maxFuzzyErrors`.
 */
export function anchor(
  text: string,
  selectors: Pick<AnchorSelectors, 'quote' | 'position'>,
): AnchorResult | null {
  const { exact, prefix, suffix } = selectors.quote;
  if (!exact) return null;
  const hint = selectors.position.start;
  const { start: ps, end: ps2 } = selectors.position;
  const atPosition =
    ps >= 0 && ps2 <= text.length && ps2 - ps === exact.length && text.slice(ps, ps2) === exact;
  // The stored position wins outright when its context is unchanged too; otherwise it competes
  // with the quote's other occurrences (the same words may now sit elsewhere with the right context).
  if (
    atPosition &&
    text.slice(Math.max(0, ps - prefix.length), ps) === prefix &&
    text.slice(ps2, ps2 + suffix.length) === suffix
  ) {
    return { start: ps, end: ps2, method: 'position', score: 1 };
  }

  const scorer = new CandidateScorer(text, prefix, suffix, hint);
  const exactHits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    exactHits.push(i);
    if (exactHits.length >= MAX_EXACT_CANDIDATES) break;
  }
  if (exactHits.length === 1) {
    const only = exactHits[0];
    return {
      start: only,
      end: only + exact.length,
      method: only === ps && atPosition ? 'position' : 'quote',
      score: 1,
    };
  }
  if (exactHits.length > 1) {
    let best = exactHits[0];
    let bestScore = -1;
    for (const i of exactHits) {
      const s = scorer.score(i, i + exact.length, 1);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    const method = best === ps && atPosition ? 'position' : 'quote';
    return { start: best, end: best + exact.length, method, score: bestScore };
  }

  const budget = maxFuzzyErrors(exact.length);
  if (budget === 0) return null;
  const matches = search(text, exact, budget);
  let best: AnchorResult | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const s = scorer.score(m.start, m.end, quoteScore);
    if (!best || s > best.score) best = { start: m.start, end: m.end, method: 'fuzzy', score: s };
  }
  return best;
}

/** Scores a candidate span by quote similarity, context similarity and distance from the stored position. */
class CandidateScorer {
  constructor(
    private readonly text: string,
    private readonly prefix: string,
    private readonly suffix: string,
    private readonly hint: number,
  ) {}

  score(start: number, end: number, quoteScore: number): number {
    const { text, prefix, suffix } = this;
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix)
      : 1;
    const suffixScore = suffix ? similarity(text.slice(end, end + suffix.length), suffix) : 1;
    const distance = Math.abs(start - this.hint);
    const positionScore = 1 - distance / Math.max(1, text.length);
    return (
      (WEIGHT_QUOTE * quoteScore +
        WEIGHT_PREFIX * prefixScore +
        WEIGHT_SUFFIX * suffixScore +
        WEIGHT_POSITION * positionScore) /
      WEIGHT_TOTAL
    );
  }
}

/** 1 - (edits to find `pattern` in `window`) / pattern length; 0 when the window is unrelated. */
function similarity(window: string, pattern: string): number {
  if (!window) return 0;
  const found = search(window, pattern, pattern.length);
  if (!found.length) return 0;
  return 1 - found[0].errors / pattern.length;
}

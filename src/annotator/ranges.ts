/**
 * Claim offsets (into the article text the background saw) back to DOM ranges in the live page.
 */
import { type BlockSpan, blockSpans as spansOfBlocks } from '../article/types.ts';
import { blockMap, blockMapSteps, type DomBlock, domPosition, type Steps } from '../extract/index.ts';

export interface ClaimRange {
  range: Range;
  /** Text nodes the range touches, for hit-testing the pointer. */
  nodes: Text[];
  /** The article block the claim sits in (the status marks line up with its left edge). */
  block: Element;
}

/**
 * Maps [start, end) of the joined article text to a range inside one block; null when the offsets do
 * not fall inside a single block (the page changed since extraction) — a highlight never crosses blocks.
 */
export function rangeForOffsets(
  doc: Document,
  blocks: readonly DomBlock[],
  start: number,
  end: number,
): ClaimRange | null {
  const spans = blockSpans(blocks);
  const at = blockAt(spans, start);
  const span = spans[at];
  const block = blocks[at];
  if (!span || start < span.start || end > span.end || end <= start) return null;
  const a = domPosition(block, start - span.start, false);
  const b = domPosition(block, end - span.start, true);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return { range, nodes: (blockMap(block)?.nodes ?? []).slice(a.index, b.index + 1), block: block.element };
}

/** Index of the block whose span holds `offset` (the last one starting at or before it). */
function blockAt(spans: readonly BlockSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps, in resumable steps, the blocks these claims fall in (most blocks are read without a map, see
 * `blockMap`), so that painting them afterwards walks no nodes: the content script runs this in slices
 * between receiving the claims and painting them.
 */
export function* mapClaimBlocks(
  blocks: readonly DomBlock[],
  claims: readonly { start: number }[],
): Steps<void> {
  const spans = blockSpans(blocks);
  for (const claim of claims) {
    const block = blocks[blockAt(spans, claim.start)];
    if (!block || block.map !== undefined) continue;
    yield* blockMapSteps(block);
    // A place to pause after every block: a block's own walk pauses only every so many nodes.
    yield;
  }
}

/** Each article's block spans, worked out once: every claim mapped or painted needs them. */
const spansOf = new WeakMap<readonly DomBlock[], readonly BlockSpan[]>();

/** Where each block sits in the joined article text (whose offsets the claims use), memoised. */
function blockSpans(blocks: readonly DomBlock[]): readonly BlockSpan[] {
  let spans = spansOf.get(blocks);
  if (!spans) {
    spans = spansOfBlocks(blocks);
    spansOf.set(blocks, spans);
  }
  return spans;
}

/**
 * Claim offsets (into the article text the background saw) back to DOM ranges in the live page.
 */
import { type BlockSpan, joinBlocks } from '../article/types.ts';
import { type DomBlock, domPosition } from '../extract/index.ts';

export interface ClaimRange {
  range: Range;
  /** Text nodes the range touches, for hit-testing the pointer. */
  nodes: Text[];
}

/**
 * Maps [start, end) of the joined article text to a range inside one block; null when the offsets do
 * not fall inside a single block (the page changed since extraction) — a highlight never crosses blocks.
 * Pass `spans` (from `joinBlocks`) when mapping many claims: joining the text once per claim is quadratic.
 */
export function rangeForOffsets(
  doc: Document,
  blocks: readonly DomBlock[],
  start: number,
  end: number,
  spans: readonly BlockSpan[] = joinBlocks(blocks).spans,
): ClaimRange | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= start) lo = mid;
    else hi = mid - 1;
  }
  const span = spans[lo];
  const block = blocks[lo];
  if (!span || start < span.start || end > span.end || end <= start) return null;
  const a = domPosition(block, start - span.start, false);
  const b = domPosition(block, end - span.start, true);
  if (!a.node.isConnected || !b.node.isConnected) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return { range, nodes: block.nodes.slice(a.index, b.index + 1) };
}

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { joinBlocks } from '../article/types.ts';
import { drain, extractDomArticle } from '../extract/index.ts';
import { mapClaimBlocks, rangeForOffsets } from './ranges.ts';

const PARAGRAPHS = [
  'The ministry said on Monday that <b>1,500</b> soldiers had arrived at the base, officials told reporters.',
  'Nothing in this paragraph is a claim of any kind, it only describes the weather and the quiet streets.',
  'About <i>11,000</i> troops were ready by <a href="/n">Nov. 1</a>, according to the intelligence service.',
  // Enough prose for the page to count as an article.
  ...Array.from(
    { length: 3 },
    (_, i) => `Filler paragraph ${i} of plain description, long enough to be prose, without any figure.`,
  ),
];

function article() {
  const window = new Window({ url: 'https://news.example/a' });
  window.document.write(`<body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body>`);
  const doc = window.document as unknown as Document;
  return { doc, found: extractDomArticle(doc, 'https://news.example/a')! };
}

describe('claim ranges', () => {
  it('maps only the blocks that carry claims, and their ranges hold the claim text', () => {
    const { doc, found } = article();
    const { text } = joinBlocks(found.blocks);
    const claims = ['1,500 soldiers had arrived', '11,000 troops were ready by Nov. 1'].map((quote) => ({
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      quote,
    }));
    expect(found.blocks.every((b) => b.map === undefined)).toBe(true);
    drain(mapClaimBlocks(found.blocks, claims));
    expect(found.blocks.map((b) => b.map !== undefined)).toEqual([true, false, true, false, false, false]);
    for (const claim of claims) {
      const mapped = rangeForOffsets(doc, found.blocks, claim.start, claim.end);
      expect(mapped?.range.toString()).toBe(claim.quote);
      expect(mapped?.nodes.length).toBeGreaterThan(1);
    }
  });

  it('gives no range across blocks, nor in a block the page has rewritten since it was read', () => {
    const { doc, found } = article();
    const { text, spans } = joinBlocks(found.blocks);
    expect(rangeForOffsets(doc, found.blocks, spans[0].end - 5, spans[1].start + 5)).toBeNull();
    (found.blocks[2].element.querySelector('i') as Element).textContent = '12,000';
    const start = text.indexOf('troops');
    expect(rangeForOffsets(doc, found.blocks, start, start + 6)).toBeNull();
  });
});

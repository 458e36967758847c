/**
 * The golden extraction corpus (test/fixtures/golden, `npm run golden:add`): every saved page read
 * through the CLI's path (happy-dom, src/extract, src/claims, the claim rule) must give its recorded
 * article: not an article where it is none; else every body block read (or the case's recorded share),
 * no claim outside the body, none of the named furniture, and exactly the recorded claims. Runs
 * without ../shared: the pages are committed.
 */
import { describe, expect, it } from 'vitest';
import { goldenClaims, loadGoldenCases } from '../../test/support/golden.ts';
import { normalise as normaliseText } from '../../test/support/readability.ts';
import { DEFAULT_CLAIM_THRESHOLD } from '../model/sentence.ts';
import { htmlArticle } from './analyze.ts';

const cases = loadGoldenCases();

describe('the golden extraction corpus', () => {
  it('has a case for every kind of failure the extraction was fixed for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expected.kind}`, async () => {
      const input = await htmlArticle(c.html, c.url);
      if (!c.expected.article) {
        expect(input === null || goldenClaims(input, DEFAULT_CLAIM_THRESHOLD).length === 0).toBe(true);
        return;
      }
      expect(input, 'read as an article').not.toBeNull();
      if (!input) return;
      const read = normaliseText(input.blocks.map((b) => b.text).join(' '));
      const body = normaliseText(c.expected.blocks.map((b) => b.text).join(' '));
      const missing = c.expected.blocks.map((b) => normaliseText(b.text)).filter((t) => !read.includes(t));
      const recall = 1 - missing.length / Math.max(1, c.expected.blocks.length);
      expect(recall, `body blocks not read: ${missing.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(
        c.expected.minBodyRecall ?? 1,
      );
      const claims = goldenClaims(input, DEFAULT_CLAIM_THRESHOLD);
      for (const claim of claims)
        expect(body, 'claim outside the article body').toContain(normaliseText(claim));
      for (const f of c.expected.furniture ?? []) expect(read).not.toContain(normaliseText(f));
      expect(claims.map(normaliseText)).toEqual(c.expected.claims.map(normaliseText));
    });
  }
});

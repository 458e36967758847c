/**
 * The golden extraction corpus (test/fixtures/golden), kept the way Mozilla Readability keeps its
 * test pages: one folder per case with the saved page (`source.html`) and what ClaimLens must read
 * from it (`expected.json`: whether it is an article, the article's blocks as a reader judges them,
 * and the claims highlighted at the default setting). `npm run golden:add` writes a case; the unit
 * test (src/extract/golden.test.ts) runs every case without ../shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ArticleBlock, ArticleInput } from '../../src/article/types.ts';
import { analyzeSentences } from '../../src/claims/index.ts';
import { claimMask } from '../../src/model/sentence.ts';

export const GOLDEN_DIR = new URL('../fixtures/golden/', import.meta.url);

export interface GoldenExpected {
  /** The URL the page is read under (outlet and relative links come from it). */
  url: string;
  /** What kind of failure the case keeps fixed, in a few words. */
  kind: string;
  /** Whether the page is an article at all (a non-article must come out null). */
  article: boolean;
  /** The article body as a reader judges it: every block's text must be read, no claim may fall outside. */
  blocks: ArticleBlock[];
  /** The sentences highlighted at the default setting, in page order. */
  claims: string[];
  /** Text that must never be read as part of the article (furniture the case is about). */
  furniture?: string[];
  /**
   * Share of the body's sentences that must be read (1 when absent). A saved real page may keep a
   * line the reader's cut drops; a case written for one kind of failure reads its whole body.
   */
  minBodyRecall?: number;
}

export interface GoldenCase {
  name: string;
  html: string;
  url: string;
  expected: GoldenExpected;
}

/** Every case of the corpus, sorted by name. */
export function loadGoldenCases(): GoldenCase[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = new URL(`${name}/`, GOLDEN_DIR);
      const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as GoldenExpected;
      return { name, html: readFileSync(new URL('source.html', dir), 'utf8'), url: expected.url, expected };
    });
}

/** The sentences highlighted in an article at a threshold (the product's rule), in page order. */
export function goldenClaims(input: ArticleInput, threshold: number): string[] {
  const sentences = analyzeSentences(input.blocks, input.publishedAt);
  const mask = claimMask(sentences, threshold);
  return sentences.filter((_, i) => mask[i]).map((s) => s.text);
}

/**
 * The five committed seed articles (test/fixtures/seeds: one real story told by five outlets), read
 * one way for every test: a file's non-empty lines, trimmed; the first line is the headline. Tests that
 * need an article give it their own URL and outlet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ArticleInput } from '../../src/article/types.ts';

/** The folder of the seed texts. */
export const SEED_DIR = new URL('../fixtures/seeds/', import.meta.url);

/** The seed files, in name order (their number prefix: 000 … 004). */
export const SEED_FILES: readonly string[] = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A seed's lines (by file name or by its place in `SEED_FILES`), trimmed, blank ones dropped. */
export function seedLines(seed: string | number): string[] {
  const file = typeof seed === 'number' ? SEED_FILES[seed] : seed;
  if (!file) throw new Error(`no seed article ${seed}`);
  return readFileSync(new URL(file, SEED_DIR), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A seed as the pipeline reads an article: the headline as title, every line a paragraph block. */
export function seedArticle(seed: string | number, site: { url: string; outlet: string }): ArticleInput {
  const lines = seedLines(seed);
  return {
    url: site.url,
    outlet: site.outlet,
    title: lines[0],
    blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

/**
 * A synthetic but realistic store for the retrieval benchmark: sentences built from a Zipf-distributed
 * vocabulary of real words (the seed articles and the Readability pages' expected text), shaped like
 * news sentences (a source, a verb of saying, a number, a place), analysed by the real core so every
 * stored record has the fields and `indexTerms` the pipeline writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ArticleBlock } from '../src/article/types.ts';
import { analyzeSentences } from '../src/claims/index.ts';
import { indexTerms } from '../src/match/index.ts';
import type { ArticleRecord, SentenceRecord } from '../src/store/schema.ts';
import { seededRandom } from '../src/util/random.ts';

const SEEDS = new URL('../test/fixtures/seeds/', import.meta.url);

/** Words of the seed articles (and any extra text) by falling frequency, padded with synthetic words. */
export function vocabulary(extraText: string[] = [], size = 50_000): string[] {
  const counts = new Map<string, number>();
  const texts = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
  for (const text of [...texts, ...extraText]) {
    for (const w of text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  for (let i = 0; words.length < size; i++) words.push(`zeta${i.toString(36)}`);
  return words.slice(0, size);
}

/** Draws ranks from a Zipf distribution (exponent 1) by inverting its cumulative weights. */
export function zipf(size: number, rand: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    sum += 1 / (i + 1);
    cumulative[i] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const VERBS = ['said', 'told reporters', 'reported', 'announced', 'claimed', 'estimated', 'confirmed'];
const UNITS = ['soldiers', 'people', 'percent', 'million dollars', 'troops', 'votes', 'tonnes', 'kilometres'];
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

/** Synthetic stored articles of 40 sentences each, numbered from `firstArticle`. */
export function syntheticRecords(
  count: number,
  firstArticle: number,
  words: string[],
  seed = 7,
): { articles: ArticleRecord[]; sentences: SentenceRecord[] } {
  const rand = seededRandom(seed + firstArticle);
  const rank = zipf(words.length, rand);
  const word = () => words[rank()];
  const articles: ArticleRecord[] = [];
  const sentences: SentenceRecord[] = [];
  for (let a = firstArticle; sentences.length < count; a++) {
    const id = `asynth${a}`;
    const outlet = `Synthetic Outlet ${a % 40}`;
    const blocks: ArticleBlock[] = [];
    for (let i = 0; i < 40; i++) {
      const n = Math.floor(rand() * 20_000);
      const text = `${cap(word())} ${word()} ${word()} ${VERBS[i % VERBS.length]} that ${n.toLocaleString('en-US')} ${UNITS[i % UNITS.length]} ${word()} ${word()} ${word()} near ${cap(word())} ${word()} ${word()} on Monday.`;
      blocks.push({ kind: 'paragraph', text });
    }
    const analyses = analyzeSentences(blocks, '2024-10-21');
    analyses.forEach((s, index) => {
      if (sentences.length >= count) return;
      sentences.push({ ...s, id: `${id}:${index}`, articleId: id, outlet, index, terms: indexTerms(s) });
    });
    articles.push({
      id,
      url: `https://synthetic${a}.test/article`,
      outlet,
      title: `Synthetic article ${a}`,
      text: blocks.map((b) => b.text).join('\n\n'),
      blocks: [],
      firstReadAt: 0,
      readAt: 0,
    });
  }
  return { articles, sentences };
}

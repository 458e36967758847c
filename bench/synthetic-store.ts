/**
 * A synthetic but realistic store for the retrieval benchmark: sentences built from a Zipf-distributed
 * vocabulary of real words (the seed articles and the Readability pages' expected text), shaped like
 * news sentences (a source, a verb of saying, a number, a place), analysed by the real core so every
 * stored record has the fields and `indexTerms` the pipeline writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { ArticleBlock } from '../src/article/types.ts';
import { analyzeSentences } from '../src/claims/index.ts';
import { textArticle } from '../src/cli/inputs.ts';
import { indexTerms } from '../src/match/index.ts';
import { ingestArticle } from '../src/pipeline/ingest.ts';
import { ClaimLensDB } from '../src/store/db.ts';
import type { ArticleRecord, LinkRecord, ProfileRecord, SentenceRecord } from '../src/store/schema.ts';
import { articleVector } from '../src/story/vector.ts';
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

/** Articles per synthetic story: 100,000 claims make about 400 stories of six articles (40 claims each). */
export const ARTICLES_PER_STORY = 6;

/**
 * Synthetic stored articles of 40 sentences each, numbered from `firstArticle`, grouped into stories: the
 * articles of one story share its names, words and figures (about a third of each sentence), the rest
 * is drawn from the whole vocabulary. Each comes with the profile the pipeline would have written
 * (whole-article vector, its story, a report).
 */
export function syntheticRecords(
  count: number,
  firstArticle: number,
  words: string[],
  seed = 7,
): { articles: ArticleRecord[]; sentences: SentenceRecord[]; profiles: ProfileRecord[] } {
  const rand = seededRandom(seed + firstArticle);
  const rank = zipf(words.length, rand);
  const word = () => words[rank()];
  const articles: ArticleRecord[] = [];
  const sentences: SentenceRecord[] = [];
  const profiles: ProfileRecord[] = [];
  for (let a = firstArticle; sentences.length < count; a++) {
    const story = Math.floor(a / ARTICLES_PER_STORY);
    const storyId = `asynth${story * ARTICLES_PER_STORY}`;
    // The story's own vocabulary, the same for all its articles whatever batch they are made in.
    const own = seededRandom(seed * 7919 + story);
    const pick = (from: number, to: number) => words[from + Math.floor(own() * (to - from))];
    const names = Array.from({ length: 4 }, () => cap(pick(500, 20_000)));
    const topic = Array.from({ length: 12 }, () => pick(300, 30_000));
    const figures = Array.from({ length: 3 }, () => 100 + Math.floor(own() * 50_000));
    const t = () => topic[Math.floor(rand() * topic.length)];
    const id = `asynth${a}`;
    const outlet = `Synthetic Outlet ${a % 40}`;
    const blocks: ArticleBlock[] = [];
    const title = `${names[0]} ${t()} ${t()} ${names[1]}`;
    for (let i = 0; i < 40; i++) {
      const n = i % 4 === 0 ? figures[i % 3] : Math.floor(rand() * 20_000);
      const text = `${names[i % names.length]} ${t()} ${word()} ${VERBS[i % VERBS.length]} that ${n.toLocaleString('en-US')} ${UNITS[i % UNITS.length]} ${t()} ${word()} ${word()} near ${cap(word())} ${t()} ${word()} on Monday.`;
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
      title,
      text: blocks.map((b) => b.text).join('\n\n'),
      blocks: [],
      firstReadAt: 0,
      readAt: 0,
    });
    profiles.push({
      articleId: id,
      storyId,
      outlet,
      vector: articleVector({
        headline: title,
        text: blocks.map((b) => b.text).join('\n'),
        quantities: analyses.flatMap((x) => x.numbers),
      }),
      debunk: 0.05,
      side: 'report',
      joinedAt: 0,
    });
  }
  return { articles, sentences, profiles };
}

/**
 * The five seed articles as the pipeline stores them (one real story, five outlets): what a reader who
 * has read them has in the store. The benchmark's new article is a digest of their sentences, so it
 * joins this story and is judged against real articles whatever the size of the synthetic rest.
 */
export async function seedStoryRecords(): Promise<{
  articles: ArticleRecord[];
  sentences: SentenceRecord[];
  profiles: ProfileRecord[];
  links: LinkRecord[];
}> {
  const db = new ClaimLensDB(`bench-seeds-${Date.now()}`, { indexedDB, IDBKeyRange });
  try {
    const files = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    let now = 1;
    for (const f of files) {
      const input = textArticle(
        readFileSync(new URL(f, SEEDS), 'utf8'),
        `https://seed-${f.slice(0, 3)}.test/`,
        `Seed ${f.slice(0, 3)}`,
      );
      if (input) await ingestArticle(db, input, now++);
    }
    return {
      articles: await db.articles.toArray(),
      sentences: await db.sentences.toArray(),
      profiles: await db.profiles.toArray(),
      links: await db.links.toArray(),
    };
  } finally {
    db.close();
    await db.delete();
  }
}

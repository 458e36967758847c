import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../article/types.ts';
import { ClaimLensDB } from '../store/db.ts';
import { getProfile } from '../store/profiles.ts';
import { POSTINGS_LIMIT } from '../store/schema.ts';
import { analysedBlocks, ingestArticle, MAX_ANALYSED_CHARS } from './ingest.ts';
import { articleView } from './status.ts';

const article = (i: number, text: string): ArticleInput => ({
  url: `https://outlet${i}.example/story`,
  outlet: `Outlet ${i}`,
  title: `Story ${i}`,
  blocks: [{ kind: 'paragraph', text }],
});

/** Records every key the sentences' multi-entry index is asked for from now on. */
function recordIndexQueries(db: ClaimLensDB): unknown[] {
  const queried: unknown[] = [];
  const where = db.sentences.where.bind(db.sentences);
  db.sentences.where = ((index: string) => {
    const clause = where(index);
    if (index !== 'terms') return clause;
    const equals = clause.equals.bind(clause);
    clause.equals = (key: unknown) => {
      queried.push(key);
      return equals(key as string);
    };
    return clause;
  }) as typeof db.sentences.where;
  return queried;
}

/**
 * Reads one Pyongyang claim, then (recording the index queries) another outlet's wording of it; the
 * first should end up confirmed by the second.
 */
async function readMatchingPair(db: ClaimLensDB) {
  const target = await ingestArticle(
    db,
    article(1, 'Budanov said Pyongyang sent 2,600 soldiers to Kursk by Nov. 1.'),
  );
  const queried = recordIndexQueries(db);
  await ingestArticle(
    db,
    article(2, 'Kyrylo Budanov said Pyongyang sent 2,600 troops to the Kursk region by November 1.'),
  );
  return { target, queried };
}

describe('ingestArticle', () => {
  it('links both ways, and re-reading an unchanged article changes nothing', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-a`, { indexedDB, IDBKeyRange });
    const a = await ingestArticle(
      db,
      article(1, 'Budanov said 2,600 North Korean soldiers will be deployed to Kursk by Nov. 1.'),
    );
    const b = await ingestArticle(
      db,
      article(2, 'Kyrylo Budanov said 2,600 North Korean troops would go to the Kursk region by November 1.'),
    );
    expect(b.affectedArticleIds).toEqual([a.articleId]);
    const first = (await articleView(db, a.articleId, 0))!;
    expect(first.claims[0].status.confirms.map((e) => e.outlet)).toEqual(['Outlet 2']);
    const again = await ingestArticle(
      db,
      article(2, 'Kyrylo Budanov said 2,600 North Korean troops would go to the Kursk region by November 1.'),
    );
    expect(again).toEqual({ articleId: b.articleId, changed: false, affectedArticleIds: [] });
    expect(await db.links.count()).toBe(2);
  });

  it('reads a larger toll published a day later as the tally moved on, from the dates the pages state', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-t`, { indexedDB, IDBKeyRange });
    const monday = {
      ...article(1, 'A wildfire in northern California destroyed 300 homes on Monday, fire officials said.'),
      publishedAt: '2025-08-04T09:00:00Z',
    };
    const tuesday = {
      ...article(
        2,
        'The wildfire in northern California has destroyed 410 homes, the state fire agency said.',
      ),
      publishedAt: '2025-08-05T15:00:00Z',
    };
    const { articleId: a } = await ingestArticle(db, monday);
    await ingestArticle(db, tuesday);
    expect((await db.profiles.get(a))?.publishedAt).toBe(monday.publishedAt);
    expect(await db.links.filter((l) => l.stance === 'disputes').count()).toBe(0);
  });

  it('keeps each article’s highest cosine to another, raised when a nearer article comes', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-n`, { indexedDB, IDBKeyRange });
    const { articleId: a } = await ingestArticle(
      db,
      article(1, 'Budanov said 2,600 North Korean soldiers will be deployed to Kursk by Nov. 1.'),
    );
    expect((await db.profiles.get(a))?.nearest).toBe(0);
    const { articleId: b } = await ingestArticle(
      db,
      article(2, 'Budanov said 2,600 North Korean soldiers will go to the Kursk region.'),
    );
    const first = (await db.profiles.get(a))?.nearest ?? 0;
    expect(first).toBeGreaterThan(0);
    expect((await db.profiles.get(b))?.nearest).toBe(first);
    // A nearer article raises it; a farther one leaves it.
    await ingestArticle(
      db,
      article(
        3,
        'Budanov said 2,600 North Korean soldiers will be deployed to Kursk by Nov. 1, officials said.',
      ),
    );
    const raised = (await db.profiles.get(a))?.nearest ?? 0;
    expect(raised).toBeGreaterThan(first);
    await ingestArticle(db, article(4, 'Kursk weather: rain is expected by Nov. 1.'));
    expect((await db.profiles.get(a))?.nearest).toBe(raised);
    // A profile stored before `nearest` was kept is never given one from a single comparison.
    const old = await db.profiles.get(b);
    if (old) {
      delete old.nearest;
      await db.profiles.put(old);
    }
    await ingestArticle(
      db,
      article(5, 'Budanov said 2,600 North Korean soldiers will go to the Kursk region, officials said.'),
    );
    expect((await db.profiles.get(b))?.nearest).toBeUndefined();
  });

  it('keeps key counts in step with the stored sentences, also when an article changes', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-b`, { indexedDB, IDBKeyRange });
    await ingestArticle(db, article(1, 'Officials said 1,500 troops arrived in Vladivostok on Tuesday.'));
    await ingestArticle(
      db,
      article(1, 'Officials said 12,000 troops were promised to Moscow, according to Seoul.'),
    );
    const counts = new Map<string, number>();
    for (const s of await db.sentences.toArray())
      for (const t of new Set(s.terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const stored = new Map((await db.terms.toArray()).map((r) => [r.term, r.df]));
    expect(stored).toEqual(counts);
    // The posting lists hold exactly the sentences that carry each key.
    const carriers = new Map<string, string[]>();
    for (const s of await db.sentences.toArray())
      for (const t of new Set(s.terms)) carriers.set(t, [...(carriers.get(t) ?? []), s.id].sort());
    for (const r of await db.terms.toArray()) expect(r.ids).toEqual(carriers.get(r.term));
  });

  it('asks the index for a list that grew past the limit and shrank again', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-d`, { indexedDB, IDBKeyRange });
    const crowd = (i: number, place: string) =>
      article(
        200 + i,
        Array.from(
          { length: 10 },
          (_, j) => `${place} officials met delegation number ${i * 10 + j + 7} in a provincial town.`,
        ).join(' '),
      );
    for (let i = 0; i < 7; i++) await ingestArticle(db, crowd(i, 'Pyongyang'));
    const key = (await db.terms.toArray()).find((t) => t.df === 70 && t.term.includes('pyongyang'))?.term;
    expect(key).toBeDefined();
    // Two articles change and no longer carry the key: 50 sentences do, but the dropped list stays dropped.
    for (let i = 0; i < 2; i++) await ingestArticle(db, crowd(i, 'Wonsan'));
    const shrunk = await db.terms.get(key as string);
    expect(shrunk?.df).toBe(50);
    expect(shrunk?.ids).toBeUndefined();
    const { target, queried } = await readMatchingPair(db);
    expect(queried).toContain(key);
    const view = (await articleView(db, target.articleId, 0))!;
    expect(view.claims[0].status.confirms.map((e) => e.outlet)).toEqual(['Outlet 2']);
  });

  it('reads short posting lists from the key records, leaves out keys too many sentences carry, and still finds the match', async () => {
    const db = new ClaimLensDB(`ingest-${Date.now()}-c`, { indexedDB, IDBKeyRange });
    // 450 stored sentences from other outlets all carrying one key ("Pyongyang").
    for (let i = 0; i < 15; i++) {
      const text = Array.from(
        { length: 30 },
        (_, j) => `Pyongyang officials met delegation number ${i * 30 + j + 7} in a provincial town.`,
      ).join(' ');
      await ingestArticle(db, article(100 + i, text));
    }
    const records = await db.terms.toArray();
    const common = records.filter((t) => t.df > 400).map((t) => t.term);
    expect(common.length).toBeGreaterThan(0);
    // A list past the limit is not kept; a short one is, sorted.
    for (const t of records) {
      if (t.df > POSTINGS_LIMIT) expect(t.ids).toBeUndefined();
      else expect(t.ids).toEqual([...(t.ids ?? [])].sort());
      if (t.ids) expect(t.ids).toHaveLength(t.df);
    }
    const { target, queried } = await readMatchingPair(db);
    // Every usable list came from a key record: the multi-entry index was not queried at all.
    expect(queried).toEqual([]);
    for (const term of common) expect(queried).not.toContain(term);
    const view = (await articleView(db, target.articleId, 0))!;
    expect(view.claims[0].status.confirms.map((e) => e.outlet)).toEqual(['Outlet 2']);
  });
});

describe('ingestArticle on enormous input', () => {
  const db = () => new ClaimLensDB(`ingest-${Date.now()}-${Math.random()}`, { indexedDB, IDBKeyRange });
  const sentence = (i: number) =>
    `Officials in the Kursk region said ${1_000 + i} North Korean soldiers had been moved there on day ${i}.`;

  it('analyses the first MAX_ANALYSED_CHARS of a paragraph of 90,000 characters with no sentence end', async () => {
    const store = db();
    await ingestArticle(store, article(1, sentence(1)));
    const words = Array.from({ length: 15_000 }, (_, i) => `word${i % 97}`).join(' ');
    expect(words.length).toBeGreaterThan(90_000);
    const r = await ingestArticle(store, article(2, words));
    const stored = await store.sentences.where('articleId').equals(r.articleId).toArray();
    expect(stored.length).toBeGreaterThan(0);
    expect(MAX_ANALYSED_CHARS).toBeLessThan(words.length);
    expect(stored.every((s) => s.end <= MAX_ANALYSED_CHARS)).toBe(true);
    // The whole text is kept, for anchoring.
    expect((await store.articles.get(r.articleId))?.text).toBe(words);
  });

  it('stores and judges a bounded number of an article of 5,000 sentences, and still links it', async () => {
    const store = db();
    const first = await ingestArticle(store, article(1, [sentence(1), sentence(2), sentence(3)].join(' ')));
    const huge = Array.from({ length: 5_000 }, (_, i) => sentence(i)).join(' ');
    const r = await ingestArticle(store, article(2, huge));
    const stored = await store.sentences.where('articleId').equals(r.articleId).count();
    expect(stored).toBeLessThanOrEqual(3_000);
    expect(r.affectedArticleIds).toEqual([first.articleId]);
  });

  it('cuts the blocks it analyses at a space, never mid-word, and keeps their kinds', () => {
    const blocks = analysedBlocks([
      { kind: 'heading', text: 'Title' },
      { kind: 'paragraph', text: 'alpha beta '.repeat(30_000) },
    ]);
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Title' });
    expect(blocks[1].text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(blocks[1].text.endsWith('alpha') || blocks[1].text.endsWith('beta')).toBe(true);
  });

  it('takes no article for a copy of one it disputes, however closely it follows it', async () => {
    const release = (profit: string) => [
      `Norvik Motors said its third-quarter net profit ${profit} to 2.1 billion euros, hurt by weak demand for electric cars.`,
      'Revenue slipped 3 percent to 38.4 billion euros, the German carmaker said on Thursday.',
      'The company delivered 1.02 million vehicles in the quarter, down 5 percent from a year earlier.',
      'Chief executive Lena Brandt said the company would cut 4,000 administrative jobs by 2026.',
      'Norvik kept its full-year forecast of an operating margin of 6 to 7 percent, the company said.',
    ];
    const copyOf = async (second: string, n: string) => {
      const db = new ClaimLensDB(`ingest-${Date.now()}-copy-${n}`, { indexedDB, IDBKeyRange });
      const input = (i: number, lines: string[]): ArticleInput => ({
        ...article(i, ''),
        blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
      });
      await ingestArticle(db, input(1, release('fell 18 percent')), 1000);
      const b = await ingestArticle(db, input(2, release(second)), 2000);
      return (await getProfile(db, b.articleId))?.copyOf;
    };
    // The same release in the same order is a copy of the first...
    expect(await copyOf('fell 18 percent', 'same')).toBeDefined();
    // ...but not when it says the profit went the other way.
    expect(await copyOf('rose 18 percent', 'disputed')).toBeUndefined();
  });

  it('takes the article that tells less for the copy when neither page says when it was published', async () => {
    const story = [
      'Norvik Motors said its third-quarter net profit fell 18 percent to 2.1 billion euros, hurt by weak demand for electric cars.',
      'Revenue slipped 3 percent to 38.4 billion euros, the German carmaker said on Thursday.',
      'The company delivered 1.02 million vehicles in the quarter, down 5 percent from a year earlier.',
      'Chief executive Lena Brandt said the company would cut 4,000 administrative jobs by 2026.',
    ];
    const more = [
      'The carmaker also said it would close its plant in Lyon, where 1,200 people work, by the end of 2027.',
      'Norvik shares fell 6 percent in Frankfurt trading, their steepest one-day drop since March 2020.',
      'Analysts at Commerzbank had expected a net profit of 2.4 billion euros, a Reuters poll showed.',
    ];
    const db = new ClaimLensDB(`ingest-${Date.now()}-copy-direction`, { indexedDB, IDBKeyRange });
    const input = (i: number, lines: string[]): ArticleInput => ({
      ...article(i, ''),
      blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
    });
    // The shortened rewrite is read first, the wire story that tells more after it.
    const rewrite = await ingestArticle(db, input(1, story), 1000);
    const wire = await ingestArticle(db, input(2, [...story, ...more]), 2000);
    expect((await getProfile(db, rewrite.articleId))?.copyOf).toBe(wire.articleId);
    expect((await getProfile(db, wire.articleId))?.copyOf).toBeUndefined();
  });

  it('takes a wire story that files itself for the original of its reprint, whichever is read first', async () => {
    const story = (dateline: string) => [
      `${dateline}Norvik Motors said its third-quarter net profit fell 18 percent to 2.1 billion euros, hurt by weak demand for electric cars.`,
      'Revenue slipped 3 percent to 38.4 billion euros, the German carmaker said on Thursday.',
      'The company delivered 1.02 million vehicles in the quarter, down 5 percent from a year earlier.',
      'Chief executive Lena Brandt said the company would cut 4,000 administrative jobs by 2026.',
    ];
    const db = new ClaimLensDB(`ingest-${Date.now()}-copy-filed`, { indexedDB, IDBKeyRange });
    const input = (i: number, outlet: string, lines: string[]): ArticleInput => ({
      ...article(i, ''),
      outlet,
      blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
    });
    const reprint = await ingestArticle(db, input(1, 'Valley Gazette', story('')), 1000);
    const wire = await ingestArticle(
      db,
      input(2, 'Meridian Press', story('WOLFSBURG, Oct 23 (Meridian Press) - ')),
      2000,
    );
    expect((await getProfile(db, reprint.articleId))?.copyOf).toBe(wire.articleId);
    expect((await getProfile(db, wire.articleId))?.copyOf).toBeUndefined();
  });
});

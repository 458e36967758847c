import { describe, expect, it } from 'vitest';
import type { ArticleVector } from '../model/story.ts';
import {
  CLEAR_LEAD,
  chooseStory,
  MERGE_STORY,
  NAMELESS_STORY,
  raiseNearest,
  SAME_STORY,
  SAME_STORY_SHORT_WITH_LEAD,
  SHARED_STORY,
  shareTheirStory,
} from './group.ts';
import { cosine } from './vector.ts';

/** A unit vector with weight 1 on each term. */
function vec(terms: string[]): ArticleVector {
  const sorted = [...new Set(terms)].sort();
  return { terms: sorted, weights: sorted.map(() => 1 / Math.sqrt(sorted.length)) };
}
const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('shareTheirStory', () => {
  it('says whether two members of a story have anything of it in common themselves', () => {
    const a = vec([...words('a', 7), ...words('k', 3)]);
    const bridge = vec([...words('c', 4), ...words('k', 3), ...words('m', 3)]);
    const b = vec([...words('b', 7), ...words('m', 3)]);
    expect(shareTheirStory(a, bridge)).toBe(true);
    expect(shareTheirStory(bridge, b)).toBe(true);
    expect(cosine(a, b)).toBeLessThan(SHARED_STORY);
    expect(shareTheirStory(a, b)).toBe(false);
  });
});

describe('chooseStory', () => {
  it('keeps apart two full articles of one kind of event that share no name, unless they are alike enough', () => {
    // Two wildfires: the same words of the topic, the names of two fires and two towns.
    const topic = words('t', 10);
    const named = (names: string[], own: string) => ({ ...vec([...topic, ...words(own, 40)]), names });
    const ridgeback = named(['pinecrest', 'ridgeback fire'], 'r');
    const caldwell = named(['caldwell ridge fire', 'pine hollow'], 'c');
    const sim = cosine(ridgeback, caldwell);
    expect(sim).toBeGreaterThan(0.12);
    expect(sim).toBeLessThan(NAMELESS_STORY);
    const candidate = { articleId: 'r1', storyId: 'r1', vector: ridgeback };
    expect(chooseStory(caldwell, [candidate], 'c1').storyId).toBe('c1');
    // A name's words within another's, or its initials, are one name: one story.
    const sameFire = named(['pine hollow fire', 'mark hellman'], 'c');
    expect(chooseStory(sameFire, [{ articleId: 'c1', storyId: 'c1', vector: caldwell }], 'c2').storyId).toBe(
      'c1',
    );
    const nyc = named(['nyc'], 'n');
    const newYork = named(['new york city'], 'y');
    expect(chooseStory(nyc, [{ articleId: 'y1', storyId: 'y1', vector: newYork }], 'n1').storyId).toBe('y1');
    // Vectors stored before names were kept join as before.
    expect(chooseStory({ ...caldwell, names: undefined }, [candidate], 'c1').storyId).toBe('r1');
  });

  it('keeps apart two events of one kind that share one name of neither’s main ones, as a watchdog or a union', () => {
    const topic = words('t', 10);
    const named = (names: string[], main: string[] | undefined, own: string) => ({
      ...vec([...topic, ...words(own, 40)]),
      names,
      ...(main ? { main } : {}),
    });
    const watchdog = 'office of independent police review';
    const brackenridge = named(['brackenridge', 'kyle brandt', watchdog], ['kyle brandt'], 'b');
    const larkspur = named(['larkspur', 'dana kessler', watchdog], ['dana kessler'], 'l');
    const candidate = { articleId: 'b1', storyId: 'b1', vector: brackenridge };
    expect(cosine(brackenridge, larkspur)).toBeLessThan(NAMELESS_STORY);
    expect(chooseStory(larkspur, [candidate], 'l1').storyId).toBe('l1');
    // One shared name that one of them tells most is its story's: one story.
    const sameShooting = named(['sgt. brandt', 'kyle brandt', 'mercy hospital'], ['mercy hospital'], 'l');
    expect(chooseStory(sameShooting, [candidate], 's1').storyId).toBe('b1');
    // So are two shared names, and one shared name of vectors stored before main names were kept.
    const twoNames = named(['brackenridge', watchdog, 'renata olmos'], ['renata olmos'], 'l');
    expect(chooseStory(twoNames, [candidate], 't1').storyId).toBe('b1');
    expect(chooseStory({ ...larkspur, main: undefined }, [candidate], 'o1').storyId).toBe('b1');
  });

  it('joins two stories of full articles that a new article bridges, whatever order they were read in', () => {
    const a = vec([...words('a', 40), ...words('k', 10)]);
    const b = vec([...words('b', 40), ...words('m', 10)]);
    const c = vec([...words('c', 30), ...words('k', 10), ...words('m', 10)]);
    expect(cosine(a, b)).toBe(0);
    expect(cosine(a, c)).toBeCloseTo(0.2, 5);
    expect(cosine(b, c)).toBeCloseTo(0.2, 5);
    const chosen = chooseStory(
      c,
      [
        { articleId: 'a', storyId: 'story-a', vector: a },
        { articleId: 'b', storyId: 'story-b', vector: b },
      ],
      'c',
    );
    expect(chosen.storyId).toBe('story-a');
    expect(chosen.merge).toEqual(['story-b']);
  });

  it('does not join two stories of headlines on a cosine that only lets a headline join one', () => {
    const a = vec([...words('a', 7), ...words('k', 3)]);
    const b = vec([...words('b', 7), ...words('m', 3)]);
    const c = vec([...words('c', 4), ...words('k', 3), ...words('m', 3)]);
    for (const other of [a, b]) {
      expect(cosine(other, c)).toBeGreaterThanOrEqual(SAME_STORY);
      expect(cosine(other, c)).toBeLessThan(MERGE_STORY);
    }
    const chosen = chooseStory(
      c,
      [
        { articleId: 'a', storyId: 'story-a', vector: a },
        { articleId: 'b', storyId: 'story-b', vector: b },
      ],
      'c',
    );
    expect(chosen.storyId).toBe('story-a');
    expect(chosen.merge).toEqual([]);
  });

  it('lets a short report join the full article it is clearly closest to below the usual bar, and only then', () => {
    const short = vec([...words('s', 4), ...words('k', 4)]);
    const article = vec([...words('a', 46), ...words('k', 4)]);
    const sim = cosine(short, article);
    expect(sim).toBeGreaterThanOrEqual(SAME_STORY_SHORT_WITH_LEAD);
    expect(sim).toBeLessThan(SAME_STORY);
    const otherStory = (shared: number) => ({
      articleId: 'o',
      storyId: 'story-o',
      vector: vec([...words('o', 50 - shared), ...words('s', shared)]),
    });
    const distant = otherStory(1);
    expect(CLEAR_LEAD * cosine(short, distant.vector)).toBeLessThan(sim);
    expect(
      chooseStory(short, [{ articleId: 'a', storyId: 'story-a', vector: article }, distant], 'n').storyId,
    ).toBe('story-a');
    // Another story nearly as close: the lower bar does not hold, and the short report stands alone.
    const close = otherStory(3);
    expect(CLEAR_LEAD * cosine(short, close.vector)).toBeGreaterThan(sim);
    expect(
      chooseStory(short, [{ articleId: 'a', storyId: 'story-a', vector: article }, close], 'n').storyId,
    ).toBe('n');
    // Two short texts keep the usual bar.
    const headline = vec([...words('h', 10), ...words('k', 2)]);
    expect(cosine(short, headline)).toBeLessThan(SAME_STORY);
    expect(chooseStory(short, [{ articleId: 'h', storyId: 'story-h', vector: headline }], 'n').storyId).toBe(
      'n',
    );
  });

  it('brings a short report read earlier into the story it would have joined by its lead', () => {
    const short = vec([...words('s', 4), ...words('k', 4)]);
    const article = vec([...words('a', 46), ...words('k', 4)]);
    const sameStory = vec([...words('a', 40), ...words('z', 10)]);
    expect(cosine(short, article)).toBeGreaterThanOrEqual(SAME_STORY_SHORT_WITH_LEAD);
    expect(cosine(short, article)).toBeLessThan(SAME_STORY);
    const chosen = chooseStory(
      article,
      [
        { articleId: 's', storyId: 'story-s', vector: short },
        { articleId: 'b', storyId: 'story-b', vector: sameStory },
      ],
      'n',
    );
    expect(chosen.storyId).toBe('story-b');
    expect(chosen.merge).toEqual(['story-s']);
    // Read in the other order, the short report joins that story too.
    expect(
      chooseStory(
        short,
        [
          { articleId: 'n', storyId: 'story-b', vector: article },
          { articleId: 'b', storyId: 'story-b', vector: sameStory },
        ],
        's',
      ).storyId,
    ).toBe('story-b');
  });

  it('lets a headline join the headline whose nearest neighbour it is, below the usual bar, and only then', () => {
    // Two headlines that share two of their ten words: a cosine of 0.2, below SAME_STORY.
    const a = vec([...words('a', 8), ...words('k', 2)]);
    const c = vec([...words('c', 8), ...words('k', 2)]);
    const sim = cosine(a, c);
    expect(sim).toBeGreaterThanOrEqual(SHARED_STORY);
    expect(sim).toBeLessThan(SAME_STORY);
    const candidate = (nearest?: number) => [
      { articleId: 'a', storyId: 'story-a', vector: a, ...(nearest === undefined ? {} : { nearest }) },
    ];
    // Nothing read so far is nearer to the other headline than this one: the two are each other's nearest.
    expect(chooseStory(c, candidate(0.1), 'c')).toMatchObject({ storyId: 'story-a', via: 'a' });
    expect(chooseStory(c, candidate(sim), 'c').storyId).toBe('story-a');
    // Another article is nearer to it: this headline is not its neighbour, and begins a story of its own.
    expect(chooseStory(c, candidate(sim + 0.05), 'c').storyId).toBe('c');
    // Not known (a profile stored before it was kept), so not asked.
    expect(chooseStory(c, candidate(), 'c').storyId).toBe('c');
    // A full article is no headline's neighbour in this sense: it has its own bar (SAME_STORY_SHORT_WITH_LEAD).
    const article = vec([...words('b', 40), ...words('k', 2)]);
    expect(cosine(article, c)).toBeLessThan(SAME_STORY_SHORT_WITH_LEAD);
    expect(
      chooseStory(c, [{ articleId: 'b', storyId: 'story-b', vector: article, nearest: 0 }], 'c').storyId,
    ).toBe('c');
  });

  it('begins a story of its own when no article read is close enough', () => {
    const a = vec([...words('a', 45), ...words('k', 5)]);
    const c = vec([...words('c', 45), ...words('k', 5)]);
    expect(cosine(a, c)).toBeLessThan(0.15);
    expect(chooseStory(c, [{ articleId: 'a', storyId: 'story-a', vector: a }], 'c')).toMatchObject({
      storyId: 'c',
      merge: [],
    });
  });
});

describe('raiseNearest', () => {
  it('raises the nearest cosine of the short texts a new article is nearer to, never of a full article', () => {
    const headline = vec([...words('h', 6), ...words('k', 4)]);
    const full = vec([...words('f', 30), ...words('k', 4)]);
    const fresh = vec([...words('n', 6), ...words('k', 4)]);
    const candidates = [
      { articleId: 'h', storyId: 'h', vector: headline, nearest: 0 },
      { articleId: 'f', storyId: 'f', vector: full, nearest: 0 },
    ];
    const article: { articleId: string; vector: ArticleVector; nearest?: number } = {
      articleId: 'n',
      vector: fresh,
    };
    const raised = raiseNearest(article, candidates);
    // Only a short text's nearest is ever asked (a headline joining its mutual nearest neighbour), and each
    // raise is a profile written back: the full article's stays as stored.
    expect(raised.map((c) => c.articleId)).toEqual(['h']);
    expect(candidates[0].nearest).toBeCloseTo(cosine(fresh, headline), 4);
    expect(candidates[1].nearest).toBe(0);
    expect(article.nearest).toBeCloseTo(Math.max(cosine(fresh, headline), cosine(fresh, full)), 4);
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleVector } from '../model/story.ts';
import { chooseStory, MERGE_STORY, SAME_STORY } from './group.ts';
import { cosine } from './vector.ts';

/** A unit vector with weight 1 on each term. */
function vec(terms: string[]): ArticleVector {
  const sorted = [...new Set(terms)].sort();
  return { terms: sorted, weights: sorted.map(() => 1 / Math.sqrt(sorted.length)) };
}
const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('chooseStory', () => {
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
    const a = vec([...words('a', 6), ...words('k', 4)]);
    const b = vec([...words('b', 6), ...words('m', 4)]);
    const c = vec([...words('c', 2), ...words('k', 4), ...words('m', 4)]);
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

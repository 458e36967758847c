import { describe, expect, it } from 'vitest';
import { normaliseRating } from './rating.ts';

describe('normaliseRating', () => {
  it.each([
    ['True', 'true'],
    ['Correct', 'true'],
    ['Mostly True', 'mostly true'],
    ['Largely accurate', 'mostly true'],
    ['Half True', 'mixed'],
    ['Mixture', 'mixed'],
    ['Misleading', 'mixed'],
    ['Missing context', 'mixed'],
    ['Partly false', 'mixed'],
    ['Mostly False', 'mostly false'],
    ['False', 'false'],
    ['Pants on Fire!', 'false'],
    ['Fake', 'false'],
    ['Incorrect', 'false'],
    ['Not true', 'false'],
    ['Four Pinocchios', 'false'],
    ['Satire', 'other'],
    ['Unproven', 'other'],
    ['No evidence', 'other'],
    ['Whatever the checker invented', 'other'],
  ] as const)('reads the words %j as %s', (words, rating) => {
    expect(normaliseRating({ alternateName: words })).toBe(rating);
  });

  it('reads numbers as a position between worst and best when no word is known', () => {
    expect(normaliseRating({ ratingValue: 1 })).toBe('false');
    expect(normaliseRating({ ratingValue: 2 })).toBe('mostly false');
    expect(normaliseRating({ ratingValue: 3 })).toBe('mixed');
    expect(normaliseRating({ ratingValue: 4 })).toBe('mostly true');
    expect(normaliseRating({ ratingValue: 5 })).toBe('true');
    expect(normaliseRating({ ratingValue: 0, worstRating: 0, bestRating: 10 })).toBe('false');
    expect(normaliseRating({ ratingValue: 9, worstRating: 0, bestRating: 10 })).toBe('true');
    expect(normaliseRating({ ratingValue: -1 })).toBe('other');
    expect(normaliseRating({ ratingValue: 3, bestRating: 3, worstRating: 3 })).toBe('other');
    expect(normaliseRating({})).toBe('other');
  });

  it('lets the words win over the numbers', () => {
    expect(normaliseRating({ alternateName: 'False', ratingValue: 5 })).toBe('false');
  });
});

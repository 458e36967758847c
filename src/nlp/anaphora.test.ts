import { describe, expect, it } from 'vitest';
import { antecedentsOf, leansOnPrevious } from './anaphora.ts';
import { findNumbers } from './numbers.ts';

const s = (text: string) => ({ text, numbers: findNumbers(text) });

describe('sentences that lean on the one before them', () => {
  it.each([
    ['Budanov warned 11,000 were already there and will be combat ready by next month.', true],
    ['The first 1,500 were shipped on navy vessels to Vladivostok from October 8 to 13.', true],
    ['They have been issued Russian uniforms and Russian-made weapons.', true],
    ['But they lack combat experience.', true],
    ['Around a quarter of them may be sent to Kursk.', true],
    ['The intelligence service also noted that these soldiers were transported by sea.', true],
    ['Seoul said 1,500 troops were shipped to Vladivostok by sea.', false],
    ['The 2 men were arrested on Tuesday.', false],
    ['Theirs was the largest protest in years.', false],
    ['Police said 300 people attended the rally.', false],
  ])('%s -> %s', (text, leans) => {
    expect(leansOnPrevious(s(text))).toBe(leans);
  });

  it('reaches back at most two sentences, and only through sentences that lean too', () => {
    const article = [
      s('North Korea agreed to ship up to 12,000 troops to Russia.'),
      s('The first 1,500 were shipped to Vladivostok in October.'),
      s('Budanov warned 11,000 were already there.'),
      s('They will be ready to fight by November.'),
      s('Seoul said it would respond.'),
    ];
    expect(antecedentsOf(article, 0)).toEqual([]);
    expect(antecedentsOf(article, 1)).toEqual([0]);
    expect(antecedentsOf(article, 2)).toEqual([1, 0]);
    expect(antecedentsOf(article, 3)).toEqual([2, 1]);
    expect(antecedentsOf(article, 4)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { SentenceAnalysis } from '../model/sentence.ts';
import { findNumbers } from '../nlp/numbers.ts';
import { parseCsv, toCsv } from './csv.ts';
import { fncScore, parseStances, stanceOfFncLabel } from './fnc.ts';
import { compareWithArticle, numberConflict } from './index.ts';

function sentence(text: string): SentenceAnalysis {
  return {
    text,
    start: 0,
    end: text.length,
    score: 1,
    attribution: null,
    numbers: findNumbers(text),
    dates: [],
    entities: [],
    hedges: [],
  };
}

describe('FNC-1 scoring and format', () => {
  it('gives 0.25 for relatedness and 0.75 more for the exact related label', () => {
    expect(
      fncScore(['unrelated', 'agree', 'discuss', 'disagree'], ['unrelated', 'agree', 'agree', 'unrelated']),
    ).toEqual({
      score: 0.25 + 1 + 0.25 + 0,
      max: 3.25,
    });
    expect(stanceOfFncLabel('agree')).toBe('confirms');
    expect(stanceOfFncLabel('disagree')).toBe('disputes');
    expect(stanceOfFncLabel('discuss')).toBe('unclear');
    expect(stanceOfFncLabel('unrelated')).toBeNull();
  });

  it('round-trips quoted CSV fields with commas, quotes and line breaks', () => {
    const rows = [['a, "b"', 'line\nbreak']];
    expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
    expect(parseStances('Headline,Body ID\nSome headline,7\n')).toEqual([
      { headline: 'Some headline', bodyId: '7' },
    ]);
  });
});

describe('compareWithArticle', () => {
  const claim = sentence(
    'Officials said more than 11,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1.',
  );

  it('confirms a rewording, disputes a different count and a denial, and leaves "cannot confirm" unclear', () => {
    const others = [
      sentence(
        'Close to 11,000 North Korean troops are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
      sentence(
        'Around 10,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
      sentence('A spokesman dismissed claims of North Korean soldiers in Russia ready to fight as a hoax.'),
      sentence('The Pentagon said it could not confirm that North Korean soldiers are in Russia.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
    ];
    const byIndex = new Map(compareWithArticle(claim, others).map((j) => [j.index, j.detail]));
    expect(byIndex.get(0)?.stance).toBe('confirms');
    expect(byIndex.get(1)).toMatchObject({
      stance: 'disputes',
      numberConflict: { ours: 'more than 11,000', theirs: 'Around 10,000' },
    });
    expect(byIndex.get(2)?.stance).toBe('disputes');
    expect(byIndex.get(3)?.stance).toBe('unclear');
    expect(byIndex.has(4)).toBe(false);
  });

  it('reads a bound the same whichever words state it', () => {
    const theirs = sentence('60 soldiers were killed in the attack on Bakhmut, Ukrainian officials said.');
    for (const ours of ['No more than 50 soldiers were killed', 'At most 50 soldiers were killed']) {
      const claim = sentence(`${ours} in the attack on Bakhmut, Ukrainian officials said.`);
      expect(numberConflict(claim, theirs)).toMatchObject({ theirs: '60' });
      expect(compareWithArticle(claim, [theirs])[0]?.detail.stance).toBe('disputes');
    }
  });

  it('does not see a conflict between numbers of different things', () => {
    expect(
      numberConflict(claim, sentence('North Korea has 1.2 million troops in its ranks.')),
    ).toBeUndefined();
    expect(
      numberConflict(claim, sentence('Over 8 million units of ammunition were shipped to Russia.')),
    ).toBeUndefined();
  });
});
